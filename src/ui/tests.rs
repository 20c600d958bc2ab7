//! The view without a terminal: frames drawn on ratatui's test backend and
//! compared with reviewed snapshots, and key presses run against a real
//! store in a temporary home.

use std::path::Path;

use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Focus, Mode};
use super::{perform, render};
use crate::cli::{ColorChoice, GlobalArgs};
use crate::context::Context;
use crate::i18n::Lang;
use crate::progress::{ChangeId, Mark, Note, OpKey, RoadmapProgress, Status, StepProgress};
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

fn settings(home: &Path) -> Settings {
    Settings::resolve(&GlobalArgs {
        lang: Some(Lang::En),
        home: Some(home.to_path_buf()),
        roadmap: None,
        color: ColorChoice::Never,
    })
}

/// A context on a fresh home, as `smm-path ui` makes one.
fn context(home: &Path) -> Context {
    let mut ctx = Context::load(&settings(home)).expect("a context");
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

/// Step 4's first two actions ticked, on top of [`progress`].
fn progress_with_ticks() -> RoadmapProgress {
    let roadmap = crate::roadmap::load_builtin();
    let mut progress = progress();
    let step = &roadmap.steps[3];
    let record = progress
        .steps
        .get_mut(step.id.as_ref() as &str)
        .expect("step 4 is in progress");
    for (index, action) in step.actions.iter().take(2).enumerate() {
        let set = OpKey {
            at: at("2026-11-21T10:00:00+07:00"),
            device: "test".to_string(),
            seq: 1,
            change: ChangeId::random(),
            index: u32::try_from(index).expect("a small index"),
        };
        record
            .actions
            .insert(action.key.to_string(), Mark { on: true, set });
    }
    progress
}

fn key(app: &mut App, code: KeyCode) -> Option<super::app::Intent> {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn frames_with_actions_ticked_and_the_cursor_in_them_in_both_languages() {
    for lang in [Lang::En, Lang::Id] {
        for (width, height, color) in [(80, 24, false), (120, 40, false), (80, 24, true)] {
            let mut app = App::new(
                crate::roadmap::load_builtin(),
                progress_with_ticks(),
                lang,
                color,
            );
            assert_eq!(app.selected, 3, "step 4 is next");
            app.resize(ratatui::layout::Rect::new(0, 0, width, height));
            // Tab lands on the first action not ticked: 4.3.
            key(&mut app, KeyCode::Tab);
            assert_eq!(app.focus, Focus::Actions(2));
            let name = format!(
                "ui_actions_{}_{width}x{height}_{}",
                lang.code(),
                if color { "colour" } else { "plain" }
            );
            let shown = frame(&mut app, width, height);
            assert!(shown.contains("› [ ] 4.3"), "{shown}");
            assert!(shown.contains("[x] 4.2"), "{shown}");
            insta::assert_snapshot!(name, shown);
        }
    }
}

#[test]
fn the_cursor_in_the_actions_scrolls_the_detail_and_the_mouse_can_put_it_there() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    // Step 1's actions are long: at 80x24 its last one is below the pane.
    let mut app = App::new(
        crate::roadmap::load_builtin(),
        RoadmapProgress::default(),
        Lang::En,
        false,
    );
    let first = frame(&mut app, 80, 24);
    let last = app.action_count();
    assert!(last >= 3, "step 1 has actions");
    let label = format!("1.{last}  ");
    assert!(!first.contains(&label), "{first}");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::End);
    assert_eq!(app.focus, Focus::Actions(last - 1));
    let scrolled = frame(&mut app, 80, 24);
    assert!(scrolled.contains(&format!("› [ ] {label}")), "{scrolled}");
    assert!(app.detail_scroll > 0);
    // Home goes back to the first action, and the pane with it.
    key(&mut app, KeyCode::Home);
    let back = frame(&mut app, 80, 24);
    assert!(back.contains("› [ ] 1.1  "), "{back}");
    // A click on an action's row puts the cursor on it, from the list too
    // (in a larger window, where 1.2 is in view).
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::Steps);
    let screen = frame(&mut app, 120, 40);
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains("[ ] 1.2  "))
        .expect("1.2 in view");
    let column = line
        .chars()
        .position(|character| character == '[')
        .expect("the checkbox");
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: u16::try_from(column).expect("a column"),
        row: u16::try_from(row).expect("a row"),
        modifiers: KeyModifiers::NONE,
    };
    let list = app.screen.list;
    app.handle_mouse(click, list.y, list.x + list.width);
    assert_eq!(app.focus, Focus::Actions(1));
    assert_eq!(app.selected, 0, "the step stays selected");
    // A click on the list takes the cursor back to the steps.
    let on_list = MouseEvent {
        column: 5,
        row: list.y + 1,
        ..click
    };
    app.handle_mouse(on_list, list.y, list.x + list.width);
    assert_eq!((app.focus, app.selected), (Focus::Steps, 1));
    // A new size keeps the cursor in the actions and in view.
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::End);
    let wide = frame(&mut app, 120, 40);
    assert!(wide.contains(&format!("› [ ] {label}")), "{wide}");
    let narrow = frame(&mut app, 80, 24);
    assert!(narrow.contains(&format!("› [ ] {label}")), "{narrow}");
}

