//! `smm-path ui`: the roadmap as a full-screen checklist, for learners who
//! would rather press keys than type commands.
//!
//! One state ([`app::App`]), one event loop (here), pure drawing
//! ([`render`]). Every key that changes progress carries out the same
//! action as the command line ([`crate::actions`]), one change per key,
//! and words what changed through the same catalogue; the view
//! then reads the progress again, as it does every two seconds, so changes
//! made elsewhere (another terminal, `sync`) show up. The store's lock is
//! only held while a command runs, never while waiting for a key.

mod app;
mod layout;
mod render;

use std::io::{IsTerminal, Write};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableFocusChange, DisableMouseCapture, EnableFocusChange, EnableMouseCapture, Event,
    KeyEventKind,
};
use ratatui::crossterm::execute;

use self::app::{App, Intent};
use crate::actions;
use crate::context::Context;
use crate::error::Error;
use crate::i18n::{Key, tr};
use crate::progress::{Action, ItemRef, MarkKind, Outcome, Status};
use crate::settings::Settings;

/// How often the view reads the progress again while no key is pressed.
const RELOAD_EVERY: Duration = Duration::from_secs(2);

/// Opens the view, runs it until the user quits, and restores the terminal
/// on every way out, a panic included.
pub(crate) fn run(settings: &Settings) -> Result<(), Error> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Error::NoTerminal);
    }
    let mut ctx = Context::load(settings)?;
    ctx.via = Some("ui");
    let progress = ctx.store.load()?.roadmap(&ctx.roadmap.id).clone();
    let mut app = App::new(ctx.roadmap.clone(), progress, ctx.lang, ctx.color);

    // ratatui's hook restores the screen on a panic; this one first lets go of the mouse.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableFocusChange);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().map_err(Error::Terminal)?;
    let size = terminal.size().map_err(Error::Terminal)?;
    app.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height));
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableFocusChange);
    let result = event_loop(&mut terminal, &mut app, &mut ctx);
    let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableFocusChange);
    ratatui::restore();
    let _ = std::panic::take_hook();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    ctx: &mut Context,
) -> Result<(), Error> {
    loop {
        terminal
            .draw(|frame| render::draw(frame, app))
            .map_err(Error::Terminal)?;
        if app.quit {
            return Ok(());
        }
        // A test checks that a panic still hands the terminal back as it was.
        assert!(
            !crate::crash_point::crash_requested("ui-panic"),
            "a panic injected by SMM_PATH_CRASH_AT=ui-panic"
        );
        if !event::poll(RELOAD_EVERY).map_err(Error::Terminal)? {
            reload(app, ctx);
            continue;
        }
        match event::read().map_err(Error::Terminal)? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(intent) = app.handle_key(key) {
                    perform(app, ctx, intent);
                }
            }
            Event::Mouse(mouse) => {
                let list = app.screen.list;
                app.handle_mouse(mouse, list.y, list.x + list.width);
            }
            Event::Resize(width, height) => {
                app.resize(ratatui::layout::Rect::new(0, 0, width, height));
                reload(app, ctx);
            }
            Event::FocusGained => reload(app, ctx),
            _ => {}
        }
    }
}

/// Reads the progress again; a file that cannot be read keeps the last
/// good view, with the error in the status line.
fn reload(app: &mut App, ctx: &Context) {
    match ctx.store.load() {
        Ok(state) => app.reload(state.roadmap(&ctx.roadmap.id).clone()),
        Err(error) => app.message = Some((Error::from(error).render(app.lang), true)),
    }
}

/// Carries out a key's intent through the same actions as the command
/// line, and shows what changed (the first line the command would print),
/// or the error.
pub(crate) fn perform(app: &mut App, ctx: &mut Context, intent: Intent) {
    ctx.refresh_clock();
    ctx.lang = app.lang;
    let result = carry_out(ctx, intent);
    app.message = Some(match result {
        Ok(message) => (crate::control::escaped(&message), false),
        Err(error) => (crate::control::escaped(&error.render(app.lang)), true),
    });
    let _ = std::io::stdout().flush();
    reload(app, ctx);
}

