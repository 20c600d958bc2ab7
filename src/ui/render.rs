//! Drawing the full-screen view: a pure function of [`App`]. Only the rows
//! in view are built, so a roadmap of 10,000 steps draws as fast as one of 20.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, InputPurpose, Mode};
use crate::i18n::{Key, format_date, tr, word};
use crate::progress::Status;
use crate::report::{ProgressReport, progress_bar, render_step_detail};

/// The smallest screen the layout fits; below it a message says so.
pub(crate) const MIN_WIDTH: u16 = 80;
pub(crate) const MIN_HEIGHT: u16 = 24;

/// Where the list's step rows start on screen, and where the list ends:
/// the mouse needs them to find the row clicked.
pub(crate) fn list_area(area: Rect) -> Rect {
    let [_, body, _, _] = rows(area);
    let [list, _] = columns(body);
    Rect {
        x: list.x,
        y: list.y + 1,
        width: list.width,
        height: list.height.saturating_sub(2),
    }
}

fn rows(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(area)
}

fn columns(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
}

/// Draws one frame; records how many step rows the list showed.
pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = tr(
            app.lang,
            Key::UiTooSmall,
            &[
                ("width", &area.width),
                ("height", &area.height),
                ("min_width", &MIN_WIDTH),
                ("min_height", &MIN_HEIGHT),
            ],
        );
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let report = ProgressReport::build(&app.roadmap, &app.progress, app.lang);
    let [header, body, status, footer] = rows(area);
    draw_header(frame, app, &report, header);
    let list = list_area(area);
    app.list_height = usize::from(list.height);
    if let Mode::Step { scroll } = app.mode {
        let detail = detail_text(app, &report);
        // Scrolling stops where the last line comes into view.
        let width = usize::from(body.width.saturating_sub(2)).max(1);
        let lines: usize = detail.lines().map(|line| wrapped_rows(line, width)).sum();
        let visible = usize::from(body.height.saturating_sub(2));
        let most = u16::try_from(lines.saturating_sub(visible)).unwrap_or(u16::MAX);
        let scroll = scroll.min(most);
        app.mode = Mode::Step { scroll };
        let block = Block::default()
            .borders(Borders::ALL)
            .title(report.steps[app.selected].title);
        frame.render_widget(
            Paragraph::new(detail)
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0)),
            body,
        );
    } else {
        let [list_pane, detail_pane] = columns(body);
        draw_list(frame, app, &report, list_pane);
        let block = Block::default().borders(Borders::ALL);
        frame.render_widget(
            Paragraph::new(detail_text(app, &report))
                .block(block)
                .wrap(Wrap { trim: false }),
            detail_pane,
        );
    }
    draw_status(frame, app, status);
    frame.render_widget(
        Paragraph::new(word(app.lang, Key::UiFooter))
            .style(dim(app))
            .wrap(Wrap { trim: true }),
        footer,
    );
    if app.mode == Mode::Help {
        draw_help(frame, app, body);
    }
}

fn dim(app: &App) -> Style {
    if app.color {
        Style::default().fg(Color::DarkGray)
    } else {
        Style::default()
    }
}

