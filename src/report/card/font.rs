//! The card's one typeface, DejaVu Sans, built into the binary: the PNG
//! must look the same on every machine, whatever fonts it has installed
//! (none, on a server). Its licence is `assets/fonts/LICENSE-DejaVu.txt`.
//!
//! The layout measures text with the same font files the renderer draws
//! with, so that a title is wrapped or shortened before it could overflow.

use std::sync::{Arc, OnceLock};

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// The family name both files carry, as the SVG asks for it.
pub(crate) const FAMILY: &str = "DejaVu Sans";

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The two weights the card uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// The value of the SVG's `font-weight`.
    pub(crate) fn svg(self) -> &'static str {
        match self {
            Weight::Regular => "400",
            Weight::Bold => "700",
        }
    }

    fn data(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }
}

/// The advance of each character at 1 px, per weight, for the characters
/// the card is likely to show; others are looked up in the font.
struct Metrics {
    font: FontRef<'static>,
}

fn metrics(weight: Weight) -> Option<&'static Metrics> {
    static CELLS: [OnceLock<Option<Metrics>>; 2] = [OnceLock::new(), OnceLock::new()];
    let cell = &CELLS[usize::from(weight == Weight::Bold)];
    cell.get_or_init(|| {
        FontRef::new(weight.data())
            .ok()
            .map(|font| Metrics { font })
    })
    .as_ref()
}

/// The width of `text` drawn at `px` pixels, without kerning: what the
/// renderer draws is never wider than this (kerning only tightens pairs
/// in DejaVu Sans), so text measured to fit does fit. A character the
/// font lacks is drawn as its empty box (glyph 0), and measured as one.
pub(crate) fn text_width(text: &str, px: f32, weight: Weight) -> f32 {
    let Some(metrics) = metrics(weight) else {
        // The font is built in: failing to read it is a broken build.
        // A generous guess keeps the layout inside the canvas anyway.
        return text.chars().count() as f32 * px;
    };
    let charmap = metrics.font.charmap();
    let glyphs = metrics
        .font
        .glyph_metrics(Size::new(1.0), LocationRef::default());
    text.chars()
        .map(|ch| {
            let glyph = charmap.map(ch).unwrap_or_default();
            glyphs.advance_width(glyph).unwrap_or(1.0)
        })
        .sum::<f32>()
        * px
}

/// `text` in at most `max_lines` lines no wider than `width`: broken at
/// spaces, a word too long for a line broken where it must, and the last
/// line ending in `…` when the text does not fit.
pub(crate) fn wrap(
    text: &str,
    px: f32,
    weight: Weight,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    let fits = |line: &str| text_width(line, px, weight) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word wider than a whole line: as many characters as fit per line.
        let mut rest = word;
        // An empty rest stops it even where nothing fits (a width of 0).
        while !rest.is_empty() && !fits(rest) {
            let cut = longest_fitting_prefix(rest, &fits).max(first_char_len(rest));
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        current = rest.to_string();
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let kept = lines[max_lines - 1].clone();
        lines.truncate(max_lines - 1);
        lines.push(shorten(&format!("{kept} …"), px, weight, width, true));
    }
    lines
}

/// `text` on one line no wider than `width`, cut with `…` when it is
/// longer. `always_mark` puts the `…` even when the cut text would fit
/// (the text was already cut by [`wrap`]).
pub(crate) fn shorten(
    text: &str,
    px: f32,
    weight: Weight,
    width: f32,
    always_mark: bool,
) -> String {
    let text = text.trim_end_matches([' ', '…']);
    if !always_mark && text_width(text, px, weight) <= width {
        return text.to_string();
    }
    let fits = |part: &str| text_width(&format!("{}…", part.trim_end()), px, weight) <= width;
    let cut = longest_fitting_prefix(text, &fits);
    format!("{}…", text[..cut].trim_end())
}

/// The length in bytes of the longest prefix of `text`, ending on a
/// character boundary, that `fits`.
fn longest_fitting_prefix(text: &str, fits: &dyn Fn(&str) -> bool) -> usize {
    let mut best = 0;
    for (index, ch) in text.char_indices() {
        let end = index + ch.len_utf8();
        if fits(&text[..end]) {
            best = end;
        } else {
            break;
        }
    }
    best
}

fn first_char_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// A font database holding only the built-in fonts: the renderer must
/// never pick a font the machine happens to have.
pub(crate) fn font_database() -> Arc<resvg::usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = resvg::usvg::fontdb::Database::new();
            for weight in [Weight::Regular, Weight::Bold] {
                database
                    .load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(weight.data())));
            }
            database.set_sans_serif_family(FAMILY);
            Arc::new(database)
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_weights_are_built_in_and_measured() {
        let regular = text_width("Social Media", 20.0, Weight::Regular);
        let bold = text_width("Social Media", 20.0, Weight::Bold);
        assert!(regular > 100.0 && regular < 160.0, "{regular}");
        assert!(bold > regular, "{bold} vs {regular}");
        assert_eq!(font_database().len(), 2);
    }

    #[test]
    fn long_text_wraps_and_ends_in_an_ellipsis() {
        let text = "Membangun Strategi Konten Media Sosial yang Konsisten untuk Usaha Kecil dan Menengah di Indonesia";
        let lines = wrap(text, 40.0, Weight::Bold, 500.0, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for line in &lines {
            assert!(text_width(line, 40.0, Weight::Bold) <= 500.0, "{line}");
        }
        let word = "a".repeat(200);
        let lines = wrap(&word, 40.0, Weight::Bold, 300.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(
            lines
                .iter()
                .all(|line| text_width(line, 40.0, Weight::Bold) <= 300.0)
        );
        assert_eq!(wrap("Short", 40.0, Weight::Bold, 500.0, 2), ["Short"]);
    }
}
