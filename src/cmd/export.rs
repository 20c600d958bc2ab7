//! `smm-path export`: progress as a document to share, on stdout or in a file.

use std::io::Write;

use super::output::{csv_for_file, write_output};
use crate::cli::{ExportArgs, ExportFormat};
use crate::cmd::Context;
use crate::error::Error;
use crate::progress::Change;
use crate::report::ProgressReport;
use crate::report::export::{
    Exporter, HtmlExport, IcsExport, JsonExport, PortfolioExport, render_csv, render_markdown,
};

pub(crate) fn run(ctx: &Context, args: &ExportArgs, out: &mut dyn Write) -> Result<(), Error> {
    refuse_misplaced_options(args)?;
    let state = ctx.store.load()?;
    // Only the JSON export carries the history: the others never read it.
    let history = match args.format {
        ExportFormat::Json => {
            let mut history = ctx.store.read_history()?;
            history.retain(|change| change.roadmap == ctx.roadmap.id);
            // What an undo left holds only in this home's history.
            history.iter_mut().for_each(Change::forget_undo_effect);
            history.sort_by(Change::order);
            history
        }
        _ => Vec::new(),
    };
    let learner = learner(ctx, args)?;
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang)
        .with_history(&history)
        .with_learner(learner.as_deref());
    let mut document = exporter(ctx, args, &state.device).render(&report);
    if args.format == ExportFormat::Csv {
        document = csv_for_file(document, args.output.as_deref());
    }
    write_output(
        ctx.lang,
        Some(&ctx.store),
        args.output.as_deref(),
        &document,
        out,
    )
}

/// Whose progress the export names: `--name`, else `config name`, none
/// with `--no-name`. Only the formats that show a name look it up (and
/// refuse a bad `--name`): a CSV row is a step's, and names no one.
fn learner(ctx: &Context, args: &ExportArgs) -> Result<Option<String>, Error> {
    if args.no_name || matches!(args.format, ExportFormat::Csv | ExportFormat::Ics) {
        return Ok(None);
    }
    ctx.learner_name(args.name.as_ref())
}

/// The renderer of the format asked for, with what it needs besides the report.
fn exporter(ctx: &Context, args: &ExportArgs, device: &str) -> Box<Exporter> {
    match args.format {
        ExportFormat::Markdown => Box::new(render_markdown),
        ExportFormat::Json => Box::new(JsonExport {
            exported_at: ctx.now(),
            device: device.to_string(),
        }),
        ExportFormat::Csv => Box::new(render_csv),
        ExportFormat::Html => Box::new(HtmlExport { now: ctx.now() }),
        ExportFormat::Portfolio => Box::new(PortfolioExport {
            progress_line: !args.no_progress,
        }),
        ExportFormat::Ics => Box::new(IcsExport { now: ctx.now() }),
    }
}

/// `--no-progress` hides the portfolio's progress line. The other formats
/// are the progress itself (a checklist, data, a chart): it is refused with
/// them rather than ignored, so that no one sends an employer a document
/// they believe has no percent in it.
fn refuse_misplaced_options(args: &ExportArgs) -> Result<(), Error> {
    let format = match args.format {
        ExportFormat::Portfolio => return Ok(()),
        ExportFormat::Markdown => "markdown",
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Html => "html",
        ExportFormat::Ics => "ics",
    };
    if args.no_progress {
        return Err(Error::OnlyForPortfolio {
            option: "--no-progress",
            format,
        });
    }
    Ok(())
}
