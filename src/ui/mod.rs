//! `smm-path ui`: the roadmap as a full-screen checklist, for learners who
//! would rather press keys than type commands.
//!
//! One state ([`app::App`]), one event loop (here), pure drawing
//! ([`render`]). Every key that changes progress runs the same command as
//! the command line, through the same store, one change per key; the view
//! then reads the progress again, as it does every two seconds, so changes
//! made elsewhere (another terminal, `sync`) show up. The store's lock is
//! only held while a command runs, never while waiting for a key.

mod app;
mod render;

use std::io::{IsTerminal, Write};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableFocusChange, DisableMouseCapture, EnableFocusChange, EnableMouseCapture, Event,
    KeyEventKind,
};
use ratatui::crossterm::execute;

use self::app::{App, Intent};
use crate::cli::{Cli, Command, DoneArgs, NoteArgs, ResetArgs, SkipArgs, StepsArgs};
use crate::cmd::{Context, run_command};
use crate::error::Error;
use crate::i18n::Lang;

/// How often the view reads the progress again while no key is pressed.
const RELOAD_EVERY: Duration = Duration::from_secs(2);

/// Opens the view, runs it until the user quits, and restores the terminal
/// on every way out, a panic included.
pub(crate) fn run(cli: &Cli, lang: Lang) -> Result<(), Error> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Error::NoTerminal);
    }
    let mut ctx = Context::new(cli, lang)?;
    ctx.via = Some("ui");
    let progress = ctx.store.load()?.roadmap(&ctx.roadmap.id).clone();
    let mut app = App::new(ctx.roadmap.clone(), progress, lang, ctx.color);

    // ratatui's hook restores the screen on a panic; this one first lets go of the mouse.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableFocusChange);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().map_err(Error::Terminal)?;
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
        if crate::crash_point::crash_requested("ui-panic") {
            panic!("a panic injected by SMM_PATH_CRASH_AT=ui-panic");
        }
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
                let size = terminal.size().map_err(Error::Terminal)?;
                let list =
                    render::list_area(ratatui::layout::Rect::new(0, 0, size.width, size.height));
                app.handle_mouse(mouse, list.y, list.x + list.width);
            }
            Event::FocusGained | Event::Resize(..) => reload(app, ctx),
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

/// Carries out a key's intent as the command it stands for, and shows
/// that command's first line of output, or its error.
pub(crate) fn perform(app: &mut App, ctx: &mut Context, intent: Intent) {
    ctx.refresh_clock();
    ctx.lang = app.lang;
    let number = |index: usize| vec![(index + 1).to_string()];
    let command = match intent {
        Intent::Done(index) => Command::Done(DoneArgs {
            steps: StepsArgs {
                steps: number(index),
            },
            on: None,
        }),
        Intent::Start(index) => Command::Start(StepsArgs {
            steps: number(index),
        }),
        Intent::Skip(index, reason) => Command::Skip(SkipArgs {
            steps: StepsArgs {
                steps: number(index),
            },
            reason,
        }),
        Intent::Reset(index) => Command::Reset(ResetArgs {
            steps: number(index),
            all: false,
            yes: false,
        }),
        Intent::Note(index, text) => Command::Note(NoteArgs {
            step: (index + 1).to_string(),
            text: vec![text],
        }),
        Intent::Undo => Command::Undo,
    };
    let mut output = Vec::new();
    app.message = Some(match run_command(ctx, Some(&command), &mut output) {
        Ok(()) => {
            let output = String::from_utf8_lossy(&output);
            let first = output.lines().next().unwrap_or_default().trim().to_string();
            (crate::control::escaped(&first), false)
        }
        Err(error) => (crate::control::escaped(&error.render(app.lang)), true),
    });
    let _ = std::io::stdout().flush();
    reload(app, ctx);
}

#[cfg(test)]
mod tests;
