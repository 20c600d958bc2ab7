//! The cohort report as text for a terminal: the learners as a table
//! fitted to its width, the funnel as bars, the activity as a calendar.

use std::fmt::Write;

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};

use super::{COLUMNS, CohortReport, Renderer, learner_cells};
use crate::i18n::{Key, word};

/// A small bar, 10 cells: `███░░░░░░░`.
fn bar(percent: usize) -> String {
    let filled = percent.min(100) / 10;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// `cohort`'s default: text for a terminal `width` wide (unbounded when
/// `None`), its activity calendar in colour when `color`.
pub(crate) struct CohortTable {
    pub width: Option<u16>,
    pub color: bool,
}

impl Renderer<CohortReport> for CohortTable {
    /// Summary, learners, funnel, activity, and the files skipped.
    fn render(&self, report: &CohortReport) -> String {
        let lang = report.lang;
        let mut out = String::new();
        // Writing to a String cannot fail; `.ok()` only discards the impossible error.
        writeln!(out, "{}\n{}\n", report.roadmap_title, report.summary_line()).ok();
        let mut table = Table::new();
        table
            .load_style(TableStyle::new().header_separator(LineStyle::none().fill('─')))
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty();
        if let Some(width) = self.width {
            table.set_width(width);
        }
        table.set_header(COLUMNS.map(|key| word(lang, key)));
        for row in &report.learners {
            let progress = format!(
                "{}/{} {} {}%",
                row.done,
                row.counted,
                bar(row.percent),
                row.percent
            );
            table.add_row(learner_cells(lang, row, progress));
        }
        let lines: Vec<String> = table
            .lines()
            .map(|line| line.trim_end().to_string())
            .collect();
        writeln!(out, "{}\n", lines.join("\n")).ok();

        writeln!(out, "{}", word(lang, Key::CohortFunnelTitle)).ok();
        let most = report.most_finished();
        // The actions' counts start in one column, after the widest median.
        let median_width = report
            .funnel
            .iter()
            .map(|step| step.median_text(lang).chars().count())
            .max()
            .unwrap_or(0);
        for step in &report.funnel {
            let cells = step.finished * 20 / most;
            let bar = format!(
                "{:>3}. {:<32} {:<20} {:>4}  ",
                step.number,
                step.title.chars().take(32).collect::<String>(),
                "█".repeat(cells),
                step.finished,
            );
            let median = step.median_text(lang);
            match step.actions_text(lang) {
                Some(actions) => writeln!(out, "{bar}{median:<median_width$}  {actions}"),
                None => writeln!(out, "{bar}{median}"),
            }
            .ok();
        }
        writeln!(out, "\n{}", word(lang, Key::CalendarTitle)).ok();
        writeln!(
            out,
            "{}",
            crate::report::render_calendar(&report.activity, report.today, lang, self.color)
        )
        .ok();
        if !report.skipped.is_empty() {
            writeln!(out, "\n{}", word(lang, Key::CohortSkippedTitle)).ok();
            for (path, reason) in &report.skipped {
                writeln!(out, "  {}: {reason}", crate::control::quoted_path(path)).ok();
            }
        }
        out
    }
}
