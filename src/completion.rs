//! The shell's Tab in bash, zsh and fish: smm-path itself answers, so it
//! offers the roadmap's steps as well as the commands and options.
//!
//! The scripts `smm-path completions bash|zsh|fish` prints only ask
//! smm-path for the real registration (`SMM_PATH_COMPLETE=bash smm-path`),
//! which then calls `SMM_PATH_COMPLETE=bash smm-path -- WORDS...` at each
//! Tab: clap_complete's dynamic completion (`CompleteEnv`), pinned to an
//! exact version in Cargo.toml because that protocol is unstable. Asking
//! anew whenever a shell starts keeps the two halves from one version.
//!
//! A STEP argument is completed with the step numbers and ids of the
//! roadmap in use (`--roadmap`, `SMM_PATH_ROADMAP`, else the built-in one),
//! each with its title in the output language, which zsh and fish show.
//! A command offers the steps it would change: `done` the steps not done,
//! `start` those not in progress, `skip` those not skipped, `reset` those
//! not to do; `show` and `note` every step. An ACTION argument is
//! completed with `5.1`, `5.2`... and the action's text: `check` offers
//! the actions not ticked, `uncheck` the ticked ones (`used` and `unused`
//! the same for resources). Completing reads the roadmap
//! and the progress and writes nothing, not even a cache; what cannot be
//! read gives no candidates, never a message.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Command;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, CompleteEnv, Fish, Shells, Zsh};

use crate::cli::GlobalArgs;
use crate::cli_lang;
use crate::error::{Error, ExitStatus};
use crate::i18n::Lang;
use crate::progress::{MarkKind, ProgressStore, Status};
use crate::roadmap::{Roadmap, load_builtin, load_file};
use crate::settings::{self, Settings};

/// The variable the shell sets to ask for completions. Not clap_complete's
/// default `COMPLETE`: a name that generic may be set for other reasons,
/// and would then turn every run of smm-path into a completion.
pub(crate) const VARIABLE: &str = "SMM_PATH_COMPLETE";

/// The shells that ask smm-path at each Tab; PowerShell and elvish get a
/// static script (`smm-path completions`), without the steps.
pub(crate) const DYNAMIC_SHELLS: [&str; 3] = ["bash", "fish", "zsh"];

/// Which steps a STEP argument offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Offered {
    /// Every step (`show`, `note`, `plan`).
    All,
    /// The steps the command would change: those not already in this status.
    NotIn(Status),
}

/// Every STEP argument: the command, the argument's id, what it offers. A
/// unit test checks that no STEP argument of the command line is missing.
const STEP_ARGUMENTS: &[(&str, &str, Offered)] = &[
    ("done", "steps", Offered::NotIn(Status::Done)),
    ("start", "steps", Offered::NotIn(Status::InProgress)),
    ("skip", "steps", Offered::NotIn(Status::Skipped)),
    ("reset", "steps", Offered::NotIn(Status::Todo)),
    ("show", "step", Offered::All),
    ("note", "step", Offered::All),
    ("plan", "steps", Offered::All),
];

/// Every ACTION and RESOURCE argument: the command, the argument's id,
/// what it names, and whether it offers the ones marked (ticked, used)
/// rather than the others: `check` offers the actions not ticked yet.
const ITEM_ARGUMENTS: &[(&str, &str, MarkKind, bool)] = &[
    ("check", "actions", MarkKind::Action, false),
    ("uncheck", "actions", MarkKind::Action, true),
    ("used", "resources", MarkKind::Resource, false),
    ("unused", "resources", MarkKind::Resource, true),
];

/// A request from the shell: `SMM_PATH_COMPLETE` is set to something.
pub(crate) struct Request {
    shell: OsString,
    /// The program's own arguments: `-- smm-path WORDS...` at a Tab,
    /// nothing when the shell asks for the registration script.
    args: Vec<OsString>,
    /// The output language: the words' `--lang`, else the locale.
    pub(crate) lang: Lang,
}

/// The shell's request, if this run is one; the cost on every other run
/// is one look at the environment.
pub(crate) fn request() -> Option<Request> {
    let shell = std::env::var_os(VARIABLE)?;
    // clap_complete's own convention: empty or 0 turns it off.
    if shell.is_empty() || shell == "0" {
        return None;
    }
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = cli_lang::early_language(words(&args), settings::env_var, settings::system_language);
    Some(Request { shell, args, lang })
}

/// The words the shell is completing, the program's name first: what
/// follows the first `--`; without one (the shell asking for the
/// registration, or the variable set by hand), the program's arguments.
fn words(args: &[OsString]) -> &[OsString] {
    match args.iter().position(|arg| arg == "--") {
        Some(escape) => &args[escape + 1..],
        None => args,
    }
}

