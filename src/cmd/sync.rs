//! `smm-path sync DIR`: exchange changes with other devices through a shared folder.

use std::io::Write;

use crate::cli::SyncArgs;
use crate::cmd::{Context, print_lines};
use crate::control::quoted_path;
use crate::error::{Error, io_reason, render_file_problem};
use crate::i18n::{Key, tr};
use crate::progress::sync::{
    ReadMarks, Skipped, marks_path, own_file, read_folder, remove_leftovers, write_gitattributes,
    write_own,
};
use crate::progress::{MergeOutcome, Suspect, Synced};
use crate::report::changes;

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
    // Its notes are left out: a sync with nothing new reads no note.
    let light = ctx.store.load_without_notes()?;
    if !args.dry_run && !light.device.is_empty() {
        remove_leftovers(folder, &light.device);
    }
    // Only what the files gained since the last sync is read.
    let marks_file = marks_path(&ctx.store.cache_directory(), folder);
    let mut marks = ReadMarks::load(&marks_file);
    // Marks made before this home's history went back (a restored backup,
    // a rebuilt history) claim changes it no longer has: all is read again.
    if let Some((bytes, last)) = marks.home()
        && !ctx.store.history_extends(bytes, last)?
    {
        marks = ReadMarks::default();
    }
    let read = read_folder(folder, &light.device, &marks, ctx.now())
        .map_err(|error| folder_error(io_reason(lang, &error)))?;
    for (path, why) in &read.skipped {
        let reason = match why {
            Skipped::File(problem) => render_file_problem(lang, problem),
            Skipped::Line(line, reason) => tr(
                lang,
                Key::SyncBadLine,
                &[("line", line), ("reason", &reason.describe(lang))],
            ),
        };
        let line = tr(
            lang,
            Key::SyncSkipped,
            &[("path", &quoted_path(path)), ("reason", &reason)],
        );
        say!(out, "{line}")?;
    }
    let mut refused = read.refused;
    // Nothing new and nothing to say: the history is not read at all.
    let (before, after, synced) = if read.changes.is_empty() && light.copied_from.is_empty() {
        (light.clone(), light.clone(), Synced::default())
    } else {
        ctx.store.merge(read.changes, args.dry_run)?
    };
    refused.extend(synced.id_taken.iter().cloned().map(Suspect::IdTaken));
    if let Some(line) = changes::refused(lang, &refused) {
        say!(out, "{line}")?;
    }
    if let Some(was) = &synced.was_device {
        say!(out, "{}", changes::copy_notice(lang, was, &after.device))?;
    }
    let roadmap_id = &ctx.roadmap.id;
    let outcome = MergeOutcome::between(
        before.roadmap(roadmap_id),
        after.roadmap(roadmap_id),
        synced.added,
    );
    // A file skipped is, like a change refused, something not taken in.
    let not_taken = refused.len() + read.skipped.len();
    print_lines(
        &ctx.words()
            .merged(folder, args.dry_run, &outcome, not_taken),
        out,
    )?;
    if args.dry_run {
        return Ok(());
    }
    let mut marks = read.marks;
    std::fs::create_dir_all(folder).map_err(|error| folder_error(io_reason(lang, &error)))?;
    // A courtesy to git, not a part of the sync: a folder that refuses it
    // refuses the device file next, and that is reported.
    if let Ok(Some(path)) = write_gitattributes(folder) {
        say!(
            out,
            "{}",
            tr(
                lang,
                Key::SyncWroteGitattributes,
                &[("path", &quoted_path(&path))]
            )
        )?;
    }
    let mut device = after.device.clone();
    if device.is_empty() {
        marks.save(&marks_file);
        return Ok(());
    }
    // This device's file is only ever replaced by a superset of what it
    // held. It holds something this home refused: write under a new id.
    if !read.own.is_empty() && device == light.device {
        let have: std::collections::HashSet<_> = ctx
            .store
            .read_history()?
            .into_iter()
            .map(|change| change.id)
            .collect();
        if read.own.iter().any(|id| !have.contains(id)) {
            let was = device;
            device = ctx.store.become_new_device()?;
            say!(out, "{}", changes::copy_notice(lang, &was, &device))?;
        }
    }
    let own = own_file(folder, &device);
    let own_name = own
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default()
        .to_string();
    let (end, last) = ctx.store.history_end()?;
    let unchanged = own.is_file() && marks.is_at(&own_name, end, &last);
    if end > 0 && !unchanged {
        let history = ctx.store.history_bytes()?;
        let path = write_own(folder, &device, &history)
            .map_err(|error| folder_error(io_reason(lang, &error)))?;
        marks.set(&own_name, end, &last);
        let count = memchr::memchr_iter(b'\n', &history).count();
        say!(
            out,
            "{}",
            tr(
                lang,
                Key::SyncWrote,
                &[("count", &count), ("path", &quoted_path(&path))]
            )
        )?;
    }
    marks.set_home(end, &last);
    marks.save(&marks_file);
    // The folder is one learner's: their name, for a mentor's `cohort`.
    if let Some(name) = learner {
        crate::progress::config::set_folder_learner(folder, &name)
            .map_err(|error| folder_error(io_reason(lang, &error)))?;
    }
    Ok(())
}
