//! `smm-path note STEP TEXT`: keep a timestamped note, a thought, or with
//! `--evidence` a link to show an employer.

use std::io::Write;

use crate::actions;
use crate::cli::NoteArgs;
use crate::cmd::{Context, done::on_option};
use crate::error::Error;

pub(crate) fn run(ctx: &Context, args: &NoteArgs, out: &mut dyn Write) -> Result<(), Error> {
    let position = ctx.select_one_step(&args.step)?;
    let step_id = &ctx.roadmap.steps[position].id;
    // A note's words may start with a hyphen (`-5% reach`), so a
    // `--evidence` typed after the first word lands among them. Taking it
    // as the flag could make a private note evidence (and it cannot be
    // told from a `--` before it); leaving it in the text would keep
    // evidence private unawares: it is refused, and nothing is written.
    if args.text.iter().any(|word| word == "--evidence") {
        return Err(Error::EvidenceAmongWords);
    }
    // The same for `--on`: a date taken as words would be lost unawares.
    if args.text.iter().any(|word| word == "--on") {
        return Err(Error::OnAmongWords);
    }
    let evidence = args.evidence;
    let words: Vec<&str> = args.text.iter().map(String::as_str).collect();
    let mut arguments = vec![args.step.clone()];
    if evidence {
        arguments.push("--evidence".to_string());
    }
    let on = on_option(ctx, args.on.as_ref(), &mut arguments)?;
    let command = ctx.command_line("note", &arguments);
    actions::add_note(ctx, step_id, &words.join(" "), evidence, on, &command)?;
    say!(out, "{}", ctx.words().note_added(step_id, evidence))?;
    Ok(())
}
