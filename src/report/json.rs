//! The report as JSON: `status --json`, and `export --format json`, which
//! adds the history and is described by `schema/export.schema.json`.
//!
//! Field names are part of smm-path's interface; add fields, never rename.

use serde::Serialize;

use super::ProgressReport;
use crate::progress::{Change, Note, Timestamp};

/// Names the export format, so a reader (or `import`) knows what it holds.
const EXPORT_FORMAT: &str = "smm-path-export";
/// Raised when the export's shape changes incompatibly.
/// Version 2 replaced `history` (events numbered per copy) with `changes`,
/// the history's own changes, which merge by identity. Version 3 names the
/// device of the home that wrote it (`device`), which tells a mentor's
/// `cohort` whose export it is.
pub const EXPORT_FORMAT_VERSION: u32 = 3;

#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format_version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<String>,
    /// The device id of the home that wrote the export; absent when the
    /// home has none yet (no change made or received).
    #[serde(skip_serializing_if = "Option::is_none")]
    device: Option<&'a str>,
    /// Who the progress is of, when a name was given (`config name`, `--name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    learner: Option<&'a str>,
    roadmap: JsonRoadmap<'a>,
    language: &'static str,
    summary: JsonSummary,
    next: Option<JsonStepRef<'a>>,
    steps: Vec<JsonStep<'a>>,
    /// The day the learner means to finish by (`plan --target`), if set.
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<String>,
    /// The roadmap's phases; absent when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    phases: Vec<JsonPhase<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<&'a [Change]>,
}

#[derive(Serialize)]
struct JsonPhase<'a> {
    id: &'a str,
    title: &'a str,
    done: usize,
    counted: usize,
    steps: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonRoadmap<'a> {
    id: &'a str,
    version: u32,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    done: usize,
    in_progress: usize,
    skipped: usize,
    todo: usize,
    total: usize,
    counted: usize,
    percent: usize,
}

#[derive(Serialize)]
struct JsonStepRef<'a> {
    number: usize,
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    number: usize,
    id: &'a str,
    title: &'a str,
    status: &'static str,
    started: Option<String>,
    finished: Option<String>,
    skip_reason: Option<&'a str>,
    notes: Vec<JsonNote<'a>>,
    /// The id of the step's phase; absent when the roadmap has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    phase: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonNote<'a> {
    at: String,
    text: &'a str,
}

impl<'a> From<&'a Note> for JsonNote<'a> {
    fn from(note: &'a Note) -> Self {
        JsonNote {
            at: note.at.to_rfc3339(),
            text: &note.text,
        }
    }
}

/// The report as pretty-printed JSON, ending with a newline: `status --json`.
pub fn render_json(report: &ProgressReport) -> String {
    to_text(&json_report(report))
}

/// The export: the report, the changes behind it, what the file is, and
/// the device of the home (`device`, empty when it has none) that wrote it.
pub fn render_json_export<'a>(
    report: &'a ProgressReport,
    exported_at: Timestamp,
    learner: Option<&'a str>,
    device: &'a str,
) -> String {
    let mut json = json_report(report);
    json.learner = learner;
    json.device = (!device.is_empty()).then_some(device);
    json.format = Some(EXPORT_FORMAT);
    json.format_version = Some(EXPORT_FORMAT_VERSION);
    json.exported_at = Some(exported_at.to_rfc3339());
    json.changes = Some(report.history);
    to_text(&json)
}

fn to_text(json: &JsonReport) -> String {
    // Serializing these plain structs cannot fail: no maps with non-string keys, no I/O.
    let mut text = serde_json::to_string_pretty(json).unwrap_or_default();
    text.push('\n');
    text
}

fn json_report<'a>(report: &'a ProgressReport) -> JsonReport<'a> {
    let summary = report.summary;
    JsonReport {
        format: None,
        format_version: None,
        exported_at: None,
        device: None,
        learner: None,
        roadmap: JsonRoadmap {
            id: report.roadmap_id,
            version: report.roadmap_version,
            title: report.title,
        },
        language: report.lang.code(),
        summary: JsonSummary {
            done: summary.done,
            in_progress: summary.in_progress,
            skipped: summary.skipped,
            todo: summary.todo,
            total: summary.total,
            counted: summary.counted,
            percent: summary.percent,
        },
        next: report.next_step().map(|step| JsonStepRef {
            number: step.number,
            id: step.id,
            title: step.title,
        }),
        steps: report
            .steps
            .iter()
            .map(|step| JsonStep {
                number: step.number,
                id: step.id,
                title: step.title,
                status: step.status.as_str(),
                started: step.started.map(|at| at.to_rfc3339()),
                finished: step.finished.map(|at| at.to_rfc3339()),
                skip_reason: step.skip_reason,
                notes: step.notes.iter().map(JsonNote::from).collect(),
                phase: report.phase_of(step).map(|phase| phase.id),
            })
            .collect(),
        target: report.target.map(|day| day.format("%Y-%m-%d").to_string()),
        phases: report
            .phases
            .iter()
            .map(|phase| JsonPhase {
                id: phase.id,
                title: phase.title,
                done: phase.done,
                counted: phase.counted,
                steps: phase
                    .steps
                    .iter()
                    .map(|&index| report.steps[index].id)
                    .collect(),
            })
            .collect(),
        changes: None,
    }
}
