//! `smm-path import FILE`: merge another copy's progress: an export, a history file, a conflict copy.

use std::io::Write;
use std::path::Path;

use crate::cli::ImportArgs;
use crate::cmd::Context;
use crate::control::quoted_path;
use crate::error::{Error, render_file_problem};
use crate::i18n::{Key, Lang, tr, word};
use crate::plain_file::{self, FileProblem, Links};
use crate::progress::Reads;
use crate::progress::{
    Incoming, MAX_STATE_BYTES, MergeOutcome, Suspect, parse_incoming, timestamp,
};

/// Reads at most the state's size limit, through the guarded reader:
/// `import /dev/zero` or a FIFO must end at once.
fn read_limited(path: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    match plain_file::read(path, MAX_STATE_BYTES, Links::Follow) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(render_file_problem(
            lang,
            &FileProblem::Io(std::io::ErrorKind::NotFound),
        )),
        Err(problem) => Err(render_file_problem(lang, &problem)),
    }
}

fn read_incoming(path: &Path, roadmap_id: &str, lang: Lang) -> Result<Incoming, Error> {
    let invalid = |reason: String| Error::ImportInvalid {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = read_limited(path, lang).map_err(invalid)?;
    parse_incoming(&bytes, roadmap_id, lang).map_err(invalid)
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
        Suspect::SeqOutOfRange(seq) => tr(lang, Key::SuspectSeq, &[("seq", seq)]),
        Suspect::TooLong(bytes) => tr(
            lang,
            Key::SuspectTooLong,
            &[
                ("bytes", bytes),
                ("limit", &crate::progress::MAX_TEXT_BYTES),
            ],
        ),
        Suspect::IdTaken(id) => tr(lang, Key::SuspectIdTaken, &[("id", id)]),
    }
}

pub(crate) fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<(), Error> {
    let roadmap_id = &ctx.roadmap.id;
    let incoming = read_incoming(&args.file, roadmap_id, ctx.lang)?;
    incoming
        .check(roadmap_id, ctx.now())
        .map_err(|suspect| Error::ImportInvalid {
            path: args.file.clone(),
            reason: render_suspect(ctx.lang, &suspect),
        })?;
    let command = format!("import {}", quoted_path(&args.file));
    let mut refused = 0;
    let (before, after, added) = match incoming {
        Incoming::Changes(changes) => {
            let (before, after, synced) = ctx.store.merge(changes, args.dry_run)?;
            if let Some(first) = synced.id_taken.first() {
                let reason = render_suspect(ctx.lang, &Suspect::IdTaken(first.clone()));
                print_refused(ctx, synced.id_taken.len(), &reason, out)?;
                refused = synced.id_taken.len();
            }
            if let Some(was) = &synced.was_device {
                print_copy_notice(ctx, was, &after.device, out)?;
            }
            (before, after, synced.added)
        }
        Incoming::Snapshot(copy) => {
            let theirs = copy.roadmap(roadmap_id).clone();
            if args.dry_run {
                let before = ctx.store.load()?;
                let mut after = before.clone();
                let mut journal = Vec::new();
                after.change_roadmap(&ctx.roadmap, &mut journal, |progress, recorder| {
                    progress.adopt(&theirs, &command, recorder)
                });
                (before, after, journal.len())
            } else {
                let mut transaction = ctx.store.begin(Reads::State)?;
                let before = transaction.state().clone();
                transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
                    progress.adopt(&theirs, &command, recorder)
                });
                let (after, added) = (transaction.state().clone(), transaction.recorded().len());
                transaction.commit()?;
                (before, after, added)
            }
        }
    };
    let outcome =
        MergeOutcome::between(before.roadmap(roadmap_id), after.roadmap(roadmap_id), added);
    print_outcome(ctx, &args.file, args.dry_run, &outcome, refused, out)
}

/// "Refused N changes: why", for the first reason; shared with `sync`.
pub(crate) fn print_refused(
    ctx: &Context,
    count: usize,
    reason: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let line = tr(
        ctx.lang,
        Key::SyncRefused,
        &[("count", &count), ("reason", &reason)],
    );
    writeln!(out, "{line}").map_err(Error::Output)?;
    Ok(())
}

/// That this home turned out to be a copy of another, and records as a new
/// device from now on; shared with `sync`.
pub(crate) fn print_copy_notice(
    ctx: &Context,
    was: &str,
    now: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let line = tr(
        ctx.lang,
        Key::SyncCopyNotice,
        &[("was", &was), ("now", &now)],
    );
    writeln!(out, "{line}").map_err(Error::Output)?;
    Ok(())
}

/// What a merge took in, step by step; shared with `sync`.
pub(crate) fn print_outcome(
    ctx: &Context,
    source: &Path,
    dry_run: bool,
    outcome: &MergeOutcome,
    refused: usize,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let lang = ctx.lang;
    let path = quoted_path(source);
    if outcome.is_empty() {
        // After a refusal, "already has everything" would be untrue.
        let key = if refused > 0 {
            Key::ImportNothingElse
        } else {
            Key::ImportNothing
        };
        writeln!(out, "{}", tr(lang, key, &[("path", &path)])).map_err(Error::Output)?;
        return Ok(());
    }
    let heading = if dry_run {
        Key::ImportWouldTake
    } else {
        Key::ImportTook
    };
    writeln!(out, "{}", tr(lang, heading, &[("path", &path)])).map_err(Error::Output)?;
    for (step, from, to) in &outcome.status_changes {
        writeln!(out, "    {}", ctx.change_line(step, *from, *to)).map_err(Error::Output)?;
    }
    for (step, count) in &outcome.notes_added {
        let (number, title) = ctx.describe_step(step);
        let line = tr(
            lang,
            Key::ImportNotes,
            &[("number", &number), ("title", &title), ("count", count)],
        );
        writeln!(out, "    {line}").map_err(Error::Output)?;
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
        )
        .map_err(Error::Output)?;
    }
    Ok(())
}
