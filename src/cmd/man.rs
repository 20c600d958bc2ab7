//! `smm-path man`: the manual page, in the output language.

use std::io::{self, Write};

use clap_mangen::Man;

use super::output::write_output;
use crate::cli::ManArgs;
use crate::error::Error;
use crate::i18n::{Key, Lang, word};
use crate::progress::ProgressStore;

/// The page's date: when the built-in roadmap's content was last reviewed.
/// (clap_mangen leaves an empty date out of `.TH`, which shifts the fields
/// after it.)
const MAN_DATE: &str = "2026-11";

/// One page, smm-path(1), with every command in it, in `lang`: clap_mangen
/// would point to a `smm-path-status(1)` page per command, and no such
/// pages are installed. Printed, or written to `-o FILE` (never over a
/// file of `store`, the home's).
pub(crate) fn run(
    lang: Lang,
    store: Option<&ProgressStore>,
    args: &ManArgs,
    out: &mut dyn Write,
) -> Result<(), Error> {
    // Writing to memory cannot fail; the error is kept all the same.
    let page = man_page(lang).map_err(Error::Output)?;
    let mut document = String::with_capacity(page.len());
    for line in String::from_utf8_lossy(&page).lines() {
        match line.strip_prefix(".SH ") {
            Some(heading) => document.push_str(&format!(".SH {}", section_heading(lang, heading))),
            None => document.push_str(line),
        }
        document.push('\n');
    }
    write_output(lang, store, args.output.as_deref(), &document, out)
}

/// The page as clap_mangen writes it, in memory, so its headings can be
/// translated on the way out.
fn man_page(lang: Lang) -> io::Result<Vec<u8>> {
    let mut page = Vec::new();
    let mut command = crate::cli_lang::command(lang);
    command.build();
    let man = Man::new(command.clone())
        .date(MAN_DATE)
        .manual(word(lang, Key::ManManual));
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    writeln!(page, ".SH COMMANDS")?;
    // Unbuilt, a command holds only its own options: the global ones are
    // listed once above.
    render_commands(
        &crate::cli_lang::command_unbuilt(lang),
        "smm-path",
        &mut page,
    )?;
    if command.get_after_long_help().is_some() || command.get_after_help().is_some() {
        man.render_extra_section(&mut page)?;
    }
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// A man page section's heading in `lang`.
fn section_heading(lang: Lang, heading: &str) -> String {
    let key = match heading.trim_matches('"') {
        "NAME" => Key::ManName,
        "SYNOPSIS" => Key::ManSynopsis,
        "DESCRIPTION" => Key::ManDescription,
        "OPTIONS" => Key::ManOptions,
        "COMMANDS" => Key::ManCommands,
        "EXTRA" => Key::ManMore,
        "VERSION" => Key::ManVersion,
        other => return other.to_string(),
    };
    word(lang, key).to_string()
}

/// Each visible command of `parent` as a subsection: its usage, what it
/// does and its own options; nested commands (`roadmap list`) follow.
fn render_commands(parent: &clap::Command, path: &str, out: &mut Vec<u8>) -> io::Result<()> {
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
