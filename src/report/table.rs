//! The status table and summary line shown by `smm-path status`.

use std::collections::HashMap;

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};
use unicode_width::UnicodeWidthStr;

use super::{ProgressReport, status_label};
use crate::i18n::{Key, format_date, word};
use crate::progress::Status;

/// How the caller's output looks: decided by the command from the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TableOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Fit the table into this many columns.
    pub width: Option<u16>,
}

/// Columns separated by space and one rule under the header: quiet enough to read daily.
const QUIET_STYLE: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─'));

fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Done => "✓",
        Status::InProgress => "▶",
        Status::Skipped => "↷",
        Status::Todo => "○",
    }
}

/// The SGR sequences the status table's cells are drawn with, and the one
/// that ends each: what comfy-table (through crossterm) writes for the
/// same colours, so the table reads the same whichever drew it.
const GREEN: &str = "\x1b[38;5;10m";
const YELLOW: &str = "\x1b[38;5;11m";
const DARK_GREY: &str = "\x1b[38;5;8m";
const BOLD: &str = "\x1b[1m";
const END_COLOR: &str = "\x1b[39m";
const END_ATTRIBUTES: &str = "\x1b[0m";

/// How a status is coloured: its start and end sequences.
fn status_color(status: Status) -> Option<(&'static str, &'static str)> {
    match status {
        Status::Done => Some((GREEN, END_COLOR)),
        Status::InProgress => Some((YELLOW, END_COLOR)),
        Status::Skipped => Some((DARK_GREY, END_COLOR)),
        Status::Todo => None,
    }
}

/// One row of the status table before it is laid out: its four cells
/// (already wrapped into lines), and how the status cell is styled.
struct Row {
    cells: [String; 4],
    /// The phase headings are bold in their title and progress cells.
    heading: bool,
    status: Option<Status>,
}

