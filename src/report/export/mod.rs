//! The formats `export` writes, one file each, all rendering the same
//! [`ProgressReport`] through the one [`Renderer`] trait, as hyperfine's
//! exporters do: `render_markdown` is one as it is, `HtmlExport` holds the
//! time its chart ends at. `cmd/export.rs` picks the format asked for: a new format
//! is a new file here, its name in `cli::ExportFormat` and one arm there.

use super::{ProgressReport, Renderer};
use crate::i18n::{Key, tr};

mod csv;
mod html;
mod ics;
mod json;
mod markdown;
mod portfolio;

pub(super) use csv::field as csv_field;
pub use csv::render_csv;
pub(crate) use html::HtmlExport;
pub use html::render_html;
pub(super) use html::{
    STYLE as HTML_STYLE, escape as html_escape, escape_linking as html_escape_linking,
};
pub(crate) use ics::IcsExport;
pub(crate) use json::JsonExport;
pub use json::render_json;
pub use markdown::render_markdown;
pub(crate) use portfolio::PortfolioExport;

/// Any export format, for the caller that picks one from the command line.
pub(crate) type Exporter = dyn for<'r> Renderer<ProgressReport<'r>>;

/// A document's heading (already in the format's markup), followed by whose
/// progress it is when the report names the learner; the name passes
/// through the format's own `escape`, as any text from the user does.
pub(super) fn heading_with_learner(
    report: &ProgressReport,
    heading: String,
    escape: fn(&str) -> String,
) -> String {
    match report.learner {
        Some(name) => tr(
            report.lang,
            Key::ExportHeadingLearner,
            &[("heading", &heading), ("name", &escape(name))],
        ),
        None => heading,
    }
}
