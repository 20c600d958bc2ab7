//! `smm-path completions SHELL` and `smm-path man`: fitting into the user's shell and manual.

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::Man;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::Error;

pub(crate) fn run_completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<(), Error> {
    clap_complete::generate(args.shell, &mut Cli::command(), "smm-path", out);
    Ok(())
}

/// One page, smm-path(1), with every command in it: clap_mangen would point
/// to a `smm-path-status(1)` page per command, and no such pages are installed.
pub(crate) fn run_man(out: &mut dyn Write) -> Result<(), Error> {
    let mut command = Cli::command();
    command.build();
    let man = Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    // Unbuilt, a command holds only its own options: the global ones are
    // listed once above.
    render_commands(&Cli::command(), "smm-path", out)?;
    if command.get_after_long_help().is_some() || command.get_after_help().is_some() {
        man.render_extra_section(out)?;
    }
    man.render_version_section(out)?;
    Ok(())
}

/// Each visible command of `parent` as a subsection: its usage, what it
/// does and its own options; nested commands (`roadmap list`) follow.
fn render_commands(parent: &clap::Command, path: &str, out: &mut dyn Write) -> Result<(), Error> {
    for command in parent
        .get_subcommands()
        .filter(|command| !command.is_hide_set())
    {
        let name = format!("{path} {}", command.get_name());
        let page = Man::new(command.clone().bin_name(&name));
        writeln!(out, ".SS \"{name}\"")?;
        let mut sections = Vec::new();
        page.render_synopsis_section(&mut sections)?;
        page.render_description_section(&mut sections)?;
        page.render_options_section(&mut sections)?;
        // A command's own sections sit inside its subsection: a heading
        // becomes a paragraph with the heading's word in italics.
        for line in String::from_utf8_lossy(&sections).lines() {
            match line.strip_prefix(".SH ") {
                Some("SYNOPSIS" | "DESCRIPTION") => writeln!(out, ".PP")?,
                Some(heading) => writeln!(out, ".PP\n\\fI{}\\fR", heading.trim_matches('"'))?,
                None => writeln!(out, "{line}")?,
            }
        }
        render_commands(command, &name, out)?;
    }
    Ok(())
}
