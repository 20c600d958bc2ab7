//! `smm-path next`: the step to work on now, with its practical actions and the next one to tick.

use std::io::Write;

use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, Lang, tr, word};
use crate::report::{ProgressReport, render_step_detail};

/// The action to tick next (see [`ProgressReport::next_action`]), and the
/// command that ticks it.
pub(crate) fn next_action_line(lang: Lang, report: &ProgressReport) -> Option<String> {
    let (label, action) = report.next_action()?;
    Some(tr(
        lang,
        Key::NextAction,
        &[("label", &label), ("text", &action.text)],
    ))
}

pub(crate) fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let state = ctx.store.load()?;
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang);
    let Some(position) = report.next else {
        say!(out, "{}", word(ctx.lang, report.end_key()))?;
        return Ok(());
    };
    let record = &report.steps[position];
    say!(
        out,
        "{}\n",
        tr(
            ctx.lang,
            Key::NextStep,
            &[("number", &record.number), ("title", &record.title)]
        )
    )?;
    write!(
        out,
        "{}",
        render_step_detail(&ctx.roadmap.steps[position], record, &report)
    )
    .map_err(Error::Output)?;
    say!(out, "")?;
    if let Some(line) = next_action_line(ctx.lang, &report) {
        say!(out, "{line}")?;
    }
    say!(
        out,
        "{}",
        tr(ctx.lang, Key::NextHint, &[("number", &record.number)])
    )?;
    Ok(())
}