/// The table of every step: number, title, status, date.
///
/// Written directly rather than through comfy-table: at 100,000 steps
/// comfy-table's cells, its lines of each cell and its passes over them
/// were half of `status`. The output is the same, byte for byte, as the
/// quiet comfy-table the cohort's table still uses (padding of one space
/// each side, no borders, a rule under the header, numbers right-aligned,
/// the styles around a cell's padded line), which a test checks.
pub(crate) fn render_status_table(report: &ProgressReport, options: TableOptions) -> String {
    let lang = report.lang;
    let header = [
        word(lang, Key::HeaderNumber).to_string(),
        word(lang, Key::HeaderStep).to_string(),
        word(lang, Key::HeaderStatus).to_string(),
        word(lang, Key::HeaderDate).to_string(),
    ];
    // Many steps share a day: each day is formatted once.
    let mut dates: HashMap<chrono::NaiveDate, String> = HashMap::new();
    // A phase's heading row comes before its first step: `Fondasi 3/5`.
    let mut rows: Vec<Row> = Vec::with_capacity(report.steps.len() + report.phases.len());
    for (index, step) in report.steps.iter().enumerate() {
        if let Some(heading) = report.phase_starting_at(index) {
            rows.push(Row {
                cells: [
                    String::new(),
                    heading.title.to_string(),
                    heading.progress(),
                    String::new(),
                ],
                heading: true,
                status: None,
            });
        }
        let mut status = format!(
            "{} {}",
            status_mark(step.status),
            status_label(lang, step.status)
        );
        // The actions' tally once one is ticked: `▶ in progress 2/4`.
        if let Some(tally) = step.action_tally()
            && step.actions_ticked() > 0
        {
            status.push(' ');
            status.push_str(&tally);
        }
        let date = step
            .status_date()
            .map(|at| {
                let day = at.date_naive();
                dates
                    .entry(day)
                    .or_insert_with(|| format_date(lang, day))
                    .clone()
            })
            .unwrap_or_default();
        rows.push(Row {
            cells: [
                step.number.to_string(),
                step.title.to_string(),
                status,
                date,
            ],
            heading: false,
            status: Some(step.status),
        });
    }
    let mut header = header;
    if let Some(width) = options.width {
        let widths = fit_columns(
            &header,
            rows.iter().map(|row| &row.cells),
            usize::from(width),
        );
        for (column, cell) in header.iter_mut().enumerate() {
            *cell = wrap_words(cell, widths[column]);
        }
        for row in &mut rows {
            for (column, cell) in row.cells.iter_mut().enumerate() {
                // The number is never wrapped: it is as narrow as its column allows.
                if column > 0 {
                    *cell = wrap_words(cell, widths[column]);
                }
            }
        }
    }
    let style = |row: &Row, column: usize| -> Option<(&'static str, &'static str)> {
        if !options.color {
            return None;
        }
        match (row.heading, column) {
            (true, 1 | 2) => Some((BOLD, END_ATTRIBUTES)),
            (false, 2) => row.status.and_then(status_color),
            _ => None,
        }
    };
    let header_row = Row {
        cells: header,
        heading: false,
        status: None,
    };
    let mut widths = [0; 4];
    for row in std::iter::once(&header_row).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(&row.cells) {
            let widest = cell.split('\n').map(width_of).max();
            *width = (*width).max(widest.unwrap_or(0));
        }
    }
    let mut table = String::with_capacity(rows.len() * (widths.iter().sum::<usize>() + 16));
    let mut line = String::new();
    for (index, row) in std::iter::once(&header_row).chain(&rows).enumerate() {
        let mut cells = row.cells.each_ref().map(|cell| cell.split('\n'));
        let height = row
            .cells
            .iter()
            .map(|cell| cell.split('\n').count())
            .max()
            .unwrap_or(1);
        for _ in 0..height {
            line.clear();
            for (column, lines) in cells.iter_mut().enumerate() {
                let width = widths[column];
                let Some(text) = lines.next() else {
                    // A cell with fewer lines than its row: blank, unstyled.
                    line.extend(std::iter::repeat_n(' ', width + 2));
                    continue;
                };
                let room = width.saturating_sub(width_of(text));
                // The number column and its header are right-aligned.
                let (before, after) = if column == 0 { (room, 0) } else { (0, room) };
                let styled = style(row, column);
                if let Some((start, _)) = styled {
                    line.push_str(start);
                }
                line.extend(std::iter::repeat_n(' ', 1 + before));
                line.push_str(text);
                line.extend(std::iter::repeat_n(' ', after + 1));
                if let Some((_, end)) = styled {
                    line.push_str(end);
                }
            }
            // Cell padding leaves trailing spaces that only get in the way of copying and diffing.
            push_line(&mut table, line.trim_end());
        }
        if index == 0 {
            let rule: usize = widths.iter().map(|width| width + 2).sum();
            push_line(&mut table, &"─".repeat(rule));
        }
    }
    table
}

/// Adds `line` to `text`, after a line break when `text` has lines already.
fn push_line(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(line);
}

/// Columns the table's style takes besides the text of `columns` columns
/// (padding and separators), measured once on a table of one-letter cells.
fn style_overhead(columns: usize) -> usize {
    let mut table = Table::new();
    table
        .load_style(QUIET_STYLE)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty()
        .set_header(vec!["x"; columns]);
    table
        .lines()
        .map(|line| width_of(&line))
        .max()
        .unwrap_or(columns)
        .saturating_sub(columns)
}

