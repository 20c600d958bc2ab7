//! A mentor's view over many learners on one roadmap: each learner's
//! progress and pace, who is stuck, how many finished each step and how
//! long it took, and the group's activity. The learners are read from the
//! mentor's files by `sources.rs`, and told apart (one learner, many
//! files) by `learners.rs` and `identity.rs`; each format (`table.rs`, `csv.rs`, `json.rs`,
//! `html.rs`) renders this one [`CohortReport`] through [`Renderer`].

mod csv;
mod html;
mod identity;
mod json;
mod learners;
mod sources;
mod table;

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use super::percent_done;
use super::stats::{Estimate, TargetCheck, check_target, pace};
use crate::i18n::{Key, Lang, format_date, format_decimal, tr, word};
use crate::progress::{Status, Timestamp};
use crate::roadmap::Roadmap;

pub(crate) use super::Renderer;
pub(crate) use csv::render_cohort_csv;
pub(crate) use html::render_cohort_html;
pub(crate) use identity::{ChangePrint, SourceIdentity, group_sources};
pub(crate) use json::render_cohort_json;
pub(crate) use learners::read_learners;
pub(crate) use table::CohortTable;

/// One learner's progress, as read from an export or a sync folder.
#[derive(Debug, Clone)]
pub(crate) struct Learner {
    pub name: String,
    pub source: PathBuf,
    /// Per roadmap step, in roadmap order.
    pub steps: Vec<LearnerStep>,
    pub target: Option<NaiveDate>,
}

/// One step of one learner.
#[derive(Debug, Clone, Default)]
pub(crate) struct LearnerStep {
    pub status: Status,
    pub started: Option<Timestamp>,
    pub finished: Option<Timestamp>,
    /// Note times and texts.
    pub notes: Vec<(Timestamp, String)>,
    /// The keys of the practical actions ticked.
    pub ticked: BTreeSet<String>,
    /// When actions were ticked or unticked: activity, as notes are.
    pub tick_times: Vec<Timestamp>,
}

/// Why a learner counts as stuck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Stuck {
    /// In progress on the same step for more than the limit.
    OnStep,
    /// No activity for more than the limit.
    Inactive,
}

/// One learner's line.
#[derive(Debug, Clone)]
pub(crate) struct LearnerRow {
    pub name: String,
    pub source: PathBuf,
    pub done: usize,
    pub counted: usize,
    pub percent: usize,
    /// The step to work on next: number and title.
    pub current: Option<(usize, String)>,
    /// The action to tick next, as `status` would say it.
    pub current_action: Option<CurrentAction>,
    pub last_activity: Option<NaiveDate>,
    pub days_inactive: Option<i64>,
    /// Steps finished per week over the last four weeks.
    pub pace: f64,
    pub estimate: Estimate,
    pub target: Option<NaiveDate>,
    pub on_track: Option<TargetCheck>,
    pub stuck: Option<Stuck>,
    /// Notes, only when asked for: (step number, time, text).
    pub notes: Vec<(usize, Timestamp, String)>,
}

/// A learner's next action: the first unticked one of the first step in
/// progress that has one, else of the next step, as
/// `ProgressReport::next_action` picks it for the learner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CurrentAction {
    /// `5.3`: the step's number and the action's.
    pub label: String,
    pub key: String,
    pub text: String,
}

/// One step of the funnel: how many finished it, and the median days it
/// took; and how many learners ticked each of its actions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FunnelStep {
    pub number: usize,
    pub id: String,
    pub title: String,
    pub finished: usize,
    pub median_days: Option<f64>,
    /// The step's actions in roadmap order, each with the learners who ticked it.
    pub actions: Vec<(String, usize)>,
}

impl FunnelStep {
    /// `median 2.5 days`, or nothing when no one finished the step with both dates.
    pub(crate) fn median_text(&self, lang: Lang) -> String {
        self.median_days
            .map(|days| {
                tr(
                    lang,
                    Key::CohortMedianDays,
                    &[("days", &format_decimal(lang, days))],
                )
            })
            .unwrap_or_default()
    }

    /// `actions ticked: 3 2 2 0`, the learners who ticked each action in
    /// order, where it falls off within the step; nothing when no one
    /// ticked any (as in exports from before actions could be ticked).
    pub(crate) fn actions_text(&self, lang: Lang) -> Option<String> {
        if self.actions.iter().all(|(_, ticked)| *ticked == 0) {
            return None;
        }
        let counts: Vec<String> = self
            .actions
            .iter()
            .map(|(_, ticked)| ticked.to_string())
            .collect();
        Some(tr(
            lang,
            Key::CohortActionsTicked,
            &[("counts", &counts.join(" "))],
        ))
    }
}

/// The whole report.
#[derive(Debug, Clone)]
pub(crate) struct CohortReport {
    pub lang: Lang,
    pub roadmap_id: String,
    pub roadmap_title: String,
    pub today: NaiveDate,
    pub stuck_days: u32,
    pub learners: Vec<LearnerRow>,
    pub funnel: Vec<FunnelStep>,
    /// Changes per day over the whole group.
    pub activity: BTreeMap<NaiveDate, usize>,
    /// Files not read, and why.
    pub skipped: Vec<(PathBuf, String)>,
    /// Whether the learners' notes were asked for (`--notes`).
    pub with_notes: bool,
}

