//! `smm-path export`: progress as a document to share, on stdout or in a file.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::atomic_file::{Durability, write_atomically};
use crate::cli::{ExportArgs, ExportFormat};
use crate::cmd::Context;
use crate::control::quoted_path;
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
            let mut history = ctx.store.read_history()?;
            history.retain(|change| change.roadmap == ctx.roadmap.id);
            history.sort_by(|a, b| a.order(b));
            history
        }
        _ => Vec::new(),
    };
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang)
        .with_history(&history);
    let document = match args.format {
        ExportFormat::Markdown => render_markdown(&report),
        ExportFormat::Json => {
            let learner = ctx.learner_name(args.name.as_ref())?;
            render_json_export(&report, ctx.now(), learner.as_deref(), &state.device)
        }
        ExportFormat::Csv => render_csv(&report),
        ExportFormat::Html => render_html(&report, ctx.now()),
        ExportFormat::Portfolio => render_portfolio(&report),
    };
    write_output(ctx, args.output.as_deref(), &document, out)
}

/// Prints `document`, or writes it to `output` and says so (shared with `cohort`).
pub(super) fn write_output(
    ctx: &Context,
    output: Option<&Path>,
    document: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    match output {
        None => write!(out, "{document}").map_err(Error::Output)?,
        Some(path) => {
            write_document(ctx, path, document.as_bytes()).map_err(|error| Error::ExportWrite {
                path: path.to_path_buf(),
                source: error,
            })?;
            writeln!(
                out,
                "{}",
                tr(ctx.lang, Key::Exported, &[("path", &quoted_path(path))])
            )
            .map_err(Error::Output)?;
        }
    }
    Ok(())
}

/// Writes an export to `path`: a regular file is replaced atomically; a
/// device, a FIFO or a terminal (`/dev/stdout`, `>(cmd)`) is written
/// through, never replaced. smm-path's own progress files are refused.
fn write_document(ctx: &Context, path: &Path, document: &[u8]) -> io::Result<()> {
    let own = [
        ctx.store.path(),
        ctx.store.history_path(),
        ctx.store.backup_path(),
    ];
    let same = |a: &Path, b: &Path| match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if own.iter().any(|file| same(path, file)) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "that is one of smm-path's own progress files",
        ));
    }
    match fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => fs::OpenOptions::new()
            .write(true)
            .open(path)?
            .write_all(document),
        _ => write_atomically(path, document, Durability::Synced),
    }
}
