//! `smm-path completions SHELL`: fitting into the user's shell.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::Error;

pub(crate) fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "smm-path", &mut script);
    if args.shell == Shell::Bash {
        script = bash_fixed(&script);
    }
    out.write_all(&script).map_err(Error::Output)
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
