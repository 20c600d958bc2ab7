//! `smm-path undo`: take back the last change, as a whole, whichever device made it.

use std::io::Write;

use crate::actions;
use crate::cmd::{Context, print_lines};
use crate::error::Error;

pub(crate) fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let reverted = actions::undo(ctx)?;
    print_lines(&ctx.words().reverted(reverted.as_ref()), out)
}
