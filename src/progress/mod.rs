//! The learner's progress: what state each step is in, when, notes, and the history of changes.
//!
//! Progress is keyed by roadmap id and step id, never by position, so a
//! roadmap can be reordered or extended without touching anyone's record.
//! Steps still at their defaults (to do, no dates, no notes) are not stored.

mod change;
mod selector;
mod store;

pub use change::{Action, Outcome, Reverted};
pub use selector::{SelectorError, StepSelector};
pub use store::{ProgressStore, StoreError};

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// A moment with the user's UTC offset, stored as RFC 3339.
pub type Timestamp = DateTime<FixedOffset>;

/// The version of the state file's format this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything in the state file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// The format version: first in the file so any reader can check it.
    pub version: u32,
    /// Progress per roadmap id.
    #[serde(default)]
    pub roadmaps: BTreeMap<String, RoadmapProgress>,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: SCHEMA_VERSION,
            roadmaps: BTreeMap::new(),
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
    /// Per step id; steps never touched are absent.
    #[serde(default)]
    pub steps: BTreeMap<String, StepProgress>,
    /// Every change, oldest first. Entries are only ever appended.
    #[serde(default)]
    pub history: Vec<Event>,
}

/// Where a step stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub at: Timestamp,
    pub text: String,
}

/// One entry of the history. Every command that changes anything appends
/// one or more events sharing a `change` number; `undo` reverts a change as
/// a whole and appends events of its own that point back with `undoes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Groups the events of one command.
    pub change: u64,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Timestamp>,
    /// Set on events written by `undo`: the change they reverted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<u64>,
}

/// What a status change overwrote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Before {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    steps: BTreeMap::new(),
    history: Vec::new(),
};

impl State {
    /// Progress on `roadmap_id`, empty when there is none yet.
    pub fn roadmap(&self, roadmap_id: &str) -> &RoadmapProgress {
        self.roadmaps.get(roadmap_id).unwrap_or(&NO_PROGRESS)
    }

    /// Runs `change` on the progress of `roadmap_id`. When it recorded
    /// something, the roadmap's version is noted beside it; when it did not,
    /// the state is left exactly as it was, so nothing needs saving.
    pub fn change_roadmap<R>(
        &mut self,
        roadmap_id: &str,
        roadmap_version: u32,
        change: impl FnOnce(&mut RoadmapProgress) -> R,
    ) -> R {
        let existed = self.roadmaps.contains_key(roadmap_id);
        let progress = self.roadmaps.entry(roadmap_id.to_string()).or_default();
        let events_before = progress.history.len();
        let result = change(progress);
        if progress.history.len() != events_before {
            progress.roadmap_version = Some(roadmap_version);
        } else if !existed {
            self.roadmaps.remove(roadmap_id);
        }
        result
    }
}

impl RoadmapProgress {
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