#[test]
fn every_built_in_action_is_found_in_the_detail_in_both_languages() {
    for lang in [Lang::En, Lang::Id] {
        let mut app = App::new(
            crate::roadmap::load_builtin(),
            RoadmapProgress::default(),
            lang,
            false,
        );
        key(&mut app, KeyCode::Home);
        for number in 1..=app.roadmap.steps.len() {
            assert_eq!(
                app.shown.action_lines.len(),
                app.action_count(),
                "step {number} in {lang:?}"
            );
            key(&mut app, KeyCode::Down);
        }
    }
}

#[test]
fn the_footers_fit_their_two_rows_and_the_help_its_box_at_the_smallest_size() {
    use ratatui::widgets::{Paragraph, Wrap};
    for lang in [Lang::En, Lang::Id] {
        for footer in [
            crate::i18n::Key::UiFooter,
            crate::i18n::Key::UiFooterActions,
            crate::i18n::Key::UiFooterStep,
        ] {
            let text = crate::i18n::word(lang, footer);
            let rows = render::footer_lines(text, render::MIN_WIDTH);
            assert!(rows.len() <= 2, "{lang:?} {footer:?} takes {rows:#?}");
            // At any width, each row as packed fits: ratatui's wrapping breaks
            // none of them, so no row ends between a key and its label.
            for width in render::MIN_WIDTH..=200 {
                let rows = render::footer_lines(text, width);
                for row in &rows {
                    let drawn = Paragraph::new(row.as_str())
                        .wrap(Wrap { trim: true })
                        .line_count(width);
                    assert_eq!(drawn, 1, "{lang:?} {footer:?} at {width}: {row}");
                }
                assert_eq!(rows.join("  "), text, "no entry lost");
            }
        }
        let mut app = App::new(crate::roadmap::load_builtin(), progress(), lang, false);
        app.mode = Mode::Help;
        let help = frame(&mut app, render::MIN_WIDTH, render::MIN_HEIGHT);
        for line in crate::i18n::word(lang, crate::i18n::Key::UiHelp).lines() {
            assert!(help.contains(line), "{lang:?}: `{line}` is cut:\n{help}");
        }
    }
}

