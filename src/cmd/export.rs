//! `smm-path export`: progress as a document to share, on stdout or in a file.

use std::io::Write;

use crate::atomic_file::{Durability, write_atomically};
use crate::cli::{ExportArgs, ExportFormat};
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, tr};
use crate::report::{
    ProgressReport, render_csv, render_html, render_json_export, render_markdown, render_portfolio,
};

pub(crate) fn run(ctx: &Context, args: &ExportArgs, out: &mut dyn Write) -> Result<(), Error> {
    let state = ctx.store.load()?;
    // Only the JSON export carries the history: the others never read it.
    let history = match args.format {
        ExportFormat::Json => {
            let mut history = ctx.store.read_history(&state)?;
            history.retain(|event| event.roadmap == ctx.roadmap.id);
            history
        }
        _ => Vec::new(),
    };
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang)
        .with_history(&history);
    let document = match args.format {
        ExportFormat::Markdown => render_markdown(&report),
        ExportFormat::Json => render_json_export(&report, ctx.now()),
        ExportFormat::Csv => render_csv(&report),
        ExportFormat::Html => render_html(&report, ctx.now()),
        ExportFormat::Portfolio => render_portfolio(&report),
    };
    match &args.output {
        None => write!(out, "{document}")?,
        Some(path) => {
            write_atomically(path, document.as_bytes(), Durability::Synced).map_err(|error| {
                Error::ExportWrite {
                    path: path.clone(),
                    reason: error.to_string(),
                }
            })?;
            writeln!(
                out,
                "{}",
                tr(ctx.lang, Key::Exported, &[("path", &path.display())])
            )?;
        }
    }
    Ok(())
}
