//! `smm-path plan [--target DATE | --clear]`: the day the learner means to finish by.

use std::io::Write;

use chrono::NaiveDate;

use crate::cli::PlanArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::Reads;

pub(crate) fn run(ctx: &Context, args: &PlanArgs, out: &mut dyn Write) -> Result<(), Error> {
    let lang = ctx.lang;
    if args.target.is_none() && !args.clear {
        return show(ctx, out);
    }
    let target = match &args.target {
        Some(text) => {
            let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
                Error::InvalidDate {
                    input: text.clone(),
                }
            })?;
            if date < ctx.now().date_naive() {
                return Err(Error::PastTarget {
                    input: text.clone(),
                });
            }
            Some(date)
        }
        None => None,
    };
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

/// The target and the days left, read without taking the lock.
fn show(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let lang = ctx.lang;
    let state = ctx.store.load_without_notes()?;
    let line = match state.roadmap(&ctx.roadmap.id).target {
        None => word(lang, Key::PlanShowNone).to_string(),
        Some(date) => {
            let days = (date - ctx.now().date_naive()).num_days();
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
    Ok(())
}