#[test]
fn tab_space_and_tab_tick_an_action_that_status_counts() {
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    for _ in 0..4 {
        press(&mut app, &mut ctx, KeyCode::Down);
    }
    assert_eq!(app.selected, 4, "step 5");
    press(&mut app, &mut ctx, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Actions(0));
    press(&mut app, &mut ctx, KeyCode::Down);
    press(&mut app, &mut ctx, KeyCode::Char(' '));
    assert_eq!(
        app.message,
        Some((
            "Ticked 5.2: Make a simple portfolio page (Notion, Google Sites or Linktree). (1/4)"
                .to_string(),
            false
        ))
    );
    assert!(app.is_ticked(1));
    assert!(app.shown.detail.contains("Practical actions (1/4):"));
    assert!(app.shown.detail.contains("  [x] 5.2  Make a simple"));
    // The cursor stays where it was, in the actions of the same step.
    assert_eq!((app.selected, app.focus), (4, Focus::Actions(1)));
    let mut status = Vec::new();
    crate::cmd::run(&settings(home.path()), None, &mut status).expect("status");
    let status = String::from_utf8(status).expect("text");
    assert!(
        status.contains("5  Build a Personal Portfolio         ○ to do 1/4"),
        "{status}"
    );
    // Enter toggles too: the tick is taken back, one change of its own.
    press(&mut app, &mut ctx, KeyCode::Enter);
    assert!(!app.is_ticked(1));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(text, _)| text.starts_with("Unticked 5.2: ") && text.ends_with("(0/4)")),
        "{:?}",
        app.message
    );
    press(&mut app, &mut ctx, KeyCode::Char(' '));
    // Tab goes back to the list, where the arrows move the steps again.
    press(&mut app, &mut ctx, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Steps);
    press(&mut app, &mut ctx, KeyCode::Down);
    assert_eq!(app.selected, 5);
    let commands: Vec<String> = ctx
        .store
        .read_history()
        .expect("the history")
        .into_iter()
        .map(|change| change.command)
        .collect();
    assert_eq!(
        commands,
        ["ui: check 5.2", "ui: uncheck 5.2", "ui: check 5.2"]
    );
    // Undo takes the last tick back, as for any other key.
    press(&mut app, &mut ctx, KeyCode::Char('u'));
    let step5 = &app.roadmap.steps[4];
    assert!(
        !app.progress
            .step(&step5.id)
            .is_some_and(|record| record.is_ticked(&step5.actions[1].key))
    );
}

#[test]
fn space_in_the_step_list_changes_nothing_and_says_where_the_actions_are() {
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    press(&mut app, &mut ctx, KeyCode::Char(' '));
    assert_eq!(
        app.message,
        Some((
            "Space ticks an action: press Tab to move into the step's practical actions."
                .to_string(),
            false
        ))
    );
    assert_eq!(app.focus, Focus::Steps);
    assert_eq!(app.progress, RoadmapProgress::default());
    assert!(ctx.store.read_history().expect("the history").is_empty());
    assert!(!home.path().join("progress.yaml").exists());
}

#[test]
fn tab_on_a_step_without_actions_says_it_has_none() {
    let mut roadmap = crate::roadmap::load_builtin();
    let mut steps: Vec<_> = roadmap.steps.to_vec();
    steps[1].actions = Vec::new().into();
    roadmap.steps = steps.into();
    let mut app = App::new(roadmap, RoadmapProgress::default(), Lang::Id, false);
    key(&mut app, KeyCode::Down);
    assert_eq!(key(&mut app, KeyCode::Tab), None);
    assert_eq!(app.focus, Focus::Steps);
    assert_eq!(
        app.message,
        Some((
            "2. Pendidikan dan Pelatihan tidak punya tindakan praktis untuk dicentang.".to_string(),
            false
        ))
    );
    assert_eq!(key(&mut app, KeyCode::Char(' ')), None);
    // The list still moves: the arrows never went to the actions.
    key(&mut app, KeyCode::Down);
    assert_eq!(app.selected, 2);
}

#[test]
fn the_last_tick_says_d_marks_the_step_done_or_the_roadmap_finishes_it() {
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    let total = app.action_count();
    press(&mut app, &mut ctx, KeyCode::Tab);
    for tick in 0..total {
        if tick > 0 {
            press(&mut app, &mut ctx, KeyCode::Down);
        }
        press(&mut app, &mut ctx, KeyCode::Char(' '));
    }
    let (message, failed) = app.message.clone().expect("a message");
    assert!(!failed);
    assert!(
        message.starts_with(
            "Every action of step 1 is ticked: press d to mark the step done. Ticked 1."
        ),
        "{message}"
    );
    assert!(
        message.ends_with(&format!("({total}/{total})")),
        "{message}"
    );
    // d still acts on the step from within its actions.
    press(&mut app, &mut ctx, KeyCode::Char('d'));
    assert_eq!(app.progress.status(&app.roadmap.steps[0].id), Status::Done);

    // A roadmap that finishes a step with its last action says so instead.
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    ctx.roadmap.finish_with_actions = true;
    app.roadmap.finish_with_actions = true;
    press(&mut app, &mut ctx, KeyCode::Tab);
    for tick in 0..total {
        if tick > 0 {
            press(&mut app, &mut ctx, KeyCode::Down);
        }
        press(&mut app, &mut ctx, KeyCode::Char(' '));
    }
    let (message, _) = app.message.clone().expect("a message");
    assert!(
        message.starts_with("Every action of step 1 is ticked, so the step is done"),
        "{message}"
    );
    assert_eq!(app.progress.status(&app.roadmap.steps[0].id), Status::Done);
}

