//! The report as JSON, for scripts: `status --json`.
//!
//! Field names are part of smm-path's interface; add fields, never rename.

use serde::Serialize;

use super::ProgressReport;
use crate::progress::Note;

#[derive(Serialize)]
struct JsonReport<'a> {
    roadmap: JsonRoadmap<'a>,
    language: &'static str,
    summary: JsonSummary,
    next: Option<JsonStepRef<'a>>,
    steps: Vec<JsonStep<'a>>,
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

/// The report as pretty-printed JSON, ending with a newline.
pub fn render_json(report: &ProgressReport) -> String {
    let summary = report.summary;
    let json = JsonReport {
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
            })
            .collect(),
    };
    // Serializing these plain structs cannot fail: no maps with non-string keys, no I/O.
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    text
}
