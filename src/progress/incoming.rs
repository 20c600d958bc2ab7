//! Files given to `import`: what they may hold and the checks they pass
//! before any of it reaches the history.

use std::path::Path;

use super::export_file::{EXPORT_FORMAT, ExportFile, HeaderProblem};
use super::{
    Change, Note, RoadmapProgress, State, StepProgress, Suspect, Timestamp, check_incoming,
    check_incoming_progress, decode_lines, legacy_changes, parse_state,
};
use crate::i18n::{Key, Lang, tr, word};

/// What a file to import holds.
pub enum Incoming {
    /// Changes with their own identities: merged by set union.
    Changes(Vec<Change>),
    /// Another copy's snapshot: newer steps and missing notes are taken as a change here.
    Snapshot(Box<State>),
}

impl Incoming {
    /// Checks everything a file brings in before any of it is merged.
    pub fn check(&self, roadmap_id: &str, now: Timestamp) -> Result<(), Suspect> {
        match self {
            Incoming::Changes(changes) => changes
                .iter()
                .try_for_each(|change| check_incoming(change, now)),
            Incoming::Snapshot(state) => {
                // Every time, id and text it claims, as a change's are
                // checked: a `set:` from 9999 would win every merge.
                check_incoming_progress(state.roadmap(roadmap_id), now)
            }
        }
    }
}

/// Reads a file given to `import`: an export (JSON), a history file (JSON
/// lines) or another copy's snapshot (YAML). Errors are in `lang`.
pub fn parse_incoming(bytes: &[u8], roadmap_id: &str, lang: Lang) -> Result<Incoming, String> {
    let not_ours = || word(lang, Key::ErrImportNotExport).to_string();
    let text = std::str::from_utf8(bytes).map_err(|_| not_ours())?;
    // A file saved again by Windows PowerShell 5.1 (`Out-File -Encoding
    // UTF8`) or an older Notepad starts with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.starts_with('{')
        && !trimmed
            .lines()
            .next()
            .is_some_and(|line| line.ends_with("\"}"))
    {
        return read_export(text, roadmap_id, lang);
    }
    if trimmed.starts_with('{') {
        // A history file: a chain of changes from its first line.
        let decoded = decode_lines(text.as_bytes(), "").map_err(|error| {
            tr(
                lang,
                Key::ImportBadLine,
                &[
                    ("line", &error.line),
                    ("reason", &error.reason.describe(lang)),
                ],
            )
        })?;
        return Ok(Incoming::Changes(decoded.changes));
    }
    match parse_state(text, Path::new("progress.yaml")) {
        Ok(state) if state.version >= 3 => Ok(Incoming::Snapshot(Box::new(state))),
        Ok(_) => Err(word(lang, Key::ErrImportOldSnapshot).to_string()),
        Err(_) => Err(not_ours()),
    }
}

fn read_export(text: &str, roadmap_id: &str, lang: Lang) -> Result<Incoming, String> {
    let export: ExportFile<Vec<Change>> = serde_json::from_str(text).map_err(|error| {
        // A file that stops mid-way was most likely an export cut short by
        // a copy: that, not "not an export", is what helps (issue 22).
        if error.is_eof() {
            return word(lang, Key::ErrImportCutShort).to_string();
        }
        // A JSON file of another shape gets the plain explanation, not serde's.
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value) if value.get("format").and_then(|f| f.as_str()) == Some(EXPORT_FORMAT) => {
                error.to_string()
            }
            _ => word(lang, Key::ErrImportNotExport).to_string(),
        }
    })?;
    export
        .check_header(roadmap_id)
        .map_err(|problem| match problem {
            HeaderProblem::NotExport => word(lang, Key::ErrImportNotExport).to_string(),
            HeaderProblem::Newer { version } => {
                tr(lang, Key::ErrImportNewer, &[("version", &version)])
            }
            HeaderProblem::OtherRoadmap { id } => tr(
                lang,
                Key::ErrImportWrongRoadmap,
                &[("theirs", &id), ("ours", &roadmap_id)],
            ),
        })?;
    if export.format_version >= 2 {
        return Ok(Incoming::Changes(export.changes));
    }
    // Version 1 named no device: one is made from the file itself, so that
    // importing the same file again finds the same changes.
    let device = format!("v1-{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()));
    let mut recorded = RoadmapProgress::default();
    for step in export.steps {
        let record = StepProgress {
            status: step.status,
            started: step.started,
            finished: step.finished,
            skip_reason: step.skip_reason,
            set: None,
            actions: std::collections::BTreeMap::default(),
            resources: std::collections::BTreeMap::default(),
            due: None,
            notes: step
                .notes
                .into_iter()
                .map(|note| Note {
                    at: note.at,
                    text: note.text,
                    id: None,
                    evidence: false,
                })
                .collect(),
        };
        if !record.is_blank() {
            recorded.steps.insert(step.id, record);
        }
    }
    let mut changes = legacy_changes(
        &device,
        0,
        roadmap_id,
        &export.history,
        &recorded,
        super::IMPORT_V1_COMMAND,
    );
    if let Some(exported_at) = export.exported_at
        && let Some(last) = changes.last_mut()
        && last.command == super::IMPORT_V1_COMMAND
    {
        last.at = last.at.max(exported_at);
    }
    Ok(Incoming::Changes(changes))
}
