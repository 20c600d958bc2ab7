//! `smm-path sync DIR`: exchange changes with other devices through a shared folder.

use std::io::Write;

use crate::cli::SyncArgs;
use crate::cmd::Context;
use crate::cmd::import::{print_outcome, render_suspect};
use crate::error::Error;
use crate::i18n::{Key, tr};
use crate::progress::sync::{read_folder, write_own};
use crate::progress::{MergeOutcome, check_incoming};

pub(crate) fn run(ctx: &Context, args: &SyncArgs, out: &mut dyn Write) -> Result<(), Error> {
    let lang = ctx.lang;
    let folder = &args.dir;
    let learner = ctx.learner_name(args.name.as_ref())?;
    let folder_error = |reason: String| Error::SyncFolder {
        path: folder.clone(),
        reason,
    };
    // Inside the home, the folder would carry the files the sync is meant to keep apart.
    if let (Ok(folder), Ok(home)) = (
        std::fs::canonicalize(folder),
        std::fs::canonicalize(ctx.store.home()),
    ) && folder.starts_with(&home)
    {
        return Err(folder_error(
            crate::i18n::word(lang, Key::ErrSyncInsideHome).to_string(),
        ));
    }
    let device = ctx.store.load()?.device;
    let read = read_folder(folder, &device).map_err(|error| folder_error(error.to_string()))?;
    for (path, reason) in &read.skipped {
        writeln!(
            out,
            "{}",
            tr(
                lang,
                Key::SyncSkipped,
                &[("path", &path.display()), ("reason", reason)]
            )
        )?;
    }
    let now = ctx.now();
    let mut refused = Vec::new();
    let changes: Vec<_> = read
        .changes
        .into_iter()
        .filter(|change| match check_incoming(change, now) {
            Ok(()) => true,
            Err(suspect) => {
                refused.push(suspect);
                false
            }
        })
        .collect();
    if let Some(first) = refused.first() {
        let line = tr(
            lang,
            Key::SyncRefused,
            &[
                ("count", &refused.len()),
                ("reason", &render_suspect(lang, first)),
            ],
        );
        writeln!(out, "{line}")?;
    }
    let (before, after, synced) = ctx.store.merge(changes, args.dry_run)?;
    let roadmap_id = &ctx.roadmap.id;
    let outcome = MergeOutcome::between(
        before.roadmap(roadmap_id),
        after.roadmap(roadmap_id),
        synced.added,
    );
    print_outcome(ctx, folder, args.dry_run, &outcome, out)?;
    if args.dry_run {
        return Ok(());
    }
    std::fs::create_dir_all(folder).map_err(|error| folder_error(error.to_string()))?;
    let device = ctx.store.load()?.device;
    let history = ctx.store.history_bytes()?;
    if device.is_empty() || history.is_empty() {
        return Ok(());
    }
    let path =
        write_own(folder, &device, &history).map_err(|error| folder_error(error.to_string()))?;
    // The folder is one learner's: their name, for a mentor's `cohort`.
    if let Some(name) = learner {
        crate::progress::config::set_folder_learner(folder, &name)
            .map_err(|error| folder_error(error.to_string()))?;
    }
    let count = history.iter().filter(|&&byte| byte == b'\n').count();
    writeln!(
        out,
        "{}",
        tr(
            lang,
            Key::SyncWrote,
            &[("count", &count), ("path", &path.display())]
        )
    )?;
    Ok(())
}