#[test]
fn e_adds_a_note_marked_as_evidence() {
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    press(&mut app, &mut ctx, KeyCode::Char('e'));
    let shown = frame(&mut app, 80, 24);
    assert!(
        shown.contains("Evidence, such as a link (Enter saves, Esc cancels):"),
        "{shown}"
    );
    for character in "https://example.com/audit".chars() {
        press(&mut app, &mut ctx, KeyCode::Char(character));
    }
    press(&mut app, &mut ctx, KeyCode::Enter);
    assert_eq!(
        app.message,
        Some((
            "Evidence added to 1. Understand Social Media Platforms; the portfolio shows it."
                .to_string(),
            false
        ))
    );
    let record = app
        .progress
        .step(&app.roadmap.steps[0].id)
        .cloned()
        .expect("step 1");
    assert_eq!(record.notes.len(), 1);
    assert!(record.notes[0].evidence);
    assert_eq!(record.notes[0].text, "https://example.com/audit");
    // An empty one is no note, as with `n`.
    press(&mut app, &mut ctx, KeyCode::Char('e'));
    press(&mut app, &mut ctx, KeyCode::Enter);
    let commands: Vec<String> = ctx
        .store
        .read_history()
        .expect("the history")
        .into_iter()
        .map(|change| change.command)
        .collect();
    assert_eq!(commands, ["ui: note 1 --evidence"]);
}

/// A frame and where the terminal's cursor was put.
fn frame_and_cursor(app: &mut App, width: u16, height: u16) -> (String, (u16, u16)) {
    use ratatui::backend::Backend;
    let shown = frame(app, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| render::draw(frame, app))
        .expect("draw");
    let position = terminal
        .backend_mut()
        .get_cursor_position()
        .expect("the cursor");
    (shown, (position.x, position.y))
}

/// The screen column of byte `at` in row `y` of a frame, whose rows the
/// test backend prints in quotes.
fn row_chars(shown: &str, y: u16, at: usize) -> usize {
    shown
        .lines()
        .nth(usize::from(y))
        .map_or(0, |row| row[..at].chars().count().saturating_sub(1))
}

#[test]
fn a_long_note_scrolls_sideways_so_its_end_and_the_cursor_stay_in_view() {
    let link = "portfolio: https://example.com/a/very/long/path/to/the/audit/of/three/brands/END";
    for lang in [Lang::Id, Lang::En] {
        let mut app = App::new(crate::roadmap::load_builtin(), progress(), lang, false);
        key(&mut app, KeyCode::Char('n'));
        for character in link.chars() {
            key(&mut app, KeyCode::Char(character));
        }
        let (shown, (x, y)) = frame_and_cursor(&mut app, 80, 24);
        let row = shown.lines().nth(usize::from(y)).expect("the cursor's row");
        assert!(row.contains("…"), "{lang:?}: {row}");
        assert!(row.contains("brands/END"), "{lang:?}: {row}");
        // The cursor is just after the text, not stuck on the last column.
        let end = row.find("END").expect("the end") + "END".len();
        assert_eq!(usize::from(x), row_chars(&shown, y, end), "{lang:?}: {row}");
        // Home goes back to the start, which shows again.
        key(&mut app, KeyCode::Home);
        let (shown, (x, y)) = frame_and_cursor(&mut app, 80, 24);
        assert!(shown.contains(" portfolio: https"), "{lang:?}: {shown}");
        let start = shown
            .lines()
            .nth(usize::from(y))
            .and_then(|row| row.find(" portfolio"));
        assert_eq!(
            start.map(|at| row_chars(&shown, y, at) + 1),
            Some(usize::from(x))
        );
    }
}

