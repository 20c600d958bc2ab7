//! `smm-path import FILE`: merge another copy's progress: an export, a history file, a conflict copy.

use std::io::{Read, Write};
use std::path::Path;

use serde::Deserialize;

use crate::cli::ImportArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, Lang, tr, word};
use crate::progress::{
    Change, LegacyEvent, MAX_STATE_BYTES, MergeOutcome, Note, RoadmapProgress, State, Status,
    StepProgress, Suspect, Timestamp, check_incoming, decode_lines, legacy_changes, parse_state,
    timestamp,
};
use crate::report::EXPORT_FORMAT_VERSION;

/// What a file to import holds.
enum Incoming {
    /// Changes with their own identities: merged by set union.
    Changes(Vec<Change>),
    /// Another copy's snapshot: newer steps and missing notes are taken as a change here.
    Snapshot(State),
}

#[derive(Deserialize)]
struct ExportFile {
    format: String,
    format_version: u32,
    roadmap: ExportRoadmap,
    #[serde(default)]
    steps: Vec<ExportStep>,
    /// Version 1: events numbered per copy.
    #[serde(default)]
    history: Vec<LegacyEvent>,
    /// Version 2: the history's changes.
    #[serde(default)]
    changes: Vec<Change>,
    #[serde(default, with = "timestamp::optional")]
    exported_at: Option<Timestamp>,
}

#[derive(Deserialize)]
struct ExportRoadmap {
    id: String,
}

#[derive(Deserialize)]
struct ExportStep {
    id: String,
    status: Status,
    #[serde(with = "timestamp::optional")]
    started: Option<Timestamp>,
    #[serde(with = "timestamp::optional")]
    finished: Option<Timestamp>,
    skip_reason: Option<String>,
    notes: Vec<ExportNote>,
}

#[derive(Deserialize)]
struct ExportNote {
    #[serde(with = "timestamp")]
    at: Timestamp,
    text: String,
}

