//! A mentor's view over many learners on one roadmap: each learner's
//! progress and pace, who is stuck, how many finished each step and how
//! long it took, and the group's activity; and which of the files read are
//! one learner ([`group_sources`]). Pure: the learners come in as data,
//! read by `cmd/cohort.rs`; the renderers here and in `cohort_html.rs`
//! print what this computes.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};
use serde::Serialize;

use super::stats::{Estimate, TargetCheck, check_target, pace};
use crate::i18n::{Key, Lang, format_date, tr, word};
use crate::progress::{Status, Timestamp};
use crate::roadmap::Roadmap;

/// One learner's progress, as read from an export or a sync folder.
#[derive(Debug, Clone)]
pub struct Learner {
    pub name: String,
    pub source: PathBuf,
    /// Per roadmap step, in roadmap order.
    pub steps: Vec<LearnerStep>,
    pub target: Option<NaiveDate>,
}

/// One step of one learner.
#[derive(Debug, Clone, Default)]
pub struct LearnerStep {
    pub status: Status,
    pub started: Option<Timestamp>,
    pub finished: Option<Timestamp>,
    /// Note times and texts.
    pub notes: Vec<(Timestamp, String)>,
}

/// Why a learner counts as stuck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stuck {
    /// In progress on the same step for more than the limit.
    OnStep,
    /// No activity for more than the limit.
    Inactive,
}

/// One learner's line.
#[derive(Debug, Clone)]
pub struct LearnerRow {
    pub name: String,
    pub source: PathBuf,
    pub done: usize,
    pub counted: usize,
    pub percent: usize,
    /// The step to work on next: number and title.
    pub current: Option<(usize, String)>,
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

/// One step of the funnel: how many finished it, and the median days it took.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelStep {
    pub number: usize,
    pub id: String,
    pub title: String,
    pub finished: usize,
    pub median_days: Option<f64>,
}

impl FunnelStep {
    /// `median 2.5 days`, or nothing when no one finished the step with both dates.
    pub fn median_text(&self, lang: Lang) -> String {
        self.median_days
            .map(|days| {
                tr(
                    lang,
                    Key::CohortMedianDays,
                    &[("days", &format!("{days:.1}"))],
                )
            })
            .unwrap_or_default()
    }
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct CohortReport {
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
}

/// How the learners are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Progress,
    Activity,
    Name,
    Pace,
}

