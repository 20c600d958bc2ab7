//! What the terminal allows: colour and width, decided once from the environment.

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// Whether to colour standard output.
///
/// Follows <https://no-color.org> and <https://bixense.com/clicolors/>:
/// `NO_COLOR` (non-empty) turns colour off, `CLICOLOR_FORCE` (not `0`) turns
/// it on even in a pipe, `CLICOLOR=0` turns it off on a terminal. An explicit
/// `--color always|never` beats them all.
pub(crate) fn use_color(choice: ColorChoice, var: impl Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| var(name).filter(|value| !value.is_empty());
    match choice {
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
                std::io::stdout().is_terminal()
            }
        }
    }
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

    #[test]
    fn colour_follows_the_conventions() {
        assert!(!use_color(
            ColorChoice::Auto,
            vars(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])
        ));
        assert!(use_color(
            ColorChoice::Auto,
            vars(&[("CLICOLOR_FORCE", "1")])
        ));
        assert!(!use_color(
            ColorChoice::Auto,
            vars(&[("CLICOLOR_FORCE", "0"), ("CLICOLOR", "0")])
        ));
        assert!(use_color(ColorChoice::Always, vars(&[("NO_COLOR", "1")])));
        assert!(!use_color(
            ColorChoice::Never,
            vars(&[("CLICOLOR_FORCE", "1")])
        ));
    }
}
