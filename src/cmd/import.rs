//! `smm-path import FILE`: merge another copy's progress: an export, a history file, a conflict copy.

use std::io::Write;
use std::path::Path;

use crate::cli::ImportArgs;
use crate::cmd::{Context, print_lines};
use crate::control::quoted_path;
use crate::error::{Error, render_file_problem};
use crate::i18n::Lang;
use crate::plain_file::{self, FileProblem, Links};
use crate::progress::Reads;
use crate::progress::{Incoming, MAX_STATE_BYTES, MergeOutcome, Suspect, parse_incoming};
use crate::report::changes;

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

pub(crate) fn run(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> Result<(), Error> {
    let roadmap_id = &ctx.roadmap.id;
    let incoming = read_incoming(&args.file, roadmap_id, ctx.lang)?;
    incoming
        .check(roadmap_id, ctx.now())
        .map_err(|suspect| Error::ImportInvalid {
            path: args.file.clone(),
            reason: changes::suspect(ctx.lang, &suspect),
        })?;
    let command = format!("import {}", quoted_path(&args.file));
    let mut refused = 0;
    let (before, after, added) = match incoming {
        Incoming::Changes(changes) => {
            let (before, after, synced) = ctx.store.merge(changes, args.dry_run)?;
            let taken: Vec<Suspect> = synced
                .id_taken
                .iter()
                .cloned()
                .map(Suspect::IdTaken)
                .collect();
            if let Some(line) = changes::refused(ctx.lang, &taken) {
                say!(out, "{line}")?;
            }
            refused = taken.len();
            if let Some(was) = &synced.was_device {
                say!(
                    out,
                    "{}",
                    changes::copy_notice(ctx.lang, was, &after.device)
                )?;
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
    let lines = ctx
        .words()
        .merged(&args.file, args.dry_run, &outcome, refused);
    print_lines(&lines, out)
}
