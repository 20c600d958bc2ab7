//! The status table and summary line shown by `smm-path status`.

use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, LineStyle, Table, TableStyle};

use super::{ProgressReport, status_label};
use crate::i18n::{Key, format_date, word};
use crate::progress::Status;

/// How the caller's output looks: decided by the command from the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Fit the table into this many columns.
    pub width: Option<u16>,
}

/// Columns separated by space and one rule under the header: quiet enough to read daily.
const QUIET_STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Done => "✓",
        Status::InProgress => "▶",
        Status::Skipped => "↷",
        Status::Todo => "○",
    }
}

fn status_color(status: Status) -> Option<Color> {
    match status {
        Status::Done => Some(Color::Green),
        Status::InProgress => Some(Color::Yellow),
        Status::Skipped => Some(Color::DarkGrey),
        Status::Todo => None,
    }
}

/// The table of every step: number, title, status, date.
pub fn render_status_table(report: &ProgressReport, options: TableOptions) -> String {
    let lang = report.lang;
    let mut table = Table::new();
    table
        .load_style(QUIET_STYLE)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty();
    if options.color {
        table.enforce_styling();
    }
    if let Some(width) = options.width {
        table.set_width(width);
    }
    table.set_header(vec![
        Cell::new(word(lang, Key::HeaderNumber)).set_alignment(CellAlignment::Right),
        Cell::new(word(lang, Key::HeaderStep)),
        Cell::new(word(lang, Key::HeaderStatus)),
        Cell::new(word(lang, Key::HeaderDate)),
    ]);
    for step in &report.steps {
        let mut status = Cell::new(format!(
            "{} {}",
            status_mark(step.status),
            status_label(lang, step.status)
        ));
        if let Some(color) = status_color(step.status) {
            status = status.fg(color);
        }
        let date = step
            .status_date()
            .map(|at| format_date(lang, at.date_naive()))
            .unwrap_or_default();
        table.add_row(vec![
            Cell::new(step.number).set_alignment(CellAlignment::Right),
            Cell::new(step.title),
            status,
            Cell::new(date),
        ]);
    }
    // Cell padding leaves trailing spaces that only get in the way of copying and diffing.
    table
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
