//! What a progress report says, built once from a roadmap and its progress.
//!
//! Every output (the status table, Markdown, JSON) renders this same
//! view-model, so they cannot disagree on a count or a date. Renderers return
//! a `String` and know nothing of files or terminals; the export formats
//! (`export/`) and the cohort's (`cohort/`) share one trait, [`Renderer`].

mod calendar;
pub(crate) mod card;
pub(crate) mod changes;
pub(crate) mod cohort;
mod detail;
pub(crate) mod export;
pub(crate) mod stats;
mod summary;
mod table;
pub(crate) mod today;
pub(crate) mod wrap;

/// The counts behind `7/20 done (35%)`, written into the export as they are.
pub(crate) use crate::progress::export_file::Summary;
pub(crate) use calendar::render_calendar;
pub(crate) use changes::{ChangeWords, command_words};
pub(crate) use detail::{render_step_detail, resource_facts};
pub use export::{render_csv, render_html, render_json, render_markdown};
pub(crate) use summary::{progress_bar, render_short_line, render_summary_line};
pub(crate) use table::{TableOptions, render_status_table};

use chrono::NaiveDate;

use crate::i18n::{Key, Lang, format_date, word};
use crate::progress::{Change, Note, RoadmapProgress, Status, StepProgress, Timestamp};
use crate::roadmap::{Resource, Roadmap};

/// One format of a report: the whole document, from the report's
/// view-model, as a `String` that knows nothing of files or terminals.
/// Each format is in a file of its own (`export/`, `cohort/`): a function
/// of the report alone is a renderer as it is; a format that needs more
/// (a time, a width) is a type that holds it.
pub(crate) trait Renderer<Report: ?Sized> {
    fn render(&self, report: &Report) -> String;
}

impl<Report: ?Sized, F: Fn(&Report) -> String> Renderer<Report> for F {
    fn render(&self, report: &Report) -> String {
        self(report)
    }
}

/// A roadmap's progress, in one language, ready to render. It borrows from
/// the roadmap and the progress: a report of 100,000 steps copies no text.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressReport<'a> {
    pub roadmap_id: &'a str,
    pub roadmap_version: u32,
    pub lang: Lang,
    pub title: &'a str,
    pub steps: Vec<StepReport<'a>>,
    pub summary: Summary,
    /// Index into `steps` of the first step neither done nor skipped.
    pub next: Option<usize>,
    /// Recorded steps the roadmap no longer has (kept, not shown as rows).
    pub orphans: Vec<&'a str>,
    /// Ticked actions, `(step, key)`, of steps the roadmap still has but
    /// whose actions no longer include them (kept, only reported).
    pub dropped_actions: Vec<(&'a str, &'a str)>,
    /// This roadmap's history, oldest first; empty unless a format needs it.
    pub history: &'a [Change],
    /// The day the learner means to finish by, if set.
    pub target: Option<NaiveDate>,
    /// The roadmap's phases with their progress; empty when it has none.
    pub phases: Vec<PhaseReport<'a>>,
    /// Whose progress it is, for the exports that name the learner
    /// (`config name`, `export --name`); `None` for none or `--no-name`.
    pub learner: Option<&'a str>,
}

/// One phase's line in a report: its steps and how many are done.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseReport<'a> {
    /// The language of `title`.
    pub lang: Lang,
    pub id: &'a str,
    pub title: &'a str,
    /// Indices into the report's steps, in roadmap order.
    pub steps: Vec<usize>,
    pub done: usize,
    /// Steps that count toward completion: skipped ones leave the denominator.
    pub counted: usize,
}

