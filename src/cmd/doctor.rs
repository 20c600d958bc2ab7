//! `smm-path doctor`: what the progress files look like, each problem with
//! the command that repairs it, and the repairs themselves.

use std::io::Write;
use std::path::Path;

use crate::cli::DoctorArgs;
use crate::cmd::{Context, list_some};
use crate::control::quoted_path;
use crate::error::{Error, render_store};
use crate::i18n::{Key, Lang, tr, word};
use crate::progress::{Rebuilt, StoreError};
use crate::shell::Shell;

/// The shell the repair commands are written for: the one people use here.
const SHELL: Shell = Shell::CURRENT;

pub(crate) fn run(ctx: &Context, args: &DoctorArgs, out: &mut dyn Write) -> Result<(), Error> {
    let repair = args.restore_backup || args.rebuild_history || args.rebuild_state || args.clean;
    if repair {
        return run_repair(ctx, args, out);
    }
    let lang = ctx.lang;
    let store = &ctx.store;
    let mut report = Report {
        lang,
        out,
        healthy: true,
    };
    let home = store.home();
    if home.exists() && !home.is_dir() {
        report.problem(
            tr(
                lang,
                Key::DoctorHomeNotDirectory,
                &[("path", &quoted_path(home))],
            ),
            &SHELL.rename_with_suffix(home, ".old"),
        )?;
        return Err(Error::Unhealthy);
    }
    report.line(tr(lang, Key::DoctorHome, &[("path", &quoted_path(home))]))?;
    if let Err(error) = store.probe_writable() {
        let line = tr(
            lang,
            Key::DoctorHomeUnwritable,
            &[("path", &quoted_path(home)), ("reason", &error)],
        );
        report.problem(line, &SHELL.make_writable(home))?;
    }
    let (id, version) = (&ctx.roadmap.id, &ctx.roadmap.version);
    report.line(match &ctx.roadmap_file {
        None => tr(
            lang,
            Key::DoctorRoadmapBuiltin,
            &[("id", id), ("version", version)],
        ),
        Some(path) => tr(
            lang,
            Key::DoctorRoadmapFile,
            &[
                ("id", id),
                ("version", version),
                ("path", &quoted_path(path)),
            ],
        ),
    })?;

    let backup = store
        .read_backup()
        .map(|read| read.map(|(_, state)| state.version));
    let state_path = store.path();
    let snapshot_problem = store.snapshot_problem();
    let mut state = None;
    match &snapshot_problem {
        _ if !state_path.exists() => report.line(tr(
            lang,
            Key::DoctorStateMissing,
            &[("path", &quoted_path(&state_path))],
        ))?,
        Some(error) => {
            // The backup first (one step back), else the history (all of it).
            let fix = if matches!(backup, Ok(Some(_))) {
                "smm-path doctor --restore-backup".to_string()
            } else if store.history_on_its_own().is_ok_and(|changes| changes > 0) {
                "smm-path doctor --rebuild-state".to_string()
            } else {
                SHELL.rename_with_suffix(&state_path, ".old")
            };
            report.problem(store_problem(lang, Key::DoctorStateBad, error), &fix)?;
        }
        None => {
            if let Ok(loaded) = store.load_without_notes() {
                report.line(tr(
                    lang,
                    Key::DoctorStateOk,
                    &[
                        ("path", &quoted_path(&state_path)),
                        ("version", &loaded.version),
                    ],
                ))?;
                state = Some(loaded);
            }
        }
    }

    let history_path = store.history_path();
    // With an unreadable snapshot, the history is judged on its own.
    let history = match &snapshot_problem {
        Some(_) => store.history_on_its_own(),
        None => store.check().map(|check| check.changes),
    };
    match history {
        Ok(changes) => {
            report.line(tr(
                lang,
                Key::DoctorHistoryOk,
                &[("path", &quoted_path(&history_path)), ("count", &changes)],
            ))?;
        }
        Err(error) => {
            let behind = matches!(error, StoreError::HistoryBehind { .. });
            report.problem(
                store_problem(lang, Key::DoctorHistoryBad, &error),
                "smm-path doctor --rebuild-history",
            )?;
            if behind {
                report.line(word(lang, Key::DoctorFixWaitForSync).to_string())?;
            }
        }
    }
    // Read from the folder alone: shown whatever the files they copy look
    // like, since merging one may be what repairs them (issue 22).
    for copy in &store.conflict_copies() {
        report.healthy = false;
        report.line(tr(
            lang,
            Key::DoctorConflictCopy,
            &[
                ("path", &quoted_path(copy)),
                ("command", &SHELL.smm_path("import", copy)),
            ],
        ))?;
    }

    if let Some(device) = store.copy_of() {
        report.line(tr(lang, Key::DoctorCopyOf, &[("device", &device)]))?;
    }

    let backup_path = store.backup_path();
    match backup {
        Ok(None) => report.line(word(lang, Key::DoctorBackupMissing).to_string())?,
        Ok(Some(version)) => report.line(tr(
            lang,
            Key::DoctorBackupOk,
            &[("path", &quoted_path(&backup_path)), ("version", &version)],
        ))?,
        // The next change writes a new backup; until then a damaged one is only in the way.
        Err(error) => report.problem(
            store_problem(lang, Key::DoctorBackupBad, &error),
            &SHELL.remove(&backup_path),
        )?,
    }

    if let Some(state) = &state {
        let orphans = state.roadmap(&ctx.roadmap.id).orphans(&ctx.roadmap);
        if !orphans.is_empty() {
            report.line(tr(
                lang,
                Key::DoctorOrphans,
                &[("count", &orphans.len()), ("ids", &orphans.join(", "))],
            ))?;
        }
    }

    let leftovers: Vec<String> = store
        .leftover_temporary_files()
        .iter()
        .map(|path| quoted_path(path))
        .collect();
    if !leftovers.is_empty() {
        let names: Vec<&str> = leftovers.iter().map(String::as_str).collect();
        report.problem(
            tr(lang, Key::DoctorLeftovers, &[("files", &list_some(&names))]),
            "smm-path doctor --clean",
        )?;
    }

    if report.healthy {
        report.line(word(lang, Key::DoctorHealthy).to_string())?;
        Ok(())
    } else {
        Err(Error::Unhealthy)
    }
}