impl CohortReport {
    /// Computes the report of `learners` on `roadmap` as of `today`.
    pub fn build(
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
                    for at in step.started.iter().chain(&step.finished) {
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
                let percent = super::percent_done(done, counted);
                let current = learner
                    .steps
                    .iter()
                    .position(|step| !matches!(step.status, Status::Done | Status::Skipped))
                    .map(|index| (index + 1, roadmap.steps[index].title.get(lang).to_string()));
                let last_activity = active.iter().next_back().copied();
                let days_inactive = last_activity.map(|day| (today - day).num_days().max(0));
                let pace = pace(&finished_days, &active, today, counted - done.min(counted));
                let on_track = learner
                    .target
                    .map(|target| check_target(pace.estimate, target, today));
                let stuck_on_step = learner.steps.iter().any(|step| {
                    step.status == Status::InProgress
                        && step
                            .started
                            .is_some_and(|at| (today - at.date_naive()).num_days() > limit)
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
                for learner in learners {
                    let Some(record) = learner.steps.get(index) else {
                        continue;
                    };
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
        }
    }

    /// Orders the learners; ties go by name.
    pub fn sort(&mut self, by: SortBy) {
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

    pub fn stuck_count(&self) -> usize {
        self.learners
            .iter()
            .filter(|row| row.stuck.is_some())
            .count()
    }
}

/// The median, `None` for no values.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    })
}

/// A learner's estimate and target in words, for the table and CSV.
pub fn finish_text(lang: Lang, row: &LearnerRow) -> String {
    match row.estimate {
        Estimate::On(day) => format_date(lang, day),
        Estimate::Finished => word(lang, Key::CohortFinished).to_string(),
        Estimate::NotEnoughData | Estimate::BeyondHorizon => "—".to_string(),
    }
}

pub fn track_text(lang: Lang, row: &LearnerRow) -> String {
    match row.on_track {
        None => String::new(),
        Some(TargetCheck::OnTrack { .. }) => word(lang, Key::CohortOnTrack).to_string(),
        Some(TargetCheck::Behind { days_late }) => {
            tr(lang, Key::CohortBehind, &[("days", &days_late)])
        }
        Some(TargetCheck::Unknown) => "?".to_string(),
    }
}

pub fn stuck_text(lang: Lang, row: &LearnerRow) -> &'static str {
    match row.stuck {
        None => "",
        Some(Stuck::OnStep) => word(lang, Key::CohortStuckOnStep),
        Some(Stuck::Inactive) => word(lang, Key::CohortStuckInactive),
    }
}

/// A small bar, 10 cells: `███░░░░░░░`.
fn bar(percent: usize) -> String {
    let filled = percent.min(100) / 10;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// The report as text for a terminal: summary, learners, funnel, activity.
pub fn render_cohort_text(report: &CohortReport, width: Option<u16>, color: bool) -> String {
    let lang = report.lang;
    let mut out = String::new();
    // Writing to a String cannot fail; `.ok()` only discards the impossible error.
    writeln!(
        out,
        "{}\n{}\n",
        report.roadmap_title,
        tr(
            lang,
            Key::CohortSummary,
            &[
                ("learners", &report.learners.len()),
                ("stuck", &report.stuck_count()),
                ("days", &report.stuck_days),
            ],
        )
    )
    .ok();
    let mut table = Table::new();
    table
        .load_style(TableStyle::new().header_separator(LineStyle::none().fill('─')))
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty();
    if let Some(width) = width {
        table.set_width(width);
    }
    table.set_header(
        [
            Key::CohortName,
            Key::CohortProgress,
            Key::CohortCurrent,
            Key::CohortInactive,
            Key::CohortPace,
            Key::CohortFinish,
            Key::CohortTarget,
            Key::CohortFlag,
        ]
        .map(|key| word(lang, key)),
    );
    for row in &report.learners {
        table.add_row(vec![
            row.name.clone(),
            format!(
                "{}/{} {} {}%",
                row.done,
                row.counted,
                bar(row.percent),
                row.percent
            ),
            row.current
                .as_ref()
                .map(|(number, title)| format!("{number}. {title}"))
                .unwrap_or_default(),
            row.days_inactive
                .map(|days| days.to_string())
                .unwrap_or_default(),
            format!("{:.1}", row.pace),
            finish_text(lang, row),
            track_text(lang, row),
            stuck_text(lang, row).to_string(),
        ]);
    }
    let lines: Vec<String> = table
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect();
    writeln!(out, "{}\n", lines.join("\n")).ok();

    writeln!(out, "{}", word(lang, Key::CohortFunnelTitle)).ok();
    let most = report
        .funnel
        .iter()
        .map(|step| step.finished)
        .max()
        .unwrap_or(0)
        .max(1);
    for step in &report.funnel {
        let cells = step.finished * 20 / most;
        let median = step.median_text(lang);
        writeln!(
            out,
            "{:>3}. {:<32} {:<20} {:>4}  {median}",
            step.number,
            step.title.chars().take(32).collect::<String>(),
            "█".repeat(cells),
            step.finished
        )
        .ok();
    }
    writeln!(out, "\n{}", word(lang, Key::CalendarTitle)).ok();
    writeln!(
        out,
        "{}",
        super::render_calendar(&report.activity, report.today, lang, color)
    )
    .ok();
    if !report.skipped.is_empty() {
        writeln!(out, "\n{}", word(lang, Key::CohortSkippedTitle)).ok();
        for (path, reason) in &report.skipped {
            writeln!(out, "  {}: {reason}", crate::control::quoted_path(path)).ok();
        }
    }
    out
}

/// One row per learner, RFC 4180, formula-safe as the CSV export.
pub fn render_cohort_csv(report: &CohortReport) -> String {
    use super::export::csv_field as field;
    let lang = report.lang;
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
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    let _ = lang;
    out
}

/// One change as it bears on whose it is, hashed, so that the histories of
/// a cohort of thousands stay small in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChangePrint {
    /// The device that made it.
    pub device: u64,
    pub seq: u64,
    /// Its own random identity, 0 for a change that carries none.
    pub id: u64,
    /// What it says and does, without the identity.
    pub content: u64,
}

impl ChangePrint {
    /// What tells this change from every other: its own identity, or,
    /// for a change written before changes carried one, its device and
    /// sequence number.
    pub fn identity(&self) -> (u64, u64) {
        if self.id != 0 {
            (self.id, u64::MAX)
        } else {
            (self.device, self.seq)
        }
    }

    /// Whether two changes in one slot (device, sequence) are one change:
    /// by identity when both carry one, else by content.
    fn same_change(&self, other: &ChangePrint) -> bool {
        if self.id != 0 && other.id != 0 {
            self.id == other.id
        } else {
            self.content == other.content
        }
    }
}

/// What one export or sync folder says about whose it is.
#[derive(Debug, Clone, Default)]
pub struct SourceIdentity {
    /// The devices whose homes wrote it: an export's `device`, a sync
    /// folder's device files. Empty for an export that names none (format 2).
    pub own_devices: Vec<u64>,
    /// Its changes, sorted, without duplicates.
    pub changes: Vec<ChangePrint>,
}

/// Per source, the variant it holds of each forked slot: (fork, variant),
/// sorted by fork.
type Signature = Vec<(u32, u32)>;

/// Whether two signatures hold different changes in one slot.
fn conflicting(a: &[(u32, u32)], b: &[(u32, u32)]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal if a[i].1 != b[j].1 => return true,
            Ordering::Equal => (i, j) = (i + 1, j + 1),
        }
    }
    false
}

