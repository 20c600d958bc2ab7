//! One file per subcommand, and the context they share.
//!
//! Each command reads top to bottom: load what it needs, do one thing,
//! render, save if changed. Commands are the only code that prints.

mod cohort;
mod completions;
mod config;
mod doctor;
mod done;
mod export;
mod import;
mod log;
mod next;
mod note;
mod output;
mod plan;
mod reset;
mod roadmap;
mod show;
mod skip;
mod start;
mod stats;
mod status;
mod sync;
mod undo;

use std::cell::OnceCell;
use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, Local, Timelike};

use crate::cli::{Cli, Command, ConfigCommand, RoadmapCommand, StatusArgs};
use crate::error::Error;
use crate::i18n::{Key, Lang, tr, word};
use crate::progress::Reads;
use crate::progress::{
    Action, Op, Outcome, ProgressStore, RoadmapProgress, Status, StepSelector, Timestamp,
};
use crate::report::status_label;
use crate::roadmap::{Roadmap, load_builtin, load_file};
use crate::terminal;

/// What every command needs: the roadmap, the store, the language, the clock.
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
    /// The time changes are recorded at, read once when first needed:
    /// reading the local time zone is work `status` has no use for.
    now: OnceCell<Timestamp>,
}

/// Reads an environment variable, treating unset, empty and non-UTF-8 alike.
pub(crate) fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// The language for this run: `--lang`, else the locale.
pub(crate) fn language(cli: &Cli) -> Lang {
    cli.global
        .lang
        .unwrap_or_else(|| Lang::from_locale(env_var))
}

