//! `smm-path status`: every step, the overall progress, and what comes next.

use std::io::Write;

use crate::cli::StatusArgs;
use crate::cmd::{Context, list_some};
use crate::error::Error;
use crate::i18n::{Key, Lang, tr, word};
use crate::report::{
    ProgressReport, TableOptions, render_json, render_short_line, render_status_table,
    render_summary_line,
};

pub(crate) fn run(ctx: &Context, args: &StatusArgs, out: &mut dyn Write) -> Result<(), Error> {
    // Only the JSON shows notes: the table reads the state without them.
    let state = if args.json {
        ctx.store.load()?
    } else {
        ctx.store.load_without_notes()?
    };
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang);
    let result = print(ctx, args, &state, &report, out);
    // The process ends right after this: freeing 100,000 steps' progress
    // and report piece by piece would cost a tenth of the command.
    std::mem::forget(report);
    std::mem::forget(state);
    result
}

fn print(
    ctx: &Context,
    args: &StatusArgs,
    state: &crate::progress::State,
    report: &ProgressReport,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if args.json {
        write!(out, "{}", render_json(report)).map_err(Error::Output)?;
        return Ok(());
    }
    if args.short {
        say!(out, "{}", render_short_line(report))?;
        return Ok(());
    }
    let options = TableOptions {
        color: ctx.color,
        width: ctx.width,
    };
    say!(out, "{}\n", report.title)?;
    say!(out, "{}\n", render_status_table(report, options))?;
    say!(out, "{}", render_summary_line(report, ctx.color))?;
    match report.next_step() {
        Some(next) => {
            let number = &next.number;
            say!(
                out,
                "{}",
                tr(
                    ctx.lang,
                    Key::NextStep,
                    &[("number", number), ("title", &next.title)]
                )
            )?;
            say!(
                out,
                "{}",
                tr(ctx.lang, Key::NextHint, &[("number", number)])
            )?;
        }
        None => say!(out, "{}", word(ctx.lang, report.end_key()))?,
    }
    let progress = state.roadmap(&ctx.roadmap.id);
    if let Some(old) = progress
        .roadmap_version
        .filter(|&old| old != ctx.roadmap.version)
    {
        let new = ctx.roadmap.version;
        let changed = tr(
            ctx.lang,
            Key::StatusVersionChanged,
            &[("new", &new), ("old", &old)],
        );
        say!(out, "{changed}")?;
        for note in ctx.roadmap.changes_since(old) {
            say!(out, "{}", note.text.get(ctx.lang))?;
        }
        let added = progress.new_steps(&ctx.roadmap);
        if !added.is_empty() {
            let notice = steps_notice(ctx.lang, Key::StatusNewSteps, &added);
            say!(out, "{notice}")?;
        }
    }
    if !report.orphans.is_empty() {
        let notice = steps_notice(ctx.lang, Key::StatusOrphans, &report.orphans);
        say!(out, "{notice}")?;
    }
    if !report.dropped_actions.is_empty() {
        let ids: Vec<String> = report
            .dropped_actions
            .iter()
            .map(|(step, key)| format!("{step}.{key}"))
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let notice = steps_notice(ctx.lang, Key::StatusDroppedActions, &ids);
        say!(out, "{notice}")?;
    }
    Ok(())
}

/// A notice under the table about some steps: how many, and which.
fn steps_notice(lang: Lang, key: Key, ids: &[&str]) -> String {
    tr(
        lang,
        key,
        &[("count", &ids.len()), ("ids", &list_some(ids))],
    )
}
