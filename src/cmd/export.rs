//! `smm-path export`: progress as a document to share, on stdout or in a file.

use std::io::Write;

use super::output::write_output;
use crate::cli::{ExportArgs, ExportFormat};
use crate::cmd::Context;
use crate::error::Error;
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
