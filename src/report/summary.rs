//! The one-line summaries: `7/20 done (35%) ███████░░░` and the `--short` form.

use anstyle::{AnsiColor, Style};

use super::{ProgressReport, Summary};
use crate::i18n::{Key, tr};

const BAR_WIDTH: usize = 20;

/// `█████░░░░░` for the share of counted steps done.
pub(crate) fn progress_bar(summary: &Summary) -> String {
    // Nothing left to count (every step skipped) is an empty bar: skipping is not finishing.
    let filled = (summary.done * BAR_WIDTH)
        .checked_div(summary.counted)
        .unwrap_or(0);
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

/// `7/20 done (35%)`, in the report's language: every format's headline.
pub(super) fn counts_line(report: &ProgressReport) -> String {
    let summary = &report.summary;
    tr(
        report.lang,
        Key::SummaryLine,
        &[
            ("done", &summary.done),
            ("total", &summary.counted),
            ("percent", &summary.percent),
        ],
    )
}

/// `2 skipped`, when any step is.
pub(super) fn skipped_note(report: &ProgressReport) -> Option<String> {
    let skipped = report.summary.skipped;
    (skipped > 0).then(|| tr(report.lang, Key::SummarySkipped, &[("count", &skipped)]))
}

/// `7/20 done (35%) ███████░░░░░░░░░░░░░  1 skipped`.
pub(crate) fn render_summary_line(report: &ProgressReport, color: bool) -> String {
    let summary = &report.summary;
    let counts = counts_line(report);
    let mut bar = progress_bar(summary);
    if color {
        let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
        bar = format!("{green}{bar}{green:#}");
    }
    let mut line = format!("{counts} {bar}");
    if let Some(skipped) = skipped_note(report) {
        line.push_str("  ");
        line.push_str(&skipped);
    }
    line
}

/// `smm-path 7/20 (35%) next: 8`, for shell prompts and status bars.
pub(crate) fn render_short_line(report: &ProgressReport) -> String {
    let summary = &report.summary;
    let args: [(&str, &dyn std::fmt::Display); 3] = [
        ("done", &summary.done),
        ("total", &summary.counted),
        ("percent", &summary.percent),
    ];
    match report.next_step() {
        Some(next) => {
            let mut args = args.to_vec();
            args.push(("next", &next.number));
            tr(report.lang, Key::ShortLine, &args)
        }
        None if summary.done > 0 => tr(report.lang, Key::ShortLineAllDone, &args),
        None => tr(report.lang, Key::ShortLineAllSkipped, &args),
    }
}
