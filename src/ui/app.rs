//! The full-screen view's state and what each key does to it. No terminal
//! here: a key press becomes a change of this state and, for a key that
//! changes progress, an [`Intent`] that the event loop carries out through
//! the same actions as the command line ([`crate::actions`]). It also keeps
//! what the screen shows of the progress ([`Shown`]) and the layout, so
//! drawing only reads it. Tests drive it with key events.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::layout::Screen;
use crate::i18n::{Key, Lang, format_date, word};
use crate::progress::{RoadmapProgress, Status};
use crate::report::{ProgressReport, Summary, render_step_detail};
use crate::roadmap::Roadmap;

/// What a key press asks of the progress: one command each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Intent {
    Done(usize),
    Start(usize),
    Skip(usize, Option<String>),
    Reset(usize),
    Note(usize, String),
    Undo,
}

/// What the screen shows besides the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The list and the selected step's detail.
    Browse,
    /// One step in full, scrolled by this many lines.
    Step { scroll: u16 },
    /// The keys, explained.
    Help,
    /// A one-line text being typed.
    Input {
        purpose: InputPurpose,
        line: LineEditor,
    },
}

/// What a typed line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InputPurpose {
    Note,
    SkipReason,
    Search,
}

/// A line of text with a cursor, for notes, skip reasons and searches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LineEditor {
    pub(crate) text: String,
    /// The cursor, in characters from the start.
    pub(crate) cursor: usize,
}

