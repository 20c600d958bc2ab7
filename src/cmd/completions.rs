//! `smm-path completions SHELL`: fitting into the user's shell.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use super::output::write_output;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::Error;
use crate::i18n::Lang;
use crate::progress::ProgressStore;

/// Prints the script, or writes it to `-o FILE` (never over a file of
/// `store`, the home's) and says so in `lang`.
pub(crate) fn run(
    lang: Lang,
    store: Option<&ProgressStore>,
    args: &CompletionsArgs,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "smm-path", &mut script);
    if args.shell == Shell::Bash {
        script = bash_fixed(&script);
    }
    // clap_complete writes its scripts from `&str`s.
    let script = String::from_utf8_lossy(&script);
    write_output(lang, store, args.output.as_deref(), &script, out)
}

/// clap_complete's bash script for a hyphenated name sets
/// `cmd="smm__path__subcmd__export"` but names its case arms
/// `smm__subcmd__path__subcmd__export)`, so nothing completes after a
/// subcommand (clap-rs/clap#6421). The arms are renamed to match.
fn bash_fixed(script: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(script)
        .replace("smm__subcmd__path__", "smm__path__")
        .into_bytes()
}
