//! `smm-path today`: one short screen for the morning, to bring the
//! learner back: the step at hand and its next action, how long since the
//! last change and the streak, what the plan has due this week, and one
//! resource to open. It fits an 80x24 terminal; `--short` is one line for
//! a shell prompt.

use chrono::{Days, NaiveDate};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::wrap;
use super::{ProgressReport, StepReport, resource_facts};
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::Status;

/// The widest line `today` prints, and the short line's limit: an 80
/// column terminal.
pub(crate) const WIDTH: usize = 80;

/// The most planned steps listed as due, so the screen keeps to 24 rows.
const MOST_DUE: usize = 6;

/// The most of the next action shown, about four rows of it.
const MOST_ACTION_COLUMNS: usize = 260;

/// What the morning screen needs besides the report.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Day {
    pub today: NaiveDate,
    /// The local day of the latest change, if any.
    pub last_change: Option<NaiveDate>,
    pub streak: u32,
    pub longest_streak: u32,
}

/// The step to work on now: the first in progress, else the next one.
fn step_at_hand<'r, 'a>(report: &'r ProgressReport<'a>) -> Option<&'r StepReport<'a>> {
    report
        .steps
        .iter()
        .find(|step| step.status == Status::InProgress)
        .or_else(|| report.next_step())
}

/// The open steps planned for a day up to a week from today (the late
/// ones first, as they come in the roadmap), in date order.
fn due_this_week<'r, 'a>(
    report: &'r ProgressReport<'a>,
    today: NaiveDate,
) -> Vec<&'r StepReport<'a>> {
    let week = today
        .checked_add_days(Days::new(7))
        .unwrap_or(NaiveDate::MAX);
    let mut due: Vec<&StepReport> = report
        .steps
        .iter()
        .filter(|step| step.is_open() && step.due.is_some_and(|due| due <= week))
        .collect();
    due.sort_by_key(|step| (step.due, step.number));
    due
}

/// The screen, wrapped at [`WIDTH`].
pub(crate) fn render_today(report: &ProgressReport, day: Day) -> String {
    let lang = report.lang;
    let summary = &report.summary;
    let mut lines = vec![tr(
        lang,
        Key::TodayHeading,
        &[
            ("date", &format_date(lang, day.today)),
            ("done", &summary.done),
            ("total", &summary.counted),
            ("percent", &summary.percent),
        ],
    )];
    match step_at_hand(report) {
        Some(step) => {
            let key = if step.status == Status::InProgress {
                Key::TodayInProgress
            } else {
                Key::TodayNextStep
            };
            let tally = step
                .action_tally()
                .map(|tally| tr(lang, Key::TodayTally, &[("tally", &tally)]))
                .unwrap_or_default();
            lines.push(tr(
                lang,
                key,
                &[
                    ("number", &step.number),
                    ("title", &step.title),
                    ("tally", &tally),
                ],
            ));
            if let Some((number, action)) = step.next_action() {
                // A long action keeps to a few rows: `show` has it whole.
                let text = shortened(action.text, MOST_ACTION_COLUMNS);
                lines.push(format!("  [ ] {}.{number}  {text}", step.number));
            }
        }
        None => lines.push(word(lang, report.end_key()).to_string()),
    }
    lines.push(activity_line(report, day));
    lines.extend(due_lines(report, day.today));
    let resource = resource_line(report);
    lines.extend(resource.as_ref().map(|(line, _)| line.clone()));
    let mut out = String::new();
    for row in wrap::rows(&lines.join("\n"), WIDTH) {
        out.push_str(&row.text);
        out.push('\n');
    }
    // An address is never cut, so that a click or a copy takes it whole;
    // a longer one than the terminal is the terminal's to fold.
    if let Some((_, url)) = resource {
        out.push_str(&format!("  {url}\n"));
    }
    out
}