impl Request {
    /// Answers the shell: the registration script, or the candidates for
    /// the words. A shell other than bash, zsh and fish is a usage error;
    /// any failure while completing ends quietly, with no candidates.
    pub(crate) fn answer(self) -> Result<ExitCode, Error> {
        // As clap_complete reads it: `$SHELL` (`/bin/zsh`) will do.
        let name = Path::new(&self.shell)
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !DYNAMIC_SHELLS.contains(&name.as_str()) {
            return Err(Error::UnknownCompletionShell {
                value: self.shell.to_string_lossy().into_owned(),
            });
        }
        let settings = settings_for(words(&self.args), self.lang);
        let current_dir = std::env::current_dir().ok();
        let answered = CompleteEnv::with_factory(move || command(&settings))
            .var(VARIABLE)
            .shells(Shells(&[&Bash, &Fish, &Zsh]))
            .try_complete(self.args, current_dir.as_deref());
        Ok(match answered {
            Ok(_) => ExitCode::from(ExitStatus::Success as u8),
            // The shell shows no candidates; a message would land in the
            // middle of the line being typed.
            Err(_) => ExitCode::from(ExitStatus::Failure as u8),
        })
    }
}

/// The settings the words name (`--home`, `--roadmap`, `--lang`) or the
/// environment gives, as the command being typed will see them.
fn settings_for(words: &[OsString], lang: Lang) -> Settings {
    let global = GlobalArgs {
        lang: Some(lang),
        // A `~` the shell left as it is, as the command itself expands it.
        home: option_value(words, "--home")
            .map(|home| crate::user_path::expanded_or_as_given(PathBuf::from(home))),
        roadmap: option_value(words, "--roadmap")
            .map(|roadmap| crate::user_path::expanded_or_as_given(PathBuf::from(roadmap))),
        ..GlobalArgs::default()
    };
    Settings::resolve(&global)
}

/// The value given to the long option `name` (`--home DIR`, `--home=DIR`)
/// before any `--`; the last one given counts.
fn option_value(words: &[OsString], name: &str) -> Option<OsString> {
    let mut value = None;
    let mut words = words.iter().skip(1);
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == name {
            value = words.next().cloned().or(value);
        } else if let Some(given) = word
            .to_str()
            .and_then(|word| word.strip_prefix(name))
            .and_then(|rest| rest.strip_prefix('='))
        {
            value = Some(given.into());
        }
    }
    value
}

/// The command tree in the output language, each STEP argument with its
/// completer.
fn command(settings: &Settings) -> Command {
    cli_lang::command_with(settings.lang, |mut command| {
        for &(name, argument, offered) in STEP_ARGUMENTS {
            let settings = settings.clone();
            let completer = ArgValueCompleter::new(move |current: &OsStr| {
                step_candidates(current, &settings, offered)
            });
            command = with_completer(command, name, argument, &completer);
        }
        for &(name, argument, kind, marked) in ITEM_ARGUMENTS {
            let settings = settings.clone();
            let completer = ArgValueCompleter::new(move |current: &OsStr| {
                item_candidates(current, &settings, kind, marked)
            });
            command = with_completer(command, name, argument, &completer);
        }
        command
    })
}

/// `command` with `completer` on the argument `argument` of its subcommand `name`.
fn with_completer(
    command: Command,
    name: &str,
    argument: &str,
    completer: &ArgValueCompleter,
) -> Command {
    // `mut_args`, not `mut_arg`: that one moves the argument to the end,
    // which renumbers the positionals (`note STEP TEXT`).
    command.mut_subcommand(name, |sub| {
        sub.mut_args(|arg| {
            if arg.get_id() == argument {
                arg.add(completer.clone())
            } else {
                arg
            }
        })
    })
}