/// How the learners are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SortBy {
    Progress,
    Activity,
    Name,
    Pace,
}

impl CohortReport {
    /// Computes the report of `learners` on `roadmap` as of `today`.
    pub(crate) fn build(
        roadmap: &Roadmap,
        learners: &[Learner],
        skipped: Vec<(PathBuf, String)>,
        today: NaiveDate,
        stuck_days: u32,
        with_notes: bool,
        lang: Lang,
    ) -> CohortReport {
        let limit = i64::from(stuck_days);
        let mut activity: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        let rows = learners
            .iter()
            .map(|learner| {
                let mut active: BTreeSet<NaiveDate> = BTreeSet::new();
                let mut finished_days = Vec::new();
                let mut notes = Vec::new();
                for (index, step) in learner.steps.iter().enumerate() {
                    for at in step
                        .started
                        .iter()
                        .chain(&step.finished)
                        .chain(&step.tick_times)
                    {
                        active.insert(at.date_naive());
                    }
                    if let (Status::Done, Some(at)) = (step.status, step.finished) {
                        finished_days.push(at.date_naive());
                    }
                    for (at, text) in &step.notes {
                        active.insert(at.date_naive());
                        if with_notes {
                            notes.push((index + 1, *at, text.clone()));
                        }
                    }
                }
                for day in &active {
                    *activity.entry(*day).or_default() += 1;
                }
                let count =
                    |status: Status| learner.steps.iter().filter(|s| s.status == status).count();
                let done = count(Status::Done);
                let counted = learner.steps.len() - count(Status::Skipped);
                let percent = percent_done(done, counted);
                let current = learner
                    .steps
                    .iter()
                    .position(|step| !matches!(step.status, Status::Done | Status::Skipped))
                    .map(|index| (index + 1, roadmap.steps[index].title.get(lang).to_string()));
                let current_action = current_action(roadmap, learner, lang);
                let last_activity = active.iter().next_back().copied();
                let days_inactive = last_activity.map(|day| (today - day).num_days().max(0));
                let pace = pace(&finished_days, &active, today, counted - done.min(counted));
                let on_track = learner
                    .target
                    .map(|target| check_target(pace.estimate, target, today));
                // A learner ticking a step's actions is moving on it.
                let stuck_on_step = learner.steps.iter().any(|step| {
                    let latest = step.started.iter().chain(&step.tick_times).max();
                    step.status == Status::InProgress
                        && latest.is_some_and(|at| (today - at.date_naive()).num_days() > limit)
                });
                let finished_all = counted > 0 && done == counted;
                let stuck = if stuck_on_step {
                    Some(Stuck::OnStep)
                } else if !finished_all && days_inactive.is_none_or(|days| days > limit) {
                    Some(Stuck::Inactive)
                } else {
                    None
                };
                LearnerRow {
                    name: learner.name.clone(),
                    source: learner.source.clone(),
                    done,
                    counted,
                    percent,
                    current,
                    current_action,
                    last_activity,
                    days_inactive,
                    pace: pace.recent_per_week,
                    estimate: pace.estimate,
                    target: learner.target,
                    on_track,
                    stuck,
                    notes,
                }
            })
            .collect();
        let funnel = roadmap
            .steps
            .iter()
            .enumerate()
            .map(|(index, step)| {
                let mut days: Vec<f64> = Vec::new();
                let mut finished = 0;
                let mut actions: Vec<(String, usize)> = step
                    .actions
                    .iter()
                    .map(|action| (action.key.to_string(), 0))
                    .collect();
                for learner in learners {
                    let Some(record) = learner.steps.get(index) else {
                        continue;
                    };
                    for (key, ticked) in &mut actions {
                        *ticked += usize::from(record.ticked.contains(key.as_str()));
                    }
                    if record.status != Status::Done {
                        continue;
                    }
                    finished += 1;
                    if let (Some(start), Some(end)) = (record.started, record.finished) {
                        let seconds = (end - start).num_seconds().max(0);
                        days.push(seconds as f64 / 86_400.0);
                    }
                }
                FunnelStep {
                    number: index + 1,
                    id: step.id.to_string(),
                    title: step.title.get(lang).to_string(),
                    finished,
                    median_days: median(&mut days),
                    actions,
                }
            })
            .collect();
        CohortReport {
            lang,
            roadmap_id: roadmap.id.to_string(),
            roadmap_title: roadmap.title.get(lang).to_string(),
            today,
            stuck_days,
            learners: rows,
            funnel,
            activity,
            skipped,
            with_notes,
        }
    }

