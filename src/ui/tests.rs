//! The view without a terminal: frames drawn on ratatui's test backend and
//! compared with reviewed snapshots, and key presses run against a real
//! store in a temporary home.

use std::path::Path;

use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Mode};
use super::{perform, render};
use crate::cli::{ColorChoice, GlobalArgs};
use crate::context::Context;
use crate::i18n::Lang;
use crate::progress::{Note, RoadmapProgress, Status, StepProgress};
use crate::settings::Settings;

fn at(text: &str) -> crate::progress::Timestamp {
    DateTime::parse_from_rfc3339(text).expect("a fixed time")
}

/// Steps 1-3 done, 4 in progress with a note, 12 skipped.
fn progress() -> RoadmapProgress {
    let roadmap = crate::roadmap::load_builtin();
    let mut progress = RoadmapProgress::default();
    let id = |number: usize| roadmap.steps[number - 1].id.to_string();
    let finished = at("2026-11-20T10:00:00+07:00");
    for number in 1..=3 {
        progress.steps.insert(
            id(number),
            StepProgress {
                status: Status::Done,
                started: Some(finished),
                finished: Some(finished),
                ..StepProgress::default()
            },
        );
    }
    progress.steps.insert(
        id(4),
        StepProgress {
            status: Status::InProgress,
            started: Some(finished),
            notes: vec![Note {
                at: finished,
                text: "three brands picked".to_string(),
                id: None,
                evidence: false,
            }],
            ..StepProgress::default()
        },
    );
    progress.steps.insert(
        id(12),
        StepProgress {
            status: Status::Skipped,
            skip_reason: Some("no ad budget".to_string()),
            ..StepProgress::default()
        },
    );
    progress
}