impl Context {
    /// Resolves paths, loads the roadmap and reads the clock.
    pub(crate) fn new(cli: &Cli, lang: Lang) -> Result<Context, Error> {
        // An option given wins over the environment; empty counts as unset.
        let path = |given: &Option<PathBuf>, name: &str| {
            given
                .clone()
                .or_else(|| std::env::var_os(name).map(PathBuf::from))
                .filter(|path| !path.as_os_str().is_empty())
        };
        let home = match path(&cli.global.home, "SMM_PATH_HOME") {
            Some(home) => home,
            None => dirs::data_dir()
                .map(|data| data.join("smm-path"))
                .ok_or(Error::NoDataDir)?,
        };
        if let Some(pinned) = env_var("SMM_PATH_NOW")
            && DateTime::parse_from_rfc3339(&pinned).is_err()
        {
            return Err(Error::InvalidNow { value: pinned });
        }
        let store = ProgressStore::in_home(&home);
        let roadmap_file = path(&cli.global.roadmap, "SMM_PATH_ROADMAP");
        let roadmap = match &roadmap_file {
            Some(path) => load_file(path, Some(&store.cache_directory()))?,
            None => load_builtin(),
        };
        Ok(Context {
            lang,
            color: terminal::use_color(cli.global.color, env_var),
            width: terminal::output_width(env_var),
            roadmap,
            roadmap_file,
            store,
            via: None,
            now: OnceCell::new(),
        })
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

    /// The current time (see [`now`]), the same for the whole command.
    pub(crate) fn now(&self) -> Timestamp {
        *self.now.get_or_init(now)
    }

    /// Reads the clock again at the next [`Context::now`]: the full-screen
    /// view runs many commands, each at its own time.
    pub(crate) fn refresh_clock(&mut self) {
        self.now = OnceCell::new();
    }

    /// `5. Pahami Target Audiens` for a step id, or the bare id for a step the
    /// roadmap no longer has.
    pub(crate) fn describe_step(&self, step_id: &str) -> (String, String) {
        match self.roadmap.position_of(step_id) {
            Some(position) => (
                (position + 1).to_string(),
                self.roadmap.steps[position]
                    .title
                    .get(self.lang)
                    .to_string(),
            ),
            None => ("?".to_string(), step_id.to_string()),
        }
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

    /// Applies a status action to the selected steps, as one saved change.
    pub(crate) fn change_status(
        &self,
        action: Action,
        step_ids: &[&str],
        command: &str,
    ) -> Result<Vec<Outcome>, Error> {
        self.change_status_checked(action, step_ids, command, |_| Ok(()))
    }

    /// [`Context::change_status`], after `check` has accepted the progress
    /// as it is under the lock; a refusal writes nothing.
    pub(crate) fn change_status_checked(
        &self,
        action: Action,
        step_ids: &[&str],
        command: &str,
        check: impl Fn(&RoadmapProgress) -> Result<(), Error>,
    ) -> Result<Vec<Outcome>, Error> {
        let mut transaction = self.store.begin(Reads::State)?;
        check(transaction.state().roadmap(&self.roadmap.id))?;
        let outcomes = transaction.change_roadmap(&self.roadmap, |progress, _, recorder| {
            progress.apply(&action, step_ids, self.now(), command, recorder)
        });
        transaction.commit()?;
        Ok(outcomes)
    }

    /// `5. Title: to do → done`.
    pub(crate) fn change_line(&self, step_id: &str, from: Status, to: Status) -> String {
        let (number, title) = self.describe_step(step_id);
        tr(
            self.lang,
            Key::Changed,
            &[
                ("number", &number),
                ("title", &title),
                ("from", &status_label(self.lang, from)),
                ("to", &status_label(self.lang, to)),
            ],
        )
    }

    /// `5. Title: note added` (or removed).
    pub(crate) fn note_line(&self, step: &str, added: bool) -> String {
        let (number, title) = self.describe_step(step);
        let key = if added {
            Key::LogNote
        } else {
            Key::UndoNoteRemoved
        };
        tr(self.lang, key, &[("number", &number), ("title", &title)])
    }

    /// One operation of a change in words: a status set, a note added or
    /// removed, the target set; `None` for an undo, which the heading names.
    pub(crate) fn op_line(&self, op: &Op) -> Option<String> {
        let lang = self.lang;
        let mut line = match op {
            Op::Status { step, from, to, .. } => self.change_line(step, *from, *to),
            Op::Note { step, .. } => self.note_line(step, true),
            Op::DropNote { step, .. } => self.note_line(step, false),
            Op::Target { date: Some(date) } => tr(
                lang,
                Key::LogTargetSet,
                &[("date", &crate::i18n::format_date(lang, *date))],
            ),
            Op::Target { date: None } => word(lang, Key::LogTargetCleared).to_string(),
            Op::Undo { .. } => return None,
        };
        if let Some(step) = op.step()
            && self.roadmap.position_of(step).is_none()
        {
            line.push(' ');
            line.push_str(word(lang, Key::LogRemovedStep));
        }
        Some(line)
    }

    /// One line per outcome: what changed, or that a step already was there.
    pub(crate) fn print_outcomes(
        &self,
        outcomes: &[Outcome],
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        for outcome in outcomes {
            let line = match outcome {
                Outcome::Changed { step, from, to } => self.change_line(step, *from, *to),
                Outcome::Unchanged { step, status } => {
                    let (number, title) = self.describe_step(step);
                    tr(
                        self.lang,
                        Key::AlreadyInStatus,
                        &[
                            ("number", &number),
                            ("title", &title),
                            ("status", &status_label(self.lang, *status)),
                        ],
                    )
                }
            };
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}

/// The current time with the local offset, to the second (the state file is
/// read by people too); `SMM_PATH_NOW` (RFC 3339) pins it for tests and demos.
fn now() -> Timestamp {
    let now = env_var("SMM_PATH_NOW")
        .and_then(|text| DateTime::parse_from_rfc3339(&text).ok())
        .unwrap_or_else(|| Local::now().fixed_offset());
    now.with_nanosecond(0).unwrap_or(now)
}

/// `a, b, c` for a few names, `a, b, c, d, e, …` for many.
pub(crate) fn list_some(names: &[&str]) -> String {
    const SHOWN: usize = 5;
    let mut list = names
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        list.push_str(", …");
    }
    list
}

/// Runs the commands that need no context; false for the others.
pub(crate) fn dispatch_standalone(
    cli: &Cli,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<bool, Error> {
    match &cli.command {
        Some(Command::Completions(args)) => completions::run_completions(args, out)?,
        Some(Command::Man) => completions::run_man(lang, out)?,
        Some(Command::Roadmap(RoadmapCommand::Validate(args))) => {
            roadmap::validate(lang, args, out)?
        }
        Some(Command::Roadmap(RoadmapCommand::New(args))) => roadmap::new(lang, args, out)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// Runs the command `cli` asks for.
pub(crate) fn dispatch(cli: &Cli, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    run_command(ctx, cli.command.as_ref(), out)
}

/// Runs one command: from the command line, or a key press in the
/// full-screen view, which runs the same commands.
pub(crate) fn run_command(
    ctx: &Context,
    command: Option<&Command>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    match command {
        None => status::run(ctx, &StatusArgs::default(), out),
        Some(Command::Status(args)) => status::run(ctx, args, out),
        Some(Command::Done(args)) => done::run(ctx, args, out),
        Some(Command::Start(args)) => start::run(ctx, args, out),
        Some(Command::Skip(args)) => skip::run(ctx, args, out),
        Some(Command::Reset(args)) => reset::run(ctx, args, out),
        Some(Command::Show(args)) => show::run(ctx, args, out),
        Some(Command::Next) => next::run(ctx, out),
        Some(Command::Note(args)) => note::run(ctx, args, out),
        Some(Command::Undo) => undo::run(ctx, out),
        Some(Command::Log(args)) => log::run(ctx, args, out),
        Some(Command::Export(args)) => export::run(ctx, args, out),
        Some(Command::Doctor(args)) => doctor::run(ctx, args, out),
        Some(Command::Import(args)) => import::run(ctx, args, out),
        Some(Command::Sync(args)) => sync::run(ctx, args, out),
        Some(Command::Stats(args)) => stats::run(ctx, args, out),
        Some(Command::Plan(args)) => plan::run(ctx, args, out),
        Some(Command::Roadmap(RoadmapCommand::List)) => roadmap::list(ctx, out),
        Some(Command::Config(ConfigCommand::Name(args))) => config::run(ctx, args, out),
        Some(Command::Cohort(args)) => cohort::run(ctx, args, out),
        // Run by `dispatch_standalone`, before any context exists, and by
        // the full-screen view, which makes its own.
        Some(Command::Roadmap(_) | Command::Completions(_) | Command::Man | Command::Ui) => Ok(()),
    }
}
