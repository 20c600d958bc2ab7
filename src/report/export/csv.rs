//! The report as CSV (RFC 4180): one row per step, for a spreadsheet, with
//! the progress within it (actions, evidence, resources) as columns.

use crate::i18n::{Key, word};
use crate::report::{ProgressReport, StepReport, status_label};

/// A text field: quoted when it holds a comma, a quote or a line break, and
/// kept from being run as a formula. A spreadsheet runs a cell that starts
/// with `=`, `+`, `-` or `@` (or a tab or carriage return before one), so
/// such a text gets a leading `'`, as OWASP advises for CSV injection; the
/// spreadsheet shows the text as written.
pub(in crate::report) fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Number, id, title, status, started, finished (as YYYY-MM-DD) and note
/// count; then the actions ticked and how many the step has, the evidence
/// notes and the resources used, counted, and the ticked actions' text;
/// last the notes' text and the skip reason.
///
/// Still one row per step, the progress within it as columns after the
/// first seven: a spreadsheet that sums or filters the steps keeps
/// working, and each earlier column keeps its place and meaning (the
/// notes' count stays where it was; their text is a new column at the
/// end). The ticked actions and the notes are one cell each, a line each.
pub fn render_csv(report: &ProgressReport) -> String {
    let lang = report.lang;
    let headers = [
        Key::HeaderNumber,
        Key::LabelStepId,
        Key::HeaderStep,
        Key::HeaderStatus,
        Key::LabelStarted,
        Key::LabelFinished,
        Key::LabelNotes,
        Key::CsvActionsTicked,
        Key::CsvActionsTotal,
        Key::CsvEvidenceNotes,
        Key::CsvResourcesUsed,
        Key::CsvTickedActions,
        Key::CsvNoteTexts,
        Key::CsvSkipReason,
    ];
    let mut out: String = headers.map(|key| field(word(lang, key))).join(",");
    out.push_str("\r\n");
    let date = |at: Option<crate::progress::Timestamp>| {
        at.map(|at| at.date_naive().format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    for step in &report.steps {
        let row = [
            step.number.to_string(),
            field(step.id),
            field(step.title),
            field(status_label(lang, step.status)),
            date(step.started),
            date(step.finished),
            step.notes.len().to_string(),
            step.actions_ticked().to_string(),
            step.actions.len().to_string(),
            step.evidence_notes().count().to_string(),
            step.used_resources().count().to_string(),
            field(&ticked_actions(step)),
            field(&note_texts(step)),
            field(step.skip_reason.unwrap_or_default()),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The ticked actions' text, a line each. A line break inside one becomes
/// a space, so each line is one action.
fn ticked_actions(step: &StepReport) -> String {
    step.actions
        .iter()
        .filter(|action| action.ticked.is_some())
        .map(|action| action.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The notes' text, a line each, oldest first, as the step keeps them. A
/// line break inside one becomes a space, so each line is one note.
fn note_texts(step: &StepReport) -> String {
    step.notes
        .iter()
        .map(|note| note.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\"\nbye"), "\"say \"\"hi\"\"\nbye\"");
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        for formula in ["+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(
                field(formula).trim_start_matches('"').starts_with('\''),
                "{formula}"
            );
        }
    }
}
