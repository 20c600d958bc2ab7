//! `smm-path completions SHELL`: fitting into the user's shell.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub(crate) fn run(args: &CompletionsArgs, out: &mut dyn Write) {
    clap_complete::generate(args.shell, &mut Cli::command(), "smm-path", out);
}
