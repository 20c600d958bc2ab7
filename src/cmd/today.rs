//! `smm-path today [--short]`: the morning screen (see [`crate::report::today`]).

use std::collections::BTreeSet;
use std::io::Write;

use chrono::NaiveDate;

use crate::cli::TodayArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::progress::Timestamp;
use crate::report::ProgressReport;
use crate::report::stats::streaks;
use crate::report::today::{Day, render_today, render_today_short};

pub(crate) fn run(ctx: &Context, args: &TodayArgs, out: &mut dyn Write) -> Result<(), Error> {
    let state = ctx.store.load_without_notes()?;
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang);
    // Only the times of the changes: the history is not parsed.
    let times = ctx.store.change_times(&ctx.roadmap.id)?;
    let now = ctx.now();
    let today = now.date_naive();
    // Days in the learner's zone now, as `stats` counts them.
    let local_day = |at: &Timestamp| at.with_timezone(now.offset()).date_naive();
    let active: BTreeSet<NaiveDate> = times.iter().map(local_day).collect();
    let (streak, longest_streak) = streaks(&active, today);
    let day = Day {
        today,
        // A change from a clock ahead counts as today's.
        last_change: active.last().map(|last| (*last).min(today)),
        streak,
        longest_streak,
    };
    if args.short {
        say!(out, "{}", render_today_short(&report, day))?;
    } else {
        say!(out, "{}", render_today(&report, day).trim_end_matches('\n'))?;
    }
    Ok(())
}
