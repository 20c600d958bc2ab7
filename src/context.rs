//! What the commands that read or change progress share: the roadmap in
//! use, the store, the clock and the language, loaded once per run from
//! the [`Settings`], and the few readings of the command line's STEP
//! arguments every command shares. It does not print; the words for what
//! changed are [`crate::report::ChangeWords`], which [`Context::words`] hands out.

use std::cell::OnceCell;
use std::path::PathBuf;

use chrono::{DateTime, Local, Timelike};

use crate::error::Error;
use crate::i18n::Lang;
use crate::progress::{ProgressStore, StepSelector, Timestamp};
use crate::report::ChangeWords;
use crate::roadmap::{Roadmap, load_builtin, load_file};
use crate::settings::Settings;

/// The roadmap, the store, the language, the clock.
pub(crate) struct Context {
    pub(crate) lang: Lang,
    pub(crate) color: bool,
    pub(crate) width: Option<u16>,
    pub(crate) roadmap: Roadmap,
    /// The roadmap's file; `None` for the built-in roadmap.
    pub(crate) roadmap_file: Option<PathBuf>,
    pub(crate) store: ProgressStore,
    /// The front end a change came from, when not the command line (`ui`).
    pub(crate) via: Option<&'static str>,
    /// `SMM_PATH_NOW`, checked: the clock pinned for tests and demos.
    pinned_now: Option<Timestamp>,
    /// The time changes are recorded at, read once when first needed:
    /// reading the local time zone is work `status` has no use for.
    now: OnceCell<Timestamp>,
}

impl Context {
    /// Finds the home, checks a pinned clock and loads the roadmap.
    pub(crate) fn load(settings: &Settings) -> Result<Context, Error> {
        let home = settings.home.as_ref().ok_or(Error::NoDataDir)?;
        let pinned_now = match &settings.pinned_now {
            Some(pinned) => {
                Some(
                    DateTime::parse_from_rfc3339(pinned).map_err(|_| Error::InvalidNow {
                        value: pinned.clone(),
                    })?,
                )
            }
            None => None,
        };
        let store = ProgressStore::in_home(home);
        let roadmap = match &settings.roadmap_file {
            Some(path) => load_file(path, Some(&store.cache_directory()))?,
            None => load_builtin(),
        };
        Ok(Context {
            lang: settings.lang,
            color: settings.color,
            width: settings.width,
            roadmap,
            roadmap_file: settings.roadmap_file.clone(),
            store,
            via: None,
            pinned_now,
            now: OnceCell::new(),
        })
    }

    /// The words for this roadmap's changes, in this run's language.
    pub(crate) fn words(&self) -> ChangeWords<'_> {
        ChangeWords::new(&self.roadmap, self.lang)
    }

    /// The learner's name: `given` (from `--name`, checked), else the one
    /// `config name` set, else none.
    pub(crate) fn learner_name(&self, given: Option<&String>) -> Result<Option<String>, Error> {
        match given {
            Some(name) => crate::progress::config::valid_name(name)
                .map(Some)
                .ok_or_else(|| Error::BadName { name: name.clone() }),
            None => Ok(crate::progress::config::learner_name(self.store.home())?),
        }
    }

    /// The command as the history records it: `done 5`, or `ui: done 5`
    /// when it came from the full-screen view.
    pub(crate) fn command_line(&self, name: &str, arguments: &[String]) -> String {
        let line = std::iter::once(name)
            .chain(arguments.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        match self.via {
            Some(front_end) => format!("{front_end}: {line}"),
            None => line,
        }
    }

    /// The current time with the local offset, to the second (the state
    /// file is read by people too), the same for the whole command.
    pub(crate) fn now(&self) -> Timestamp {
        *self.now.get_or_init(|| {
            let now = self
                .pinned_now
                .unwrap_or_else(|| Local::now().fixed_offset());
            now.with_nanosecond(0).unwrap_or(now)
        })
    }

    /// Reads the clock again at the next [`Context::now`]: the full-screen
    /// view runs many commands, each at its own time.
    pub(crate) fn refresh_clock(&mut self) {
        self.now = OnceCell::new();
    }

    /// Resolves STEP arguments to step ids, in roadmap order.
    pub(crate) fn select_steps(&self, arguments: &[String]) -> Result<Vec<&str>, Error> {
        let positions = StepSelector::resolve_all(arguments, &self.roadmap)?;
        Ok(positions
            .into_iter()
            .map(|position| self.roadmap.steps[position].id.as_ref())
            .collect())
    }

    /// Resolves a STEP argument that must name exactly one step.
    pub(crate) fn select_one_step(&self, argument: &str) -> Result<usize, Error> {
        let positions = StepSelector::resolve_all(&[argument.to_string()], &self.roadmap)?;
        match positions.as_slice() {
            [position] => Ok(*position),
            _ => Err(Error::OneStepOnly {
                input: argument.to_string(),
                count: positions.len(),
            }),
        }
    }
}
