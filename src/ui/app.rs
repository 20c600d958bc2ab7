//! The full-screen view's state and what each key does to it. No terminal
//! here: a key press becomes a change of this state and, for a key that
//! changes progress, an [`Intent`] that the event loop carries out through
//! the same actions as the command line ([`crate::actions`]). It also keeps
//! what the screen shows of the progress ([`Shown`]) and the layout, so
//! drawing only reads it. A second cursor ([`Focus`]) walks the selected
//! step's practical actions, to tick them one key at a time. Tests drive
//! it with key events.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use crate::report::wrap::{self, Row};

use super::layout::Screen;
use crate::i18n::{Key, Lang, format_date, tr, word};
use crate::progress::{RoadmapProgress, Status};
use crate::report::{ProgressReport, StepReport, Summary, render_step_detail};
use crate::roadmap::Roadmap;

/// What a key press asks of the progress: one command each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Intent {
    Done(usize),
    Start(usize),
    Skip(usize, Option<String>),
    Reset(usize),
    Note(usize, String),
    /// A note marked as evidence: the portfolio shows it.
    Evidence(usize, String),
    /// Tick (`on`) or untick one practical action of a step (0-based both).
    Tick {
        step: usize,
        action: usize,
        on: bool,
    },
    Undo,
}

/// Where the arrow keys act in the list view: a second cursor walks the
/// selected step's practical actions, so they can be ticked one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Focus {
    /// On the step list.
    Steps,
    /// On the selected step's practical actions, at this one (0-based).
    Actions(usize),
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
    Evidence,
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
    /// The line of `detail` each of the selected step's actions starts on.
    pub(crate) action_lines: Vec<usize>,
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
        let (detail, action_lines) = detail_of(roadmap, &report, selected);
        Shown {
            title: report.title.to_string(),
            summary: report.summary,
            steps,
            detail,
            action_lines,
        }
    }
}

/// The step at `index` in full, as `show` prints it, and the line each of
/// its actions is on.
fn detail_of(roadmap: &Roadmap, report: &ProgressReport, index: usize) -> (String, Vec<usize>) {
    match (roadmap.steps.get(index), report.steps.get(index)) {
        (Some(step), Some(record)) => {
            let detail = render_step_detail(step, record, report);
            let lines = action_lines(&detail, record);
            (detail, lines)
        }
        _ => (String::new(), Vec::new()),
    }
}

