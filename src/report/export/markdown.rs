//! The report as GitHub-flavored Markdown: a task list that renders as a checklist.
//!
//! Each step's practical actions are a task list nested in its item, ticked
//! as the learner ticked them; notes follow them, evidence marked as such.
//! All text from the roadmap or the user is escaped, so a note such as
//! `- [x] fake` or `<script>` shows as written and cannot break the list.

use std::fmt::Write;

use super::heading_with_learner;
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::Status;
use crate::report::summary::{counts_line, skipped_note};
use crate::report::{ProgressReport, StepReport, status_label};

/// Escapes characters that mean something inline in Markdown. A web
/// address (`http://`, `https://`) is written as an autolink, `<...>`,
/// where nothing is escaped, so it reaches the reader intact:
/// `my_name/?a=1&b=2` links to itself, not to `my%5C_name`.
pub(super) fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some((start, end)) = next_url(rest) {
        escape_plain(&rest[..start], &mut out);
        out.push('<');
        out.push_str(&rest[start..end]);
        out.push('>');
        rest = &rest[end..];
    }
    escape_plain(rest, &mut out);
    out
}

fn escape_plain(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Where the next web address in `text` starts and ends. It ends at white
/// space, a control character or an angle bracket (none may stand in an
/// autolink), less trailing punctuation that belongs to the sentence.
pub(super) fn next_url(text: &str) -> Option<(usize, usize)> {
    let start = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| text.find(scheme))
        .min()?;
    let length = text[start..]
        .find(|c: char| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == '"')
        .unwrap_or(text.len() - start);
    let url =
        text[start..start + length].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
    let end = start + url.len();
    // A bare scheme is no address.
    if url.ends_with("//") {
        let after = end;
        return next_url(&text[after..]).map(|(s, e)| (after + s, after + e));
    }
    Some((start, end))
}

/// Escapes a line that starts a continuation inside a list item, where a
/// leading `-`, `+`, `=` or `1.` would otherwise open a new block.
fn escape_line_start(line: &str) -> String {
    let line = line.trim_start();
    let escaped = escape_inline(line);
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{escaped}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    escaped
}

/// User text that may span lines, as lines of one paragraph joined by hard breaks.
pub(super) fn escape_block(text: &str, indent: &str) -> String {
    escape_lines(text, indent, false)
}

/// [`escape_block`] for text that opens a list item's content, as an
/// action's does after its `[ ]`: there a leading `-`, `+` or `1.` would
/// start a nested list (pandoc reads the item's text as blocks), so its
/// first line is escaped as a continuation line is.
fn escape_item(text: &str, indent: &str) -> String {
    escape_lines(text, indent, true)
}

fn escape_lines(text: &str, indent: &str, opens_item: bool) -> String {
    let lines: Vec<String> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(index, line)| {
            if index == 0 && !opens_item {
                escape_inline(line.trim())
            } else {
                escape_line_start(line)
            }
        })
        .collect();
    lines.join(&format!("\\\n{indent}"))
}

fn step_suffix(report: &ProgressReport, step: &StepReport) -> String {
    let lang = report.lang;
    let date = step
        .status_date()
        .map(|at| format_date(lang, at.date_naive()));
    let mut suffix = match (step.status, date) {
        (Status::Todo, _) => return String::new(),
        (status, Some(date)) => format!(" — {} {date}", status_label(lang, status)),
        (status, None) => format!(" — {}", status_label(lang, status)),
    };
    if let Some(reason) = &step.skip_reason {
        write!(suffix, ": {}", escape_block(reason, "  ")).ok();
    }
    suffix
}

/// The whole report: title, summary, and one task per step with its notes.
pub fn render_markdown(report: &ProgressReport) -> String {
    let lang = report.lang;
    let mut out = String::new();
    // Writing to a String cannot fail; `.ok()` only discards the impossible error.
    let heading = heading_with_learner(report, escape_inline(report.title), escape_inline);
    writeln!(out, "# {heading}\n").ok();
    write!(out, "**{}**", counts_line(report)).ok();
    if let Some(skipped) = skipped_note(report) {
        write!(out, " · {skipped}").ok();
    }
    out.push_str("\n\n");
    // The phases as one line above the list: headings between its items
    // would cut the one checklist into four.
    if !report.phases.is_empty() {
        let phases: Vec<String> = report
            .phases
            .iter()
            .map(|phase| {
                let progress = phase.progress();
                format!("{} {progress}", escape_inline(phase.title))
            })
            .collect();
        writeln!(
            out,
            "{}: {}\n",
            word(lang, Key::LabelPhases),
            phases.join(" · ")
        )
        .ok();
    }

    if let Some(reviewed) = report.reviewed_line() {
        writeln!(out, "{}\n", escape_inline(&reviewed)).ok();
    }
    for step in &report.steps {
        let check = if step.status == Status::Done {
            'x'
        } else {
            ' '
        };
        // `1\.`: a bare `1.` after the box opens a nested numbered list in
        // pandoc; escaped, every renderer shows one checklist item.
        let label = format!("{}\\. {}", step.number, escape_inline(step.title));
        let label = if step.status == Status::Skipped {
            format!("~~{label}~~")
        } else {
            label
        };
        writeln!(out, "- [{check}] {label}{}", step_suffix(report, step)).ok();
        // The actions as a task list nested in the step's item: GitHub,
        // cmark-gfm and pandoc draw each with its own checkbox.
        for action in &step.actions {
            let check = if action.ticked.is_some() { 'x' } else { ' ' };
            writeln!(out, "  - [{check}] {}", escape_item(action.text, "    ")).ok();
        }
        for note in step.notes {
            let date = format_date(lang, note.at.date_naive());
            // An evidence note says so before its text, where a reader
            // scanning the dates sees it.
            let date = if note.evidence {
                format!("{date} ({})", word(lang, Key::LabelEvidenceNote))
            } else {
                date
            };
            writeln!(out, "  - {date}: {}", escape_block(&note.text, "    ")).ok();
        }
    }
    if let Some(next) = report.next_step() {
        write!(
            out,
            "\n{}\n",
            tr(
                lang,
                Key::NextStep,
                &[
                    ("number", &next.number),
                    ("title", &escape_inline(next.title))
                ]
            )
        )
        .ok();
    } else {
        write!(out, "\n{}\n", word(lang, report.end_key())).ok();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_break_a_list() {
        assert_eq!(escape_inline("a *b* [c](d) <e>"), r"a \*b\* \[c\](d) \<e\>");
        assert_eq!(escape_line_start("- [x] fake"), r"\- \[x\] fake");
        assert_eq!(escape_line_start("12. not a list"), r"12\. not a list");
        assert_eq!(
            escape_item("- [x] fake\n1. two", "    "),
            "\\- \\[x\\] fake\\\n    1\\. two"
        );
        assert_eq!(escape_block("one\n\n  # two", "    "), "one\\\n    \\# two");
        assert_eq!(
            escape_inline("see https://www.linkedin.com/in/my_name/?a=1&b=2."),
            "see <https://www.linkedin.com/in/my_name/?a=1&b=2>."
        );
        assert_eq!(
            escape_inline("(http://a.b/c_d) and https://e.f"),
            r"(<http://a.b/c_d>) and <https://e.f>"
        );
    }
}
