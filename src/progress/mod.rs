//! The learner's progress: what state each step is in, when, notes, and the history of changes.
//!
//! Progress is keyed by roadmap id and step id, never by position, so a
//! roadmap can be reordered or extended without touching anyone's record.
//! Steps still at their defaults (to do, no dates, no notes) are not stored.
//!
//! The current state ([`State`]) and the history ([`Event`]s) are kept
//! apart on disk: most commands need only the state, and the history grows
//! without bound, so reading it on every run would make smm-path slower the
//! longer it is used (see [`store`] for how the two stay consistent).

mod change;
mod merge;
mod selector;
mod store;
pub mod timestamp;

pub use change::{Action, Outcome, Reverted, undone_changes};
pub use merge::{Incoming, IncomingStep, MergeOutcome};
pub use selector::{SelectorError, StepSelector};
pub use store::{MAX_STATE_BYTES, ProgressStore, StoreError, parse_state};

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::roadmap::Roadmap;

/// A moment with the user's UTC offset, stored as RFC 3339.
pub type Timestamp = DateTime<FixedOffset>;

/// The version of the state file's format this build writes. It reads
/// every version up to this one:
///
/// 1. the first format;
/// 2. adds the closing `end: true` line, so a file cut short is detected.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything in the state file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// The format version: first in the file so any reader can check it.
    pub version: u32,
    /// How many bytes of the history file are committed. Bytes past this
    /// were appended by a write that never completed, and are ignored.
    #[serde(default)]
    pub history_length: u64,
    /// Progress per roadmap id.
    #[serde(default)]
    pub roadmaps: BTreeMap<String, RoadmapProgress>,
    /// Written last, always `true`. A file cut short, even exactly at a line
    /// break (still valid YAML, but missing entries), lacks it, and is
    /// refused instead of being accepted and then saved as the truth.
    #[serde(default)]
    pub end: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: SCHEMA_VERSION,
            history_length: 0,
            roadmaps: BTreeMap::new(),
            end: true,
        }
    }
}

/// Progress on one roadmap.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoadmapProgress {
    /// The roadmap's `version` when progress was last recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap_version: Option<u32>,
    /// How many steps the roadmap had then, for `roadmap list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_count: Option<usize>,
    /// The roadmap's step ids then, so a new version's added steps can be named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub known_steps: Vec<String>,
    /// The number of the last change recorded in the history.
    #[serde(default)]
    pub last_change: u64,
    /// The day the learner means to finish by (`smm-path plan --target`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<NaiveDate>,
    /// Per step id; steps never touched are absent.
    #[serde(default)]
    pub steps: BTreeMap<String, StepProgress>,
}

/// Where a step stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Todo,
    InProgress,
    Done,
    Skipped,
}

impl Status {
    /// The stable machine name, as written in the state file and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }
}

/// The record of one step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepProgress {
    #[serde(default)]
    pub status: Status,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "timestamp::optional"
    )]
    pub started: Option<Timestamp>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "timestamp::optional"
    )]
    pub finished: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

impl StepProgress {
    fn is_untouched(&self) -> bool {
        *self == StepProgress::default()
    }
}

/// A timestamped note: a thought, a link, evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    #[serde(with = "timestamp")]
    pub at: Timestamp,
    pub text: String,
}

/// One entry of the history. Every command that changes anything appends
/// one or more events sharing a `change` number; `undo` reverts a change as
/// a whole and appends events of its own that point back with `undoes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The roadmap whose progress changed.
    pub roadmap: String,
    /// Groups the events of one command; counts up per roadmap.
    pub change: u64,
    #[serde(with = "timestamp")]
    pub at: Timestamp,
    /// The command as typed, e.g. `done 1-3`.
    pub command: String,
    pub step: String,
    pub from: Status,
    pub to: Status,
    /// The step's dates and reason before the change, so undo restores them exactly.
    #[serde(default, skip_serializing_if = "Before::is_empty")]
    pub before: Before,
    /// Set when this event added a note: the note's timestamp.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "timestamp::optional"
    )]
    pub note: Option<Timestamp>,
    /// Set on events written by `undo`: the change they reverted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<u64>,
    /// Set on events copied in by `import` from another copy's history: a
    /// record of what happened there, which `undo` does not walk into.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub imported: bool,
}

