//! The formats `export` writes, one file each, all rendering the same
//! [`ProgressReport`] through the one [`Renderer`] trait, as hyperfine's
//! exporters do: `render_markdown` is one as it is, `HtmlExport` holds the
//! time its chart ends at. `cmd/export.rs` picks the format asked for: a new format
//! is a new file here, its name in `cli::ExportFormat` and one arm there.

use super::{ProgressReport, Renderer};

mod csv;
mod html;
mod json;
mod markdown;
mod portfolio;

pub(super) use csv::field as csv_field;
pub use csv::render_csv;
pub(crate) use html::HtmlExport;
pub use html::render_html;
pub(super) use html::{STYLE as HTML_STYLE, escape as html_escape};
pub(crate) use json::JsonExport;
pub use json::render_json;
pub use markdown::render_markdown;
pub(crate) use portfolio::PortfolioExport;

/// Any export format, for the caller that picks one from the command line.
pub(crate) type Exporter = dyn for<'r> Renderer<ProgressReport<'r>>;