#[test]
fn the_input_window_counts_columns_and_keeps_the_cursor_inside() {
    assert_eq!(render::input_window("abc", 3, 10), ("abc".to_string(), 3));
    assert_eq!(
        render::input_window("abcdefghij", 10, 5),
        ("…hij".to_string(), 4)
    );
    assert_eq!(
        render::input_window("abcdefghij", 0, 5),
        ("abcde".to_string(), 0)
    );
    // A wide character takes two columns.
    assert_eq!(render::input_window("日本語", 3, 5), ("…語".to_string(), 3));
}

#[test]
fn undo_says_what_it_took_back_on_one_line_without_a_dangling_colon() {
    let home = tempfile::tempdir().expect("a home");
    let (mut ctx, mut app) = fresh(home.path());
    press(&mut app, &mut ctx, KeyCode::Down);
    press(&mut app, &mut ctx, KeyCode::Char('d'));
    press(&mut app, &mut ctx, KeyCode::Char('u'));
    let (text, _) = app.message.clone().expect("a message");
    assert!(!text.ends_with(':'), "{text}");
    assert!(!text.contains('\n'), "{text}");
    assert!(text.contains("Undid `ui: done 2`"), "{text}");
    assert!(
        text.ends_with("2. Education and Training: done → to do"),
        "{text}"
    );
}

#[test]
fn every_row_of_the_help_starts_its_words_in_one_column_in_both_languages() {
    use unicode_width::UnicodeWidthStr;
    for lang in [Lang::En, Lang::Id] {
        let help = crate::i18n::word(lang, crate::i18n::Key::UiHelp);
        // Every row but the closing sentence: a key, then its words at one column.
        let columns: Vec<usize> = help
            .lines()
            .filter(|line| line.contains("  "))
            .map(|line| {
                let key_end = line.find("  ").unwrap_or(0);
                let gap = line[key_end..].len() - line[key_end..].trim_start().len();
                line[..key_end].width() + gap
            })
            .collect();
        assert!(columns.len() > 10, "{lang:?}");
        assert!(
            columns.iter().all(|c| *c == columns[0]),
            "{lang:?}: {columns:?}"
        );
    }
}

#[test]
fn the_full_step_view_shows_its_own_keys_in_the_footer() {
    for (lang, own, list_only) in [
        (Lang::En, "Esc/Enter/q back to the list", "d done"),
        (Lang::Id, "Esc/Enter/q kembali ke daftar", "d selesai"),
    ] {
        let mut app = App::new(crate::roadmap::load_builtin(), progress(), lang, false);
        app.mode = Mode::Step { scroll: 0 };
        let shown = frame(&mut app, 80, 24);
        assert!(shown.contains(own), "{lang:?}:\n{shown}");
        assert!(!shown.contains(list_only), "{lang:?}:\n{shown}");
    }
}

#[test]
fn after_a_search_the_footer_names_the_next_match_key_and_it_fits() {
    for (lang, entry) in [(Lang::En, "f next match"), (Lang::Id, "f lagi")] {
        let mut app = App::new(crate::roadmap::load_builtin(), progress(), lang, false);
        let before = frame(&mut app, 80, 24);
        assert!(!before.contains(entry), "{lang:?}:\n{before}");
        for code in [KeyCode::Char('/'), KeyCode::Char('a'), KeyCode::Enter] {
            app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        }
        let after = frame(&mut app, 80, 24);
        assert!(after.contains(entry), "{lang:?}:\n{after}");
        let text = format!(
            "{}  {entry}",
            crate::i18n::word(lang, crate::i18n::Key::UiFooter)
        );
        assert!(
            render::footer_lines(&text, render::MIN_WIDTH).len() <= 2,
            "{lang:?}"
        );
    }
}

