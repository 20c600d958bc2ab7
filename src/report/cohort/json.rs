//! The cohort report as JSON, described by `schema/cohort.schema.json`.
//!
//! Field names are part of smm-path's interface; add fields, never rename.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{CohortReport, Stuck};
use crate::report::stats::{Estimate, TargetCheck};

#[derive(Serialize)]
struct JsonCohort<'a> {
    format: &'static str,
    format_version: u32,
    roadmap: &'a str,
    generated_on: String,
    stuck_days: u32,
    summary: JsonSummary,
    learners: Vec<JsonLearner<'a>>,
    funnel: Vec<JsonFunnel<'a>>,
    activity: BTreeMap<String, usize>,
    skipped: Vec<JsonSkipped>,
}

#[derive(Serialize)]
struct JsonSummary {
    learners: usize,
    stuck: usize,
}

#[derive(Serialize)]
struct JsonLearner<'a> {
    name: &'a str,
    source: String,
    done: usize,
    counted: usize,
    percent: usize,
    current_step: Option<usize>,
    current_action: Option<JsonAction<'a>>,
    last_activity: Option<String>,
    days_inactive: Option<i64>,
    pace_per_week: f64,
    estimated_finish: Option<String>,
    target: Option<String>,
    on_track: Option<bool>,
    stuck: Option<Stuck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<Vec<JsonNote<'a>>>,
}

/// The action a learner ticks next.
#[derive(Serialize)]
struct JsonAction<'a> {
    label: &'a str,
    key: &'a str,
    text: &'a str,
}

/// How many learners ticked one action of a funnel step.
#[derive(Serialize)]
struct JsonFunnelAction<'a> {
    key: &'a str,
    ticked: usize,
}

#[derive(Serialize)]
struct JsonNote<'a> {
    step: usize,
    at: String,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonFunnel<'a> {
    number: usize,
    id: &'a str,
    finished: usize,
    median_days: Option<f64>,
    actions: Vec<JsonFunnelAction<'a>>,
}

#[derive(Serialize)]
struct JsonSkipped {
    path: String,
    reason: String,
}

/// `cohort -f json`, with the notes when they were asked for.
pub(crate) fn render_cohort_json(report: &CohortReport) -> String {
    let date = |day: NaiveDate| day.format("%Y-%m-%d").to_string();
    let json = JsonCohort {
        format: "smm-path-cohort",
        format_version: 1,
        roadmap: &report.roadmap_id,
        generated_on: date(report.today),
        stuck_days: report.stuck_days,
        summary: JsonSummary {
            learners: report.learners.len(),
            stuck: report.stuck_count(),
        },
        learners: report
            .learners
            .iter()
            .map(|row| JsonLearner {
                name: &row.name,
                source: row.source.display().to_string(),
                done: row.done,
                counted: row.counted,
                percent: row.percent,
                current_step: row.current.as_ref().map(|(number, _)| *number),
                current_action: row.current_action.as_ref().map(|action| JsonAction {
                    label: &action.label,
                    key: &action.key,
                    text: &action.text,
                }),
                last_activity: row.last_activity.map(date),
                days_inactive: row.days_inactive,
                pace_per_week: (row.pace * 100.0).round() / 100.0,
                estimated_finish: match row.estimate {
                    Estimate::On(day) => Some(date(day)),
                    _ => None,
                },
                target: row.target.map(date),
                on_track: match row.on_track {
                    Some(TargetCheck::OnTrack { .. }) => Some(true),
                    Some(TargetCheck::Behind { .. }) => Some(false),
                    _ => None,
                },
                stuck: row.stuck,
                notes: report.with_notes.then(|| {
                    row.notes
                        .iter()
                        .map(|(step, at, text)| JsonNote {
                            step: *step,
                            at: at.to_rfc3339(),
                            text,
                        })
                        .collect()
                }),
            })
            .collect(),
        funnel: report
            .funnel
            .iter()
            .map(|step| JsonFunnel {
                number: step.number,
                id: &step.id,
                finished: step.finished,
                median_days: step.median_days.map(|days| (days * 100.0).round() / 100.0),
                actions: step
                    .actions
                    .iter()
                    .map(|(key, ticked)| JsonFunnelAction {
                        key,
                        ticked: *ticked,
                    })
                    .collect(),
            })
            .collect(),
        activity: report
            .activity
            .iter()
            .map(|(day, count)| (date(*day), *count))
            .collect(),
        skipped: report
            .skipped
            .iter()
            .map(|(path, reason)| JsonSkipped {
                path: path.display().to_string(),
                reason: reason.clone(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    text
}
