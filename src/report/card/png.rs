//! The card as a PNG: the SVG drawn by resvg, a pure-Rust renderer, with
//! only the built-in fonts, so the picture is the same on every machine.

use resvg::{tiny_skia, usvg};

use super::font::{FAMILY, font_database};

/// The options every parse of a card uses: the built-in fonts, no others.
pub(crate) fn parse_options() -> usvg::Options<'static> {
    let mut options = usvg::Options {
        font_family: FAMILY.to_string(),
        ..usvg::Options::default()
    };
    options.fontdb = font_database();
    options
}

/// Draws `svg` (a card from [`super::render_svg`]) as PNG bytes, at the
/// size its `width` and `height` say. The error, a sentence, can only
/// come from a bug: the SVG is ours.
pub(crate) fn render_png(svg: &str) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, &parse_options()).map_err(|error| error.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("no canvas of {}x{}", size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|error| error.to_string())
}
