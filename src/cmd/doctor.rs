//! `smm-path doctor`: what the progress files look like, and putting the backup back.

use std::io::Write;

use crate::cli::DoctorArgs;
use crate::cmd::{Context, list_some};
use crate::error::Error;
use crate::i18n::{Key, tr, word};
use crate::progress::{StoreError, parse_state};

pub(crate) fn run(ctx: &Context, args: &DoctorArgs, out: &mut dyn Write) -> Result<(), Error> {
    let lang = ctx.lang;
    let store = &ctx.store;
    if args.restore_backup {
        let kept = store.restore_backup(&ctx.now().format("%Y%m%dT%H%M%S").to_string())?;
        let (backup, path) = (store.backup_path(), store.path());
        writeln!(
            out,
            "{}",
            tr(
                lang,
                Key::DoctorRestored,
                &[("backup", &backup.display()), ("path", &path.display())]
            )
        )?;
        if let Some(kept) = kept {
            writeln!(
                out,
                "{}",
                tr(lang, Key::DoctorKeptBroken, &[("path", &kept.display())])
            )?;
        }
        return Ok(());
    }

    let mut healthy = true;
    let problem = |key: Key, error: StoreError| {
        let problem = Error::from(error).render(lang);
        tr(lang, key, &[("problem", &problem)])
    };
    let home = store
        .path()
        .parent()
        .map(|home| home.to_path_buf())
        .unwrap_or_default();
    writeln!(
        out,
        "{}",
        tr(lang, Key::DoctorHome, &[("path", &home.display())])
    )?;
    let (id, version) = (&ctx.roadmap.id, &ctx.roadmap.version);
    let roadmap_line = match &ctx.roadmap_file {
        None => tr(
            lang,
            Key::DoctorRoadmapBuiltin,
            &[("id", id), ("version", version)],
        ),
        Some(path) => tr(
            lang,
            Key::DoctorRoadmapFile,
            &[("id", id), ("version", version), ("path", &path.display())],
        ),
    };
    writeln!(out, "{roadmap_line}")?;

    let state_path = store.path();
    let state = if state_path.exists() {
        match store.load() {
            Ok(state) => {
                let line = tr(
                    lang,
                    Key::DoctorStateOk,
                    &[("path", &state_path.display()), ("version", &state.version)],
                );
                writeln!(out, "{line}")?;
                Some(state)
            }
            Err(error) => {
                healthy = false;
                writeln!(out, "{}", problem(Key::DoctorStateBad, error))?;
                None
            }
        }
    } else {
        writeln!(
            out,
            "{}",
            tr(
                lang,
                Key::DoctorStateMissing,
                &[("path", &state_path.display())]
            )
        )?;
        None
    };

    let history_path = store.history_path();
    match store.check() {
        Ok(check) => {
            let line = tr(
                lang,
                Key::DoctorHistoryOk,
                &[("path", &history_path.display()), ("count", &check.changes)],
            );
            writeln!(out, "{line}")?;
            for copy in &check.conflict_copies {
                healthy = false;
                let line = tr(lang, Key::DoctorConflictCopy, &[("path", &copy.display())]);
                writeln!(out, "{line}")?;
            }
        }
        Err(error) => {
            healthy = false;
            writeln!(out, "{}", problem(Key::DoctorHistoryBad, error))?;
        }
    }

    let backup_path = store.backup_path();
    match std::fs::read(&backup_path) {
        Err(_) => writeln!(out, "{}", word(lang, Key::DoctorBackupMissing))?,
        Ok(bytes) => {
            let parsed = std::str::from_utf8(&bytes)
                .map_err(|_| StoreError::NotUtf8 {
                    path: backup_path.clone(),
                })
                .and_then(|text| parse_state(text, &backup_path));
            match parsed {
                Ok(backup) => {
                    let line = tr(
                        lang,
                        Key::DoctorBackupOk,
                        &[
                            ("path", &backup_path.display()),
                            ("version", &backup.version),
                        ],
                    );
                    writeln!(out, "{line}")?;
                    if state.is_none() && state_path.exists() {
                        writeln!(out, "{}", word(lang, Key::DoctorRestoreHint))?;
                    }
                }
                Err(error) => writeln!(out, "{}", problem(Key::DoctorBackupBad, error))?,
            }
        }
    }

    if let Some(state) = &state {
        let orphans = state.roadmap(&ctx.roadmap.id).orphans(&ctx.roadmap);
        if !orphans.is_empty() {
            let ids = orphans.join(", ");
            let count = orphans.len();
            writeln!(
                out,
                "{}",
                tr(
                    lang,
                    Key::DoctorOrphans,
                    &[("count", &count), ("ids", &ids)]
                )
            )?;
        }
    }

    let leftovers = store.leftover_temporary_files();
    if !leftovers.is_empty() {
        let names: Vec<String> = leftovers
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        writeln!(
            out,
            "{}",
            tr(lang, Key::DoctorLeftovers, &[("files", &list_some(&names))])
        )?;
    }

    if healthy {
        writeln!(out, "{}", word(lang, Key::DoctorHealthy))?;
        Ok(())
    } else {
        Err(Error::Unhealthy)
    }
}
