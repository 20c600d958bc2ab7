//! The report as a portfolio: a Markdown brag document, for an employer, of
//! what was done, when, and the evidence the learner chose to show.
//!
//! It is sent to people outside the learning, so it shows only what the
//! learner marked for them: notes given with `note --evidence` (never a
//! private note) and the resources marked `used` (never the roadmap's
//! whole reading list).

use std::fmt::Write;

use super::markdown::{escape_block, escape_inline};
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::Status;
use crate::report::summary::counts_line;
use crate::report::{ProgressReport, Renderer, StepReport};

/// `export -f portfolio`: the document, with or without its
/// `4/19 done (21%)` line (`--no-progress`, for a job application, where
/// a part done reads as a part missing).
pub(crate) struct PortfolioExport {
    pub progress_line: bool,
}

impl Renderer<ProgressReport<'_>> for PortfolioExport {
    /// One section per finished step: its actions, its resources, its evidence.
    fn render(&self, report: &ProgressReport) -> String {
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
        if self.progress_line {
            writeln!(out, "**{}**\n", counts_line(report)).ok();
        }
        let finished: Vec<_> = report
            .steps
            .iter()
            .filter(|step| step.status == Status::Done)
            .collect();
        if finished.is_empty() {
            writeln!(out, "{}", word(lang, Key::PortfolioNothingYet)).ok();
        }
        for step in finished {
            render_step(&mut out, report, step);
        }
        out
    }
}

fn render_step(out: &mut String, report: &ProgressReport, step: &StepReport) {
    let lang = report.lang;
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
    // The actions done, with how many of the step's they are: a finished
    // step with none ticked says nothing rather than "0/4".
    if step.actions_ticked() > 0
        && let Some(tally) = step.action_tally()
    {
        let heading = tr(lang, Key::PortfolioActionsDone, &[("tally", &tally)]);
        writeln!(out, "{heading}:\n").ok();
        for action in step.actions.iter().filter(|action| action.ticked.is_some()) {
            writeln!(out, "- {}", escape_block(action.text, "  ")).ok();
        }
        out.push('\n');
    }
    // `<...>` around the address: a `)` in it cannot end the link.
    let links: Vec<String> = step
        .used_resources()
        .filter(|resource| crate::roadmap::is_valid_url(&resource.url))
        .map(|resource| {
            format!(
                "[{}](<{}>)",
                escape_inline(resource.title.get(lang)),
                resource.url
            )
        })
        .collect();
    if !links.is_empty() {
        writeln!(
            out,
            "{}: {}\n",
            word(lang, Key::PortfolioLearnedWith),
            links.join(", ")
        )
        .ok();
    }
    if let Some(asked) = step.evidence {
        writeln!(
            out,
            "*{}:* {}\n",
            word(lang, Key::PortfolioEvidenceAsked),
            escape_inline(asked)
        )
        .ok();
    }
    let mut notes = step.evidence_notes().peekable();
    if notes.peek().is_none() {
        writeln!(out, "*{}*\n", word(lang, Key::PortfolioNoEvidence)).ok();
        return;
    }
    writeln!(out, "{}:\n", word(lang, Key::PortfolioEvidence)).ok();
    for note in notes {
        let date = format_date(lang, note.at.date_naive());
        writeln!(out, "- {date}: {}", escape_block(&note.text, "  ")).ok();
    }
    out.push('\n');
}