/// One intent as one change, recorded as the command it stands for.
fn carry_out(ctx: &Context, intent: Intent) -> Result<String, Error> {
    let words = ctx.words();
    let number = |index: usize| vec![(index + 1).to_string()];
    let set = |action: Action, index: usize, name: &str, arguments: Vec<String>| {
        let id: &str = &ctx.roadmap.steps[index].id;
        let outcomes =
            actions::set_status(ctx, action, &[id], &ctx.command_line(name, &arguments))?;
        Ok(outcomes
            .first()
            .map(|outcome| words.outcome(outcome))
            .unwrap_or_default())
    };
    match intent {
        Intent::Done(index) => set(Action::Done { on: None }, index, "done", number(index)),
        Intent::Start(index) => set(Action::Start { on: None }, index, "start", number(index)),
        Intent::Reset(index) => set(Action::Reset, index, "reset", number(index)),
        Intent::Skip(index, reason) => {
            let reason = actions::skip_reason(reason.as_deref())?;
            let arguments = actions::skip_arguments(&number(index), reason.as_ref());
            set(Action::Skip { reason, on: None }, index, "skip", arguments)
        }
        Intent::Note(index, text) => {
            let id = &ctx.roadmap.steps[index].id;
            let command = ctx.command_line("note", &number(index));
            actions::add_note(ctx, id, &text, false, None, &command)?;
            Ok(words.note_added(id, false))
        }
        Intent::Evidence(index, text) => {
            let id = &ctx.roadmap.steps[index].id;
            let mut arguments = number(index);
            arguments.push("--evidence".to_string());
            let command = ctx.command_line("note", &arguments);
            actions::add_note(ctx, id, &text, true, None, &command)?;
            Ok(words.note_added(id, true))
        }
        Intent::Tick { step, action, on } => {
            let label = format!("{}.{}", step + 1, action + 1);
            let command = ctx.command_line(if on { "check" } else { "uncheck" }, &[label]);
            let item = ItemRef { step, item: action };
            let marked = actions::set_marks(ctx, MarkKind::Action, &[item], on, &command)?;
            Ok(ticked_message(ctx, &marked, step))
        }
        Intent::Undo => {
            let reverted = actions::undo(ctx)?;
            // The status line is one line: the heading's colon introduces
            // what was taken back, so that follows it on the same line.
            let lines = words.reverted(reverted.as_ref());
            let (heading, taken_back) = lines
                .split_first()
                .map_or((String::new(), &[][..]), |(h, t)| (h.clone(), t));
            let taken_back: Vec<&str> = taken_back.iter().map(|line| line.trim()).collect();
            Ok(if taken_back.is_empty() {
                heading
            } else {
                format!("{heading} {}", taken_back.join("; "))
            })
        }
    }
}

/// What ticking one action did, on the one line the view has: when it was
/// the step's last, what follows first (the roadmap finished the step, or
/// `d` will, as `check` says), then the tick and the tally (`Ticked 5.2: ... (2/4)`).
fn ticked_message(ctx: &Context, marked: &actions::Marked, step: usize) -> String {
    let words = ctx.words();
    let number = step + 1;
    let mut parts: Vec<String> = Vec::new();
    let tally = marked.steps.first();
    let finished = marked
        .finished
        .iter()
        .any(|outcome| matches!(outcome, Outcome::Changed { .. }));
    let ticking = marked.items.iter().any(|item| item.on);
    if finished {
        parts.push(tr(
            ctx.lang,
            Key::ActionsFinishedStep,
            &[("number", &number)],
        ));
    } else if ticking && tally.is_some_and(|t| t.all_ticked() && t.status != Status::Done) {
        parts.push(tr(
            ctx.lang,
            Key::UiActionsAllTicked,
            &[("number", &number)],
        ));
    }
    let count = tally.map(|t| format!(" ({}/{})", t.ticked, t.total));
    for item in &marked.items {
        let line = words.mark(
            MarkKind::Action,
            &item.step,
            &item.key,
            item.on,
            item.changed,
        );
        parts.push(format!("{line}{}", count.as_deref().unwrap_or_default()));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests;
