//! `smm-path used RESOURCE...` and `unused`: the resources a learner really
//! learned from, the only ones the portfolio names.

use std::io::Write;

use crate::cli::ResourcesArgs;
use crate::cmd::Context;
use crate::cmd::check::set_marks;
use crate::error::Error;
use crate::progress::MarkKind;

pub(crate) fn run(
    ctx: &Context,
    args: &ResourcesArgs,
    on: bool,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let name = if on { "used" } else { "unused" };
    set_marks(ctx, MarkKind::Resource, &args.resources, on, name, out)?;
    Ok(())
}
