//! `smm-path note STEP TEXT`: keep a timestamped note, a thought, or with
//! `--evidence` a link to show an employer; `--edit N` rewrites and
//! `--delete N` deletes the note `show` numbers N.

use std::io::Write;

use crate::actions;
use crate::cli::NoteArgs;
use crate::cmd::{Context, done::on_option};
use crate::error::Error;
use crate::progress::NoteEdit;

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
    // The same for `--on`: a date taken as words would be lost unawares;
    // and for `--edit` and `--delete`, which would add a note instead.
    if args.text.iter().any(|word| word == "--on") {
        return Err(Error::OnAmongWords);
    }
    if let Some(flag) = args
        .text
        .iter()
        .find(|word| *word == "--edit" || *word == "--delete")
    {
        return Err(Error::NoteFlagAmongWords { flag: flag.clone() });
    }
    if let Some(number) = args.delete {
        let arguments = [args.step.clone(), "--delete".into(), number.to_string()];
        let command = ctx.command_line("note", &arguments);
        actions::edit_note(ctx, step_id, number, NoteEdit::Delete, &command)?;
        say!(out, "{}", ctx.words().note_changed(step_id, number, true))?;
        return Ok(());
    }
    let evidence = args.evidence;
    let words: Vec<&str> = args.text.iter().map(String::as_str).collect();
    let text = words.join(" ");
    let mut arguments = vec![args.step.clone()];
    if let Some(number) = args.edit {
        arguments.extend(["--edit".into(), number.to_string()]);
    }
    if evidence {
        arguments.push("--evidence".to_string());
    }
    let on = on_option(ctx, args.on.as_ref(), &mut arguments)?;
    let command = ctx.command_line("note", &arguments);
    if let Some(number) = args.edit {
        let edit = NoteEdit::Rewrite {
            text: &text,
            evidence,
            on,
        };
        actions::edit_note(ctx, step_id, number, edit, &command)?;
        say!(out, "{}", ctx.words().note_changed(step_id, number, false))?;
        return Ok(());
    }
    actions::add_note(ctx, step_id, &text, evidence, on, &command)?;
    say!(out, "{}", ctx.words().note_added(step_id, evidence))?;
    Ok(())
}
