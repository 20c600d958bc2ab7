//! Drawing the full-screen view: a pure function of [`App`], which holds
//! the layout and the progress as shown. Only the rows in view are drawn,
//! so a roadmap of 10,000 steps draws as fast as one of 20.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, Focus, InputPurpose, Mode};
use crate::i18n::{Key, tr, word};
use crate::progress::Status;
use crate::report::progress_bar;

/// The smallest screen the layout fits; below it a message says so.
pub(crate) const MIN_WIDTH: u16 = 80;
pub(crate) const MIN_HEIGHT: u16 = 24;

/// Draws one frame of `app` as it is: nothing here changes it.
pub(crate) fn draw(frame: &mut Frame, app: &App) {
    let screen = &app.screen;
    if !screen.fits(MIN_WIDTH, MIN_HEIGHT) {
        let message = tr(
            app.lang,
            Key::UiTooSmall,
            &[
                ("width", &screen.area.width),
                ("height", &screen.area.height),
                ("min_width", &MIN_WIDTH),
                ("min_height", &MIN_HEIGHT),
            ],
        );
        frame.render_widget(
            Paragraph::new(message).wrap(Wrap { trim: true }),
            screen.area,
        );
        return;
    }
    draw_header(frame, app, screen.header);
    if let Mode::Step { scroll } = app.mode {
        let title = app
            .shown
            .steps
            .get(app.selected)
            .map_or("", |step| step.title.as_str());
        let block = Block::default().borders(Borders::ALL).title(title);
        let rows: Vec<Line> = app
            .detail_rows(screen.body.width)
            .into_iter()
            .map(|row| Line::raw(row.text))
            .collect();
        frame.render_widget(
            Paragraph::new(rows).block(block).scroll((scroll, 0)),
            screen.body,
        );
    } else {
        draw_list(frame, app, screen.list_pane);
        draw_detail(frame, app, screen.detail_pane);
    }
    // A message longer than its row wraps down over the footer, which the
    // next key (clearing the message) brings back.
    if draw_status(frame, app, screen.status, screen.footer) {
        if app.mode == Mode::Help {
            draw_help(frame, app, screen.body);
        }
        return;
    }
    let footer = match (&app.mode, app.focus) {
        (Mode::Step { .. }, _) => Key::UiFooterStep,
        (_, Focus::Steps) => Key::UiFooter,
        (_, Focus::Actions(_)) => Key::UiFooterActions,
    };
    let mut text = word(app.lang, footer).to_string();
    // After a search, the list's footer adds the key that finds its next match.
    if app.last_search.is_some() && footer == Key::UiFooter {
        text.push_str("  ");
        text.push_str(word(app.lang, Key::UiFooterNextMatch));
    }
    let footer = footer_lines(&text, screen.footer.width);
    frame.render_widget(
        Paragraph::new(footer.join("\n"))
            .style(dim(app))
            .wrap(Wrap { trim: true }),
        screen.footer,
    );
    if app.mode == Mode::Help {
        draw_help(frame, app, screen.body);
    }
}

/// The footer's entries (`d done`, two spaces apart) packed into rows of
/// `width`, so that a row never ends between a key and what it does.
pub(crate) fn footer_lines(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width);
    let mut rows: Vec<String> = Vec::new();
    for entry in text.split("  ").filter(|entry| !entry.is_empty()) {
        match rows.last_mut() {
            Some(row) if Line::from(format!("{row}  {entry}")).width() <= width => {
                row.push_str("  ");
                row.push_str(entry);
            }
            _ => rows.push(entry.to_string()),
        }
    }
    rows
}

fn dim(app: &App) -> Style {
    if app.color {
        Style::default().fg(Color::DarkGray)
    } else {
        Style::default()
    }
}

fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let summary = &app.shown.summary;
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
        Span::styled(
            app.shown.title.as_str(),
            Style::default().add_modifier(Modifier::BOLD),
        ),
        Span::raw("  "),
        Span::styled(progress_bar(summary), bar_style),
        Span::raw(format!(" {counts}")),
    ];
    let mut lines = vec![Line::from(line)];
    // The selected step's phase, on a line of its own so a narrow window keeps it.
    if let Some(phase) = app
        .shown
        .steps
        .get(app.selected)
        .and_then(|step| step.phase.as_deref())
    {
        lines.push(Line::styled(phase, dim(app)));
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

fn draw_list(frame: &mut Frame, app: &App, area: Rect) {
    let block = Block::default().borders(Borders::ALL);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let end = (app.offset + height).min(app.shown.steps.len());
    let lines: Vec<Line> = app.shown.steps[app.offset.min(end)..end]
        .iter()
        .enumerate()
        .map(|(row, step)| {
            let index = app.offset + row;
            let date = &step.date;
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
            // With the cursor in the step's actions, the step is only marked.
            if index == app.selected {
                style = style.add_modifier(match app.focus {
                    Focus::Steps => Modifier::REVERSED,
                    Focus::Actions(_) => Modifier::BOLD,
                });
            }
            Line::styled(line, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected step as `show` prints it; with the cursor in its actions,
/// the one under it marked and highlighted, the tally in the border.
fn draw_detail(frame: &mut Frame, app: &App, area: Rect) {
    let mut block = Block::default().borders(Borders::ALL);
    let cursor = match app.focus {
        Focus::Actions(cursor) => {
            let ticked = (0..app.action_count())
                .filter(|&index| app.is_ticked(index))
                .count();
            let title = format!(
                "{} ({ticked}/{})",
                word(app.lang, Key::LabelActions),
                app.action_count()
            );
            block = block.title(title);
            app.shown.action_lines.get(cursor).copied()
        }
        Focus::Steps => None,
    };
    let mut style = Style::default().add_modifier(Modifier::REVERSED);
    if app.color {
        style = style.fg(Color::Yellow);
    }
    let mut first = true;
    let lines: Vec<Line> = app
        .detail_rows(area.width)
        .into_iter()
        .map(|row| {
            if Some(row.line) != cursor {
                return Line::raw(row.text);
            }
            // `  [ ] 5.2  text` becomes `› [ ] 5.2  text`: a pointer a plain
            // terminal shows too; the action's further rows are highlighted.
            let text = if std::mem::take(&mut first) {
                format!("›{}", row.text.strip_prefix(' ').unwrap_or(&row.text))
            } else {
                row.text
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((app.detail_scroll, 0)),
        area,
    );
}

/// Draws the status line; says whether a long message took the footer's rows.
fn draw_status(frame: &mut Frame, app: &App, area: Rect, footer: Rect) -> bool {
    if let Mode::Input { purpose, line } = &app.mode {
        let prompt = word(
            app.lang,
            match purpose {
                InputPurpose::Note => Key::UiNotePrompt,
                InputPurpose::Evidence => Key::UiEvidencePrompt,
                InputPurpose::SkipReason => Key::UiSkipPrompt,
                InputPurpose::Search if app.search_missed => Key::UiSearchPromptMissed,
                InputPurpose::Search => Key::UiSearchPrompt,
            },
        );
        let before = prompt.width() + 1;
        let room = usize::from(area.width).saturating_sub(before);
        let (shown, column) = input_window(&line.text, line.cursor, room);
        frame.render_widget(Paragraph::new(format!("{prompt} {shown}")), area);
        let x = area.x
            + u16::try_from(before + column)
                .unwrap_or(u16::MAX)
                .min(area.width.saturating_sub(1));
        frame.set_cursor_position((x, area.y));
        return false;
    }
    let Some((message, failed)) = &app.message else {
        return false;
    };
    let mut style = Style::default();
    if *failed && app.color {
        style = style.fg(Color::Red);
    }
    let paragraph = Paragraph::new(message.as_str())
        .style(style)
        .wrap(Wrap { trim: true });
    if !app.message_is_long() {
        frame.render_widget(paragraph, area);
        return false;
    }
    frame.render_widget(paragraph, area.union(footer));
    true
}

/// The part of a typed line that fits in `room` columns, and the column
/// of the cursor in it. The line scrolls sideways so that the cursor is
/// always in view, the text before it as far as it fits: typing on at the
/// end shows the tail (a link's end), and a `…` says that more is to the
/// left. Widths are display columns, so a wide character counts two.
pub(crate) fn input_window(text: &str, cursor: usize, room: usize) -> (String, usize) {
    if room == 0 {
        return (String::new(), 0);
    }
    let chars: Vec<char> = text.chars().collect();
    let cursor = cursor.min(chars.len());
    let width = |slice: &[char]| -> usize { slice.iter().map(|&c| c.width().unwrap_or(0)).sum() };
    // The cursor needs a cell of its own, after the text before it.
    let mut start = 0;
    if width(&chars[..cursor]) >= room {
        start = cursor;
        // One column goes to the `…`, one to the cursor.
        while start > 0 && 1 + width(&chars[start - 1..cursor]) < room {
            start -= 1;
        }
    }
    let mut shown = String::new();
    let mut used = 0;
    if start > 0 {
        shown.push('…');
        used = 1;
    }
    let column = used + width(&chars[start..cursor]);
    for &character in &chars[start..] {
        let cell = character.width().unwrap_or(0);
        if used + cell > room {
            break;
        }
        shown.push(character);
        used += cell;
    }
    (shown, column)
}

fn draw_help(frame: &mut Frame, app: &App, area: Rect) {
    let help = word(app.lang, Key::UiHelp);
    let width = area.width.min(70);
    // A line each, and the border.
    let lines = u16::try_from(help.lines().count()).unwrap_or(u16::MAX);
    let height = area.height.min(lines.saturating_add(2));
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
        Paragraph::new(help).block(block).wrap(Wrap { trim: false }),
        popup,
    );
}