/// One step's line in a report.
#[derive(Debug, Clone, PartialEq)]
pub struct StepReport<'a> {
    /// 1-based position in the roadmap.
    pub number: usize,
    pub id: &'a str,
    pub title: &'a str,
    pub status: Status,
    pub started: Option<Timestamp>,
    pub finished: Option<Timestamp>,
    /// The day a skipped step was set aside, when `skip --on` gave one.
    /// The store keeps it as the step's finish time; it is kept apart here
    /// so that nothing counts a skipped step as finished.
    pub skipped_on: Option<Timestamp>,
    pub skip_reason: Option<&'a str>,
    pub notes: &'a [Note],
    /// Index into the report's phases.
    pub phase: Option<usize>,
    /// Where to learn the step, from the roadmap.
    pub resources: &'a [Resource],
    /// When the step's content was last reviewed, `YYYY-MM-DD`, from the roadmap.
    pub reviewed: Option<&'a str>,
    /// The step's practical actions, in roadmap order, each with its tick.
    pub actions: Vec<ActionReport<'a>>,
    /// Whether the learner marked each of `resources` as used, in order.
    pub used: Vec<bool>,
    /// What the roadmap asks as evidence that the step is done.
    pub evidence: Option<&'a str>,
    /// The day the learner means to finish it by (`plan STEP --by`).
    pub due: Option<NaiveDate>,
}

/// One practical action of a step, and whether it is ticked.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionReport<'a> {
    pub key: &'a str,
    pub text: &'a str,
    /// When it was ticked; `None` while it is not.
    pub ticked: Option<Timestamp>,
}

impl<'a> StepReport<'a> {
    /// How many of its actions are ticked.
    pub fn actions_ticked(&self) -> usize {
        self.actions
            .iter()
            .filter(|action| action.ticked.is_some())
            .count()
    }

    /// `2/4`, when the step has actions.
    pub fn action_tally(&self) -> Option<String> {
        (!self.actions.is_empty())
            .then(|| format!("{}/{}", self.actions_ticked(), self.actions.len()))
    }

    /// The first action not ticked yet, with its 1-based number.
    pub fn next_action(&self) -> Option<(usize, &ActionReport<'a>)> {
        self.actions
            .iter()
            .enumerate()
            .find(|(_, action)| action.ticked.is_none())
            .map(|(index, action)| (index + 1, action))
    }

    /// The notes meant to be shown (`note --evidence`), oldest first.
    pub fn evidence_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|note| note.evidence)
    }

    /// The resources the learner marked as used.
    pub fn used_resources(&self) -> impl Iterator<Item = &Resource> {
        self.resources
            .iter()
            .zip(&self.used)
            .filter(|(_, used)| **used)
            .map(|(resource, _)| resource)
    }
}

impl StepReport<'_> {
    /// Planned for a day before `today`, and still open.
    pub fn is_late(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|due| due < today)
    }

    /// Neither done nor skipped: a step still ahead of the learner.
    pub fn is_open(&self) -> bool {
        !matches!(self.status, Status::Done | Status::Skipped)
    }

    /// The date that matters for the step's status: when it finished, or started.
    pub fn status_date(&self) -> Option<Timestamp> {
        match self.status {
            Status::Done => self.finished,
            Status::InProgress => self.started,
            Status::Skipped => self.skipped_on.or(self.started),
            Status::Todo => None,
        }
    }
}

/// Whole percent of `counted` steps that are `done`, rounded down, so that
/// 100% means every counted step is done. Every step skipped is not every
/// step done: when nothing counts, it is 0%.
pub(crate) fn percent_done(done: usize, counted: usize) -> usize {
    (done * 100).checked_div(counted).unwrap_or(0)
}

