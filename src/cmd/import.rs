//! `smm-path import FILE`: merge an export from a backup or another machine.

use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use crate::cli::ImportArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, Lang, tr, word};
use crate::progress::{
    Before, Event, Incoming, IncomingStep, MergeOutcome, Note, Status, Timestamp, timestamp,
};

#[derive(Deserialize)]
struct ExportFile {
    format: String,
    format_version: u32,
    roadmap: ExportRoadmap,
    steps: Vec<ExportStep>,
    history: Vec<ExportEvent>,
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

#[derive(Deserialize)]
struct ExportEvent {
    change: u64,
    #[serde(with = "timestamp")]
    at: Timestamp,
    command: String,
    step: String,
    from: Status,
    to: Status,
    #[serde(default, with = "timestamp::optional")]
    note: Option<Timestamp>,
    #[serde(default)]
    undoes: Option<u64>,
}

/// The supported export format version (see `schema/export.schema.json`).
const EXPORT_FORMAT_VERSION: u32 = 1;

fn read_export(path: &Path, roadmap_id: &str, lang: Lang) -> Result<Incoming, Error> {
    let invalid = |reason: String| Error::ImportInvalid {
        path: path.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|error| invalid(error.to_string()))?;
    let export: ExportFile = serde_json::from_str(&text).map_err(|error| {
        // A JSON file of another shape gets the plain explanation, not serde's.
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(value)
                if value.get("format").and_then(|f| f.as_str()) == Some("smm-path-export") =>
            {
                invalid(error.to_string())
            }
            _ => invalid(word(lang, Key::ErrImportNotExport).to_string()),
        }
    })?;
    if export.format != "smm-path-export" {
        return Err(invalid(word(lang, Key::ErrImportNotExport).to_string()));
    }
    if export.format_version > EXPORT_FORMAT_VERSION {
        return Err(invalid(tr(
            lang,
            Key::ErrImportNewer,
            &[("version", &export.format_version)],
        )));
    }
    if export.roadmap.id != roadmap_id {
        let theirs = &export.roadmap.id;
        return Err(invalid(tr(
            lang,
            Key::ErrImportWrongRoadmap,
            &[("theirs", theirs), ("ours", &roadmap_id)],
        )));
    }
    Ok(Incoming {
        steps: export
            .steps
            .into_iter()
            .map(|step| IncomingStep {
                id: step.id,
                status: step.status,
                started: step.started,
                finished: step.finished,
                skip_reason: step.skip_reason,
                notes: step
                    .notes
                    .into_iter()
                    .map(|note| Note {
                        at: note.at,
                        text: note.text,
                    })
                    .collect(),
            })
            .collect(),
        history: export
            .history
            .into_iter()
            .map(|event| Event {
                roadmap: roadmap_id.to_string(),
                change: event.change,
                at: event.at,
                command: event.command,
                step: event.step,
                from: event.from,
                to: event.to,
                before: Before::default(),
                note: event.note,
                undoes: event.undoes,
                imported: true,
            })
            .collect(),
    })
}

pub(crate) fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<(), Error> {
    let roadmap_id = &ctx.roadmap.id;
    let incoming = read_export(&args.file, roadmap_id, ctx.lang)?;
    let command = format!("import {}", args.file.display());
    let outcome = if args.dry_run {
        let state = ctx.store.load()?;
        let mut history = ctx.store.read_history(&state)?;
        history.retain(|event| event.roadmap == **roadmap_id);
        let mut progress = state.roadmap(roadmap_id).clone();
        progress.merge(&incoming, &history, ctx.now(), &command, &mut Vec::new())
    } else {
        ctx.store
            .update(|state, journal| -> Result<MergeOutcome, Error> {
                let mut history = ctx.store.read_history(state)?;
                history.retain(|event| event.roadmap == **roadmap_id);
                Ok(
                    state.change_roadmap(&ctx.roadmap, journal, |progress, journal| {
                        progress.merge(&incoming, &history, ctx.now(), &command, journal)
                    }),
                )
            })?
    };
    print_outcome(ctx, args, &outcome, out)
}

fn print_outcome(
    ctx: &Context,
    args: &ImportArgs,
    outcome: &MergeOutcome,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let lang = ctx.lang;
    let path = args.file.display();
    if outcome.is_empty() {
        writeln!(out, "{}", tr(lang, Key::ImportNothing, &[("path", &path)]))?;
        return Ok(());
    }
    let heading = if args.dry_run {
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
    if outcome.history_added > 0 {
        writeln!(
            out,
            "    {}",
            tr(
                lang,
                Key::ImportHistory,
                &[("count", &outcome.history_added)]
            )
        )?;
    }
    if !args.dry_run {
        writeln!(out, "{}", word(lang, Key::ImportUndoHint))?;
    }
    Ok(())
}
