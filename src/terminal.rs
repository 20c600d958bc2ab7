//! What the terminal allows: colour and width, decided once from the environment.

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// Whether to colour standard output: the one place that decides it, for
/// every coloured text (the summary bar, the calendar, the status table).
///
/// Follows <https://no-color.org> and <https://bixense.com/clicolors/>:
/// `NO_COLOR` (non-empty) turns colour off, `CLICOLOR_FORCE` (not `0`) turns
/// it on even in a pipe, `CLICOLOR=0` turns it off on a terminal. An explicit
/// `--color always|never` beats them all. On a terminal that cannot show
/// colour (a Windows console whose escape sequences cannot be turned on),
/// there is none whatever was asked: the codes would be printed as text.
pub(crate) fn use_color(choice: ColorChoice, var: impl Fn(&str) -> Option<String>) -> bool {
    decide_color(
        choice,
        var,
        std::io::stdout().is_terminal(),
        enable_escape_sequences,
    )
}

/// [`use_color`] with what it asks the system handed in, for the tests.
/// `enable` is called only when colour is wanted on a terminal.
fn decide_color(
    choice: ColorChoice,
    var: impl Fn(&str) -> Option<String>,
    on_terminal: bool,
    enable: impl FnOnce() -> bool,
) -> bool {
    let set = |name: &str| var(name).filter(|value| !value.is_empty());
    let wanted = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if set("CLICOLOR_FORCE").is_some_and(|value| value != "0") {
                true
            } else if set("CLICOLOR").is_some_and(|value| value == "0") {
                false
            } else if var("TERM").is_some_and(|term| term == "dumb") {
                // A terminal that says it understands no escape sequences.
                false
            } else {
                on_terminal
            }
        }
    };
    // Into a pipe the codes go as asked (`--color always | less -R`); a
    // terminal must be able to read them.
    wanted && (!on_terminal || enable())
}

/// Makes the terminal read escape sequences, and says whether it does.
/// A Windows console shows them as text until its virtual terminal
/// processing (`ENABLE_VIRTUAL_TERMINAL_PROCESSING`, Windows 10 and later)
/// is turned on; crossterm, already here for the full-screen view, does
/// that without `unsafe` in this crate, and counts a terminal that sets
/// `TERM` (mintty, Git Bash) as one that reads them.
#[cfg(windows)]
fn enable_escape_sequences() -> bool {
    ratatui::crossterm::ansi_support::supports_ansi()
}

/// Every terminal smm-path runs in elsewhere reads escape sequences.
#[cfg(not(windows))]
fn enable_escape_sequences() -> bool {
    true
}

/// How wide the output may be: `COLUMNS` if set, else the terminal's width;
/// `None` in a pipe, where nothing should be wrapped.
pub(crate) fn output_width(var: impl Fn(&str) -> Option<String>) -> Option<u16> {
    if let Some(columns) = var("COLUMNS").and_then(|value| value.trim().parse::<u16>().ok()) {
        return Some(columns.max(20));
    }
    // comfy-table asks crossterm for the size, and only when stdout is a
    // terminal. A pseudo-terminal nobody sized (script, some CI) reports 0.
    comfy_table::Table::new()
        .width()
        .filter(|&width| width >= 20)
}

/// Standard output on a terminal: everything written passes through
/// [`crate::control::escape_for_terminal`], so no text can act on the terminal.
pub(crate) struct ControlEscaper<W: std::io::Write> {
    inner: W,
    /// The start of a sequence cut off at the end of the last write.
    held: Vec<u8>,
}

impl<W: std::io::Write> ControlEscaper<W> {
    pub(crate) fn new(inner: W) -> Self {
        ControlEscaper {
            inner,
            held: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for ControlEscaper<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.held.extend_from_slice(buf);
        let (out, held) = crate::control::escape_for_terminal(&self.held, true);
        self.inner.write_all(&out)?;
        let keep_from = self.held.len() - held;
        self.held.drain(..keep_from);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let (out, _) = crate::control::escape_for_terminal(&self.held, false);
        self.held.clear();
        self.inner.write_all(&out)?;
        self.inner.flush()
    }
}

/// Whether there is a person at the keyboard to answer a question.
pub(crate) fn stdin_is_interactive() -> bool {
    std::io::stdin().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    /// `use_color` as a pipe would see it: no terminal to enable.
    fn in_a_pipe(choice: ColorChoice, var: impl Fn(&str) -> Option<String>) -> bool {
        decide_color(choice, var, false, || {
            panic!("a pipe has no console to enable")
        })
    }

    #[test]
    fn colour_follows_the_conventions() {
        assert!(!in_a_pipe(
            ColorChoice::Auto,
            vars(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])
        ));
        assert!(in_a_pipe(
            ColorChoice::Auto,
            vars(&[("CLICOLOR_FORCE", "1")])
        ));
        assert!(!in_a_pipe(
            ColorChoice::Auto,
            vars(&[("CLICOLOR_FORCE", "0"), ("CLICOLOR", "0")])
        ));
        assert!(in_a_pipe(ColorChoice::Always, vars(&[("NO_COLOR", "1")])));
        assert!(!in_a_pipe(
            ColorChoice::Never,
            vars(&[("CLICOLOR_FORCE", "1")])
        ));
        assert!(!in_a_pipe(ColorChoice::Auto, vars(&[])));
    }

    #[test]
    fn a_terminal_that_cannot_read_escape_sequences_gets_no_colour() {
        let terminal = |choice, enabled: bool| {
            let mut asked = false;
            let colour = decide_color(choice, vars(&[]), true, || {
                asked = true;
                enabled
            });
            (colour, asked)
        };
        assert_eq!(terminal(ColorChoice::Auto, true), (true, true));
        assert_eq!(terminal(ColorChoice::Auto, false), (false, true));
        assert_eq!(terminal(ColorChoice::Always, false), (false, true));
        // Nothing is switched on for output that is not coloured.
        assert_eq!(terminal(ColorChoice::Never, true), (false, false));
    }
}