/// Reads at most the state's size limit: `import /dev/zero` must end.
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|error| error.to_string())?;
    let metadata = file.metadata().map_err(|error| error.to_string())?;
    if metadata.is_dir() {
        return Err("a directory, not a file".to_string());
    }
    let mut bytes = Vec::new();
    file.take(MAX_STATE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| error.to_string())?;
    if bytes.len() as u64 > MAX_STATE_BYTES {
        return Err(format!(
            "larger than {} MB",
            MAX_STATE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

fn read_incoming(path: &Path, roadmap_id: &str, lang: Lang) -> Result<Incoming, Error> {
    let invalid = |reason: String| Error::ImportInvalid {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = read_limited(path).map_err(invalid)?;
    let not_ours = || invalid(word(lang, Key::ErrImportNotExport).to_string());
    let text = std::str::from_utf8(&bytes).map_err(|_| not_ours())?;
    let trimmed = text.trim_start();
    if trimmed.starts_with('{')
        && !trimmed
            .lines()
            .next()
            .is_some_and(|line| line.ends_with("\"}"))
    {
        return read_export(text, roadmap_id, lang).map_err(invalid);
    }
    if trimmed.starts_with('{') {
        // A history file: a chain of changes from its first line.
        let decoded = decode_lines(text.as_bytes(), "")
            .map_err(|error| invalid(format!("line {}: {}", error.line, error.reason)))?;
        return Ok(Incoming::Changes(decoded.changes));
    }
    match parse_state(text, path) {
        Ok(state) if state.version >= 3 => Ok(Incoming::Snapshot(state)),
        Ok(_) => Err(invalid(word(lang, Key::ErrImportOldSnapshot).to_string())),
        Err(_) => Err(not_ours()),
    }
}

fn read_export(text: &str, roadmap_id: &str, lang: Lang) -> Result<Incoming, String> {
    let export: ExportFile = serde_json::from_str(text).map_err(|error| {
        // A JSON file of another shape gets the plain explanation, not serde's.
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value)
                if value.get("format").and_then(|f| f.as_str()) == Some("smm-path-export") =>
            {
                error.to_string()
            }
            _ => word(lang, Key::ErrImportNotExport).to_string(),
        }
    })?;
    if export.format != "smm-path-export" {
        return Err(word(lang, Key::ErrImportNotExport).to_string());
    }
    if export.format_version > EXPORT_FORMAT_VERSION {
        return Err(tr(
            lang,
            Key::ErrImportNewer,
            &[("version", &export.format_version)],
        ));
    }
    if export.roadmap.id != roadmap_id {
        let theirs = &export.roadmap.id;
        return Err(tr(
            lang,
            Key::ErrImportWrongRoadmap,
            &[("theirs", theirs), ("ours", &roadmap_id)],
        ));
    }
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
            notes: step
                .notes
                .into_iter()
                .map(|note| Note {
                    at: note.at,
                    text: note.text,
                    id: None,
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
        "import (export version 1)",
    );
    if let Some(exported_at) = export.exported_at
        && let Some(last) = changes.last_mut()
        && last.command == "import (export version 1)"
    {
        last.at = last.at.max(exported_at);
    }
    Ok(Incoming::Changes(changes))
}

/// A refused change in words.
pub(crate) fn render_suspect(lang: Lang, suspect: &Suspect) -> String {
    match suspect {
        Suspect::BadId(id) => tr(
            lang,
            Key::SuspectBadId,
            &[("id", &crate::control::escaped(id))],
        ),
        Suspect::ControlCharacter => word(lang, Key::SuspectControl).to_string(),
        Suspect::FromTheFuture(at) => {
            tr(lang, Key::SuspectFuture, &[("at", &timestamp::format(at))])
        }
        Suspect::TooOld(at) => tr(lang, Key::SuspectTooOld, &[("at", &timestamp::format(at))]),
    }
}

/// Checks everything a file brings in before any of it is merged.
fn check(incoming: &Incoming, ctx: &Context) -> Result<(), Suspect> {
    let now = ctx.now();
    match incoming {
        Incoming::Changes(changes) => changes
            .iter()
            .try_for_each(|change| check_incoming(change, now)),
        Incoming::Snapshot(state) => {
            // A snapshot's steps, checked as the changes that would carry them.
            let progress = state.roadmap(&ctx.roadmap.id);
            let ops = progress.steps.iter().flat_map(|(id, step)| {
                let status = crate::progress::Op::Status {
                    step: id.clone(),
                    from: Status::Todo,
                    to: step.status,
                    started: step.started,
                    finished: step.finished,
                    reason: step.skip_reason.clone(),
                };
                let notes = step.notes.iter().map(|note| crate::progress::Op::Note {
                    step: id.clone(),
                    at: note.at,
                    text: note.text.clone(),
                });
                std::iter::once(status).chain(notes)
            });
            let change = Change {
                device: "snapshot".to_string(),
                seq: 1,
                at: now,
                roadmap: ctx.roadmap.id.to_string(),
                command: String::new(),
                ops: ops.collect(),
            };
            check_incoming(&change, now)
        }
    }
}

pub(crate) fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<(), Error> {
    let roadmap_id = &ctx.roadmap.id;
    let incoming = read_incoming(&args.file, roadmap_id, ctx.lang)?;
    check(&incoming, ctx).map_err(|suspect| Error::ImportInvalid {
        path: args.file.clone(),
        reason: render_suspect(ctx.lang, &suspect),
    })?;
    let command = format!("import {}", args.file.display());
    let (before, after, added) = match incoming {
        Incoming::Changes(changes) => {
            let (before, after, synced) = ctx.store.merge(changes, args.dry_run)?;
            (before, after, synced.added)
        }
        Incoming::Snapshot(copy) => {
            let theirs = copy.roadmap(roadmap_id).clone();
            let adopt = |state: &mut State, _: &[Change], journal: &mut Vec<Change>| {
                let before = state.clone();
                state.change_roadmap(&ctx.roadmap, journal, |progress, recorder| {
                    progress.adopt(&theirs, &command, recorder)
                });
                Ok::<_, Error>((before, state.clone(), journal.len()))
            };
            if args.dry_run {
                let mut state = ctx.store.load()?;
                adopt(&mut state, &[], &mut Vec::new())?
            } else {
                ctx.store.update(false, adopt)?
            }
        }
    };
    let outcome =
        MergeOutcome::between(before.roadmap(roadmap_id), after.roadmap(roadmap_id), added);
    print_outcome(ctx, &args.file, args.dry_run, &outcome, out)
}

/// What a merge took in, step by step; shared with `sync`.
pub(crate) fn print_outcome(
    ctx: &Context,
    source: &Path,
    dry_run: bool,
    outcome: &MergeOutcome,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let lang = ctx.lang;
    let path = source.display();
    if outcome.is_empty() {
        writeln!(out, "{}", tr(lang, Key::ImportNothing, &[("path", &path)]))?;
        return Ok(());
    }
    let heading = if dry_run {
        Key::ImportWouldTake
    } else {
        Key::ImportTook
    };
    writeln!(out, "{}", tr(lang, heading, &[("path", &path)]))?;
    for (step, from, to) in &outcome.status_changes {
        writeln!(out, "    {}", ctx.change_line(step, *from, *to))?;
    }
    for (step, count) in &outcome.notes_added {
        let (number, title) = ctx.describe_step(step);
        let line = tr(
            lang,
            Key::ImportNotes,
            &[("number", &number), ("title", &title), ("count", count)],
        );
        writeln!(out, "    {line}")?;
    }
    if outcome.changes_added > 0 {
        writeln!(
            out,
            "    {}",
            tr(
                lang,
                Key::ImportHistory,
                &[("count", &outcome.changes_added)]
            )
        )?;
    }
    Ok(())
}
