//! The report as one self-contained HTML page: summary, a burn-up chart, the
//! step table with each step's practical actions ticked or not, and the
//! notes, evidence marked. No external assets and no scripts; every piece
//! of roadmap or user text is escaped, so a note with `<script>` is just text.

use std::fmt::Write;

use crate::i18n::{Key, Lang, format_date, tr, word};
use crate::progress::{Status, Timestamp};
use crate::report::summary::{counts_line, skipped_note};
use crate::report::{ProgressReport, Renderer, StepReport, resource_facts, status_label};

/// Escapes text for HTML element content and quoted attributes.
pub(in crate::report) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text, making each web address (`http`, `https`) and `mailto:`
/// address in it a link; no other kind of link (`javascript:`, `data:`) is
/// ever made. The cohort's page links the notes it shows with it too.
pub(in crate::report) fn escape_linking(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let url = super::markdown::next_url(rest);
        let mail = rest.find("mailto:").map(|start| {
            let length = rest[start..]
                .find(|c: char| c.is_whitespace() || c.is_control() || "<>\"'".contains(c))
                .unwrap_or(rest.len() - start);
            let end = start
                + rest[start..start + length]
                    .trim_end_matches(['.', ',', ';', ')'])
                    .len();
            (start, end)
        });
        let next = match (url, mail) {
            (Some(url), Some(mail)) => Some(if mail.0 < url.0 { mail } else { url }),
            (url, mail) => url.or(mail),
        };
        let Some((start, end)) = next.filter(|(start, end)| end > start) else {
            break;
        };
        out.push_str(&escape(&rest[..start]));
        let link = escape(&rest[start..end]);
        out.push_str(&format!(
            "<a href=\"{link}\" rel=\"noopener noreferrer\">{link}</a>"
        ));
        rest = &rest[end..];
    }
    out.push_str(&escape(rest));
    out
}

