//! The cohort report as one self-contained page: the learners, the funnel
//! as an SVG bar chart, the group's activity as a grid. No script and no
//! external address: it opens the same from a file, a mail or a shared drive.

use std::fmt::Write;

use chrono::{Datelike, Duration};

use super::{COLUMNS, CohortReport, learner_cells};
use crate::i18n::{Key, tr, word};
use crate::report::export::{HTML_STYLE as STYLE, html_escape as escape, html_escape_linking};

const BAR_HEIGHT: f64 = 16.0;
const LABEL_WIDTH: f64 = 260.0;
const CHART_WIDTH: f64 = 640.0;

/// `cohort -f html`: the page.
pub(crate) fn render_cohort_html(report: &CohortReport) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let title = escape(&tr(
        lang,
        Key::CohortHtmlTitle,
        &[("title", &report.roadmap_title)],
    ));
    // Writing to a String cannot fail; `.ok()` only discards the impossible error.
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}tr.stuck td{{background:#fff8c5}}\
         svg .bar{{fill:#2da44e}}svg .day{{fill:#ebedf0}}svg .l1{{fill:#9be9a8}}svg .l2{{fill:#40c463}}\
         svg .l3{{fill:#30a14e}}svg .l4{{fill:#216e39}}</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        lang.code()
    )
    .ok();
    writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        escape(&report.summary_line())
    )
    .ok();

    out.push_str("<table class=\"learners\">\n<thead><tr>");
    for key in COLUMNS {
        write!(out, "<th>{}</th>", escape(word(lang, key))).ok();
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &report.learners {
        let class = if row.stuck.is_some() {
            " class=\"stuck\""
        } else {
            ""
        };
        let progress = format!("{}/{} ({}%)", row.done, row.counted, row.percent);
        write!(out, "<tr{class}>").ok();
        for cell in learner_cells(lang, row, progress) {
            write!(out, "<td>{}</td>", escape(&cell)).ok();
        }
        out.push_str("</tr>\n");
        if !row.notes.is_empty() {
            write!(
                out,
                "<tr class=\"notes\"><td colspan=\"{}\"><ul>",
                COLUMNS.len()
            )
            .ok();
            for (step, at, text) in &row.notes {
                write!(
                    out,
                    "<li>{step}. {}: {}</li>",
                    escape(&at.date_naive().to_string()),
                    // As in the learner's own page: their links are links.
                    html_escape_linking(text)
                )
                .ok();
            }
            out.push_str("</ul></td></tr>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");

    // The funnel: one bar per step, as long as the learners who finished it.
    let most = report.most_finished() as f64;
    let height = BAR_HEIGHT * 1.5 * report.funnel.len() as f64 + 10.0;
    let funnel_title = escape(word(lang, Key::CohortFunnelTitle));
    write!(
        out,
        "<h2>{funnel_title}</h2>\n<svg class=\"funnel\" viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"img\" aria-label=\"{funnel_title}\" xmlns=\"http://www.w3.org/2000/svg\">"
    )
    .ok();
    for (index, step) in report.funnel.iter().enumerate() {
        let y = 5.0 + index as f64 * BAR_HEIGHT * 1.5;
        let width = (CHART_WIDTH - LABEL_WIDTH - 60.0) * step.finished as f64 / most;
        let label: String = format!("{}. {}", step.number, step.title)
            .chars()
            .take(40)
            .collect();
        let median = step.median_text(lang);
        // The actions' counts follow the learners who finished, when any was ticked.
        let count = match step.actions_text(lang) {
            Some(actions) => format!("{} · {actions}", step.finished),
            None => step.finished.to_string(),
        };
        write!(
            out,
            "<text x=\"0\" y=\"{:.1}\">{}</text><rect class=\"bar\" x=\"{LABEL_WIDTH}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"{BAR_HEIGHT}\"><title>{}</title></rect><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            y + BAR_HEIGHT - 4.0,
            escape(&label),
            escape(&median),
            LABEL_WIDTH + width + 4.0,
            y + BAR_HEIGHT - 4.0,
            escape(&count)
        )
        .ok();
    }
    out.push_str("</svg>\n");

    // The last 12 weeks: a column per week, a row per weekday.
    let today = report.today;
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let first = monday - Duration::weeks(11);
    let calendar_title = escape(word(lang, Key::CalendarTitle));
    write!(
        out,
        "<h2>{calendar_title}</h2>\n<svg class=\"activity\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{calendar_title}\" xmlns=\"http://www.w3.org/2000/svg\">",
        12 * 14,
        7 * 14
    )
    .ok();
    for week in 0..12 {
        for weekday in 0..7 {
            let day = first + Duration::weeks(week) + Duration::days(weekday);
            if day > today {
                continue;
            }
            let count = report.activity.get(&day).copied().unwrap_or(0);
            let level = match count {
                0 => "day",
                1 => "day l1",
                2..=3 => "day l2",
                4..=7 => "day l3",
                _ => "day l4",
            };
            write!(
                out,
                "<rect class=\"{level}\" x=\"{}\" y=\"{}\" width=\"12\" height=\"12\"><title>{day}: {count}</title></rect>",
                week * 14,
                weekday * 14
            )
            .ok();
        }
    }
    out.push_str("</svg>\n");
    if !report.skipped.is_empty() {
        writeln!(
            out,
            "<h2>{}</h2>\n<ul class=\"skipped\">",
            escape(word(lang, Key::CohortSkippedTitle))
        )
        .ok();
        for (path, reason) in &report.skipped {
            writeln!(
                out,
                "<li>{}: {}</li>",
                escape(&path.display().to_string()),
                escape(reason)
            )
            .ok();
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
