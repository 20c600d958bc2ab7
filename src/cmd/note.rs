//! `smm-path note STEP TEXT`: keep a timestamped note, a thought or a link as evidence.

use std::io::Write;

use crate::cli::NoteArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, tr};

pub(crate) fn run(ctx: &Context, args: &NoteArgs, out: &mut dyn Write) -> Result<(), Error> {
    let position = ctx.select_one_step(&args.step)?;
    let text = args.text.join(" ");
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::EmptyNote);
    }
    Error::check_typed_text(text)?;
    let step_id = &ctx.roadmap.steps[position].id;
    let command = ctx.command_line("note", std::slice::from_ref(&args.step));
    ctx.store
        .update(false, |state, _, journal| -> Result<_, Error> {
            state.change_roadmap(&ctx.roadmap, journal, |progress, recorder| {
                progress.add_note(step_id, text, ctx.now(), &command, recorder)
            });
            Ok(())
        })?;
    let (number, title) = ctx.describe_step(step_id);
    writeln!(
        out,
        "{}",
        tr(
            ctx.lang,
            Key::NoteAdded,
            &[("number", &number), ("title", &title)]
        )
    )?;
    Ok(())
}