/// The candidates for an ACTION (RESOURCE) argument typed so far as
/// `current`: `5.1`, `5.2`... with the action's text (the resource's
/// title), those marked or not as `marked` says. In a list (`5.1,`) the
/// last item is completed.
fn item_candidates(
    current: &OsStr,
    settings: &Settings,
    kind: MarkKind,
    marked: bool,
) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let Some(roadmap) = roadmap(settings) else {
        return Vec::new();
    };
    let state = settings
        .home
        .as_ref()
        .and_then(|home| ProgressStore::reading_only(home).load_without_notes().ok());
    let Some(state) = state else {
        return Vec::new();
    };
    let progress = state.roadmap(&roadmap.id);
    let (kept, part) = current.split_at(current.rfind(',').map_or(0, |comma| comma + 1));
    let mut found = Vec::new();
    for (position, step) in roadmap.steps.iter().enumerate() {
        let record = progress.step(&step.id);
        let items: Vec<(&str, &str)> = match kind {
            MarkKind::Action => step
                .actions
                .iter()
                .map(|action| (action.key.as_ref(), action.text.get(settings.lang)))
                .collect(),
            MarkKind::Resource => step
                .resources
                .iter()
                .map(|resource| (resource.url.as_ref(), resource.title.get(settings.lang)))
                .collect(),
        };
        for (index, (key, text)) in items.into_iter().enumerate() {
            let is_marked = record.is_some_and(|record| match kind {
                MarkKind::Action => record.is_ticked(key),
                MarkKind::Resource => record.is_used(key),
            });
            let label = format!("{}.{}", position + 1, index + 1);
            if is_marked == marked && label.starts_with(part) {
                found.push(
                    CompletionCandidate::new(format!("{kept}{label}"))
                        .help(Some(text.to_string().into())),
                );
            }
        }
    }
    found
}

/// The candidates for a STEP argument typed so far as `current`.
fn step_candidates(
    current: &OsStr,
    settings: &Settings,
    offered: Offered,
) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let Some(roadmap) = roadmap(settings) else {
        return Vec::new();
    };
    let Some(statuses) = statuses(settings, &roadmap) else {
        return Vec::new();
    };
    let steps: Vec<Step> = roadmap
        .steps
        .iter()
        .zip(statuses)
        .enumerate()
        .filter(|(_, (_, status))| match offered {
            Offered::All => true,
            Offered::NotIn(excluded) => *status != excluded,
        })
        .map(|(position, (step, _))| Step {
            number: (position + 1).to_string(),
            id: step.id.as_ref(),
            title: step.title.get(settings.lang),
        })
        .collect();
    candidates(current, &steps)
}

/// One step as a completion offers it.
#[derive(Debug)]
struct Step<'a> {
    number: String,
    id: &'a str,
    title: &'a str,
}

