//! `smm-path export`: progress as a document to share, on stdout or in a file.

use std::io::Write;

use crate::atomic_file::{Durability, write_atomically};
use crate::cli::{ExportArgs, ExportFormat};
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, tr};
use crate::report::{ProgressReport, render_markdown};

pub(crate) fn run(ctx: &Context, args: &ExportArgs, out: &mut dyn Write) -> Result<(), Error> {
    let state = ctx.store.load()?;
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang);
    let document = match args.format {
        ExportFormat::Markdown => render_markdown(&report),
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
