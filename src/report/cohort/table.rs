//! The cohort report as text for a terminal: the learners as a table
//! fitted to its width, the funnel as bars, the activity as a calendar.

use std::fmt::Write;

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
        let header: Vec<String> = COLUMNS.map(|key| word(lang, key).to_string()).to_vec();
        let rows: Vec<Vec<String>> = report
            .learners
            .iter()
            .map(|row| {
                let progress = format!(
                    "{}/{} {} {}%",
                    row.done,
                    row.counted,
                    bar(row.percent),
                    row.percent
                );
                learner_cells(lang, row, progress).to_vec()
            })
            .collect();
        // As `status` fits its table: whole words wrap, the current step's
        // title first, the name last.
        let table = crate::report::table::fitted_table(
            &header,
            &rows,
            self.width,
            &[2, 3, 8, 5, 6, 7, 4, 1, 0],
        );
        writeln!(out, "{table}\n").ok();

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