/// A table in the quiet style of `status`, its cells wrapped between words
/// to fit `width` (unbounded when `None`): each column as wide as its
/// widest cell when there is room; otherwise the columns in `give_way`
/// wrap, in that order, each down to its longest word; only when even that
/// does not fit is the first of them cut. The cohort's table is drawn so,
/// for comfy-table's own wrapping cuts words wherever a line has room for
/// a piece of one ("Langkah/min / ggu").
pub(crate) fn fitted_table(
    header: &[String],
    rows: &[Vec<String>],
    width: Option<u16>,
    give_way: &[usize],
) -> String {
    let columns = header.len();
    let cells = || std::iter::once(header).chain(rows.iter().map(Vec::as_slice));
    let widest = |column: usize| {
        cells()
            .filter_map(|row| row.get(column))
            .map(|cell| width_of(cell))
            .max()
            .unwrap_or(0)
    };
    let longest_word = |column: usize| {
        cells()
            .filter_map(|row| row.get(column))
            .flat_map(|cell| cell.split_whitespace().map(width_of))
            .max()
            .unwrap_or(0)
    };
    let widths: Option<Vec<usize>> = width.map(|width| {
        let mut widths: Vec<usize> = (0..columns).map(widest).collect();
        let available = usize::from(width).saturating_sub(style_overhead(columns));
        for &column in give_way {
            let total: usize = widths.iter().sum();
            let excess = total.saturating_sub(available);
            let floor = longest_word(column).max(1);
            widths[column] -= excess.min(widths[column].saturating_sub(floor));
        }
        if let Some(&first) = give_way.first() {
            let total: usize = widths.iter().sum();
            let excess = total.saturating_sub(available);
            widths[first] = widths[first].saturating_sub(excess).max(1);
        }
        widths
    });
    let wrap = |column: usize, text: &str| match &widths {
        Some(widths) => wrap_words(text, widths[column]),
        None => text.to_string(),
    };
    let mut table = Table::new();
    table
        .load_style(QUIET_STYLE)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    table.set_header(
        header
            .iter()
            .enumerate()
            .map(|(column, text)| wrap(column, text)),
    );
    for row in rows {
        table.add_row(
            row.iter()
                .enumerate()
                .map(|(column, text)| wrap(column, text)),
        );
    }
    table
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A title column this wide still reads as a title, not a word list.
const COMFORTABLE_TITLE: usize = 20;

/// Column widths that fit `width`: each column as wide as its widest cell
/// when there is room; otherwise they give way (see below), each down to
/// its longest word at most, so text wraps between words. Only when even that does not fit does the title go narrower,
/// and a word break.
fn fit_columns<'a>(
    header: &'a [String; 4],
    rows: impl Iterator<Item = &'a [String; 4]> + Clone,
    width: usize,
) -> [usize; 4] {
    let cells = || std::iter::once(header).chain(rows.clone());
    let widest = |column: usize| cells().map(|row| width_of(&row[column])).max().unwrap_or(0);
    let longest_word = |column: usize| {
        cells()
            .flat_map(|row| row[column].split_whitespace().map(width_of))
            .max()
            .unwrap_or(0)
    };
    let mut widths = [widest(0), widest(1), widest(2), widest(3)];
    let available = width.saturating_sub(style_overhead(4));
    // The title wraps first, while it stays comfortable to read; then the
    // status and the date; then the title again, down to its longest word.
    let title_floor = longest_word(1).max(1);
    let stages = [
        (1, title_floor.max(COMFORTABLE_TITLE)),
        (2, longest_word(2).max(1)),
        (3, longest_word(3).max(1)),
        (1, title_floor),
    ];
    for (column, floor) in stages {
        let total: usize = widths.iter().sum();
        let excess = total.saturating_sub(available);
        widths[column] -= excess.min(widths[column].saturating_sub(floor));
    }
    let total: usize = widths.iter().sum();
    let excess = total.saturating_sub(available);
    widths[1] = widths[1].saturating_sub(excess).max(1);
    widths
}

