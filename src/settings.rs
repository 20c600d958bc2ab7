//! Everything a run depends on besides its command: the command line's
//! global options and the environment, resolved once, in one place (as fd's
//! `construct_config`). Commands read these; none reads the environment.

use std::path::PathBuf;

use crate::cli::GlobalArgs;
use crate::i18n::Lang;
use crate::terminal;

/// The resolved options of one run.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub(crate) lang: Lang,
    /// Whether standard output is coloured.
    pub(crate) color: bool,
    /// How wide the output may be; `None` in a pipe.
    pub(crate) width: Option<u16>,
    /// The directory holding the progress; `None` where the system names
    /// no data directory and neither `--home` nor `SMM_PATH_HOME` is given,
    /// which only the commands that need a home report.
    pub(crate) home: Option<PathBuf>,
    /// The custom roadmap's file; `None` for the built-in roadmap.
    pub(crate) roadmap_file: Option<PathBuf>,
    /// `SMM_PATH_NOW` as given: the clock pinned, for tests and demos.
    /// Checked when a command loads its context (every command that reads
    /// the progress), so a mistyped pin fails at once.
    pub(crate) pinned_now: Option<String>,
}

/// Reads an environment variable, treating unset, empty and non-UTF-8 alike.
pub(crate) fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// The user's home folder, for a `~` in a path argument: `HOME` on Unix,
/// `USERPROFILE` on Windows, else what the system records for the user.
pub(crate) fn home_folder() -> Option<PathBuf> {
    std::env::home_dir().filter(|home| !home.as_os_str().is_empty())
}

/// The language the operating system shows, as a BCP 47 tag (`id-ID`):
/// the first of the user's display languages on Windows, the preferred
/// language on macOS.
#[cfg(any(windows, target_os = "macos"))]
pub(crate) fn system_language() -> Option<String> {
    sys_locale::get_locale()
}

/// Elsewhere the locale variables are the system's setting: there is
/// nothing more to ask.
#[cfg(not(any(windows, target_os = "macos")))]
pub(crate) fn system_language() -> Option<String> {
    None
}

impl Settings {
    /// Resolves `global` against the environment: an option given wins over
    /// its variable, and an empty value counts as unset.
    pub(crate) fn resolve(global: &GlobalArgs) -> Settings {
        let path = |given: &Option<PathBuf>, name: &str| {
            given
                .clone()
                .or_else(|| std::env::var_os(name).map(PathBuf::from))
                .filter(|path| !path.as_os_str().is_empty())
        };
        Settings {
            lang: global
                .lang
                .unwrap_or_else(|| Lang::from_locale(env_var, system_language)),
            color: terminal::use_color(global.color, env_var),
            width: terminal::output_width(env_var),
            home: path(&global.home, "SMM_PATH_HOME")
                .or_else(|| dirs::data_dir().map(|data| data.join("smm-path"))),
            roadmap_file: path(&global.roadmap, "SMM_PATH_ROADMAP"),
            pinned_now: env_var("SMM_PATH_NOW"),
        }
    }
}
