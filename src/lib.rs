//! smm-path: a command-line tracker for a career roadmap in social media management.
//!
//! The binary is a thin shell around [`main`]. Arrows point one way:
//! `settings, cli → cmd (→ ui) → actions, context → report → progress,
//! roadmap`; the domain modules never print (see the README's Layout).

mod actions;
mod atomic_file;
mod cache;
mod cli;
mod cli_lang;
mod cmd;
mod completion;
mod context;
mod control;
mod crash_point;
mod error;
mod i18n;
mod plain_file;
mod progress;
mod report;
mod roadmap;
mod settings;
mod shell;
mod terminal;
mod ui;
mod user_path;
mod yaml;

use std::io::Write;
use std::process::ExitCode;

/// What the fuzz targets, the benchmarks' data generators and the property
/// tests drive directly, by the same paths as inside the crate. Not an API:
/// smm-path is a program, and these move when the program needs them to.
#[doc(hidden)]
pub mod internals {
    pub mod cli {
        pub use crate::cli::Cli;
    }
    pub mod i18n {
        pub use crate::i18n::Lang;
    }
    pub mod progress {
        pub use crate::progress::{
            Action, Change, ChangeId, Due, HistoryMark, Incoming, MAX_CLOCK_LEAD, Mark, MarkKind,
            Note, OpKey, ProgressStore, Reads, Recorder, RoadmapProgress, SCHEMA_VERSION, State,
            Status, StepProgress, StepSelector, StoreError, Timestamp, parse_incoming, parse_state,
            replay,
        };
    }
    pub mod report {
        pub use crate::report::{
            ProgressReport, render_csv, render_html, render_json, render_markdown,
        };
    }
    pub mod roadmap {
        pub use crate::roadmap::{Roadmap, Text, load_builtin, load_file, parse_roadmap};
    }
    pub mod yaml {
        pub use crate::yaml::to_string;
    }
}

use clap::FromArgMatches;

use crate::cli::Cli;
use crate::error::{Error, ExitStatus};
use crate::i18n::{Key, word};
use crate::settings::Settings;

/// `smm-path`, `smm-path status`, `smm-path today` and `smm-path today
/// --short` alone, the commands a shell prompt, a status bar or a shell's
/// start-up file runs again and again, as clap would parse them. Building
/// clap's whole command tree costs about as much as the rest of `status`,
/// so these skip it; anything else goes through clap.
fn plain_status() -> Option<Cli> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).take(3).collect();
    let words: Vec<&str> = args.iter().map(|arg| arg.to_str()).collect::<Option<_>>()?;
    let command = match words.as_slice() {
        [] => None,
        ["status"] => Some(cli::Command::Status(cli::StatusArgs::default())),
        ["today"] => Some(cli::Command::Today(cli::TodayArgs { short: false })),
        ["today", "--short"] => Some(cli::Command::Today(cli::TodayArgs { short: true })),
        _ => return None,
    };
    Some(Cli {
        global: cli::GlobalArgs::default(),
        command,
    })
}

/// The whole program: parse the command line, run, report the error once.
pub fn main() -> ExitCode {
    // Before anything is printed: the shell reads the answer from stdout.
    if let Some(request) = completion::request() {
        let lang = request.lang;
        return request
            .answer()
            .unwrap_or_else(|error| report(&error, lang));
    }
    let mut cli = plain_status().unwrap_or_else(|| {
        // The language is known before clap parses, so that its help and
        // its usage errors (exit code 2, our usage code) speak it too.
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let lang = cli_lang::early_language(&args, settings::env_var, settings::system_language);
        let mut command = cli_lang::command(lang);
        let matches = command
            .try_get_matches_from_mut(&args)
            .unwrap_or_else(|error| cli_lang::exit_with(error, &mut command, lang));
        let cli = Cli::from_arg_matches(&matches)
            .unwrap_or_else(|error| cli_lang::exit_with(error, &mut command, lang));
        // As with the context below: tearing clap's model down at exit is wasted work.
        std::mem::forget((command, matches));
        cli
    });
    // Before the settings read --home and --roadmap.
    let expanded = user_path::expand_arguments(&mut cli, settings::home_folder);
    let settings = Settings::resolve(&cli.global);
    let lang = settings.lang;
    let stdout = std::io::stdout();
    let to_terminal = std::io::IsTerminal::is_terminal(&stdout);
    let mut out: std::io::BufWriter<Box<dyn Write>> = if to_terminal {
        std::io::BufWriter::new(Box::new(terminal::ControlEscaper::new(stdout.lock())))
    } else {
        std::io::BufWriter::new(Box::new(stdout.lock()))
    };
    let result = expanded
        .and_then(|()| cmd::run(&settings, cli.command.as_ref(), &mut out))
        .and_then(|()| out.flush().map_err(Error::Output));
    match result {
        Ok(()) => ExitCode::from(ExitStatus::Success as u8),
        Err(error) if error.is_broken_pipe() => ExitCode::from(ExitStatus::Success as u8),
        Err(error) => {
            // Whatever was printed before the error goes out first.
            let _ = out.flush();
            report(&error, lang)
        }
    }
}

/// Prints `error` as the one line on stderr, and gives its exit code.
fn report(error: &Error, lang: crate::i18n::Lang) -> ExitCode {
    // The message may quote what was typed or read: shown, never acted on.
    let message = control::escaped(&error.render(lang));
    eprintln!("{}: {message}", word(lang, Key::ErrorPrefix));
    ExitCode::from(error.exit_status() as u8)
}
