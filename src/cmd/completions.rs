//! `smm-path completions SHELL` and `smm-path man`: fitting into the user's shell and manual.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::Error;

pub(crate) fn run_completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<(), Error> {
    clap_complete::generate(args.shell, &mut Cli::command(), "smm-path", out);
    Ok(())
}

pub(crate) fn run_man(out: &mut dyn Write) -> Result<(), Error> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}
