//! `smm-path stats`: counts, pace, streaks, an estimated finish and the activity calendar.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::NaiveDate;

use crate::cli::StatsArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date, format_decimal, tr, word};
use crate::progress::{Status, Timestamp};
use crate::report::stats::{Estimate, Pace, TargetCheck, check_target, pace};
use crate::report::{ProgressReport, render_calendar, render_summary_line};

pub(crate) fn run(ctx: &Context, args: &StatsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let lang = ctx.lang;
    let state = ctx.store.load_without_notes()?;
    let progress = state.roadmap(&ctx.roadmap.id);
    let report = ProgressReport::build(&ctx.roadmap, progress, lang);
    // Only the times of the changes: the history is not parsed.
    let times = ctx.store.change_times(&state, &ctx.roadmap.id)?;
    let now = ctx.now();
    let today = now.date_naive();
    let local_day = |at: &Timestamp| at.with_timezone(now.offset()).date_naive();

    let summary = report.summary;
    say!(out, "{}", render_summary_line(&report, ctx.color))?;
    let counts = tr(
        lang,
        Key::StatsCounts,
        &[
            ("done", &summary.done),
            ("in_progress", &summary.in_progress),
            ("todo", &summary.todo),
            ("skipped", &summary.skipped),
        ],
    );
    say!(out, "{counts}")?;

    let pace = learner_pace(&report, &times, now);

    let recent = format_decimal(lang, pace.recent_per_week);
    // Under a week, a rate a week would be a guess; the count is not.
    let mut pace_line = if pace.window_days < 7 {
        tr(
            lang,
            Key::StatsPaceFirstDays,
            &[("count", &pace.recent_steps), ("days", &pace.window_days)],
        )
    } else if pace.is_early() {
        tr(
            lang,
            Key::StatsPaceSinceStart,
            &[("recent", &recent), ("days", &pace.window_days)],
        )
    } else {
        tr(lang, Key::StatsPace, &[("recent", &recent)])
    };
    // Under four weeks the recent pace already covers every day since the
    // start: the overall one would repeat it.
    if let Some(overall) = pace.overall_per_week.filter(|_| !pace.is_early()) {
        pace_line.push_str(&tr(
            lang,
            Key::StatsPaceOverall,
            &[("overall", &format_decimal(lang, overall))],
        ));
    }
    say!(out, "{pace_line}")?;
    let streak = tr(
        lang,
        Key::StatsStreak,
        &[
            ("current", &pace.current_streak),
            ("longest", &pace.longest_streak),
        ],
    );
    say!(out, "{streak}")?;
    let estimate = match pace.estimate {
        Estimate::Finished => word(lang, Key::StatsFinished).to_string(),
        Estimate::NotEnoughData => word(lang, Key::StatsNotEnoughData).to_string(),
        Estimate::BeyondHorizon => tr(
            lang,
            Key::StatsBeyondHorizon,
            &[("years", &crate::report::stats::HORIZON_YEARS)],
        ),
        Estimate::On(day) if pace.is_early() => tr(
            lang,
            Key::StatsEstimateEarly,
            &[
                ("date", &format_date(lang, day)),
                ("days", &pace.window_days),
            ],
        ),
        Estimate::On(day) => tr(
            lang,
            Key::StatsEstimate,
            &[("date", &format_date(lang, day))],
        ),
    };
    say!(out, "{estimate}")?;
    if let Some(target) = progress.target {
        let date = format_date(lang, target);
        let line = match check_target(pace.estimate, target, today) {
            TargetCheck::OnTrack { days_ahead } => tr(
                lang,
                Key::StatsOnTrack,
                &[("date", &date), ("days", &days_ahead)],
            ),
            TargetCheck::Behind { days_late } => tr(
                lang,
                Key::StatsBehind,
                &[("date", &date), ("days", &days_late)],
            ),
            TargetCheck::Unknown => tr(lang, Key::StatsTargetUnknown, &[("date", &date)]),
        };
        say!(out, "{line}")?;
    }
    let late: Vec<String> = report
        .steps
        .iter()
        .filter(|step| step.is_late(today))
        .filter_map(|step| {
            let due = step.due?;
            Some(tr(
                lang,
                Key::StatsLateStep,
                &[("number", &step.number), ("date", &format_date(lang, due))],
            ))
        })
        .collect();
    if !late.is_empty() {
        let line = tr(
            lang,
            Key::StatsLate,
            &[("count", &late.len()), ("list", &late.join(", "))],
        );
        say!(out, "{line}")?;
    }

    if args.calendar {
        // A change is one command: several steps done at once count once.
        let mut counts: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for at in &times {
            *counts.entry(local_day(at)).or_default() += 1;
        }
        say!(out, "\n{}", word(lang, Key::CalendarTitle))?;
        say!(out, "{}", render_calendar(&counts, today, lang, ctx.color))?;
    }
    Ok(())
}

/// The pace and streaks of the learner whose `report` it is, from the times
/// of their changes, in days of the learner's zone `now`: one moment is one
/// day, whatever zone each command was typed in. `card` and `today` show the
/// same streak.
pub(super) fn learner_pace(report: &ProgressReport, times: &[Timestamp], now: Timestamp) -> Pace {
    let local_day = |at: &Timestamp| at.with_timezone(now.offset()).date_naive();
    let finished: Vec<NaiveDate> = report
        .steps
        .iter()
        .filter(|step| step.status == Status::Done)
        .filter_map(|step| step.finished.as_ref().map(local_day))
        .collect();
    let active: BTreeSet<NaiveDate> = times.iter().map(local_day).collect();
    let remaining = report.summary.counted - report.summary.done;
    pace(&finished, &active, now.date_naive(), remaining)
}