impl<'a> ProgressReport<'a> {
    /// The oldest and the newest day the steps' content was reviewed, when
    /// any step says: the one line a document about all steps gives.
    pub(crate) fn reviewed_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let days = self
            .steps
            .iter()
            .filter_map(|step| crate::roadmap::reviewed_day(step.reviewed));
        days.fold(None, |span, day| match span {
            None => Some((day, day)),
            Some((first, last)) => Some((first.min(day), last.max(day))),
        })
    }

    /// [`Self::reviewed_span`] as words: "Content reviewed: 1 Dec 2026",
    /// or the first and last day when they differ.
    pub(crate) fn reviewed_line(&self) -> Option<String> {
        let (first, last) = self.reviewed_span()?;
        let days = if first == last {
            format_date(self.lang, first)
        } else {
            format!(
                "{} – {}",
                format_date(self.lang, first),
                format_date(self.lang, last)
            )
        };
        Some(format!("{}: {days}", word(self.lang, Key::LabelReviewed)))
    }

    /// Builds the report of `progress` on `roadmap`, with text in `lang`.
    pub fn build(
        roadmap: &'a Roadmap,
        progress: &'a RoadmapProgress,
        lang: Lang,
    ) -> ProgressReport<'a> {
        let steps: Vec<StepReport<'a>> = roadmap
            .steps
            .iter()
            .enumerate()
            .map(|(index, step)| {
                let record = progress.step(&step.id);
                StepReport {
                    number: index + 1,
                    id: &step.id,
                    title: step.title.get(lang),
                    status: record.map_or(Status::Todo, |r| r.status),
                    started: record.and_then(|r| r.started),
                    finished: record
                        .filter(|r| r.status != Status::Skipped)
                        .and_then(|r| r.finished),
                    skipped_on: record
                        .filter(|r| r.status == Status::Skipped)
                        .and_then(|r| r.finished),
                    skip_reason: record.and_then(|r| r.skip_reason.as_deref()),
                    notes: record.map_or(&[], |r| r.notes.as_slice()),
                    phase: None,
                    resources: &step.resources,
                    reviewed: step.reviewed.as_deref(),
                    actions: step
                        .actions
                        .iter()
                        .map(|action| ActionReport {
                            key: &action.key,
                            text: action.text.get(lang),
                            ticked: record
                                .and_then(|r| r.actions.get(action.key.as_ref()))
                                .filter(|mark| mark.on)
                                .map(crate::progress::Mark::at),
                        })
                        .collect(),
                    used: step
                        .resources
                        .iter()
                        .map(|resource| record.is_some_and(|r| r.is_used(&resource.url)))
                        .collect(),
                    evidence: step.evidence.as_ref().map(|text| text.get(lang)),
                    due: record.and_then(StepProgress::due_date),
                }
            })
            .collect();
        let mut steps = steps;
        let phases = phase_reports(roadmap, &mut steps, lang);
        let count = |status: Status| steps.iter().filter(|s| s.status == status).count();
        let (done, skipped) = (count(Status::Done), count(Status::Skipped));
        let counted = steps.len() - skipped;
        let summary = Summary {
            done,
            in_progress: count(Status::InProgress),
            skipped,
            todo: count(Status::Todo),
            total: steps.len(),
            counted,
            percent: percent_done(done, counted),
        };
        let next = steps
            .iter()
            .position(|step| !matches!(step.status, Status::Done | Status::Skipped));
        ProgressReport {
            roadmap_id: &roadmap.id,
            roadmap_version: roadmap.version,
            lang,
            title: roadmap.title.get(lang),
            steps,
            summary,
            next,
            orphans: progress.orphans(roadmap),
            dropped_actions: progress.dropped_actions(roadmap),
            history: &[],
            target: progress.target,
            phases,
            learner: None,
        }
    }

    /// The phase that begins at step `index` (0-based): its heading goes
    /// before that step in the table and the HTML export.
    pub fn phase_starting_at(&self, index: usize) -> Option<&PhaseReport<'a>> {
        let step = self.steps.get(index)?;
        let before = index.checked_sub(1).and_then(|i| self.steps.get(i));
        if step.phase.is_none() || before.is_some_and(|before| before.phase == step.phase) {
            return None;
        }
        self.phase_of(step)
    }

    /// The phase of a step, if the roadmap has phases.
    pub fn phase_of(&self, step: &StepReport) -> Option<&PhaseReport<'a>> {
        step.phase.and_then(|index| self.phases.get(index))
    }

    /// The same report, with the roadmap's history for the formats that show it.
    pub fn with_history(mut self, history: &'a [Change]) -> ProgressReport<'a> {
        self.history = history;
        self
    }

    /// The same report, naming whose progress it is.
    pub fn with_learner(mut self, learner: Option<&'a str>) -> ProgressReport<'a> {
        self.learner = learner;
        self
    }

    /// What to say when no step is left to work on: done, or only skipped.
    pub fn end_key(&self) -> Key {
        if self.summary.done > 0 {
            Key::AllDone
        } else {
            Key::AllSkipped
        }
    }

    /// The step to work on next, if any is left.
    pub fn next_step(&self) -> Option<&StepReport<'a>> {
        self.next.and_then(|index| self.steps.get(index))
    }

    /// The action to tick next, with its label (`5.3`): the first unticked
    /// one of the first step in progress whose actions the learner has
    /// begun ticking, else of the next step.
    pub fn next_action(&self) -> Option<(String, &ActionReport<'a>)> {
        let in_progress = self
            .steps
            .iter()
            .filter(|step| step.status == Status::InProgress && step.actions_ticked() > 0);
        in_progress.chain(self.next_step()).find_map(|step| {
            let (number, action) = step.next_action()?;
            Some((format!("{}.{number}", step.number), action))
        })
    }
}

