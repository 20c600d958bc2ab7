//! `smm-path note STEP TEXT`: keep a timestamped note, a thought or a link as evidence.

use std::io::Write;

use crate::cli::NoteArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, tr};
use crate::progress::Reads;

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
    let mut transaction = ctx.store.begin(Reads::State)?;
    transaction.change_roadmap(&ctx.roadmap, |progress, _, recorder| {
        progress.add_note(step_id, text, ctx.now(), &command, recorder)
    });
    transaction.commit()?;
    let (number, title) = ctx.describe_step(step_id);
    writeln!(
        out,
        "{}",
        tr(
            ctx.lang,
            Key::NoteAdded,
            &[("number", &number), ("title", &title)]
        )
    )
    .map_err(Error::Output)?;
    Ok(())
}