pub(in crate::report) const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.5}\
h1{margin-bottom:.25rem}.summary{font-size:1.1rem;margin-top:0}\
.bar{height:.6rem;background:#e5e7eb;border-radius:.3rem;overflow:hidden;margin:.5rem 0 1.5rem}.bar span{display:block;height:100%;background:#2da44e}\
figure{margin:0 0 2rem}figcaption{color:#57606a;font-size:.9rem}\
svg{width:100%;height:auto;background:#f6f8fa;border-radius:.5rem}\
svg .axis{stroke:#8c959f;stroke-width:1}svg .line{fill:none;stroke:#2da44e;stroke-width:2}\
svg .completion{fill:#2da44e}svg .target{stroke:#cf222e;stroke-width:1.5;stroke-dasharray:4 3}svg text{font-size:11px;fill:#57606a}\
table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d0d7de}\
td.num{text-align:right;color:#57606a}.done{color:#1a7f37}.in-progress{color:#9a6700}.skipped{color:#8c959f}.skipped .title{text-decoration:line-through}td.date{white-space:nowrap}\
.notes li{margin-bottom:.25rem}footer{color:#8c959f;font-size:.85rem;margin-top:3rem}\
tr.phase th{background:#f6f8fa;padding-top:.75rem}tr.phase span{font-weight:normal;color:#57606a;margin-left:.5rem}\
details.resources{font-size:.85rem;color:#57606a}details.resources ul{margin:.25rem 0;padding-left:1.2rem}\
ul.actions{list-style:none;margin:.25rem 0;padding-left:0;font-size:.9rem}ul.actions li{margin:.15rem 0}ul.actions input{margin:0 .4rem 0 0}\
.used,.evidence-mark{color:#1a7f37}";

const CHART_WIDTH: f64 = 640.0;
const CHART_HEIGHT: f64 = 240.0;
const MARGIN: f64 = 36.0;

/// The burn-up chart: steps done over time, one point per completion.
fn chart(report: &ProgressReport, now: Timestamp) -> String {
    let lang = report.lang;
    let mut completions: Vec<(Timestamp, usize, &str)> = report
        .steps
        .iter()
        .filter(|step| step.status == Status::Done)
        .filter_map(|step| step.finished.map(|at| (at, step.number, step.title)))
        .collect();
    if completions.is_empty() {
        return format!("<p>{}</p>", escape(word(lang, Key::HtmlNoCompletions)));
    }
    completions.sort_by_key(|(at, number, _)| (*at, *number));
    let start = completions[0].0.timestamp() - 86_400;
    let target = report
        .target
        .and_then(|day| day.and_hms_opt(12, 0, 0))
        .map(|noon| noon.and_utc().timestamp());
    let end = now
        .timestamp()
        .max(completions[completions.len() - 1].0.timestamp())
        .max(target.unwrap_or(i64::MIN))
        + 86_400;
    let span = (end - start).max(1) as f64;
    let top = report.summary.counted.max(1) as f64;
    let x = |seconds: i64| MARGIN + (seconds - start) as f64 / span * (CHART_WIDTH - 2.0 * MARGIN);
    let y =
        |count: usize| CHART_HEIGHT - MARGIN - count as f64 / top * (CHART_HEIGHT - 2.0 * MARGIN);
    let title = escape(word(lang, Key::HtmlChartTitle));
    let mut svg = String::new();
    write!(
        svg,
        "<svg viewBox=\"0 0 {CHART_WIDTH} {CHART_HEIGHT}\" role=\"img\" aria-label=\"{title}\" xmlns=\"http://www.w3.org/2000/svg\">"
    )
    .ok();
    let (left, right, bottom, upper) =
        (MARGIN, CHART_WIDTH - MARGIN, CHART_HEIGHT - MARGIN, MARGIN);
    write!(
        svg,
        "<line class=\"axis\" x1=\"{left}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\"/>\
         <line class=\"axis\" x1=\"{left}\" y1=\"{bottom}\" x2=\"{left}\" y2=\"{upper}\"/>"
    )
    .ok();
    let mut points = format!("{:.1},{:.1}", x(start), y(0));
    for (index, (at, _, _)) in completions.iter().enumerate() {
        let (px, before, after) = (x(at.timestamp()), y(index), y(index + 1));
        write!(points, " {px:.1},{before:.1} {px:.1},{after:.1}").ok();
    }
    // The line stops today; the chart may run on to the target.
    let today = now
        .timestamp()
        .max(completions[completions.len() - 1].0.timestamp());
    write!(points, " {:.1},{:.1}", x(today), y(completions.len())).ok();
    write!(svg, "<polyline class=\"line\" points=\"{points}\"/>").ok();
    if let (Some(seconds), Some(day)) = (target, report.target) {
        let label = tr(lang, Key::HtmlTarget, &[("date", &format_date(lang, day))]);
        let tx = x(seconds);
        // The label reads away from the nearer edge, so it stays in the picture.
        let (label_x, anchor) = if tx < CHART_WIDTH / 2.0 {
            (tx + 4.0, "start")
        } else {
            (tx - 4.0, "end")
        };
        write!(
            svg,
            "<line class=\"target\" x1=\"{tx:.1}\" y1=\"{bottom}\" x2=\"{tx:.1}\" y2=\"{upper}\"/>\
             <text class=\"target-label\" x=\"{label_x:.1}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            upper - 6.0,
            escape(&label)
        )
        .ok();
    }
    for (index, (at, number, step_title)) in completions.iter().enumerate() {
        let label = format!(
            "{}: {number}. {step_title}",
            format_date(lang, at.date_naive())
        );
        write!(
            svg,
            "<circle class=\"completion\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\"><title>{}</title></circle>",
            x(at.timestamp()),
            y(index + 1),
            escape(&label)
        )
        .ok();
    }
    let first = format_date(lang, completions[0].0.date_naive());
    let last_day = now
        .date_naive()
        .max(completions[completions.len() - 1].0.date_naive())
        .max(report.target.unwrap_or(chrono::NaiveDate::MIN));
    let last = format_date(lang, last_day);
    write!(
        svg,
        "<text x=\"{left}\" y=\"{}\">{}</text><text x=\"{right}\" y=\"{}\" text-anchor=\"end\">{}</text>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><text x=\"{}\" y=\"{bottom}\" text-anchor=\"end\">0</text></svg>",
        bottom + 16.0,
        escape(&first),
        bottom + 16.0,
        escape(&last),
        left - 6.0,
        upper + 4.0,
        report.summary.counted,
        left - 6.0,
    )
    .ok();
    format!("<figure>{svg}<figcaption>{title}</figcaption></figure>")
}

/// A step's resources as links, folded away under their count; no script
/// needed. Roadmap validation lets only http(s) addresses through, and the
/// address is checked again here, so no other scheme becomes a link.
fn resources(step: &StepReport, lang: Lang) -> String {
    if step.resources.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<details class=\"resources\"><summary>{} ({})</summary><ul>",
        escape(word(lang, Key::LabelResources)),
        step.resources.len()
    );
    for (index, resource) in step.resources.iter().enumerate() {
        let title = escape(resource.title.get(lang));
        let used = if step.used.get(index).copied().unwrap_or(false) {
            format!(
                " <span class=\"used\">✓ {}</span>",
                escape(word(lang, Key::LabelUsed))
            )
        } else {
            String::new()
        };
        let facts = escape(&resource_facts(lang, resource));
        if crate::roadmap::is_valid_url(&resource.url) {
            write!(
                out,
                "<li><a href=\"{}\">{title}</a> <span>({facts})</span>{used}</li>",
                escape(&resource.url)
            )
            .ok();
        } else {
            write!(out, "<li>{title} <span>({facts})</span>{used}</li>").ok();
        }
    }
    out.push_str("</ul>");
    if let Some(day) = crate::roadmap::reviewed_day(step.reviewed) {
        write!(
            out,
            "<p>{}: {}</p>",
            escape(word(lang, Key::LabelReviewed)),
            escape(&format_date(lang, day))
        )
        .ok();
    }
    out.push_str("</details>");
    out
}

/// A step's practical actions as a checklist: a disabled checkbox each,
/// checked when the learner ticked it, so the page shows the ticks and no
/// reader can change them; no script needed.
fn actions(step: &StepReport, lang: Lang) -> String {
    if step.actions.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<ul class=\"actions\" aria-label=\"{}\">",
        escape(word(lang, Key::LabelActions))
    );
    for action in &step.actions {
        let checked = if action.ticked.is_some() {
            " checked"
        } else {
            ""
        };
        write!(
            out,
            "<li><label><input type=\"checkbox\" disabled{checked}> {}</label></li>",
            escape(action.text)
        )
        .ok();
    }
    out.push_str("</ul>");
    out
}

/// `export -f html`, its chart drawn up to `now`.
pub(crate) struct HtmlExport {
    pub now: Timestamp,
}

impl Renderer<ProgressReport<'_>> for HtmlExport {
    fn render(&self, report: &ProgressReport) -> String {
        render_html(report, self.now)
    }
}

/// The whole page.
pub fn render_html(report: &ProgressReport, now: Timestamp) -> String {
    let lang = report.lang;
    let summary = &report.summary;
    let mut out = String::new();
    let title = super::heading_with_learner(report, escape(report.title), escape);
    // Writing to a String cannot fail; `.ok()` only discards the impossible error.
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        lang.code()
    )
    .ok();
    let mut summary_line = escape(&counts_line(report));
    if let Some(skipped) = skipped_note(report) {
        summary_line.push_str(" · ");
        summary_line.push_str(&escape(&skipped));
    }
    writeln!(out, "<p class=\"summary\">{summary_line}</p>").ok();
    writeln!(
        out,
        "<div class=\"bar\"><span style=\"width:{}%\"></span></div>",
        summary.percent.min(100)
    )
    .ok();
    writeln!(out, "{}", chart(report, now)).ok();

    let header = |key: Key| escape(word(lang, key));
    writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        header(Key::HeaderNumber),
        header(Key::HeaderStep),
        header(Key::HeaderStatus),
        header(Key::HeaderDate)
    )
    .ok();
    for (index, step) in report.steps.iter().enumerate() {
        if let Some(heading) = report.phase_starting_at(index) {
            let progress = heading.progress();
            writeln!(
                out,
                "<tr class=\"phase\"><th colspan=\"4\">{} <span>{}</span></th></tr>",
                escape(heading.title),
                escape(&progress)
            )
            .ok();
        }
        let date = step
            .status_date()
            .map(|at| format_date(lang, at.date_naive()))
            .unwrap_or_default();
        let mut status = escape(status_label(lang, step.status));
        if let Some(reason) = step.skip_reason {
            status.push_str(&format!(": {}", escape_linking(reason)));
        }
        writeln!(
            out,
            "<tr id=\"{}\" class=\"{}\"><td class=\"num\">{}</td><td><span class=\"title\">{}</span>{}</td><td>{}</td><td class=\"date\">{}</td></tr>",
            escape(step.id),
            step.status.as_str(),
            step.number,
            escape(step.title),
            actions(step, lang) + &resources(step, lang),
            status,
            escape(&date)
        )
        .ok();
    }
    writeln!(out, "</tbody>\n</table>").ok();

    let with_notes: Vec<_> = report
        .steps
        .iter()
        .filter(|step| !step.notes.is_empty())
        .collect();
    if !with_notes.is_empty() {
        writeln!(
            out,
            "<section class=\"notes\">\n<h2>{}</h2>",
            header(Key::LabelNotes)
        )
        .ok();
        for step in with_notes {
            writeln!(
                out,
                "<h3>{}. {}</h3>\n<ul>",
                step.number,
                escape(step.title)
            )
            .ok();
            for note in step.notes {
                let date = format_date(lang, note.at.date_naive());
                let (class, mark) = if note.evidence {
                    (
                        " class=\"evidence\"",
                        format!(
                            " <span class=\"evidence-mark\">({})</span>",
                            escape(word(lang, Key::LabelEvidenceNote))
                        ),
                    )
                } else {
                    ("", String::new())
                };
                writeln!(
                    out,
                    "<li{class}><strong>{}</strong>{mark}: {}</li>",
                    escape(&date),
                    escape_linking(&note.text)
                )
                .ok();
            }
            writeln!(out, "</ul>").ok();
        }
        writeln!(out, "</section>").ok();
    }
    let generated = tr(
        lang,
        Key::HtmlGenerated,
        &[("date", &format_date(lang, now.date_naive()))],
    );
    writeln!(
        out,
        "<footer>{}</footer>\n</body>\n</html>",
        escape(&generated)
    )
    .ok();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_become_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
