//! `smm-path done STEP...`: mark steps done, today or on an earlier day.

use std::io::Write;

use chrono::{Datelike, NaiveDate, Offset, TimeZone};

use crate::actions::{self, StepTally};
use crate::cli::DoneArgs;
use crate::cmd::{Context, print_outcomes};
use crate::error::Error;
use crate::i18n::{Key, tr};
use crate::progress::{Action, Outcome, RoadmapProgress, Timestamp};

pub(crate) fn run(ctx: &Context, args: &DoneArgs, out: &mut dyn Write) -> Result<(), Error> {
    let step_ids = ctx.select_steps(&args.steps.steps)?;
    let mut arguments = args.steps.steps.clone();
    let on = on_option(ctx, args.on.as_ref(), &mut arguments)?;
    // A finish day before the start would silently move the start: refused.
    // The actions' tallies are read under the same lock, to say how many
    // are left.
    let not_before_start = |progress: &RoadmapProgress| {
        let tallies: Vec<StepTally> = step_ids
            .iter()
            .filter_map(|id| ctx.roadmap.position_of(id))
            .map(|position| StepTally::of(&ctx.roadmap, position, progress))
            .collect();
        let Some(on) = on else {
            return Ok(tallies);
        };
        for &step_id in &step_ids {
            let started = progress.steps.get(step_id).and_then(|step| step.started);
            if let Some(started) = started
                && started.date_naive() > on.date_naive()
            {
                return Err(Error::FinishBeforeStart {
                    number: ctx.roadmap.position_of(step_id).map_or(0, |p| p + 1),
                    started: started.date_naive(),
                    on: on.date_naive(),
                });
            }
        }
        Ok(tallies)
    };
    let (outcomes, tallies) = actions::set_status_checked(
        ctx,
        Action::Done { on },
        &step_ids,
        &ctx.command_line("done", &arguments),
        not_before_start,
    )?;
    print_outcomes(ctx.words(), &outcomes, out)?;
    // Finishing with actions left is the learner's call; it is only said.
    // The changed steps in a set: `done 1-100000` asks once per step.
    let changed: std::collections::HashSet<&str> = outcomes
        .iter()
        .filter_map(|outcome| match outcome {
            Outcome::Changed { step, .. } => Some(step.as_str()),
            Outcome::Unchanged { .. } => None,
        })
        .collect();
    let left: Vec<&StepTally> = tallies
        .iter()
        .filter(|tally| tally.ticked < tally.total)
        .filter(|tally| changed.contains(tally.step.as_str()))
        .collect();
    match left.as_slice() {
        [] => {}
        [tally] => {
            let (number, title) = ctx.words().describe_step(&tally.step);
            let count = tally.total - tally.ticked;
            let line = tr(
                ctx.lang,
                Key::DoneActionsLeft,
                &[("number", &number), ("title", &title), ("count", &count)],
            );
            say!(out, "{line}")?;
        }
        several => {
            // `done 1-100000` would list every step: the first few say enough.
            const SHOWN: usize = 6;
            let mut list: Vec<String> = several
                .iter()
                .take(SHOWN)
                .map(|tally| {
                    let (number, _) = ctx.words().describe_step(&tally.step);
                    tr(
                        ctx.lang,
                        Key::DoneActionsLeftOf,
                        &[
                            ("number", &number),
                            ("left", &(tally.total - tally.ticked)),
                            ("total", &tally.total),
                        ],
                    )
                })
                .collect();
            if several.len() > SHOWN {
                let more = several.len() - SHOWN;
                list.push(tr(ctx.lang, Key::DoneActionsLeftMore, &[("count", &more)]));
            }
            let line = tr(
                ctx.lang,
                Key::DoneActionsLeftMany,
                &[("list", &list.join(", "))],
            );
            say!(out, "{line}")?;
        }
    }
    Ok(())
}

/// `--on DATE` as typed (`done`, `start`, `skip`, `note`): the day, by
/// [`parse_past_date`], and the option added to the command line that the
/// history records.
pub(super) fn on_option(
    ctx: &Context,
    typed: Option<&String>,
    arguments: &mut Vec<String>,
) -> Result<Option<Timestamp>, Error> {
    let Some(text) = typed else {
        return Ok(None);
    };
    let day = parse_past_date(text, ctx.now())?;
    arguments.extend(["--on".to_string(), text.clone()]);
    Ok(Some(day))
}

/// `YYYY-MM-DD`, not after today, as the start of that day in the user's offset.
fn parse_past_date(text: &str, now: Timestamp) -> Result<Timestamp, Error> {
    let invalid = || Error::InvalidDate {
        input: text.to_string(),
    };
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| invalid())?;
    // `26-11-01` parses as the year 26: no one finished a step before 1970.
    if date.year() < 1970 {
        return Err(invalid());
    }
    if date > now.date_naive() {
        return Err(Error::FutureDate {
            input: text.to_string(),
        });
    }
    let offset = now.offset().fix();
    date.and_hms_opt(0, 0, 0)
        .and_then(|midnight| offset.from_local_datetime(&midnight).single())
        .ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_today_and_earlier_days_only() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-14T23:30:00+07:00").unwrap();
        let today = parse_past_date("2026-03-14", now).unwrap();
        assert_eq!(today.to_rfc3339(), "2026-03-14T00:00:00+07:00");
        assert!(parse_past_date("2026-03-01", now).is_ok());
        assert!(matches!(
            parse_past_date("2026-03-15", now),
            Err(Error::FutureDate { .. })
        ));
        for bad in [
            "2026-02-30",
            "14/03/2026",
            "",
            "2026-3-1x",
            "26-11-01",
            "0000-01-01",
        ] {
            assert!(
                matches!(parse_past_date(bad, now), Err(Error::InvalidDate { .. })),
                "{bad}"
            );
        }
    }
}
