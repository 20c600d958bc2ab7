//! `smm-path next`: the step to work on now, with its practical actions and the next one to tick.

use std::io::Write;

use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, Lang, tr, word};
use crate::report::{ProgressReport, StepReport, render_step_detail, status_label};

/// The action to tick next (see [`ProgressReport::next_action`]), and the
/// command that ticks it; an action of another step than `shown` (a step
/// in progress further on) names its step and status.
fn next_action_line(lang: Lang, report: &ProgressReport, shown: &StepReport) -> Option<String> {
    let (label, action) = report.next_action()?;
    let step = label
        .split_once('.')
        .and_then(|(number, _)| number.parse::<usize>().ok())
        .and_then(|number| report.steps.get(number.wrapping_sub(1)));
    Some(match step {
        Some(step) if step.number != shown.number => tr(
            lang,
            Key::NextActionOther,
            &[
                ("label", &label),
                ("text", &action.text),
                ("number", &step.number),
                ("title", &step.title),
                ("status", &status_label(lang, step.status)),
            ],
        ),
        _ => tr(
            lang,
            Key::NextAction,
            &[("label", &label), ("text", &action.text)],
        ),
    })
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
    if let Some(line) = next_action_line(ctx.lang, &report, record) {
        say!(out, "{line}")?;
    }
    say!(
        out,
        "{}",
        tr(ctx.lang, Key::NextHint, &[("number", &record.number)])
    )?;
    Ok(())
}