impl Event {
    /// An event of `change`; `State::change_roadmap` stamps its roadmap.
    fn new(
        change: u64,
        at: Timestamp,
        command: &str,
        step: &str,
        from: Status,
        to: Status,
    ) -> Event {
        Event {
            roadmap: String::new(),
            change,
            at,
            command: command.to_string(),
            step: step.to_string(),
            from,
            to,
            before: Before::default(),
            note: None,
            undoes: None,
            imported: false,
        }
    }
}

/// What a status change overwrote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Before {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "timestamp::optional"
    )]
    pub started: Option<Timestamp>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "timestamp::optional"
    )]
    pub finished: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_reason: Option<String>,
}

impl Before {
    fn is_empty(&self) -> bool {
        *self == Before::default()
    }
}

/// Progress on a roadmap nobody has touched yet.
static NO_PROGRESS: RoadmapProgress = RoadmapProgress {
    roadmap_version: None,
    step_count: None,
    known_steps: Vec::new(),
    last_change: 0,
    target: None,
    steps: BTreeMap::new(),
};

impl State {
    /// Progress on `roadmap_id`, empty when there is none yet.
    pub fn roadmap(&self, roadmap_id: &str) -> &RoadmapProgress {
        self.roadmaps.get(roadmap_id).unwrap_or(&NO_PROGRESS)
    }

    /// Runs `change` on the progress of `roadmap`, which records what it
    /// does as events in `journal`. When it recorded something, the events
    /// are stamped with the roadmap, and its version and size are noted; when
    /// it did not, the state is left exactly as it was, so nothing needs saving.
    pub fn change_roadmap<R>(
        &mut self,
        roadmap: &Roadmap,
        journal: &mut Vec<Event>,
        change: impl FnOnce(&mut RoadmapProgress, &mut Vec<Event>) -> R,
    ) -> R {
        let roadmap_id: &str = &roadmap.id;
        let existed = self.roadmaps.contains_key(roadmap_id);
        let progress = self.roadmaps.entry(roadmap_id.to_string()).or_default();
        let first_new = journal.len();
        let result = change(progress, journal);
        if journal.len() > first_new {
            if progress.roadmap_version != Some(roadmap.version) || progress.known_steps.is_empty()
            {
                progress.known_steps = roadmap
                    .steps
                    .iter()
                    .map(|step| step.id.to_string())
                    .collect();
            }
            progress.roadmap_version = Some(roadmap.version);
            progress.step_count = Some(roadmap.steps.len());
            for event in &mut journal[first_new..] {
                event.roadmap = roadmap_id.to_string();
            }
        } else if !existed {
            self.roadmaps.remove(roadmap_id);
        }
        result
    }
}

impl RoadmapProgress {
    /// Recorded steps that `roadmap` no longer has. Their progress is kept
    /// (the step may come back, or the roadmap may be the wrong one), only
    /// reported.
    pub fn orphans<'a>(&'a self, roadmap: &Roadmap) -> Vec<&'a str> {
        let known: HashSet<&str> = roadmap.steps.iter().map(|step| step.id.as_ref()).collect();
        self.steps
            .keys()
            .map(String::as_str)
            .filter(|id| !known.contains(id))
            .collect()
    }

    /// Steps of `roadmap` that were not in it when progress was last
    /// recorded (empty when nothing was recorded yet).
    pub fn new_steps<'a>(&self, roadmap: &'a Roadmap) -> Vec<&'a str> {
        if self.known_steps.is_empty() {
            return Vec::new();
        }
        let known: HashSet<&str> = self.known_steps.iter().map(String::as_str).collect();
        roadmap
            .steps
            .iter()
            .map(|step| step.id.as_ref())
            .filter(|id| !known.contains(id))
            .collect()
    }

    /// The record of `step_id`, if it was ever touched.
    pub fn step(&self, step_id: &str) -> Option<&StepProgress> {
        self.steps.get(step_id)
    }

    /// The status of `step_id`.
    pub fn status(&self, step_id: &str) -> Status {
        self.steps
            .get(step_id)
            .map_or(Status::Todo, |step| step.status)
    }
}