fn frame(app: &mut App, width: u16, height: u16) -> String {
    app.resize(ratatui::layout::Rect::new(0, 0, width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| render::draw(frame, app))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    if app.color {
        // The colours and modifiers, run by run, after the text.
        format!("{}\n{buffer:?}", terminal.backend())
    } else {
        terminal.backend().to_string()
    }
}

#[test]
fn frames_in_both_languages_at_two_sizes_with_and_without_colour() {
    for lang in [Lang::En, Lang::Id] {
        for (width, height) in [(80, 24), (120, 40)] {
            for color in [false, true] {
                let mut app = App::new(crate::roadmap::load_builtin(), progress(), lang, color);
                let name = format!(
                    "ui_{}_{width}x{height}_{}",
                    lang.code(),
                    if color { "colour" } else { "plain" }
                );
                insta::assert_snapshot!(name, frame(&mut app, width, height));
            }
        }
    }
}

#[test]
fn the_cursor_starts_on_the_next_step_and_the_help_and_step_views_draw() {
    let mut app = App::new(crate::roadmap::load_builtin(), progress(), Lang::En, false);
    assert_eq!(app.selected, 3, "step 4 is next");
    let browse = frame(&mut app, 80, 24);
    assert!(browse.contains("›  4 ▶ Choose a Niche"), "{browse}");
    app.mode = Mode::Help;
    let help = frame(&mut app, 80, 24);
    assert!(help.contains("undo the last change"), "{help}");
    app.mode = Mode::Step { scroll: 0 };
    let step = frame(&mut app, 80, 24);
    assert!(step.contains("┌Choose a Niche or Industry"), "{step}");
    assert!(!step.contains("three brands picked"), "{step}");
    // The notes come last; scrolling down reaches them.
    for _ in 0..60 {
        app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    }
    let scrolled = frame(&mut app, 80, 24);
    assert!(scrolled.contains("three brands picked"), "{scrolled}");
}

#[test]
fn a_small_window_gets_a_message_not_a_broken_layout() {
    let mut app = App::new(crate::roadmap::load_builtin(), progress(), Lang::Id, false);
    let small = frame(&mut app, 60, 20);
    assert!(small.contains("Jendela ini 60x20"), "{small}");
    assert!(!small.contains('┌'), "{small}");
}

#[test]
fn a_huge_roadmap_draws_only_the_rows_in_view() {
    let mut roadmap = crate::roadmap::load_builtin();
    let step = roadmap.steps[0].clone();
    let steps: Vec<_> = (0..10_000)
        .map(|index| {
            let mut step = step.clone();
            step.id = format!("step-{index}").into();
            step
        })
        .collect();
    roadmap.steps = steps.into();
    roadmap.phases = Vec::new().into();
    let mut app = App::new(roadmap, RoadmapProgress::default(), Lang::En, false);
    frame(&mut app, 120, 40);
    for _ in 0..5_000 {
        app.handle_key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
    }
    let end = frame(&mut app, 120, 40);
    assert!(end.contains("10000 ○"), "{end}");
}

/// A context on a fresh home, as `smm-path ui` makes one.
fn context(home: &Path) -> Context {
    let settings = Settings::resolve(&GlobalArgs {
        lang: Some(Lang::En),
        home: Some(home.to_path_buf()),
        roadmap: None,
        color: ColorChoice::Never,
    });
    let mut ctx = Context::load(&settings).expect("a context");
    ctx.via = Some("ui");
    ctx
}

/// A context on `home` and a view of its (empty) progress.
fn fresh(home: &Path) -> (Context, App) {
    let ctx = context(home);
    let app = App::new(
        ctx.roadmap.clone(),
        RoadmapProgress::default(),
        Lang::En,
        false,
    );
    (ctx, app)
}

fn press(app: &mut App, ctx: &mut Context, code: KeyCode) {
    if let Some(intent) = app.handle_key(KeyEvent::new(code, KeyModifiers::NONE)) {
        perform(app, ctx, intent);
    }
}

#[test]
fn each_key_is_one_change_in_the_history_and_undo_takes_it_back() {
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    press(&mut app, &mut ctx, KeyCode::Down);
    press(&mut app, &mut ctx, KeyCode::Char('d'));
    assert_eq!(
        app.message,
        Some(("2. Education and Training: to do → done".to_string(), false))
    );
    press(&mut app, &mut ctx, KeyCode::Down);
    press(&mut app, &mut ctx, KeyCode::Char('s'));
    for character in "no budget".chars() {
        press(&mut app, &mut ctx, KeyCode::Char(character));
    }
    press(&mut app, &mut ctx, KeyCode::Enter);
    press(&mut app, &mut ctx, KeyCode::Char('n'));
    for character in "portfolio: https://example.com".chars() {
        press(&mut app, &mut ctx, KeyCode::Char(character));
    }
    press(&mut app, &mut ctx, KeyCode::Enter);
    let step = |app: &App, number: usize| {
        app.progress
            .step(&app.roadmap.steps[number - 1].id)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(step(&app, 2).status, Status::Done);
    assert_eq!(step(&app, 3).status, Status::Skipped);
    assert_eq!(step(&app, 3).skip_reason.as_deref(), Some("no budget"));
    assert_eq!(step(&app, 3).notes.len(), 1);
    let commands: Vec<String> = ctx
        .store
        .read_history()
        .expect("the history")
        .into_iter()
        .map(|change| change.command)
        .collect();
    assert_eq!(
        commands,
        [
            "ui: done 2",
            "ui: skip 3 --reason \"no budget\"",
            "ui: note 3"
        ]
    );
    press(&mut app, &mut ctx, KeyCode::Char('u'));
    assert_eq!(step(&app, 3).notes.len(), 0, "undo took the note back");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(text, _)| text.contains("Undid `ui: note 3`"))
    );
}

#[test]
fn a_failed_save_shows_the_error_and_keeps_the_last_good_view() {
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    press(&mut app, &mut ctx, KeyCode::Char('d'));
    // The progress file is damaged behind the view's back.
    std::fs::write(home.path().join("progress.yaml"), "version: 3\nroadmaps: [").expect("damage");
    let before = app.progress.clone();
    press(&mut app, &mut ctx, KeyCode::Down);
    press(&mut app, &mut ctx, KeyCode::Char('d'));
    let (message, failed) = app.message.clone().expect("a message");
    assert!(failed, "{message}");
    assert!(message.contains("progress.yaml"), "{message}");
    assert_eq!(app.progress, before, "the view kept the last good state");
}

#[test]
fn a_change_made_elsewhere_shows_up_on_the_next_reload() {
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    // Another terminal marks step 5 done through its own context.
    let other = context(home.path());
    let step5 = app.roadmap.steps[4].id.to_string();
    let done = crate::progress::Action::Done { on: None };
    crate::actions::set_status(&other, done, &[&step5], "done 5").expect("done 5");
    assert!(app.progress.step(&step5).is_none());
    super::reload(&mut app, &ctx);
    assert_eq!(
        app.progress.step(&step5).map(|s| s.status),
        Some(Status::Done)
    );
    // And the view's next change builds on it.
    press(&mut app, &mut ctx, KeyCode::Char('d'));
    assert_eq!(app.progress.steps.len(), 2);
}
