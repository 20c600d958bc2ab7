//! The report as a portfolio: a Markdown brag document of what was done, when, and the evidence.

use std::fmt::Write;

use super::markdown::{escape_block, escape_inline};
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::Status;
use crate::report::ProgressReport;
use crate::report::summary::counts_line;

/// One section per finished step, with its notes as evidence.
pub(crate) fn render_portfolio(report: &ProgressReport) -> String {
    let lang = report.lang;
    let mut out = String::new();
    // Writing to a String cannot fail; `.ok()` only discards the impossible error.
    let title = tr(
        lang,
        Key::PortfolioTitle,
        &[("title", &escape_inline(report.title))],
    );
    let title = super::heading_with_learner(report, title, escape_inline);
    writeln!(out, "# {title}\n").ok();
    writeln!(out, "**{}**\n", counts_line(report)).ok();
    let finished: Vec<_> = report
        .steps
        .iter()
        .filter(|step| step.status == Status::Done)
        .collect();
    if finished.is_empty() {
        writeln!(out, "{}", word(lang, Key::PortfolioNothingYet)).ok();
    }
    for step in finished {
        writeln!(out, "## {}. {}\n", step.number, escape_inline(step.title)).ok();
        if let Some(finished) = step.finished {
            let date = format_date(lang, finished.date_naive());
            writeln!(
                out,
                "{}\n",
                tr(lang, Key::PortfolioFinishedOn, &[("date", &date)])
            )
            .ok();
        }
        if !step.resources.is_empty() {
            // `<...>` around the address: a `)` in it cannot end the link.
            let links: Vec<String> = step
                .resources
                .iter()
                .filter(|resource| crate::roadmap::is_valid_url(&resource.url))
                .map(|resource| {
                    format!(
                        "[{}](<{}>)",
                        escape_inline(resource.title.get(lang)),
                        resource.url
                    )
                })
                .collect();
            writeln!(
                out,
                "{}: {}\n",
                word(lang, Key::PortfolioLearnedWith),
                links.join(", ")
            )
            .ok();
        }
        if step.notes.is_empty() {
            writeln!(out, "*{}*\n", word(lang, Key::PortfolioNoEvidence)).ok();
            continue;
        }
        writeln!(out, "{}:\n", word(lang, Key::PortfolioEvidence)).ok();
        for note in step.notes {
            let date = format_date(lang, note.at.date_naive());
            writeln!(out, "- {date}: {}", escape_block(&note.text, "  ")).ok();
        }
        out.push('\n');
    }
    out
}
