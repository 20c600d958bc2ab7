//! `smm-path plan`: the day the learner means to finish by (`--target`),
//! and a day for each step (`plan 5 --by DATE`, or `--spread` up to the
//! target), which `stats`, `today` and the calendar export then use.

use std::io::Write;

use chrono::{Datelike, NaiveDate};

use crate::cli::PlanArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::Reads;
use crate::report::ProgressReport;

pub(crate) fn run(ctx: &Context, args: &PlanArgs, out: &mut dyn Write) -> Result<(), Error> {
    if !args.steps.is_empty() {
        return plan_steps(ctx, args, out);
    }
    if args.spread {
        return spread(ctx, out);
    }
    if args.target.is_none() && !args.clear {
        return show(ctx, out);
    }
    let lang = ctx.lang;
    let target = args
        .target
        .as_deref()
        .map(|text| coming_day(ctx, text))
        .transpose()?;
    let command = match &args.target {
        Some(text) => format!("plan --target {text}"),
        None => "plan --clear".to_string(),
    };
    let mut transaction = ctx.store.begin(Reads::State)?;
    let changed = transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.set_target(target, ctx.now(), &command, recorder)
    });
    transaction.commit()?;
    let line = match (target, changed) {
        (Some(date), true) => tr(lang, Key::PlanSet, &[("date", &format_date(lang, date))]),
        (Some(date), false) => tr(
            lang,
            Key::PlanUnchanged,
            &[("date", &format_date(lang, date))],
        ),
        (None, true) => word(lang, Key::PlanCleared).to_string(),
        (None, false) => word(lang, Key::PlanNone).to_string(),
    };
    say!(out, "{line}")?;
    Ok(())
}

/// A day typed as `YYYY-MM-DD`, today or later.
fn coming_day(ctx: &Context, text: &str) -> Result<NaiveDate, Error> {
    let invalid = || Error::InvalidDate {
        input: text.to_string(),
    };
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| invalid())?;
    // `27-01-15` parses as the year 27, which no plan means; a year of
    // five digits (`+10000-01-01`) no calendar or schema can write.
    if !(1970..=9999).contains(&date.year()) {
        return Err(invalid());
    }
    if date < ctx.now().date_naive() {
        return Err(Error::PastTarget {
            input: text.to_string(),
        });
    }
    Ok(date)
}

/// `plan 5 7 --by DATE` or `plan 5 --clear`: a day for steps, as one change.
fn plan_steps(ctx: &Context, args: &PlanArgs, out: &mut dyn Write) -> Result<(), Error> {
    let date = match (&args.by, args.clear) {
        (Some(text), _) => Some(coming_day(ctx, text).map_err(|error| match error {
            Error::PastTarget { input } => Error::PastPlanDay { input },
            other => other,
        })?),
        (None, true) => None,
        (None, false) => return Err(Error::PlanStepsNeedDay),
    };
    let steps = ctx.select_steps(&args.steps)?;
    let mut arguments = args.steps.clone();
    match &args.by {
        Some(text) => arguments.extend(["--by".to_string(), text.clone()]),
        None => arguments.push("--clear".to_string()),
    }
    let command = ctx.command_line("plan", &arguments);
    let dates: Vec<(&str, Option<NaiveDate>)> = steps.iter().map(|&step| (step, date)).collect();
    record(ctx, &dates, &command, out)
}

/// `plan --spread`: the steps still open, spread evenly from today to the
/// target, the last on the target itself, in the roadmap's order.
fn spread(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let state = ctx.store.load_without_notes()?;
    let progress = state.roadmap(&ctx.roadmap.id);
    let Some(target) = progress.target else {
        return Err(Error::SpreadWithoutTarget);
    };
    let today = ctx.now().date_naive();
    if target < today {
        return Err(Error::PastTarget {
            input: target.to_string(),
        });
    }
    let report = ProgressReport::build(&ctx.roadmap, progress, ctx.lang);
    let open: Vec<&str> = report
        .steps
        .iter()
        .filter(|step| step.is_open())
        .map(|step| step.id)
        .collect();
    if open.is_empty() {
        say!(out, "{}", word(ctx.lang, Key::PlanNothingToSpread))?;
        return Ok(());
    }
    let days = (target - today).num_days();
    let count = i64::try_from(open.len()).unwrap_or(i64::MAX);
    let dates: Vec<(&str, Option<NaiveDate>)> = (1..)
        .zip(&open)
        .map(|(place, &step)| {
            let offset = days.saturating_mul(place) / count;
            (step, Some(today + chrono::Days::new(offset.unsigned_abs())))
        })
        .collect();
    record(ctx, &dates, "plan --spread", out)
}

/// Records the days as one change and says what changed.
fn record(
    ctx: &Context,
    dates: &[(&str, Option<NaiveDate>)],
    command: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut transaction = ctx.store.begin(Reads::State)?;
    let changed = transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.set_due(dates, ctx.now(), command, recorder)
    });
    transaction.commit()?;
    if changed.is_empty() {
        say!(out, "{}", word(ctx.lang, Key::PlanStepsUnchanged))?;
    }
    let words = ctx.words();
    let planned: std::collections::HashMap<&str, Option<NaiveDate>> =
        dates.iter().copied().collect();
    for step in &changed {
        let date = planned.get(step.as_str()).copied().flatten();
        say!(out, "{}", words.due(step, date))?;
    }
    Ok(())
}

/// The target and the days left, and the steps planned for a day, read
/// without taking the lock.
fn show(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let lang = ctx.lang;
    let state = ctx.store.load_without_notes()?;
    let progress = state.roadmap(&ctx.roadmap.id);
    let today = ctx.now().date_naive();
    let line = match progress.target {
        None => word(lang, Key::PlanShowNone).to_string(),
        Some(date) => {
            let days = (date - today).num_days();
            let key = match days {
                0 => Key::PlanShowToday,
                1.. => Key::PlanShow,
                _ => Key::PlanShowPast,
            };
            tr(
                lang,
                key,
                &[("date", &format_date(lang, date)), ("days", &days.abs())],
            )
        }
    };
    say!(out, "{line}")?;
    let report = ProgressReport::build(&ctx.roadmap, progress, lang);
    let words = ctx.words();
    for step in report.steps.iter().filter(|step| step.is_open()) {
        let Some(due) = step.due else { continue };
        let mut line = words.due(step.id, Some(due));
        if step.is_late(today) {
            line.push(' ');
            line.push_str(word(lang, Key::PlanLate));
        }
        say!(out, "  {line}")?;
    }
    Ok(())
}