impl PhaseReport<'_> {
    /// `3/5 done`.
    pub fn progress(&self) -> String {
        crate::i18n::tr(
            self.lang,
            Key::PhaseProgress,
            &[("done", &self.done), ("counted", &self.counted)],
        )
    }
}

/// The roadmap's phases, in order, and each step's phase. A phase's steps
/// are listed in roadmap order whatever order the phase names them in.
fn phase_reports<'a>(
    roadmap: &'a Roadmap,
    steps: &mut [StepReport<'a>],
    lang: Lang,
) -> Vec<PhaseReport<'a>> {
    if roadmap.phases.is_empty() {
        return Vec::new();
    }
    let position: std::collections::HashMap<&str, usize> = steps
        .iter()
        .enumerate()
        .map(|(index, step)| (step.id, index))
        .collect();
    roadmap
        .phases
        .iter()
        .enumerate()
        .map(|(phase_index, phase)| {
            let mut members: Vec<usize> = phase
                .steps
                .iter()
                .filter_map(|id| position.get(id.as_ref()).copied())
                .collect();
            members.sort_unstable();
            members.dedup();
            for &member in &members {
                steps[member].phase = Some(phase_index);
            }
            let count = |status: Status| {
                members
                    .iter()
                    .filter(|&&member| steps[member].status == status)
                    .count()
            };
            PhaseReport {
                lang,
                id: &phase.id,
                title: phase.title.get(lang),
                done: count(Status::Done),
                counted: members.len() - count(Status::Skipped),
                steps: members,
            }
        })
        .collect()
}

/// A status in the user's language.
pub(crate) fn status_label(lang: Lang, status: Status) -> &'static str {
    let key = match status {
        Status::Todo => Key::StatusTodo,
        Status::InProgress => Key::StatusInProgress,
        Status::Done => Key::StatusDone,
        Status::Skipped => Key::StatusSkipped,
    };
    word(lang, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Action, Recorder};
    use crate::roadmap::load_builtin;

    #[test]
    fn skipped_steps_leave_the_denominator() {
        let roadmap = load_builtin();
        let mut progress = RoadmapProgress::default();
        let now = chrono::DateTime::parse_from_rfc3339("2026-05-01T10:00:00+07:00").unwrap();
        let ids: Vec<&str> = roadmap.steps.iter().map(|s| s.id.as_ref()).collect();
        let mut recorder = Recorder::new("device", 0, &roadmap.id);
        progress.apply(
            &Action::Done { on: None },
            &ids[..7],
            now,
            "done 1-7",
            &mut recorder,
        );
        progress.apply(
            &Action::Skip {
                reason: None,
                on: None,
            },
            &ids[7..9],
            now,
            "skip 8-9",
            &mut recorder,
        );
        let report = ProgressReport::build(&roadmap, &progress, Lang::En);
        assert_eq!(report.summary.done, 7);
        assert_eq!(report.summary.counted, 18);
        assert_eq!(report.summary.percent, 38);
        assert_eq!(report.next_step().map(|s| s.number), Some(10));
    }
}
