//! Where each part of the full-screen view goes in a window: worked out
//! once per size, kept in the [`super::app::App`], drawn into by
//! [`super::render`].

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders};

/// Where each part of the view goes in a window, worked out when the
/// window changes size; the mouse needs the list's rows to find the one
/// clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Screen {
    pub(crate) area: Rect,
    pub(crate) header: Rect,
    pub(crate) body: Rect,
    pub(crate) status: Rect,
    pub(crate) footer: Rect,
    pub(crate) list_pane: Rect,
    pub(crate) detail_pane: Rect,
    /// The list's step rows, inside its border.
    pub(crate) list: Rect,
}

impl Screen {
    pub(crate) fn of(area: Rect) -> Screen {
        let [header, body, status, footer] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(5),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(area);
        let [list_pane, detail_pane] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(body);
        Screen {
            area,
            header,
            body,
            status,
            footer,
            list_pane,
            detail_pane,
            list: Block::default().borders(Borders::ALL).inner(list_pane),
        }
    }

    /// Whether the window is at least `width` by `height`.
    pub(crate) fn fits(&self, width: u16, height: u16) -> bool {
        self.area.width >= width && self.area.height >= height
    }
}