    /// Orders the learners; ties go by name.
    pub(crate) fn sort(&mut self, by: SortBy) {
        let by_name =
            |a: &LearnerRow, b: &LearnerRow| a.name.to_lowercase().cmp(&b.name.to_lowercase());
        self.learners.sort_by(|a, b| {
            let order = match by {
                SortBy::Progress => b.percent.cmp(&a.percent).then(b.done.cmp(&a.done)),
                SortBy::Activity => b
                    .days_inactive
                    .unwrap_or(i64::MAX)
                    .cmp(&a.days_inactive.unwrap_or(i64::MAX)),
                SortBy::Name => Ordering::Equal,
                SortBy::Pace => b.pace.partial_cmp(&a.pace).unwrap_or(Ordering::Equal),
            };
            order.then_with(|| by_name(a, b))
        });
    }

    pub(crate) fn stuck_count(&self) -> usize {
        self.learners
            .iter()
            .filter(|row| row.stuck.is_some())
            .count()
    }

    /// The most learners who finished any one step, at least 1: the
    /// length of the funnel's longest bar.
    pub(crate) fn most_finished(&self) -> usize {
        self.funnel
            .iter()
            .map(|step| step.finished)
            .max()
            .unwrap_or(0)
            .max(1)
    }

    /// `4 learners, 2 stuck (nothing for more than 14 days)`.
    pub(crate) fn summary_line(&self) -> String {
        tr(
            self.lang,
            Key::CohortSummary,
            &[
                ("learners", &self.learners.len()),
                ("stuck", &self.stuck_count()),
                ("days", &self.stuck_days),
            ],
        )
    }
}

/// The action `learner` ticks next, by the rule of `smm-path next`
/// (`ProgressReport::next_action`): the first unticked one of the first
/// step in progress whose actions the learner has begun ticking, else of
/// the first step neither done nor skipped.
fn current_action(roadmap: &Roadmap, learner: &Learner, lang: Lang) -> Option<CurrentAction> {
    let steps = roadmap.steps.iter().zip(&learner.steps).enumerate();
    let in_progress = steps.clone().filter(|(_, (_, record))| {
        record.status == Status::InProgress && !record.ticked.is_empty()
    });
    let next = steps
        .clone()
        .find(|(_, (_, record))| !matches!(record.status, Status::Done | Status::Skipped));
    in_progress.chain(next).find_map(|(index, (step, record))| {
        let (number, action) = step
            .actions
            .iter()
            .enumerate()
            .find(|(_, action)| !record.ticked.contains(action.key.as_ref()))?;
        Some(CurrentAction {
            label: format!("{}.{}", index + 1, number + 1),
            key: action.key.to_string(),
            text: action.text.get(lang).to_string(),
        })
    })
}

/// The median, `None` for no values.
pub(crate) fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[middle]
    } else {
        f64::midpoint(values[middle - 1], values[middle])
    })
}

/// The learners' columns, in order: the terminal table and the page show
/// the same ones ([`learner_cells`]).
pub(super) const COLUMNS: [Key; 9] = [
    Key::CohortName,
    Key::CohortProgress,
    Key::CohortCurrent,
    Key::CohortCurrentAction,
    Key::CohortInactive,
    Key::CohortPace,
    Key::CohortFinish,
    Key::CohortTarget,
    Key::CohortFlag,
];

/// A learner's cells under [`COLUMNS`], as plain text; `progress` is the
/// progress cell, which each format draws its own way. The current action
/// is named by its label and key (`5.2 caption-variations`): its text is a
/// paragraph, too long for a cell, and is in the JSON.
pub(super) fn learner_cells(lang: Lang, row: &LearnerRow, progress: String) -> [String; 9] {
    [
        row.name.clone(),
        progress,
        row.current
            .as_ref()
            .map(|(number, title)| format!("{number}. {title}"))
            .unwrap_or_default(),
        row.current_action
            .as_ref()
            .map(|action| format!("{} {}", action.label, action.key))
            .unwrap_or_default(),
        row.days_inactive
            .map(|days| days.to_string())
            .unwrap_or_default(),
        format_decimal(lang, row.pace),
        finish_text(lang, row),
        track_text(lang, row),
        stuck_text(lang, row).to_string(),
    ]
}

/// A learner's estimate and target in words, for the table and the page.
pub(crate) fn finish_text(lang: Lang, row: &LearnerRow) -> String {
    match row.estimate {
        Estimate::On(day) => format_date(lang, day),
        Estimate::Finished => word(lang, Key::CohortFinished).to_string(),
        Estimate::NotEnoughData | Estimate::BeyondHorizon => "—".to_string(),
    }
}

pub(crate) fn track_text(lang: Lang, row: &LearnerRow) -> String {
    match row.on_track {
        None => String::new(),
        Some(TargetCheck::OnTrack { .. }) => word(lang, Key::CohortOnTrack).to_string(),
        Some(TargetCheck::Behind { days_late }) => {
            tr(lang, Key::CohortBehind, &[("days", &days_late)])
        }
        Some(TargetCheck::Unknown) => "?".to_string(),
    }
}

pub(crate) fn stuck_text(lang: Lang, row: &LearnerRow) -> &'static str {
    match row.stuck {
        None => "",
        Some(Stuck::OnStep) => word(lang, Key::CohortStuckOnStep),
        Some(Stuck::Inactive) => word(lang, Key::CohortStuckInactive),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_even_and_no_values() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