/// The lines `doctor` prints, and whether any was a problem.
struct Report<'a> {
    lang: Lang,
    out: &'a mut dyn Write,
    healthy: bool,
}

impl Report<'_> {
    fn line(&mut self, line: String) -> Result<(), Error> {
        say!(self.out, "{line}")?;
        Ok(())
    }

    /// A problem, and on the next line the command that repairs it.
    fn problem(&mut self, line: String, fix: &str) -> Result<(), Error> {
        self.healthy = false;
        self.line(line)?;
        let fix = tr(self.lang, Key::DoctorFix, &[("command", &fix)]);
        self.line(fix)
    }
}

fn store_problem(lang: Lang, key: Key, error: &StoreError) -> String {
    let problem = render_store(lang, error);
    tr(lang, key, &[("problem", &problem)])
}

fn run_repair(ctx: &Context, args: &DoctorArgs, out: &mut dyn Write) -> Result<(), Error> {
    let (lang, store) = (ctx.lang, &ctx.store);
    let stamp = ctx.now().format("%Y%m%dT%H%M%S").to_string();
    let rebuilt = |result: Rebuilt, path: &Path, done: Key, out: &mut dyn Write| {
        match result {
            Rebuilt::NotNeeded => say!(
                out,
                "{}",
                tr(lang, Key::DoctorNotNeeded, &[("path", &quoted_path(path))])
            )?,
            Rebuilt::Done { kept, changes } => {
                say!(
                    out,
                    "{}",
                    tr(
                        lang,
                        done,
                        &[("path", &quoted_path(path)), ("count", &changes)]
                    )
                )?;
                print_kept(lang, kept.as_deref(), out)?;
            }
        }
        Ok::<_, Error>(())
    };
    if args.rebuild_history {
        let result = store.rebuild_history(&stamp, ctx.now())?;
        return rebuilt(
            result,
            &store.history_path(),
            Key::DoctorRebuiltHistory,
            out,
        );
    }
    if args.rebuild_state {
        let result = store.rebuild_snapshot(&stamp)?;
        return rebuilt(result, &store.path(), Key::DoctorRebuiltState, out);
    }
    if args.clean {
        let removed = store.clean()?;
        say!(
            out,
            "{}",
            tr(lang, Key::DoctorCleaned, &[("count", &removed)])
        )?;
        return Ok(());
    }
    let kept = store.restore_backup(&stamp)?;
    let (backup, path) = (store.backup_path(), store.path());
    say!(
        out,
        "{}",
        tr(
            lang,
            Key::DoctorRestored,
            &[
                ("backup", &quoted_path(&backup)),
                ("path", &quoted_path(&path))
            ]
        )
    )?;
    print_kept(lang, kept.as_deref(), out)
}

/// Where the damaged file was kept, when a repair kept one.
fn print_kept(lang: Lang, kept: Option<&Path>, out: &mut dyn Write) -> Result<(), Error> {
    if let Some(kept) = kept {
        let line = tr(lang, Key::DoctorKeptBroken, &[("path", &quoted_path(kept))]);
        say!(out, "{line}")?;
    }
    Ok(())
}