/// The candidates for `current` among `steps`: numbers first, then ids,
/// each with its title. In a list (`1,4,`) or a range (`3-`), the last
/// part is completed and what comes before it kept.
fn candidates(current: &str, steps: &[Step<'_>]) -> Vec<CompletionCandidate> {
    let (kept, part) = last_part(current);
    let candidate = |value: &str, title: &str| {
        CompletionCandidate::new(format!("{kept}{value}")).help(Some(title.to_string().into()))
    };
    let numbers = steps
        .iter()
        .filter(|step| step.number.starts_with(part))
        .map(|step| candidate(&step.number, step.title));
    let ids = steps
        .iter()
        .filter(|step| step.id.starts_with(part))
        .map(|step| candidate(step.id, step.title));
    numbers.chain(ids).collect()
}

/// `current` cut before its last list item or range end: `("1,4,", "7")`
/// for `1,4,7`, `("3-", "1")` for `3-1`, `("", "content")` for `content`.
/// A dash after anything but digits belongs to an id (`content-strategy`).
fn last_part(current: &str) -> (&str, &str) {
    let item_start = current.rfind(',').map_or(0, |comma| comma + 1);
    let item = &current[item_start..];
    let cut = match item.find('-') {
        Some(dash) if dash > 0 && item[..dash].bytes().all(|b| b.is_ascii_digit()) => {
            item_start + dash + 1
        }
        _ => item_start,
    };
    current.split_at(cut)
}

/// The roadmap in use, read without leaving a cached copy; `None` when it
/// cannot be read.
fn roadmap(settings: &Settings) -> Option<Roadmap> {
    match &settings.roadmap_file {
        Some(path) => load_file(path, None).ok(),
        None => Some(load_builtin()),
    }
}

/// Each step's status, in roadmap order, read without writing anything;
/// `None` when the home names none or the progress cannot be read.
fn statuses(settings: &Settings, roadmap: &Roadmap) -> Option<Vec<Status>> {
    let home = settings.home.as_ref()?;
    let state = ProgressStore::reading_only(home)
        .load_without_notes()
        .ok()?;
    let progress = state.roadmaps.get(roadmap.id.as_ref());
    Some(
        roadmap
            .steps
            .iter()
            .map(|step| {
                progress
                    .and_then(|progress| progress.steps.get(step.id.as_ref()))
                    .map_or(Status::Todo, |step| step.status)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(candidates: &[CompletionCandidate]) -> Vec<String> {
        candidates
            .iter()
            .map(|candidate| candidate.get_value().to_string_lossy().into_owned())
            .collect()
    }

    fn three_steps() -> Vec<Step<'static>> {
        [
            ("understand-platforms", "Understand"),
            ("choose-a-niche", "Niche"),
            ("content-strategy", "Strategy"),
        ]
        .into_iter()
        .enumerate()
        .map(|(position, (id, title))| Step {
            number: (position + 1).to_string(),
            id,
            title,
        })
        .collect()
    }

    #[test]
    fn numbers_come_before_ids_each_with_its_title() {
        let candidates = candidates("", &three_steps());
        assert_eq!(
            values(&candidates),
            [
                "1",
                "2",
                "3",
                "understand-platforms",
                "choose-a-niche",
                "content-strategy"
            ]
        );
        let help = candidates[5].get_help().map(ToString::to_string);
        assert_eq!(help.as_deref(), Some("Strategy"));
    }

    #[test]
    fn what_is_typed_narrows_by_prefix() {
        assert_eq!(
            values(&candidates("c", &three_steps())),
            ["choose-a-niche", "content-strategy"]
        );
        assert_eq!(
            values(&candidates("cont", &three_steps())),
            ["content-strategy"]
        );
        assert_eq!(values(&candidates("2", &three_steps())), ["2"]);
        assert!(candidates("9", &three_steps()).is_empty());
    }

    #[test]
    fn the_last_part_of_a_list_or_range_is_completed() {
        assert_eq!(last_part("1,4,7"), ("1,4,", "7"));
        assert_eq!(last_part("3-1"), ("3-", "1"));
        assert_eq!(last_part("1,3-"), ("1,3-", ""));
        assert_eq!(last_part("content-st"), ("", "content-st"));
        assert_eq!(last_part("2,content-st"), ("2,", "content-st"));
        assert_eq!(
            values(&candidates("1,", &three_steps()))[..3],
            ["1,1", "1,2", "1,3"]
        );
        assert_eq!(
            values(&candidates("1-", &three_steps()))[..3],
            ["1-1", "1-2", "1-3"]
        );
    }

    #[test]
    fn options_are_found_in_the_words_as_clap_reads_them() {
        let words: Vec<OsString> = [
            "smm-path",
            "--home",
            "/h",
            "--roadmap=r.yaml",
            "done",
            "--",
            "--home",
            "x",
        ]
        .into_iter()
        .map(OsString::from)
        .collect();
        assert_eq!(option_value(&words, "--home"), Some("/h".into()));
        assert_eq!(option_value(&words, "--roadmap"), Some("r.yaml".into()));
        assert_eq!(option_value(&words, "--lang"), None);
        // An option still being typed names nothing yet.
        let typing: Vec<OsString> = ["smm-path", "--home"]
            .into_iter()
            .map(OsString::from)
            .collect();
        assert_eq!(option_value(&typing, "--home"), None);
    }

    #[test]
    fn every_step_argument_has_a_completer() {
        use clap::CommandFactory;
        // Every positional argument named STEP, in every command.
        let tree = crate::cli::Cli::command();
        let mut found: Vec<(String, String)> = Vec::new();
        for sub in tree.get_subcommands() {
            for arg in sub.get_positionals() {
                let names = arg.get_value_names().unwrap_or_default();
                if names.iter().any(|name| name.as_str() == "STEP") {
                    found.push((sub.get_name().to_string(), arg.get_id().to_string()));
                }
            }
        }
        let mut listed: Vec<(String, String)> = STEP_ARGUMENTS
            .iter()
            .map(|(name, id, _)| ((*name).to_string(), (*id).to_string()))
            .collect();
        found.sort();
        listed.sort();
        assert_eq!(found, listed);
        // And the completers are on them in both languages' trees, with
        // every command's positionals in their order.
        let mut plain = crate::cli::Cli::command();
        plain.build();
        for lang in [Lang::En, Lang::Id] {
            let settings = Settings::resolve(&GlobalArgs {
                lang: Some(lang),
                ..GlobalArgs::default()
            });
            let mut tree = command(&settings);
            tree.build();
            for sub in plain.get_subcommands() {
                let order = |sub: &Command| -> Vec<String> {
                    sub.get_positionals()
                        .map(|arg| arg.get_id().to_string())
                        .collect()
                };
                let completing = tree.find_subcommand(sub.get_name()).expect("the command");
                assert_eq!(order(completing), order(sub), "{}", sub.get_name());
            }
            for (name, id, _) in STEP_ARGUMENTS {
                let arg = tree
                    .find_subcommand(name)
                    .and_then(|sub| sub.get_arguments().find(|arg| arg.get_id() == *id))
                    .expect("the argument");
                assert!(arg.get::<ArgValueCompleter>().is_some(), "{name} {id}");
            }
        }
    }
}
