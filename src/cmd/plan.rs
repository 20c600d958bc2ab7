//! `smm-path plan --target DATE`: the day the learner means to finish by.

use std::io::Write;

use chrono::NaiveDate;

use crate::cli::PlanArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::Reads;

pub(crate) fn run(ctx: &Context, args: &PlanArgs, out: &mut dyn Write) -> Result<(), Error> {
    let lang = ctx.lang;
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
