//! `smm-path cohort PATH...`: a mentor's report over many learners'
//! exports and sync folders, each learner counted once.

use std::io::Write;

use super::output::{csv_for_file, write_output};
use crate::cli::{CohortArgs, CohortFormat, CohortSort};
use crate::cmd::Context;
use crate::control::quoted_path;
use crate::error::Error;
use crate::report::cohort::{
    CohortReport, CohortTable, Renderer, SortBy, read_learners, render_cohort_csv,
    render_cohort_html, render_cohort_json,
};

pub(crate) fn run(ctx: &Context, args: &CohortArgs, out: &mut dyn Write) -> Result<(), Error> {
    let (learners, skipped) = read_learners(&args.paths, &ctx.roadmap, ctx.lang);
    if learners.is_empty() {
        for (path, reason) in &skipped {
            say!(out, "{}: {reason}", quoted_path(path))?;
        }
        return Err(Error::NoLearners);
    }
    let mut report = CohortReport::build(
        &ctx.roadmap,
        &learners,
        skipped,
        ctx.now().date_naive(),
        args.stuck_days,
        args.notes,
        ctx.lang,
    );
    report.sort(match args.sort {
        CohortSort::Progress => SortBy::Progress,
        CohortSort::Activity => SortBy::Activity,
        CohortSort::Name => SortBy::Name,
        CohortSort::Pace => SortBy::Pace,
    });
    let mut document = renderer(ctx, args.format).render(&report);
    if args.format == CohortFormat::Csv {
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

/// The renderer of the format asked for.
fn renderer(ctx: &Context, format: CohortFormat) -> Box<dyn Renderer<CohortReport>> {
    match format {
        CohortFormat::Table => Box::new(CohortTable {
            width: ctx.width,
            color: ctx.color,
        }),
        CohortFormat::Csv => Box::new(render_cohort_csv),
        CohortFormat::Json => Box::new(render_cohort_json),
        CohortFormat::Html => Box::new(render_cohort_html),
    }
}