fn merged(a: &[(u32, u32)], b: &[(u32, u32)]) -> Signature {
    let mut all: Signature = a.iter().chain(b).copied().collect();
    all.sort_unstable();
    all.dedup_by_key(|(fork, _)| *fork);
    all
}

/// Which sources are one learner, each group in source order, the groups
/// in the order of their first source. See the README's cohort section.
///
/// Two sources **conflict** when they hold different changes in one slot
/// (device, sequence number): two homes that grew apart from one copied
/// home (a bootcamp's starter), which are never one learner. A change held
/// by sources that conflict with each other is **ambiguous**: it came from
/// before the copies parted, so it tells no learner from another.
///
/// Two sources are **linked** when they share an unambiguous change made
/// by one's own device: the other has it from that home (two exports of one
/// home, or a device's export and the device that synced from it). A source
/// that names no device of its own (a format 2 export) is linked, as
/// before, to one whose changes come from exactly the same devices. Linked
/// sources join, and so do their groups, unless the groups would conflict.
pub fn group_sources(sources: &[SourceIdentity]) -> Vec<Vec<usize>> {
    let mut all: Vec<(ChangePrint, usize)> = sources
        .iter()
        .enumerate()
        .flat_map(|(index, source)| source.changes.iter().map(move |change| (*change, index)))
        .collect();
    all.sort_unstable_by_key(|(change, index)| (change.device, change.seq, *index));
    // Each entry's variant within its slot; the forked slots' signatures.
    let mut variant = vec![0u32; all.len()];
    let mut signatures: Vec<Signature> = vec![Vec::new(); sources.len()];
    let mut slots = Vec::new();
    let mut start = 0;
    while start < all.len() {
        let slot = (all[start].0.device, all[start].0.seq);
        let end = start
            + all[start..]
                .iter()
                .take_while(|(change, _)| (change.device, change.seq) == slot)
                .count();
        let mut kinds: Vec<ChangePrint> = Vec::new();
        for entry in start..end {
            let change = &all[entry].0;
            variant[entry] = match kinds.iter().position(|kind| kind.same_change(change)) {
                Some(known) => known as u32,
                None => {
                    kinds.push(*change);
                    (kinds.len() - 1) as u32
                }
            };
        }
        if kinds.len() > 1 {
            let fork = slots.len() as u32;
            for entry in start..end {
                signatures[all[entry].1].push((fork, variant[entry]));
            }
        }
        slots.push(start..end);
        start = end;
    }
    for signature in &mut signatures {
        // Sorted by fork already; a source holding two variants keeps one.
        signature.dedup_by_key(|(fork, _)| *fork);
    }

    let mut groups = Groups::new(&signatures);
    for slot in slots {
        let device = all[slot.start].0.device;
        let mut holders: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for entry in slot {
            holders
                .entry(variant[entry])
                .or_default()
                .push(all[entry].1);
        }
        for holders in holders.values_mut() {
            holders.dedup();
            if holders.len() < 2 {
                continue;
            }
            let mut seen = Signature::new();
            let ambiguous = holders.iter().any(|&holder| {
                let clash = conflicting(&seen, &signatures[holder]);
                seen = merged(&seen, &signatures[holder]);
                clash
            });
            if ambiguous {
                continue;
            }
            for &owner in holders.iter() {
                if sources[owner].own_devices.contains(&device) {
                    for &other in holders.iter() {
                        groups.join(owner, other);
                    }
                }
            }
        }
    }
    // Format 2 exports: the devices their changes came from, as before.
    let mut by_devices: HashMap<Vec<u64>, Vec<usize>> = HashMap::new();
    for (index, source) in sources.iter().enumerate() {
        let mut devices: Vec<u64> = source.changes.iter().map(|change| change.device).collect();
        devices.dedup();
        if !devices.is_empty() {
            by_devices.entry(devices).or_default().push(index);
        }
    }
    let mut alike: Vec<Vec<usize>> = by_devices.into_values().collect();
    alike.sort_unstable();
    for members in alike {
        for &nameless in members
            .iter()
            .filter(|&&index| sources[index].own_devices.is_empty())
        {
            for &other in &members {
                groups.join(nameless, other);
            }
        }
    }
    groups.into_groups()
}

