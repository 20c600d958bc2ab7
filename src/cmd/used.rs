//! `smm-path used RESOURCE...` and `unused`: the resources a learner really
//! learned from, the only ones the portfolio names.

use std::io::Write;

use crate::actions;
use crate::cli::ResourcesArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::progress::{MarkKind, resolve_items};

pub(crate) fn run(
    ctx: &Context,
    args: &ResourcesArgs,
    on: bool,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let items = resolve_items(&args.resources, &ctx.roadmap, MarkKind::Resource)?;
    let name = if on { "used" } else { "unused" };
    let command = ctx.command_line(name, &args.resources);
    let marked = actions::set_marks(ctx, MarkKind::Resource, &items, on, &command)?;
    let words = ctx.words();
    for item in &marked.items {
        let line = words.mark(
            MarkKind::Resource,
            &item.step,
            &item.key,
            item.on,
            item.changed,
        );
        say!(out, "{line}")?;
    }
    Ok(())
}
