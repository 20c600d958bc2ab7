//! `smm-path today [--short]`: the morning screen (see [`crate::report::today`]).

use std::io::Write;

use crate::cli::TodayArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::report::ProgressReport;
use crate::report::today::{Day, render_today, render_today_short};

pub(crate) fn run(ctx: &Context, args: &TodayArgs, out: &mut dyn Write) -> Result<(), Error> {
    let state = ctx.store.load_without_notes()?;
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang);
    // Only the times of the changes: the history is not parsed.
    let times = ctx.store.change_times(&state, &ctx.roadmap.id)?;
    let now = ctx.now();
    let today = now.date_naive();
    let pace = super::stats::learner_pace(&report, &times, now);
    let day = Day {
        today,
        // In the learner's zone now, as the streak; a change from a clock
        // ahead counts as today's.
        last_change: times
            .iter()
            .max()
            .map(|at| at.with_timezone(now.offset()).date_naive().min(today)),
        streak: pace.current_streak,
        longest_streak: pace.longest_streak,
    };
    if args.short {
        say!(out, "{}", render_today_short(&report, day))?;
    } else {
        say!(out, "{}", render_today(&report, day).trim_end_matches('\n'))?;
    }
    Ok(())
}
