//! `smm-path show STEP`: one step in full.

use std::io::Write;

use crate::cli::ShowArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::report::{ProgressReport, render_step_detail};

pub(crate) fn run(ctx: &Context, args: &ShowArgs, out: &mut dyn Write) -> Result<(), Error> {
    let position = ctx.select_one_step(&args.step)?;
    let state = ctx.store.load()?;
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang);
    let detail = render_step_detail(
        &ctx.roadmap.steps[position],
        &report.steps[position],
        &report,
    );
    write!(out, "{detail}").map_err(Error::Output)?;
    Ok(())
}
