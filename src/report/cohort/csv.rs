//! The cohort report as CSV (RFC 4180): one row per learner, with stable
//! machine names rather than words, formula-safe as the CSV export.

use super::{CohortReport, Stuck};
use crate::report::export::csv_field as field;
use crate::report::stats::{Estimate, TargetCheck};

/// `cohort -f csv`: one row per learner.
pub(crate) fn render_cohort_csv(report: &CohortReport) -> String {
    let headers = [
        "name",
        "done",
        "counted",
        "percent",
        "current_step",
        "days_inactive",
        "pace_per_week",
        "estimated_finish",
        "target",
        "on_track",
        "stuck",
        "source",
        "current_action",
        "current_action_key",
    ];
    let mut out = headers.join(",");
    out.push_str("\r\n");
    for row in &report.learners {
        let estimate = match row.estimate {
            Estimate::On(day) => day.format("%Y-%m-%d").to_string(),
            _ => String::new(),
        };
        let on_track = match row.on_track {
            Some(TargetCheck::OnTrack { .. }) => "yes",
            Some(TargetCheck::Behind { .. }) => "no",
            _ => "",
        };
        let stuck = match row.stuck {
            Some(Stuck::OnStep) => "on_step",
            Some(Stuck::Inactive) => "inactive",
            None => "",
        };
        let action = row.current_action.as_ref();
        let cells = [
            field(&row.name),
            row.done.to_string(),
            row.counted.to_string(),
            row.percent.to_string(),
            row.current
                .as_ref()
                .map(|(number, _)| number.to_string())
                .unwrap_or_default(),
            row.days_inactive.map(|d| d.to_string()).unwrap_or_default(),
            format!("{:.2}", row.pace),
            estimate,
            row.target
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            on_track.to_string(),
            stuck.to_string(),
            field(&row.source.display().to_string()),
            action
                .map(|action| action.label.clone())
                .unwrap_or_default(),
            action.map(|action| field(&action.key)).unwrap_or_default(),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