/// `Last change: 2 days ago · Streak: 3 active days (longest 5)`.
fn activity_line(report: &ProgressReport, day: Day) -> String {
    let lang = report.lang;
    let last = match day.last_change {
        None => word(lang, Key::TodayNoChangeYet).to_string(),
        Some(last) => match (day.today - last).num_days() {
            ..=0 => word(lang, Key::TodayLastChangeToday).to_string(),
            1 => word(lang, Key::TodayLastChangeYesterday).to_string(),
            days => tr(lang, Key::TodayLastChangeDaysAgo, &[("days", &days)]),
        },
    };
    tr(
        lang,
        Key::TodayActivity,
        &[
            ("last", &last),
            ("streak", &day.streak),
            ("longest", &day.longest_streak),
        ],
    )
}

/// What the plan has due up to a week from today, the target included.
fn due_lines(report: &ProgressReport, today: NaiveDate) -> Vec<String> {
    let lang = report.lang;
    let due = due_this_week(report, today);
    let planned = report
        .steps
        .iter()
        .any(|step| step.is_open() && step.due.is_some());
    let target_soon = report
        .target
        .filter(|target| *target >= today && (*target - today).num_days() <= 7);
    if due.is_empty() && target_soon.is_none() {
        let key = if planned {
            Key::TodayNothingDue
        } else {
            Key::TodayNoPlan
        };
        return vec![word(lang, key).to_string()];
    }
    let mut lines = vec![word(lang, Key::TodayDueHeading).to_string()];
    for step in due.iter().take(MOST_DUE) {
        let Some(date) = step.due else { continue };
        let key = if step.is_late(today) {
            Key::TodayDueLate
        } else {
            Key::TodayDueStep
        };
        lines.push(tr(
            lang,
            key,
            &[
                ("number", &step.number),
                ("title", &step.title),
                ("date", &format_date(lang, date)),
            ],
        ));
    }
    if due.len() > MOST_DUE {
        lines.push(tr(
            lang,
            Key::TodayDueMore,
            &[("count", &(due.len() - MOST_DUE))],
        ));
    }
    if let Some(target) = target_soon {
        lines.push(tr(
            lang,
            Key::TodayDueTarget,
            &[("date", &format_date(lang, target))],
        ));
    }
    lines
}

/// One resource of the step at hand to open, the first not marked used:
/// the line that names it, and its address.
fn resource_line<'a>(report: &ProgressReport<'a>) -> Option<(String, &'a str)> {
    let step = step_at_hand(report)?;
    let (resource, _) = step
        .resources
        .iter()
        .zip(&step.used)
        .find(|(_, used)| !**used)?;
    let lang = report.lang;
    let line = tr(
        lang,
        Key::TodayOpen,
        &[
            ("title", &resource.title.get(lang)),
            ("facts", &resource_facts(lang, resource)),
        ],
    );
    Some((line, &resource.url))
}

/// One line for a shell prompt, at most [`WIDTH`] columns: the progress,
/// the next action (shortened to fit), the streak and what is due.
pub(crate) fn render_today_short(report: &ProgressReport, day: Day) -> String {
    let lang = report.lang;
    let summary = &report.summary;
    let due = due_this_week(report, day.today).len();
    let line = |action: &str| {
        tr(
            lang,
            Key::TodayShort,
            &[
                ("done", &summary.done),
                ("total", &summary.counted),
                ("action", &action),
                ("streak", &day.streak),
                ("due", &due),
            ],
        )
    };
    let action = match step_at_hand(report) {
        Some(step) => match step.next_action() {
            Some((number, action)) => format!("{}.{number} {}", step.number, action.text),
            None => format!("{}. {}", step.number, step.title),
        },
        None => word(lang, report.end_key()).to_string(),
    };
    let room = WIDTH.saturating_sub(line("").width());
    line(&shortened(&action, room))
}

/// `text` cut to `room` columns, with `…` when it was cut.
fn shortened(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for piece in text.graphemes(true) {
        let cell = piece.width();
        // One column stays for the `…`.
        if used + cell + 1 > room {
            break;
        }
        out.push_str(piece);
        used += cell;
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}