/// Union-find over sources that refuses to join conflicting groups.
struct Groups {
    parent: Vec<usize>,
    /// Per group (at its root), the variants its sources hold.
    signature: Vec<Signature>,
}

impl Groups {
    fn new(signatures: &[Signature]) -> Groups {
        Groups {
            parent: (0..signatures.len()).collect(),
            signature: signatures.to_vec(),
        }
    }

    fn root(&mut self, mut index: usize) -> usize {
        while self.parent[index] != index {
            self.parent[index] = self.parent[self.parent[index]];
            index = self.parent[index];
        }
        index
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a == b || conflicting(&self.signature[a], &self.signature[b]) {
            return;
        }
        let (root, child) = (a.min(b), a.max(b));
        self.signature[root] = merged(&self.signature[root], &self.signature[child]);
        self.signature[child] = Signature::new();
        self.parent[child] = root;
    }

    fn into_groups(mut self) -> Vec<Vec<usize>> {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for index in 0..self.parent.len() {
            let root = self.root(index);
            groups.entry(root).or_default().push(index);
        }
        groups.into_values().collect()
    }
}

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
}

#[derive(Serialize)]
struct JsonSkipped {
    path: String,
    reason: String,
}

/// The report as JSON, described by `schema/cohort.schema.json`.
pub fn render_cohort_json(report: &CohortReport, with_notes: bool) -> String {
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
                notes: with_notes.then(|| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_even_and_no_values() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }

    fn change(device: u64, seq: u64, content: u64) -> ChangePrint {
        ChangePrint {
            device,
            seq,
            id: 0,
            content,
        }
    }

    fn source(own: &[u64], changes: &[ChangePrint]) -> SourceIdentity {
        let mut changes = changes.to_vec();
        changes.sort_unstable();
        SourceIdentity {
            own_devices: own.to_vec(),
            changes,
        }
    }

    #[test]
    fn copies_of_one_home_that_grew_apart_stay_apart() {
        // Device 1 is the starter's, copied three times; each copy went on as device 1.
        let starter = change(1, 1, 10);
        let sources = [
            source(&[1], &[starter, change(1, 2, 20)]),
            source(&[1], &[starter, change(1, 2, 30)]),
            source(&[1], &[starter, change(1, 2, 40), change(1, 3, 41)]),
            // The first learner's older export, from after the copy.
            source(&[1], &[starter, change(1, 2, 20)]),
            // A copy with nothing of its own tells no learner from another.
            source(&[1], &[starter]),
        ];
        assert_eq!(
            group_sources(&sources),
            vec![vec![0, 3], vec![1], vec![2], vec![4]]
        );
    }

    #[test]
    fn devices_that_synced_join_and_a_starter_device_joins_no_one() {
        let starter = change(9, 1, 90);
        let sources = [
            // A laptop (device 1) before its first sync, the phone (2) after.
            source(&[1], &[starter, change(1, 1, 10)]),
            source(&[2], &[starter, change(1, 1, 10), change(2, 1, 20)]),
            // Another learner from the same starter (9, which never exports).
            source(&[3], &[starter, change(3, 1, 30)]),
            // Changes with identities: one slot, two changes of equal content.
            source(
                &[4],
                &[ChangePrint {
                    id: 7,
                    ..change(4, 1, 40)
                }],
            ),
            source(
                &[4],
                &[ChangePrint {
                    id: 8,
                    ..change(4, 1, 40)
                }],
            ),
        ];
        assert_eq!(
            group_sources(&sources),
            vec![vec![0, 1], vec![2], vec![3], vec![4]]
        );
    }

    #[test]
    fn exports_naming_no_device_join_by_their_devices() {
        let sources = [
            source(&[], &[change(1, 1, 10)]),
            source(&[], &[change(2, 1, 20)]),
            source(&[], &[change(1, 1, 10), change(1, 2, 11)]),
            // Same devices, but another history: never one learner.
            source(&[], &[change(1, 1, 12)]),
        ];
        assert_eq!(group_sources(&sources), vec![vec![0, 2], vec![1], vec![3]]);
    }
}
