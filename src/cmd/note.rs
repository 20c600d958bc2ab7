//! `smm-path note STEP TEXT`: keep a timestamped note, a thought or a link as evidence.

use std::io::Write;

use crate::actions;
use crate::cli::NoteArgs;
use crate::cmd::Context;
use crate::error::Error;

pub(crate) fn run(ctx: &Context, args: &NoteArgs, out: &mut dyn Write) -> Result<(), Error> {
    let position = ctx.select_one_step(&args.step)?;
    let step_id = &ctx.roadmap.steps[position].id;
    let command = ctx.command_line("note", std::slice::from_ref(&args.step));
    actions::add_note(ctx, step_id, &args.text.join(" "), &command)?;
    say!(out, "{}", ctx.words().note_added(step_id))?;
    Ok(())
}
