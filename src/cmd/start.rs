//! `smm-path start STEP...`: mark steps in progress.

use std::io::Write;

use crate::cli::StepsArgs;
use crate::cmd::{Context, set_steps};
use crate::error::Error;
use crate::progress::Action;

pub(crate) fn run(ctx: &Context, args: &StepsArgs, out: &mut dyn Write) -> Result<(), Error> {
    set_steps(ctx, Action::Start, "start", &args.steps, out)
}