/// The line of `detail` each action is on, found by the checkbox and the
/// number `show` writes before it (`  [x] 5.2  text`): the view draws the
/// same text as `show`, and only needs to know where to put its cursor. An
/// action not found there gets no cursor drawn (a test keeps them found).
fn action_lines(detail: &str, record: &StepReport) -> Vec<usize> {
    let mut lines = detail.lines().enumerate();
    record
        .actions
        .iter()
        .enumerate()
        .map_while(|(index, action)| {
            let mark = if action.ticked.is_some() { 'x' } else { ' ' };
            let start = format!("  [{mark}] {}.{}  ", record.number, index + 1);
            lines
                .by_ref()
                .find(|(_, line)| line.starts_with(&start))
                .map(|(number, _)| number)
        })
        .collect()
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
    /// Whether the arrows move through the steps or the selected step's actions.
    pub(crate) focus: Focus,
    /// Rows of the detail pane scrolled past, to keep the action under the
    /// cursor in view; none while the cursor is on the steps.
    pub(crate) detail_scroll: u16,
    /// The last command's message, or its error.
    pub(crate) message: Option<(String, bool)>,
    /// The last search typed, which `f` looks for again past the cursor.
    pub(crate) last_search: Option<String>,
    /// Whether the search being typed matches no title: the prompt says so.
    pub(crate) search_missed: bool,
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
            focus: Focus::Steps,
            detail_scroll: 0,
            message: None,
            last_search: None,
            search_missed: false,
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
        self.follow_action();
    }

    /// The detail pane follows the selection: only that step is worded.
    fn refresh_detail(&mut self) {
        let report = ProgressReport::build(&self.roadmap, &self.progress, self.lang);
        (self.shown.detail, self.shown.action_lines) =
            detail_of(&self.roadmap, &report, self.selected);
        self.follow_action();
    }

    /// How many practical actions the selected step has.
    pub(crate) fn action_count(&self) -> usize {
        self.roadmap
            .steps
            .get(self.selected)
            .map_or(0, |step| step.actions.len())
    }

    /// Whether the selected step's action at `index` is ticked.
    pub(crate) fn is_ticked(&self, index: usize) -> bool {
        self.roadmap.steps.get(self.selected).is_some_and(|step| {
            let record = self.progress.step(&step.id);
            step.actions
                .get(index)
                .is_some_and(|action| record.is_some_and(|record| record.is_ticked(&action.key)))
        })
    }

    /// Where each action of the selected step is in the detail pane: its
    /// first row and how many rows it wraps to, in the rows `render` draws.
    fn action_rows(&self) -> Vec<(usize, usize)> {
        let rows = self.detail_rows(self.screen.detail_pane.width);
        self.shown
            .action_lines
            .iter()
            .map(|&line| {
                let start = rows.partition_point(|row| row.line < line);
                let end = rows.partition_point(|row| row.line <= line);
                (start, (end - start).max(1))
            })
            .collect()
    }

    /// The selected step's text as drawn in a bordered pane `width` wide.
    pub(crate) fn detail_rows(&self, width: u16) -> Vec<Row> {
        wrap::rows(&self.shown.detail, usize::from(width.saturating_sub(2)))
    }

    /// Scrolls the detail pane as little as it takes to show the action
    /// under the cursor (its start, if it is taller than the pane).
    fn follow_action(&mut self) {
        let Focus::Actions(cursor) = self.focus else {
            self.detail_scroll = 0;
            return;
        };
        let visible = usize::from(self.screen.detail_pane.height.saturating_sub(2)).max(1);
        let scroll = usize::from(self.detail_scroll);
        let scroll = match self.action_rows().get(cursor) {
            Some(&(start, _)) if start < scroll => start,
            Some(&(start, rows)) if start + rows > scroll + visible => {
                (start + rows - visible).min(start)
            }
            Some(_) => scroll,
            None => 0,
        };
        self.detail_scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    }

    /// Puts the second cursor on action `index` (clamped) of the selected step.
    fn focus_action(&mut self, index: usize) {
        self.focus = Focus::Actions(index.min(self.action_count().saturating_sub(1)));
        self.follow_action();
    }

    /// Tab from the list: into the step's actions, on the first one not
    /// ticked, or a word that the step has none.
    fn enter_actions(&mut self) {
        if self.action_count() == 0 {
            self.message = Some((self.no_actions(), false));
            return;
        }
        let first = (0..self.action_count())
            .find(|&index| !self.is_ticked(index))
            .unwrap_or(0);
        self.focus_action(first);
    }

    fn no_actions(&self) -> String {
        let title = self
            .shown
            .steps
            .get(self.selected)
            .map_or("", |step| step.title.as_str());
        tr(
            self.lang,
            Key::UiNoActions,
            &[("number", &(self.selected + 1)), ("title", &title)],
        )
    }

    fn leave_actions(&mut self) {
        self.focus = Focus::Steps;
        self.follow_action();
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
        self.follow_action();
    }

    /// How far the full-step view scrolls: until its last line is in view.
    /// The rows are the ones `render` draws, so long lines of a step
    /// cannot hide its notes.
    fn most_scroll(&self) -> u16 {
        let body = self.screen.body;
        let lines = self.detail_rows(body.width).len();
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
            // The second cursor belongs to the step it was in.
            self.focus = Focus::Steps;
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

    /// Whether the message needs more than the status line's one row.
    pub(crate) fn message_is_long(&self) -> bool {
        self.message.as_ref().is_some_and(|(text, _)| {
            Paragraph::new(text.as_str())
                .wrap(Wrap { trim: true })
                .line_count(self.screen.status.width)
                > 1
        })
    }

    /// Handles one key; returns what it asks of the progress, if anything.
    pub(crate) fn handle_key(&mut self, key: KeyEvent) -> Option<Intent> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return None;
        }
        // A message too long for the status line takes the footer's rows
        // (see `render`) until the next key, which brings the footer back.
        if !matches!(self.mode, Mode::Input { .. }) && self.message_is_long() {
            self.message = None;
        }
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Input { purpose, mut line } => {
                match key.code {
                    KeyCode::Esc => {
                        if purpose == InputPurpose::Search {
                            self.end_search(&line.text);
                        }
                    }
                    KeyCode::Enter => return self.finish_input(purpose, line.text),
                    _ => {
                        line.edit(key);
                        if purpose == InputPurpose::Search {
                            self.search_missed = !self.search(&line.text, 0);
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
        // In the actions, the arrows, Space and Enter are theirs; every
        // other key still acts on the step (d marks it done once all are ticked).
        if let Focus::Actions(cursor) = self.focus {
            match key.code {
                KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc => self.leave_actions(),
                KeyCode::Down | KeyCode::Char('j') => self.focus_action(cursor + 1),
                KeyCode::Up | KeyCode::Char('k') => self.focus_action(cursor.saturating_sub(1)),
                KeyCode::Home | KeyCode::Char('g') => self.focus_action(0),
                KeyCode::End | KeyCode::Char('G') => self.focus_action(usize::MAX),
                KeyCode::Char(' ') | KeyCode::Enter => {
                    return Some(Intent::Tick {
                        step,
                        action: cursor,
                        on: !self.is_ticked(cursor),
                    });
                }
                _ => return self.step_key(key, step, page),
            }
            return None;
        }
        self.step_key(key, step, page)
    }

    /// A key while the cursor is on the step list (or one the actions leave to it).
    fn step_key(&mut self, key: KeyEvent, step: usize, page: usize) -> Option<Intent> {
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            KeyCode::Down | KeyCode::Char('j') => self.select(self.selected + 1),
            KeyCode::Up | KeyCode::Char('k') => self.select(self.selected.saturating_sub(1)),
            KeyCode::PageDown => self.select(self.selected + page),
            KeyCode::PageUp => self.select(self.selected.saturating_sub(page)),
            KeyCode::Home | KeyCode::Char('g') => self.select(0),
            KeyCode::End | KeyCode::Char('G') => self.select(usize::MAX),
            KeyCode::Enter => self.mode = Mode::Step { scroll: 0 },
            KeyCode::Tab => self.enter_actions(),
            // Space ticks in the actions; here it only says how to get there.
            KeyCode::Char(' ') => {
                let hint = if self.action_count() == 0 {
                    self.no_actions()
                } else {
                    word(self.lang, Key::UiSpaceHint).to_string()
                };
                self.message = Some((hint, false));
            }
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
            KeyCode::Char('e') => self.start_input(InputPurpose::Evidence),
            KeyCode::Char('/') => self.start_input(InputPurpose::Search),
            KeyCode::Char('f') => self.search_again(),
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
            InputPurpose::Search => {
                self.end_search(&text);
                None
            }
            // An empty reason skips without one.
            InputPurpose::SkipReason => {
                Some(Intent::Skip(step, Some(text).filter(|t| !t.is_empty())))
            }
            // An empty note is no note: the command would refuse it.
            InputPurpose::Note | InputPurpose::Evidence if text.is_empty() => None,
            InputPurpose::Note => Some(Intent::Note(step, text)),
            InputPurpose::Evidence => Some(Intent::Evidence(step, text)),
        }
    }

    /// Moves to the first step from `from` on, wrapping round, whose title
    /// holds `query` (any case, either language); says whether one does.
    /// An empty query matches nothing and misses nothing.
    fn search(&mut self, query: &str, from: usize) -> bool {
        let query = query.to_lowercase();
        if query.is_empty() {
            return true;
        }
        let count = self.roadmap.steps.len();
        let found = (0..count)
            .map(|offset| (from + offset) % count)
            .find(|&index| {
                let step = &self.roadmap.steps[index];
                step.title
                    .all()
                    .iter()
                    .any(|title| title.to_lowercase().contains(&query))
                    || step.id.contains(&query)
            });
        if let Some(index) = found {
            self.select(index);
        }
        found.is_some()
    }

    /// Leaves the search typed, keeping it for `f`; a query that matched
    /// nothing says so on the status line.
    fn end_search(&mut self, query: &str) {
        self.mode = Mode::Browse;
        self.search_missed = false;
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.last_search = Some(query.to_string());
        if !self.search(query, self.selected) {
            self.message = Some((self.no_match(query), true));
        }
    }

    /// `f`: the next step past the cursor that the last search matches.
    fn search_again(&mut self) {
        let Some(query) = self.last_search.clone() else {
            self.message = Some((word(self.lang, Key::UiSearchFirst).to_string(), false));
            return;
        };
        if !self.search(&query, self.selected + 1) {
            self.message = Some((self.no_match(&query), true));
        }
    }

    fn no_match(&self, query: &str) -> String {
        let query = crate::control::escaped(query);
        tr(self.lang, Key::UiSearchNoMatch, &[("query", &query)])
    }

    /// A click on a list row selects it (the cursor back on the steps); a
    /// click on one of the selected step's actions in the detail pane puts
    /// the cursor on it; the wheel moves the selection. `list_top` is the
    /// screen row of the first step row.
    pub(crate) fn handle_mouse(&mut self, mouse: MouseEvent, list_top: u16, list_right: u16) {
        match mouse.kind {
            MouseEventKind::ScrollDown => self.select(self.selected + 3),
            MouseEventKind::ScrollUp => self.select(self.selected.saturating_sub(3)),
            MouseEventKind::Down(_) if mouse.row >= list_top && mouse.column < list_right => {
                let row = usize::from(mouse.row - list_top);
                if row < self.list_height {
                    self.select(self.offset + row);
                    self.leave_actions();
                }
            }
            MouseEventKind::Down(_) if self.mode == Mode::Browse => self.click_detail(mouse),
            _ => {}
        }
    }

    fn click_detail(&mut self, mouse: MouseEvent) {
        let pane = self.screen.detail_pane;
        let inside = mouse.column > pane.x
            && mouse.column + 1 < pane.x + pane.width
            && mouse.row > pane.y
            && mouse.row + 1 < pane.y + pane.height;
        if !inside {
            return;
        }
        let row = usize::from(self.detail_scroll) + usize::from(mouse.row - pane.y - 1);
        let clicked = self
            .action_rows()
            .iter()
            .position(|&(start, rows)| (start..start + rows).contains(&row));
        if let Some(index) = clicked {
            self.focus_action(index);
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

    #[test]
    fn a_search_with_no_match_says_so_and_f_finds_the_next_match() {
        let mut app = app();
        let type_search = |app: &mut App, query: &str| {
            app.handle_key(key(KeyCode::Char('/')));
            for character in query.chars() {
                app.handle_key(key(KeyCode::Char(character)));
            }
        };
        // `f` before any search says how to search.
        app.handle_key(key(KeyCode::Char('f')));
        assert!(
            app.message
                .as_ref()
                .is_some_and(|(text, _)| text.contains("search first with /"))
        );
        let before = app.selected;
        type_search(&mut app, "zzz");
        assert!(app.search_missed, "the prompt says no match while typing");
        app.handle_key(key(KeyCode::Enter));
        assert_eq!(app.selected, before, "no match moves nothing");
        assert_eq!(
            app.message,
            Some(("No step title holds \"zzz\".".to_string(), true))
        );
        // "Content" is in the titles of steps 8 and 9: f goes from one to the next, and round.
        type_search(&mut app, "content");
        app.handle_key(key(KeyCode::Enter));
        assert_eq!(app.selected, 7, "8. Content Strategy");
        assert!(!app.search_missed);
        app.handle_key(key(KeyCode::Char('f')));
        assert_eq!(app.selected, 8, "9. Create Quality Content");
        app.handle_key(key(KeyCode::Char('f')));
        assert_eq!(app.selected, 7, "round to the first match");
    }
}
