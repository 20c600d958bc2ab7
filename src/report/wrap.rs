//! Text broken into rows of a width, with a hanging indent: a wrapped
//! practical action, resource or note goes on under its own text
//! (`[ ] 5.2  `, `5.1  `, `1. ` stay alone in their columns), where a plain
//! wrap would start it again at column 0. The full-screen view draws these
//! rows (and its scroll limits and mouse count them); `today` prints them.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One row as drawn, and the line of the text it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) text: String,
    pub(crate) line: usize,
}

/// `text`'s lines broken at spaces into rows of at most `width` columns
/// (a word longer than a row is broken where it must be).
pub(crate) fn rows(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    for (line, source) in text.lines().enumerate() {
        let mut push = |text: String| rows.push(Row { text, line });
        if source.width() <= width {
            push(source.to_string());
            continue;
        }
        // Never so deep that a continuation row has no room for text.
        let indent = hanging_indent(source).min(width / 2);
        let mut row = String::new();
        let mut used = 0;
        for (index, word) in source.split(' ').enumerate() {
            let word_width = word.width();
            let gap = usize::from(index > 0);
            if used + gap + word_width <= width {
                if index > 0 {
                    row.push(' ');
                }
                row.push_str(word);
                used += gap + word_width;
                continue;
            }
            if !row.trim().is_empty() {
                push(std::mem::take(&mut row));
            }
            row = " ".repeat(indent);
            used = indent;
            // A word wider than what is left of a row is cut into pieces,
            // between characters as they are drawn: an emoji with its
            // variation selector (❤️) is one piece, two columns wide.
            for piece in word.graphemes(true) {
                let cell = piece.width();
                if used + cell > width && used > indent {
                    push(std::mem::replace(&mut row, " ".repeat(indent)));
                    used = indent;
                }
                row.push_str(piece);
                used += cell;
            }
        }
        if !row.trim().is_empty() {
            push(row);
        }
    }
    rows
}

/// The column a line's text starts at, after its leading spaces and a
/// marker: a checkbox (`[ ] `, `[x] `) and a number (`5.2`, `1.`) with the
/// spaces after it.
fn hanging_indent(line: &str) -> usize {
    let text = line.trim_start_matches(' ');
    let mut rest = text;
    if let Some(after) = rest.strip_prefix('[')
        && let Some((mark, after)) = after.split_once("] ")
        && mark.chars().count() == 1
    {
        rest = after;
    }
    let number = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if number.len() < rest.len() && number.starts_with(' ') {
        rest = number.trim_start_matches(' ');
    } else {
        rest = text;
    }
    line.width() - rest.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, width: usize) -> Vec<String> {
        rows(text, width).into_iter().map(|row| row.text).collect()
    }

    #[test]
    fn an_action_goes_on_under_its_text() {
        assert_eq!(
            texts("  [ ] 5.2  Make a simple portfolio page", 24),
            [
                "  [ ] 5.2  Make a simple",
                "           portfolio",
                "           page"
            ]
        );
    }

    #[test]
    fn a_resource_a_note_and_a_paragraph_hang_under_their_own_text() {
        assert_eq!(
            texts("  5.1  Google Sites (tool)", 16),
            ["  5.1  Google", "       Sites", "       (tool)"]
        );
        assert_eq!(
            texts("  1. Dec 1: a thought", 12),
            ["  1. Dec 1:", "     a", "     thought"]
        );
        assert_eq!(
            texts("  Start by managing", 10),
            ["  Start by", "  managing"]
        );
    }

    #[test]
    fn every_row_fits_and_keeps_its_line_even_for_a_long_link() {
        let text = "  1. Dec 1: https://example.com/a/very/long/path/that/does/not/fit\nnext";
        for width in 8..40 {
            let rows = rows(text, width);
            for row in &rows {
                assert!(row.text.width() <= width, "{width}: {row:?}");
            }
            let joined: String = rows
                .iter()
                .filter(|row| row.line == 0)
                .map(|row| row.text.trim())
                .collect();
            assert!(
                joined.contains("https://example.com/a/very/long"),
                "{width}"
            );
            assert_eq!(
                rows.last().map(|row| (row.line, row.text.as_str())),
                Some((1, "next"))
            );
        }
    }

    #[test]
    fn an_emoji_with_its_variation_selector_counts_as_it_is_drawn() {
        let text = format!("  [ ] 5.2  {} abc", "❤\u{fe0f}".repeat(30));
        for width in 12..40 {
            for row in rows(&text, width) {
                assert!(row.text.width() <= width, "{width}: {row:?}");
            }
        }
    }

    #[test]
    fn wide_characters_count_two_columns() {
        for row in rows("  1. 東京 東京 東京 東京", 9) {
            assert!(row.text.width() <= 9, "{row:?}");
        }
    }
}
