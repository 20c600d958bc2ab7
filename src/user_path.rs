//! A leading `~` in a path on the command line, expanded to the home folder.
//!
//! A shell expands `~` only where it is unquoted and leads a word: `sync
//! '~/Sync/smm-path'`, `--home=~/smm` and every path typed in PowerShell or
//! cmd.exe reach smm-path with the `~` still in them, and used as they are
//! they make a folder named `~` in the current one, silently. So smm-path
//! expands it itself, as the shell would have: `~` alone or followed by a
//! separator (`~/x`, and `~\x` on Windows); `~user` and a `~` later in the
//! path are left alone. On Windows `%USERPROFILE%`, which cmd.exe expands but
//! PowerShell and a quoted argument do not, leads a path the same way.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use crate::cli::{Cli, Command, RoadmapCommand};
use crate::error::Error;

/// Expands every path argument of `cli` in place. `home` is asked only
/// when a path needs it, and says where the user's home folder is.
pub(crate) fn expand_arguments(
    cli: &mut Cli,
    home: impl Fn() -> Option<PathBuf>,
) -> Result<(), Error> {
    let mut paths: Vec<&mut PathBuf> = Vec::new();
    paths.extend(cli.global.home.as_mut());
    paths.extend(cli.global.roadmap.as_mut());
    // Every command named, so that a new command's paths are a decision.
    match &mut cli.command {
        Some(Command::Roadmap(RoadmapCommand::Validate(args) | RoadmapCommand::New(args))) => {
            paths.push(&mut args.file);
        }
        Some(Command::Import(args)) => paths.push(&mut args.file),
        Some(Command::Sync(args)) => paths.push(&mut args.dir),
        Some(Command::Export(args)) => paths.extend(args.output.as_mut()),
        Some(Command::Card(args)) => paths.extend(args.output.as_mut()),
        Some(Command::Cohort(args)) => {
            paths.extend(args.paths.iter_mut());
            paths.extend(args.output.as_mut());
        }
        Some(Command::Completions(args)) => paths.extend(args.output.as_mut()),
        Some(Command::Man(args)) => paths.extend(args.output.as_mut()),
        None
        | Some(
            Command::Status(_)
            | Command::Done(_)
            | Command::Start(_)
            | Command::Skip(_)
            | Command::Reset(_)
            | Command::Show(_)
            | Command::Next
            | Command::Today(_)
            | Command::Note(_)
            | Command::Check(_)
            | Command::Uncheck(_)
            | Command::Used(_)
            | Command::Unused(_)
            | Command::Undo
            | Command::Log(_)
            | Command::Stats(_)
            | Command::Plan(_)
            | Command::Doctor(_)
            | Command::Ui
            | Command::Config(_)
            | Command::Roadmap(RoadmapCommand::List),
        ) => {}
    }
    for path in paths {
        if let Some(expanded) = expand(path, &home, cfg!(windows))? {
            *path = expanded;
        }
    }
    Ok(())
}

/// `path` as the command will use it: a leading `~` expanded as
/// [`expand_arguments`] does, or as given when nothing needs expanding or
/// no home folder is known. For shell completion, which must guess silently.
pub(crate) fn expanded_or_as_given(path: PathBuf) -> PathBuf {
    match expand(&path, crate::settings::home_folder, cfg!(windows)) {
        Ok(Some(expanded)) => expanded,
        Ok(None) | Err(_) => path,
    }
}

/// `path` with its leading `~` (or, when `windows`, `%USERPROFILE%`)
/// replaced by the home folder; `None` when nothing leads it that needs
/// expanding. An error when one does and no home folder is known.
fn expand(
    path: &Path,
    home: impl Fn() -> Option<PathBuf>,
    windows: bool,
) -> Result<Option<PathBuf>, Error> {
    let mut components = path.components();
    let leads = match components.next() {
        Some(Component::Normal(first)) => names_home(first, windows),
        _ => false,
    };
    if !leads {
        return Ok(None);
    }
    let home = home().ok_or_else(|| Error::NoHomeFolder {
        path: path.to_path_buf(),
    })?;
    let rest = components.as_path();
    Ok(Some(if rest.as_os_str().is_empty() {
        home
    } else {
        home.join(rest)
    }))
}

/// Whether a path's first component stands for the home folder.
fn names_home(first: &OsStr, windows: bool) -> bool {
    first == "~" || (windows && first.eq_ignore_ascii_case("%USERPROFILE%"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expanded(path: &str, windows: bool) -> Option<PathBuf> {
        expand(
            Path::new(path),
            || Some(PathBuf::from("/home/ayu")),
            windows,
        )
        .unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        for windows in [false, true] {
            assert_eq!(
                expanded("~/Sync/smm-path", windows),
                Some(PathBuf::from("/home/ayu/Sync/smm-path"))
            );
            assert_eq!(expanded("~", windows), Some(PathBuf::from("/home/ayu")));
            assert_eq!(expanded("~/", windows), Some(PathBuf::from("/home/ayu")));
            // Only a `~` that is the whole first component.
            assert_eq!(expanded("~ayu/x", windows), None);
            assert_eq!(expanded("sync/~/x", windows), None);
            assert_eq!(expanded("./~", windows), None);
            assert_eq!(expanded("/~/x", windows), None);
            assert_eq!(expanded("~x", windows), None);
        }
    }

    #[test]
    fn userprofile_leads_a_path_on_windows_only() {
        assert_eq!(
            expanded("%USERPROFILE%/Dropbox", true),
            Some(PathBuf::from("/home/ayu/Dropbox"))
        );
        assert_eq!(
            expanded("%userprofile%", true),
            Some(PathBuf::from("/home/ayu"))
        );
        assert_eq!(expanded("%USERPROFILE%/Dropbox", false), None);
        assert_eq!(expanded("%USERPROFILE%x/Dropbox", true), None);
    }

    #[cfg(windows)]
    #[test]
    fn a_backslash_after_the_tilde_counts_on_windows() {
        assert_eq!(
            expanded(r"~\Sync\smm-path", true),
            Some(PathBuf::from("/home/ayu").join(r"Sync\smm-path"))
        );
        assert_eq!(
            expanded(r"%USERPROFILE%\Sync", true),
            Some(PathBuf::from("/home/ayu").join("Sync"))
        );
    }

    #[test]
    fn without_a_home_folder_a_tilde_is_refused() {
        let error =
            expand(Path::new("~/Sync"), || None, false).expect_err("no home folder to expand to");
        assert!(matches!(error, Error::NoHomeFolder { .. }));
        assert_eq!(
            error.exit_status(),
            crate::error::ExitStatus::Usage,
            "nothing was done"
        );
        // A path that needs no home folder does not ask for one.
        let asked = std::cell::Cell::new(false);
        let home = || {
            asked.set(true);
            None
        };
        assert_eq!(expand(Path::new("Sync"), home, false).ok(), Some(None));
        assert!(!asked.get());
    }
}