/// `text` in lines of at most `width` columns, broken between words; a
/// word longer than a line is cut.
fn wrap_words(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            0
        } else {
            width_of(&line) + 1
        };
        if needed + width_of(word) <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for character in word.chars() {
            if line.width() + character.to_string().width() > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(character);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// How many columns `text` takes: its length when it is all printable
/// ASCII, as titles mostly are (asking Unicode's tables for each
/// character of 100,000 rows cost a tenth of `status`), else what the
/// tables say.
fn width_of(text: &str) -> usize {
    if text.bytes().all(|byte| (b' '..=b'~').contains(&byte)) {
        text.len()
    } else {
        text.width()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use comfy_table::{Attribute, Cell, CellAlignment, Color};

    use crate::i18n::Lang;
    use crate::progress::{Action, Recorder, RoadmapProgress};
    use crate::report::StepReport;
    use crate::roadmap::{Text, load_builtin};

    // The status table as comfy-table drew it before it was written
    // directly: the oracle the direct writer must match byte for byte.
    fn comfy_status_color(status: Status) -> Option<Color> {
        match status {
            Status::Done => Some(Color::Green),
            Status::InProgress => Some(Color::Yellow),
            Status::Skipped => Some(Color::DarkGrey),
            Status::Todo => None,
        }
    }
    fn comfy_status_table(report: &ProgressReport, options: TableOptions) -> String {
        let lang = report.lang;
        let header = [
            word(lang, Key::HeaderNumber).to_string(),
            word(lang, Key::HeaderStep).to_string(),
            word(lang, Key::HeaderStatus).to_string(),
            word(lang, Key::HeaderDate).to_string(),
        ];
        // A phase's heading row comes before its first step: `Fondasi 3/5`.
        let mut rows: Vec<(Option<&StepReport>, [String; 4])> = Vec::new();
        for (index, step) in report.steps.iter().enumerate() {
            if let Some(heading) = report.phase_starting_at(index) {
                let progress = heading.progress();
                let cells = [
                    String::new(),
                    heading.title.to_string(),
                    progress,
                    String::new(),
                ];
                rows.push((None, cells));
            }
            let mut status = format!(
                "{} {}",
                status_mark(step.status),
                status_label(lang, step.status)
            );
            // The actions' tally once one is ticked: `▶ in progress 2/4`.
            if let Some(tally) = step.action_tally()
                && step.actions_ticked() > 0
            {
                status.push(' ');
                status.push_str(&tally);
            }
            let date = step
                .status_date()
                .map(|at| format_date(lang, at.date_naive()))
                .unwrap_or_default();
            let cells = [
                step.number.to_string(),
                step.title.to_string(),
                status,
                date,
            ];
            rows.push((Some(step), cells));
        }
        let widths = options.width.map(|width| {
            let cells: Vec<[String; 4]> = rows.iter().map(|(_, cells)| cells.clone()).collect();
            fit_columns(&header, cells.iter(), usize::from(width))
        });
        let wrap = |column: usize, text: &str| match &widths {
            Some(widths) => wrap_words(text, widths[column]),
            None => text.to_string(),
        };

        let mut table = Table::new();
        table
            .load_style(QUIET_STYLE)
            // The cells come wrapped to fit: comfy-table's own wrapping would
            // cut words in two wherever a line has room for a piece of one.
            .set_content_arrangement(ContentArrangement::Disabled)
            .force_no_tty();
        if options.color {
            table.enforce_styling();
        }
        table.set_header(vec![
            Cell::new(wrap(0, &header[0])).set_alignment(CellAlignment::Right),
            Cell::new(wrap(1, &header[1])),
            Cell::new(wrap(2, &header[2])),
            Cell::new(wrap(3, &header[3])),
        ]);
        for (step, [number, title, status, date]) in &rows {
            let Some(step) = step else {
                let mut heading = Cell::new(wrap(1, title));
                let mut progress = Cell::new(wrap(2, status));
                if options.color {
                    heading = heading.add_attribute(Attribute::Bold);
                    progress = progress.add_attribute(Attribute::Bold);
                }
                table.add_row(vec![Cell::new(""), heading, progress, Cell::new("")]);
                continue;
            };
            let mut status = Cell::new(wrap(2, status));
            if let Some(color) = comfy_status_color(step.status) {
                status = status.fg(color);
            }
            table.add_row(vec![
                Cell::new(number).set_alignment(CellAlignment::Right),
                Cell::new(wrap(1, title)),
                status,
                Cell::new(wrap(3, date)),
            ]);
        }
        // Cell padding leaves trailing spaces that only get in the way of copying and diffing.
        table
            .lines()
            .map(|line| line.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_direct_table_is_what_comfy_table_drew_byte_for_byte() {
        let mut roadmap = load_builtin();
        // Words that wrap, a title that breaks its line, wide characters,
        // an empty title and a step with a very long word.
        let titles = [
            "Bangun Portofolio 🚀 dengan 作品集 dan ❤️ yang panjang sekali",
            "Two\nlines",
            "",
            "Supercalifragilisticexpialidocious-and-then-some-more-words",
        ];
        for (step, title) in roadmap.steps.to_mut().iter_mut().skip(2).zip(titles) {
            step.title = Text::Plain(title.to_string().into());
        }
        let mut progress = RoadmapProgress::default();
        let ids: Vec<&str> = roadmap.steps.iter().map(|s| s.id.as_ref()).collect();
        let mut recorder = Recorder::new("device", 0, &roadmap.id);
        let at = |day: u32| {
            chrono::DateTime::parse_from_rfc3339(&format!("2026-05-{day:02}T10:00:00+07:00"))
                .unwrap()
        };
        progress.apply(
            &Action::Done { on: None },
            &ids[..5],
            at(1),
            "done 1-5",
            &mut recorder,
        );
        progress.apply(
            &Action::Done { on: None },
            &ids[5..7],
            at(2),
            "done 6-7",
            &mut recorder,
        );
        progress.apply(
            &Action::Start { on: None },
            &ids[7..9],
            at(3),
            "start 8-9",
            &mut recorder,
        );
        let skip = Action::Skip {
            reason: None,
            on: None,
        };
        progress.apply(&skip, &ids[9..10], at(4), "skip 10", &mut recorder);
        for lang in [Lang::En, Lang::Id] {
            let report = ProgressReport::build(&roadmap, &progress, lang);
            // crossterm writes a styled cell as ANSI only where the console
            // takes ANSI; on a Windows console that does not (Wine's) it
            // writes nothing, so the colour bytes are compared elsewhere.
            let colours: &[bool] = if cfg!(windows) {
                &[false]
            } else {
                &[false, true]
            };
            for &color in colours {
                for width in [
                    None,
                    Some(0),
                    Some(12),
                    Some(24),
                    Some(40),
                    Some(60),
                    Some(80),
                    Some(300),
                ] {
                    let options = TableOptions { color, width };
                    assert_eq!(
                        render_status_table(&report, options),
                        comfy_status_table(&report, options),
                        "{lang:?}, colour {color}, width {width:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn words_wrap_whole_and_only_an_overlong_word_is_cut() {
        assert_eq!(
            wrap_words("Engagement and Responsiveness", 14),
            "Engagement and\nResponsiveness"
        );
        assert_eq!(
            wrap_words("Engagement and Responsiveness", 12),
            "Engagement\nand\nResponsivene\nss"
        );
        assert_eq!(wrap_words("", 5), "");
        assert_eq!(wrap_words("Pahami Platform", 40), "Pahami Platform");
    }

    #[test]
    fn the_title_gives_way_first_and_no_column_goes_below_its_longest_word() {
        let header = ["#", "Step", "Status", "Date"].map(str::to_string);
        let rows = [[
            "11",
            "Engagement and Responsiveness",
            "▶ in progress",
            "Nov 28, 2026",
        ]
        .map(str::to_string)];
        // Room for everything: every column as wide as its text.
        assert_eq!(fit_columns(&header, rows.iter(), 80), [2, 29, 13, 12]);
        // 40 columns: the title wraps, then the date; nothing below its longest word.
        let widths = fit_columns(&header, rows.iter(), 40);
        assert_eq!(
            widths.iter().sum::<usize>() + style_overhead(4),
            40,
            "{widths:?}"
        );
        assert!(widths[1] >= "Responsiveness".len(), "{widths:?}");
        assert!(
            widths[2] >= "progress".len() && widths[3] >= "2026".len(),
            "{widths:?}"
        );
    }
}
