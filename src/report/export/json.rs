//! The report as JSON: `status --json`, and `export --format json`, which
//! adds the history and is described by `schema/export.schema.json`. The
//! document's shape is the export file's, in `progress::export_file`.

use crate::progress::export_file::{
    DocumentAction, DocumentNote, DocumentPhase, DocumentResource, DocumentRoadmap, DocumentStep,
    DocumentStepRef, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, ExportDocument,
};
use crate::progress::{Note, Timestamp};
use crate::report::{ProgressReport, Renderer};

impl<'a> From<&'a Note> for DocumentNote<'a> {
    fn from(note: &'a Note) -> Self {
        DocumentNote {
            at: note.at.to_rfc3339(),
            text: &note.text,
            evidence: note.evidence,
        }
    }
}

/// The report as pretty-printed JSON, ending with a newline: `status --json`.
pub fn render_json(report: &ProgressReport) -> String {
    to_text(&json_report(report))
}

/// `export -f json`: the report, the changes behind it (the report's
/// history), what the file is, and whose it is (the report's learner).
pub(crate) struct JsonExport {
    pub exported_at: Timestamp,
    /// The device of the home that wrote it; empty when it has none.
    pub device: String,
}

impl Renderer<ProgressReport<'_>> for JsonExport {
    fn render(&self, report: &ProgressReport) -> String {
        let mut json = json_report(report);
        json.learner = report.learner;
        json.device = (!self.device.is_empty()).then_some(self.device.as_str());
        json.format = Some(EXPORT_FORMAT);
        json.format_version = Some(EXPORT_FORMAT_VERSION);
        json.exported_at = Some(self.exported_at.to_rfc3339());
        json.changes = Some(report.history);
        to_text(&json)
    }
}

fn to_text(json: &ExportDocument) -> String {
    // Serializing these plain structs cannot fail: no maps with non-string keys, no I/O.
    let mut text = serde_json::to_string_pretty(json).unwrap_or_default();
    text.push('\n');
    text
}

fn json_report<'a>(report: &'a ProgressReport) -> ExportDocument<'a> {
    ExportDocument {
        format: None,
        format_version: None,
        exported_at: None,
        device: None,
        learner: None,
        roadmap: DocumentRoadmap {
            id: report.roadmap_id,
            version: report.roadmap_version,
            title: report.title,
        },
        language: report.lang.code(),
        summary: report.summary,
        next: report.next_step().map(|step| DocumentStepRef {
            number: step.number,
            id: step.id,
            title: step.title,
        }),
        steps: report
            .steps
            .iter()
            .map(|step| DocumentStep {
                number: step.number,
                id: step.id,
                title: step.title,
                status: step.status.as_str(),
                started: step.started.map(|at| at.to_rfc3339()),
                finished: step.finished.map(|at| at.to_rfc3339()),
                skip_reason: step.skip_reason,
                notes: step.notes.iter().map(DocumentNote::from).collect(),
                phase: report.phase_of(step).map(|phase| phase.id),
                reviewed: step.reviewed,
                due: step.due.map(|date| date.format("%Y-%m-%d").to_string()),
                actions: step
                    .actions
                    .iter()
                    .enumerate()
                    .map(|(index, action)| DocumentAction {
                        number: index + 1,
                        key: action.key,
                        text: action.text,
                        ticked: action.ticked.is_some(),
                        ticked_at: action.ticked.map(|at| at.to_rfc3339()),
                    })
                    .collect(),
                actions_ticked: step.actions_ticked(),
                actions_total: step.actions.len(),
                resources: step
                    .resources
                    .iter()
                    .zip(&step.used)
                    .map(|(resource, used)| DocumentResource {
                        title: resource.title.get(report.lang),
                        url: &resource.url,
                        used: *used,
                    })
                    .collect(),
            })
            .collect(),
        target: report.target.map(|day| day.format("%Y-%m-%d").to_string()),
        phases: report
            .phases
            .iter()
            .map(|phase| DocumentPhase {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::progress::export_file::{ExportFile, HeaderProblem};
    use crate::progress::{Change, RoadmapProgress};
    use crate::roadmap::load_builtin;

    #[test]
    fn the_export_written_is_the_export_read_back() {
        let roadmap = load_builtin();
        let progress = RoadmapProgress::default();
        let report = ProgressReport::build(&roadmap, &progress, Lang::En).with_learner(Some("Ayu"));
        let now = chrono::DateTime::parse_from_rfc3339("2026-05-01T10:00:00+07:00").unwrap();
        let export = JsonExport {
            exported_at: now,
            device: "device-1".to_string(),
        };
        let text = export.render(&report);
        let export: ExportFile<Vec<Change>> = serde_json::from_str(&text).unwrap();
        assert_eq!(export.check_header(&roadmap.id), Ok(()));
        assert_eq!(export.device.as_deref(), Some("device-1"));
        assert_eq!(export.learner.as_deref(), Some("Ayu"));
        assert_eq!(export.exported_at, Some(now));
        assert_eq!(export.steps.len(), roadmap.steps.len());
        assert_eq!(
            export.check_header("another"),
            Err(HeaderProblem::OtherRoadmap {
                id: roadmap.id.to_string()
            })
        );
    }
}
