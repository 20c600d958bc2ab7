//! `smm-path note STEP TEXT`: keep a timestamped note, a thought, or with
//! `--evidence` a link to show an employer.

use std::io::Write;

use crate::actions;
use crate::cli::NoteArgs;
use crate::cmd::Context;
use crate::error::Error;

pub(crate) fn run(ctx: &Context, args: &NoteArgs, out: &mut dyn Write) -> Result<(), Error> {
    let position = ctx.select_one_step(&args.step)?;
    let step_id = &ctx.roadmap.steps[position].id;
    // The words of the note may not start with a hyphen for clap to see
    // them (`-5% reach`), so `--evidence` typed after the first word lands
    // among them: it is the flag wherever it is.
    let evidence = args.evidence || args.text.iter().any(|word| word == "--evidence");
    let words: Vec<&str> = args
        .text
        .iter()
        .map(String::as_str)
        .filter(|word| *word != "--evidence")
        .collect();
    let mut arguments = vec![args.step.clone()];
    if evidence {
        arguments.push("--evidence".to_string());
    }
    let command = ctx.command_line("note", &arguments);
    actions::add_note(ctx, step_id, &words.join(" "), evidence, &command)?;
    say!(out, "{}", ctx.words().note_added(step_id, evidence))?;
    Ok(())
}