impl LineEditor {
    fn byte_index(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(index, _)| index)
    }

    /// Applies an editing key; false for a key that is not editing.
    fn edit(&mut self, key: KeyEvent) -> bool {
        let length = self.text.chars().count();
        match key.code {
            KeyCode::Char(character) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                let at = self.byte_index(self.cursor);
                self.text.insert(at, character);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_index(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < length => {
                let at = self.byte_index(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(length),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = length,
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }
}

/// What the screen shows of the progress, worked out when the progress,
/// the language or the selection changes: a frame only draws it.
#[derive(Debug, Default)]
pub(crate) struct Shown {
    pub(crate) title: String,
    pub(crate) summary: Summary,
    pub(crate) steps: Vec<ShownStep>,
    /// The selected step in full, as `show` prints it.
    pub(crate) detail: String,
}

/// One step as the list, the header and the detail pane show it.
#[derive(Debug)]
pub(crate) struct ShownStep {
    pub(crate) number: usize,
    pub(crate) status: Status,
    pub(crate) title: String,
    /// The day of its status, as the list shows it.
    pub(crate) date: String,
    /// `Phase: Foundations (2/5 done)`, for the header.
    pub(crate) phase: Option<String>,
}

impl Shown {
    fn of(roadmap: &Roadmap, progress: &RoadmapProgress, lang: Lang, selected: usize) -> Shown {
        let report = ProgressReport::build(roadmap, progress, lang);
        let steps = report
            .steps
            .iter()
            .map(|record| ShownStep {
                number: record.number,
                status: record.status,
                title: record.title.to_string(),
                date: record
                    .status_date()
                    .map(|at| format_date(lang, at.date_naive()))
                    .unwrap_or_default(),
                phase: report.phase_of(record).map(|phase| {
                    let label = word(lang, Key::LabelPhase);
                    format!("{label}: {} ({})", phase.title, phase.progress())
                }),
            })
            .collect();
        Shown {
            title: report.title.to_string(),
            summary: report.summary,
            steps,
            detail: detail_of(roadmap, &report, selected),
        }
    }
}

/// The step at `index` in full, as `show` prints it.
fn detail_of(roadmap: &Roadmap, report: &ProgressReport, index: usize) -> String {
    match (roadmap.steps.get(index), report.steps.get(index)) {
        (Some(step), Some(record)) => render_step_detail(step, record, report),
        _ => String::new(),
    }
}

/// The whole view: what is shown and where the cursor is.
#[derive(Debug)]
pub(crate) struct App {
    pub(crate) roadmap: Roadmap,
    pub(crate) progress: RoadmapProgress,
    pub(crate) lang: Lang,
    pub(crate) color: bool,
    /// The progress as shown, kept in step with `progress` and `lang`.
    pub(crate) shown: Shown,
    /// Where each part of the view is, worked out when the window changes size.
    pub(crate) screen: Screen,
    /// Index of the selected step.
    pub(crate) selected: usize,
    /// Index of the first step row shown.
    pub(crate) offset: usize,
    /// Step rows the list shows, set with the screen.
    pub(crate) list_height: usize,
    pub(crate) mode: Mode,
    /// The last command's message, or its error.
    pub(crate) message: Option<(String, bool)>,
    pub(crate) quit: bool,
}

impl App {
    /// The view of `progress`, the cursor on the step to work on next.
    pub(crate) fn new(roadmap: Roadmap, progress: RoadmapProgress, lang: Lang, color: bool) -> App {
        let mut app = App {
            roadmap,
            progress,
            lang,
            color,
            shown: Shown::default(),
            screen: Screen::of(Rect::new(0, 0, 80, 24)),
            selected: 0,
            offset: 0,
            list_height: 10,
            mode: Mode::Browse,
            message: None,
            quit: false,
        };
        app.selected = app.next_step().unwrap_or(0);
        app.refresh_shown();
        app.resize(app.screen.area);
        app
    }

    /// Works out what to show again, after the progress or the language changed.
    fn refresh_shown(&mut self) {
        self.shown = Shown::of(&self.roadmap, &self.progress, self.lang, self.selected);
        self.clamp_scroll();
    }

    /// The detail pane follows the selection: only that step is worded.
    fn refresh_detail(&mut self) {
        let report = ProgressReport::build(&self.roadmap, &self.progress, self.lang);
        self.shown.detail = detail_of(&self.roadmap, &report, self.selected);
    }

    /// Keeps the full-step view's scroll within its text.
    fn clamp_scroll(&mut self) {
        if let Mode::Step { scroll } = self.mode {
            self.mode = Mode::Step {
                scroll: scroll.min(self.most_scroll()),
            };
        }
    }

    /// Lays the view out for a window of `area`.
    pub(crate) fn resize(&mut self, area: Rect) {
        self.screen = Screen::of(area);
        self.list_height = usize::from(self.screen.list.height);
        self.select(self.selected);
        self.clamp_scroll();
    }

    /// How far the full-step view scrolls: until its last line is in view.
    /// The rows are counted by ratatui's own wrapping, the one `render`
    /// draws with, so long lines of a step cannot hide its notes.
    fn most_scroll(&self) -> u16 {
        let body = self.screen.body;
        let lines = Paragraph::new(self.shown.detail.as_str())
            .wrap(Wrap { trim: false })
            .line_count(body.width.saturating_sub(2).max(1));
        let visible = usize::from(body.height.saturating_sub(2));
        u16::try_from(lines.saturating_sub(visible)).unwrap_or(u16::MAX)
    }

    /// The first step neither done nor skipped.
    pub(crate) fn next_step(&self) -> Option<usize> {
        self.roadmap.steps.iter().position(|step| {
            !matches!(
                self.progress.step(&step.id).map(|record| record.status),
                Some(Status::Done | Status::Skipped)
            )
        })
    }

    /// Takes in progress read again (after a change, or one made elsewhere).
    pub(crate) fn reload(&mut self, progress: RoadmapProgress) {
        if progress != self.progress {
            self.progress = progress;
            self.refresh_shown();
        }
    }

    fn select(&mut self, index: usize) {
        let last = self.roadmap.steps.len().saturating_sub(1);
        let before = self.selected;
        self.selected = index.min(last);
        if self.selected != before {
            self.refresh_detail();
        }
        // Keep the selection in view: rows are drawn from `offset` on.
        let height = self.list_height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    fn step_number(&self) -> usize {
        self.selected
    }

    /// Handles one key; returns what it asks of the progress, if anything.
    pub(crate) fn handle_key(&mut self, key: KeyEvent) -> Option<Intent> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return None;
        }
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Input { purpose, mut line } => {
                match key.code {
                    KeyCode::Esc => {
                        if purpose == InputPurpose::Search {
                            self.mode = Mode::Browse;
                        }
                    }
                    KeyCode::Enter => return self.finish_input(purpose, line.text),
                    _ => {
                        line.edit(key);
                        if purpose == InputPurpose::Search {
                            self.search(&line.text);
                        }
                        self.mode = Mode::Input { purpose, line };
                    }
                }
                None
            }
            Mode::Help => {
                if matches!(key.code, KeyCode::Char('q')) {
                    self.quit = true;
                }
                None
            }
            Mode::Step { scroll } => {
                let scroll = match key.code {
                    KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') | KeyCode::Backspace => {
                        return None;
                    }
                    KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
                    KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                    KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10),
                    KeyCode::PageUp => scroll.saturating_sub(10),
                    KeyCode::Home => 0,
                    _ => scroll,
                };
                self.mode = Mode::Step {
                    scroll: scroll.min(self.most_scroll()),
                };
                None
            }
            Mode::Browse => self.browse_key(key),
        }
    }

    fn browse_key(&mut self, key: KeyEvent) -> Option<Intent> {
        let page = self.list_height.max(1);
        let step = self.step_number();
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            KeyCode::Down | KeyCode::Char('j') => self.select(self.selected + 1),
            KeyCode::Up | KeyCode::Char('k') => self.select(self.selected.saturating_sub(1)),
            KeyCode::PageDown => self.select(self.selected + page),
            KeyCode::PageUp => self.select(self.selected.saturating_sub(page)),
            KeyCode::Home | KeyCode::Char('g') => self.select(0),
            KeyCode::End | KeyCode::Char('G') => self.select(usize::MAX),
            KeyCode::Enter => self.mode = Mode::Step { scroll: 0 },
            KeyCode::Char('?') => self.mode = Mode::Help,
            KeyCode::Char('l') => {
                self.lang = match self.lang {
                    Lang::Id => Lang::En,
                    Lang::En => Lang::Id,
                };
                self.refresh_shown();
            }
            KeyCode::Char('d') => return Some(Intent::Done(step)),
            KeyCode::Char('p') => return Some(Intent::Start(step)),
            KeyCode::Char('r') => return Some(Intent::Reset(step)),
            KeyCode::Char('u') => return Some(Intent::Undo),
            KeyCode::Char('s') => self.start_input(InputPurpose::SkipReason),
            KeyCode::Char('n') => self.start_input(InputPurpose::Note),
            KeyCode::Char('/') => self.start_input(InputPurpose::Search),
            _ => {}
        }
        None
    }

    fn start_input(&mut self, purpose: InputPurpose) {
        self.mode = Mode::Input {
            purpose,
            line: LineEditor::default(),
        };
    }

    fn finish_input(&mut self, purpose: InputPurpose, text: String) -> Option<Intent> {
        let text = text.trim().to_string();
        let step = self.step_number();
        match purpose {
            InputPurpose::Search => None,
            // An empty reason skips without one.
            InputPurpose::SkipReason => {
                Some(Intent::Skip(step, Some(text).filter(|t| !t.is_empty())))
            }
            // An empty note is no note: the command would refuse it.
            InputPurpose::Note if text.is_empty() => None,
            InputPurpose::Note => Some(Intent::Note(step, text)),
        }
    }

    /// Moves to the first step whose title holds `query` (any case, either language).
    fn search(&mut self, query: &str) {
        let query = query.to_lowercase();
        if query.is_empty() {
            return;
        }
        let found = self.roadmap.steps.iter().position(|step| {
            step.title
                .all()
                .iter()
                .any(|title| title.to_lowercase().contains(&query))
                || step.id.contains(&query)
        });
        if let Some(index) = found {
            self.select(index);
        }
    }

    /// A click on a list row selects it; the wheel moves the selection.
    /// `list_top` is the screen row of the first step row.
    pub(crate) fn handle_mouse(&mut self, mouse: MouseEvent, list_top: u16, list_right: u16) {
        match mouse.kind {
            MouseEventKind::ScrollDown => self.select(self.selected + 3),
            MouseEventKind::ScrollUp => self.select(self.selected.saturating_sub(3)),
            MouseEventKind::Down(_) if mouse.row >= list_top && mouse.column < list_right => {
                let row = usize::from(mouse.row - list_top);
                if row < self.list_height {
                    self.select(self.offset + row);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn app() -> App {
        App::new(
            crate::roadmap::load_builtin(),
            RoadmapProgress::default(),
            Lang::En,
            false,
        )
    }

    #[test]
    fn moving_keeps_the_selection_in_view_and_in_range() {
        let mut app = app();
        app.list_height = 5;
        assert_eq!(app.selected, 0);
        app.handle_key(key(KeyCode::Up));
        assert_eq!(app.selected, 0);
        for _ in 0..7 {
            app.handle_key(key(KeyCode::Char('j')));
        }
        assert_eq!((app.selected, app.offset), (7, 3));
        app.handle_key(key(KeyCode::End));
        assert_eq!((app.selected, app.offset), (19, 15));
        app.handle_key(key(KeyCode::PageDown));
        assert_eq!(app.selected, 19);
        app.handle_key(key(KeyCode::Home));
        assert_eq!((app.selected, app.offset), (0, 0));
    }

    #[test]
    fn keys_ask_for_the_commands_they_stand_for() {
        let mut app = app();
        app.handle_key(key(KeyCode::Down));
        assert_eq!(
            app.handle_key(key(KeyCode::Char('d'))),
            Some(Intent::Done(1))
        );
        assert_eq!(
            app.handle_key(key(KeyCode::Char('p'))),
            Some(Intent::Start(1))
        );
        assert_eq!(
            app.handle_key(key(KeyCode::Char('r'))),
            Some(Intent::Reset(1))
        );
        assert_eq!(app.handle_key(key(KeyCode::Char('u'))), Some(Intent::Undo));
        // A note is typed, edited and saved with Enter.
        assert_eq!(app.handle_key(key(KeyCode::Char('n'))), None);
        for character in "helo".chars() {
            app.handle_key(key(KeyCode::Char(character)));
        }
        app.handle_key(key(KeyCode::Left));
        app.handle_key(key(KeyCode::Char('l')));
        assert_eq!(
            app.handle_key(key(KeyCode::Enter)),
            Some(Intent::Note(1, "hello".to_string()))
        );
        // Esc cancels a note; an empty reason skips without one.
        app.handle_key(key(KeyCode::Char('n')));
        app.handle_key(key(KeyCode::Char('x')));
        assert_eq!(app.handle_key(key(KeyCode::Esc)), None);
        assert_eq!(app.mode, Mode::Browse);
        app.handle_key(key(KeyCode::Char('s')));
        assert_eq!(
            app.handle_key(key(KeyCode::Enter)),
            Some(Intent::Skip(1, None))
        );
        // Typing `q` into a note is text, not quitting.
        app.handle_key(key(KeyCode::Char('n')));
        app.handle_key(key(KeyCode::Char('q')));
        assert!(!app.quit);
        app.handle_key(key(KeyCode::Esc));
        app.handle_key(key(KeyCode::Char('q')));
        assert!(app.quit);
    }

    #[test]
    fn the_mouse_selects_a_row_and_the_wheel_scrolls() {
        use ratatui::crossterm::event::MouseButton;
        let mut app = app();
        app.list_height = 10;
        let mouse = |kind, row, column| MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        };
        // The list's rows start on screen row 4; a click on row 7 is the fourth step.
        app.handle_mouse(mouse(MouseEventKind::Down(MouseButton::Left), 7, 5), 4, 30);
        assert_eq!(app.selected, 3);
        // A click right of the list (the detail pane) selects nothing.
        app.handle_mouse(mouse(MouseEventKind::Down(MouseButton::Left), 9, 40), 4, 30);
        assert_eq!(app.selected, 3);
        app.handle_mouse(mouse(MouseEventKind::ScrollDown, 0, 0), 4, 30);
        assert_eq!(app.selected, 6);
        app.handle_mouse(mouse(MouseEventKind::ScrollUp, 0, 0), 4, 30);
        app.handle_mouse(mouse(MouseEventKind::ScrollUp, 0, 0), 4, 30);
        assert_eq!(app.selected, 0);
    }

    #[test]
    fn search_jumps_to_a_title_in_either_language() {
        let mut app = app();
        app.handle_key(key(KeyCode::Char('/')));
        for character in "etika".chars() {
            app.handle_key(key(KeyCode::Char(character)));
        }
        assert_eq!(app.selected, 18, "Kepatuhan dan Etika");
        app.handle_key(key(KeyCode::Enter));
        assert_eq!(app.mode, Mode::Browse);
        app.handle_key(key(KeyCode::Char('l')));
        assert_eq!(app.lang, Lang::Id);
    }
}