fn draw_header(frame: &mut Frame, app: &App, report: &ProgressReport, area: Rect) {
    let summary = &report.summary;
    let counts = format!(
        "{}/{} ({}%)",
        summary.done, summary.counted, summary.percent
    );
    let bar_style = if app.color {
        Style::default().fg(Color::Green)
    } else {
        Style::default()
    };
    let line = vec![
        Span::styled(report.title, Style::default().add_modifier(Modifier::BOLD)),
        Span::raw("  "),
        Span::styled(progress_bar(summary), bar_style),
        Span::raw(format!(" {counts}")),
    ];
    let mut lines = vec![Line::from(line)];
    // The selected step's phase, on a line of its own so a narrow window keeps it.
    if let Some(phase) = report
        .steps
        .get(app.selected)
        .and_then(|step| report.phase_of(step))
    {
        let progress = phase.progress();
        lines.push(Line::styled(
            format!(
                "{}: {} ({progress})",
                word(app.lang, Key::LabelPhase),
                phase.title
            ),
            dim(app),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn mark(status: Status) -> &'static str {
    match status {
        Status::Done => "✓",
        Status::InProgress => "▶",
        Status::Skipped => "↷",
        Status::Todo => "○",
    }
}

fn draw_list(frame: &mut Frame, app: &App, report: &ProgressReport, area: Rect) {
    let block = Block::default().borders(Borders::ALL);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let end = (app.offset + height).min(report.steps.len());
    let lines: Vec<Line> = report.steps[app.offset.min(end)..end]
        .iter()
        .enumerate()
        .map(|(row, step)| {
            let index = app.offset + row;
            let date = step
                .status_date()
                .map(|at| format_date(app.lang, at.date_naive()))
                .unwrap_or_default();
            let pointer = if index == app.selected { "›" } else { " " };
            let text = format!(
                "{pointer}{:>3} {} {}",
                step.number,
                mark(step.status),
                step.title
            );
            let width = usize::from(inner.width);
            let room = width.saturating_sub(date.chars().count() + 1);
            let shown: String = text.chars().take(room).collect();
            let padding = width.saturating_sub(shown.chars().count() + date.chars().count());
            let line = format!("{shown}{}{date}", " ".repeat(padding));
            let mut style = Style::default();
            if app.color {
                style = match step.status {
                    Status::Done => style.fg(Color::Green),
                    Status::InProgress => style.fg(Color::Yellow),
                    Status::Skipped => style.fg(Color::DarkGray),
                    Status::Todo => style,
                };
            }
            if index == app.selected {
                style = style.add_modifier(Modifier::REVERSED);
            }
            Line::styled(line, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected step in full, as `show` prints it.
fn detail_text(app: &App, report: &ProgressReport) -> String {
    match (
        app.roadmap.steps.get(app.selected),
        report.steps.get(app.selected),
    ) {
        (Some(step), Some(record)) => render_step_detail(step, record, report),
        _ => String::new(),
    }
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    if let Mode::Input { purpose, line } = &app.mode {
        let prompt = word(
            app.lang,
            match purpose {
                InputPurpose::Note => Key::UiNotePrompt,
                InputPurpose::SkipReason => Key::UiSkipPrompt,
                InputPurpose::Search => Key::UiSearchPrompt,
            },
        );
        let text = format!("{prompt} {}", line.text);
        frame.render_widget(Paragraph::new(text), area);
        let before: usize = prompt.chars().count() + 1 + line.cursor;
        let x = area.x
            + u16::try_from(before)
                .unwrap_or(u16::MAX)
                .min(area.width.saturating_sub(1));
        frame.set_cursor_position((x, area.y));
        return;
    }
    if let Some((message, failed)) = &app.message {
        let mut style = Style::default();
        if *failed && app.color {
            style = style.fg(Color::Red);
        }
        frame.render_widget(Paragraph::new(message.as_str()).style(style), area);
    }
}

fn draw_help(frame: &mut Frame, app: &App, area: Rect) {
    let width = area.width.min(70);
    let height = area.height.min(18);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(word(app.lang, Key::UiHelpTitle));
    frame.render_widget(
        Paragraph::new(word(app.lang, Key::UiHelp))
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}

/// The rows `line` takes when wrapped between words to `width` columns,
/// as the paragraph wraps it.
fn wrapped_rows(line: &str, width: usize) -> usize {
    let mut rows = 1;
    let mut used = 0;
    for word in line.split(' ') {
        let length = word.chars().count();
        let needed = if used == 0 { length } else { used + 1 + length };
        if needed <= width {
            used = needed;
        } else {
            rows += 1 + length.saturating_sub(1) / width;
            used = length % width;
        }
    }
    rows
}