#[test]
fn a_long_message_wraps_over_the_footer_whole_until_the_next_key() {
    let mut app = App::new(crate::roadmap::load_builtin(), progress(), Lang::En, false);
    let long = "cannot read progress.yaml: the file is damaged at line 3; nothing was changed. \
        Run `smm-path doctor` to see what is wrong and how to repair it.";
    app.message = Some((long.to_string(), true));
    let shown = frame(&mut app, 80, 24);
    assert!(shown.contains("`smm-path doctor`"), "{shown}");
    assert!(!shown.contains("? help"), "the footer gives way:\n{shown}");
    app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    let after = frame(&mut app, 80, 24);
    assert!(after.contains("? help"), "the footer is back:\n{after}");
    // A short message stays on its line, the footer with it, across keys.
    app.message = Some((
        "5. Build a Personal Portfolio: to do → done".to_string(),
        false,
    ));
    app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    let short = frame(&mut app, 80, 24);
    assert!(
        short.contains("to do → done") && short.contains("? help"),
        "{short}"
    );
}

#[test]
fn wrapped_actions_and_resources_go_on_under_their_text_and_a_click_there_picks_them() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    for lang in [Lang::En, Lang::Id] {
        let mut app = App::new(
            crate::roadmap::load_builtin(),
            RoadmapProgress::default(),
            lang,
            false,
        );
        key(&mut app, KeyCode::Home);
        let mut continued = 0;
        for number in 1..=app.roadmap.steps.len() {
            // The full-step view shows the whole step, at the smallest size.
            key(&mut app, KeyCode::Enter);
            let mut screens = Vec::new();
            for _ in 0..6 {
                screens.push(frame(&mut app, 80, 24));
                key(&mut app, KeyCode::PageDown);
            }
            key(&mut app, KeyCode::Esc);
            for screen in &screens {
                let inside: Vec<String> = screen
                    .lines()
                    .filter_map(|line| line.strip_prefix("\"│"))
                    .filter_map(|line| line.strip_suffix("│\""))
                    .map(str::to_string)
                    .collect();
                // A row after an action's or a resource's first row, and before
                // the next item, starts at the column of the item's text.
                let mut text_column = None;
                for row in &inside {
                    let marker = row
                        .trim_start()
                        .strip_prefix("[ ] ")
                        .unwrap_or(row.trim_start());
                    let numbered = marker.split_once("  ").is_some_and(|(number, _)| {
                        number.contains('.')
                            && number.chars().all(|c| c.is_ascii_digit() || c == '.')
                    });
                    if numbered && row.starts_with("  ") {
                        let (head, _) = row.split_at(row.len() - marker.len());
                        let number = marker.split_once("  ").map_or(0, |(n, _)| n.len());
                        text_column = Some(head.chars().count() + number + 2);
                    } else if row.trim().is_empty() || !row.starts_with("   ") {
                        text_column = None;
                    } else if let Some(column) = text_column {
                        let indent = row.chars().take_while(|&c| c == ' ').count();
                        assert_eq!(
                            indent, column,
                            "step {number} in {lang:?}: {row:?}\n{screen}"
                        );
                        continued += 1;
                    }
                }
            }
            key(&mut app, KeyCode::Down);
        }
        assert!(
            continued > 20,
            "{lang:?}: only {continued} wrapped rows seen"
        );
    }
    // A click on an action's second row puts the cursor on that action.
    let mut app = App::new(
        crate::roadmap::load_builtin(),
        RoadmapProgress::default(),
        Lang::Id,
        false,
    );
    key(&mut app, KeyCode::Home);
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    let screen = frame(&mut app, 80, 24);
    let row = screen
        .lines()
        .position(|line| line.contains("[ ] 4.1  "))
        .expect("4.1 in view")
        + 1;
    let pane = app.screen.detail_pane;
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: pane.x + 12,
        row: u16::try_from(row).expect("a row"),
        modifiers: KeyModifiers::NONE,
    };
    let list = app.screen.list;
    app.handle_mouse(click, list.y, list.x + list.width);
    assert_eq!(app.focus, Focus::Actions(0), "{screen}");
    let drawn = frame(&mut app, 80, 24);
    assert!(drawn.contains("› [ ] 4.1  "), "{drawn}");
}
