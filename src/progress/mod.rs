//! The learner's progress: what state each step is in, when, notes, and the changes behind it.
//!
//! Progress is keyed by roadmap id and step id, never by position, so a
//! roadmap can be reordered or extended without touching anyone's record.
//!
//! The history is the truth. Every command that changes anything records a
//! [`Change`]: a list of operations carrying everything needed to replay it
//! on its own, with a globally unique identity (this home's random device id
//! and a per-device sequence number). The [`State`] is a deterministic
//! function of the *set* of changes ([`replay`]): per step, the status
//! operation that is latest by (time, device, sequence) wins, notes are the
//! union, and an undo is a change that cancels another. So copies of the
//! progress on several devices merge by set union, in any order, and agree.
//! `progress.yaml` is a snapshot of that function over a prefix of the
//! history, kept so most commands need not replay everything (see [`store`]).

mod change;
pub(crate) mod config;
pub(crate) mod export_file;
mod history;
mod incoming;
mod legacy;
mod merge;
mod replay;
mod selector;
mod store;
pub(crate) mod sync;
pub(crate) mod timestamp;

/// The highest sequence number a device may reach: the largest integer a
/// JSON reader in JavaScript keeps exact. A file claiming more is refused,
/// so counting on from any accepted number can never overflow.
pub(crate) const MAX_SEQ: u64 = (1 << 53) - 1;

/// The longest note or skip reason, in bytes of UTF-8: far beyond a link
/// and a paragraph, and small enough that a home full of them still reads
/// back within the file limits. Every door checks it: the commands, `ui`,
/// `import` and `sync`.
pub(crate) const MAX_TEXT_BYTES: usize = 64 * 1024;

/// The `command` the history records for changes smm-path made itself
/// rather than a typed command; stored in English as data, and worded in
/// the user's language when shown (`report::command_words`).
pub(crate) const HAND_EDIT_COMMAND: &str = "edited by hand";
/// The same, for the changes made from a version 1 export's events.
pub(crate) const IMPORT_V1_COMMAND: &str = "import (export version 1)";

pub(crate) use change::MarkOutcome;
pub use change::{Action, MAX_CLOCK_LEAD, MarkKind};
pub(crate) use change::{NoteEdit, Outcome, Reverted, latest_undoable};
pub(crate) use history::{LineProblem, decode_lines};
pub use incoming::{Incoming, parse_incoming};
pub(crate) use legacy::{LegacyEvent, legacy_changes};
pub(crate) use merge::{
    MergeOutcome, Suspect, check_incoming, check_incoming_progress, check_text,
};
pub(crate) use replay::cancelled_changes;
pub use replay::replay;
pub(crate) use selector::SelectorError;
pub use selector::StepSelector;
pub(crate) use selector::{ItemRef, resolve_items};
pub(crate) use store::{MAX_HISTORY_BYTES, MAX_STATE_BYTES, Rebuilt, Synced};
pub use store::{ProgressStore, Reads, StoreError, parse_state};

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::roadmap::Roadmap;

/// A moment with the user's UTC offset, stored as RFC 3339.
pub type Timestamp = DateTime<FixedOffset>;

/// The version of the state file's format this build writes. It reads
/// every version up to this one:
///
/// 1. the first format;
/// 2. adds the closing `end: true` line, so a file cut short is detected;
/// 3. a snapshot of the change history: names the device, the part of the
///    history it includes and a checksum of its own text, and records which
///    change set each step;
/// 4. changes have random identities, which the operation keys name; the
///    snapshot records what identifies the home itself
///    (`home_identity`), so a copy of it notices it is one;
/// 5. a step records its ticked practical actions (`actions`) and the
///    resources the learner used (`resources`), and a note can be
///    `evidence: true`;
/// 6. a step records the day the learner means to finish it by (`due`);
/// 7. an undo in the history records what it left on the steps it touched
///    (its `effect`), so a large snapshot need not be rewritten after it.
pub const SCHEMA_VERSION: u32 = 7;

/// Everything in the state file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// The format version: first in the file so any reader can check it.
    pub version: u32,
    /// This home's device id: random, made once, part of every change's identity.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub device: String,
    /// The last sequence number this device gave a change.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seq: u64,
    /// What identifies the folder this home is in, which a copy of it does
    /// not carry along (see `store::home_identity`). A home that finds
    /// another value here was copied or restored, and becomes a new device.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub home_identity: String,
    /// The device this home was a copy of, until `sync` has said so.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub copied_from: String,
    /// The part of the history this snapshot includes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<HistoryMark>,
    /// Formats 1 and 2: how many bytes of the old history were committed
    /// (never written by format 3, but kept in the parse cache).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub history_length: u64,
    /// Progress per roadmap id.
    #[serde(default)]
    pub roadmaps: BTreeMap<String, RoadmapProgress>,
    /// A checksum of every byte of the file before this line, so a hand
    /// edit is noticed and recorded as a change instead of being overwritten.
    #[serde(default, skip_serializing)]
    pub sum: Option<String>,
    /// Written last, always `true`. A file cut short, even exactly at a line
    /// break (still valid YAML, but missing entries), lacks it, and is
    /// refused instead of being accepted and then saved as the truth.
    #[serde(default)]
    pub end: bool,
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

impl Default for State {
    fn default() -> Self {
        State {
            version: SCHEMA_VERSION,
            device: String::new(),
            seq: 0,
            home_identity: String::new(),
            copied_from: String::new(),
            history: None,
            history_length: 0,
            roadmaps: BTreeMap::new(),
            sum: None,
            end: true,
        }
    }
}

/// Where a snapshot stands in the history: after `changes` lines, `bytes`
/// bytes, the last of which carries the checksum `last`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryMark {
    pub changes: u64,
    pub bytes: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last: String,
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
    /// Formats 1 and 2 numbered changes; read, no longer written.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_change: u64,
    /// The latest change time seen: a new change is never stamped earlier,
    /// so a command always wins over what this device has already seen,
    /// even when another device's clock runs ahead.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "timestamp::optional"
    )]
    pub latest: Option<Timestamp>,
    /// The day the learner means to finish by (`smm-path plan --target`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<NaiveDate>,
    /// The operation that set `target`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_set: Option<OpKey>,
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
    /// The status operation that set the fields above (absent in formats 1 and 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<OpKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The practical actions ticked, by action key (format 5).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub actions: BTreeMap<String, Mark>,
    /// The resources the learner marked as used, by address (format 5).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub resources: BTreeMap<String, Mark>,
    /// The day the learner means to finish it by (`plan STEP --by`), with
    /// the operation that set it (format 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
}

/// A step's planned day, or that it was cleared, and the operation that
/// said so: a clear is kept, so that an older date arriving later from
/// another device does not bring it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Due {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub set: OpKey,
}

/// Whether an action is ticked (or a resource used), and the operation that
/// said so. An untick is kept, as `on: false`, so that an older tick
/// arriving later from another device does not bring it back: the latest
/// operation per action wins, as for a step's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// Ticked (used); written `marked`, as YAML 1.1 readers take a bare
    /// `on` for `true`.
    #[serde(rename = "marked")]
    pub on: bool,
    pub set: OpKey,
}

impl Mark {
    /// When it was last set.
    pub fn at(&self) -> Timestamp {
        self.set.at
    }
}

/// A timestamped note: a thought, a link, evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    #[serde(with = "timestamp")]
    pub at: Timestamp,
    pub text: String,
    /// The operation that added it (absent in formats 1 and 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OpKey>,
    /// Meant to be shown: the portfolio lists only these (format 5).
    #[serde(default, skip_serializing_if = "is_false")]
    pub evidence: bool,
}

impl Note {
    /// Whether `other` is this note: the same adding operation, or, for
    /// notes from before the history, the same day and words.
    pub fn is_same(&self, other: &Note) -> bool {
        match (&self.id, &other.id) {
            (Some(id), Some(other)) => id.names_same_op(other),
            (None, None) => (self.at, &self.text) == (other.at, &other.text),
            _ => false,
        }
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One command's record in the history: one line of `history.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "StoredChange")]
pub struct Change {
    /// The change's identity: random, so no two homes can mint the same
    /// one, even a home and its copy. Not written for a change made before
    /// changes carried one: its identity is derived from its content.
    #[serde(skip_serializing_if = "ChangeId::is_derived")]
    pub id: ChangeId,
    /// The device that made it.
    pub device: String,
    /// Counts up per device: an ordering aid, not an identity (a restored
    /// home counts again from an older number).
    pub seq: u64,
    #[serde(with = "timestamp")]
    pub at: Timestamp,
    /// The roadmap whose progress changed.
    pub roadmap: String,
    /// The command as typed, e.g. `done 1-3`.
    pub command: String,
    pub ops: Vec<Op>,
}

/// A change as read from a file: its identity may be missing (history
/// format 1), and one that is present must have the shape smm-path writes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredChange {
    #[serde(default)]
    id: Option<String>,
    device: String,
    seq: u64,
    #[serde(with = "timestamp")]
    at: Timestamp,
    roadmap: String,
    command: String,
    ops: Vec<Op>,
}

impl TryFrom<StoredChange> for Change {
    type Error = String;

    fn try_from(stored: StoredChange) -> Result<Change, String> {
        let mut change = Change {
            id: ChangeId::default(),
            device: stored.device,
            seq: stored.seq,
            at: stored.at,
            roadmap: stored.roadmap,
            command: stored.command,
            ops: stored.ops,
        };
        change.id = match stored.id {
            Some(text) => ChangeId::parse_random(&text)
                .ok_or_else(|| format!("`{text}` is not a change id (32 hexadecimal digits)"))?,
            None => ChangeId::derived_from(&change),
        };
        Ok(change)
    }
}

/// One thing a change did. Each carries all it needs to be replayed alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Op {
    /// A step's status and the fields that go with it, set as a whole.
    Status {
        step: String,
        /// What the device saw before: for the log only, not for replay.
        from: Status,
        to: Status,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "timestamp::optional"
        )]
        started: Option<Timestamp>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "timestamp::optional"
        )]
        finished: Option<Timestamp>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    Note {
        step: String,
        #[serde(with = "timestamp")]
        at: Timestamp,
        text: String,
        /// Meant to be shown to an employer (`note --evidence`).
        #[serde(default, skip_serializing_if = "is_false")]
        evidence: bool,
    },
    /// Ticks (`on`) or unticks one practical action of a step, by its key.
    Tick {
        step: String,
        action: String,
        #[serde(rename = "ticked")]
        on: bool,
    },
    /// Marks one resource of a step, by its address, as used or not.
    Used {
        step: String,
        url: String,
        #[serde(rename = "used")]
        on: bool,
    },
    /// Sets (or with no date clears) the day a step is planned for.
    Due {
        step: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
    },
    /// Removes a note (a hand edit that deleted it).
    DropNote { step: String, note: OpKey },
    /// The finish-by date, or none.
    Target {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
    },
    /// Cancels every operation of another change: the one with identity
    /// `change`, or, in an undo written before changes had identities, the
    /// one numbered `seq` by `device`.
    Undo {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        change: Option<ChangeId>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        device: String,
        #[serde(default, skip_serializing_if = "is_zero")]
        seq: u64,
        /// What it left, for a reader of the history it was written in.
        #[serde(default, skip_serializing_if = "RecordedEffect::is_none")]
        effect: RecordedEffect,
    },
}

/// An undo's [`UndoEffect`], if it records one. Not part of what the
/// change is: two copies of one undo are the same change whether or not
/// they record what it left (a copy read elsewhere has it left out).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordedEffect(pub Option<Box<UndoEffect>>);

impl RecordedEffect {
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }
}

impl PartialEq for RecordedEffect {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What an undo left on the steps the change it takes back touched (and on
/// the finish-by target, if that change set it), worked out when it was
/// made from every change bearing on them. Only the device's own history
/// trusts it, and only where the line before it is the one it was worked
/// out after (`after`, that line's checksum): there it equals what a
/// replay of everything gives, so the snapshot can take the undo in
/// without a replay. Anywhere else (another device, an import, a history
/// repaired or copied line by line) it is ignored and the undo replayed,
/// as before format 7.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UndoEffect {
    /// The checksum of the history line before the undo's (empty when it
    /// is the first).
    pub after: String,
    /// What each step was left with; `None` where no record is left.
    pub steps: BTreeMap<String, Option<StepEffect>>,
    /// The target after the undo, when the change taken back set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetEffect>,
}

/// What an undo left on one step: its record, and of its notes (which
/// can be many and long) only those that went or came back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepEffect {
    /// The step's record after the undo, without its notes.
    pub record: StepProgress,
    /// The notes it no longer has, by the operation that added each, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<OpKey>,
    /// The notes it has again, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restored: Vec<Note>,
}

/// The finish-by target an undo left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetEffect {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<OpKey>,
}

/// What an undo names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UndoTarget {
    Id(ChangeId),
    /// History format 1: a device's sequence number.
    Numbered {
        device: String,
        seq: u64,
    },
}

impl Change {
    /// The order key of its `index`th operation.
    pub fn key(&self, index: usize) -> OpKey {
        OpKey {
            at: self.at,
            device: self.device.clone(),
            seq: self.seq,
            change: self.id.clone(),
            index: u32::try_from(index).unwrap_or(u32::MAX),
        }
    }

    /// Whether it takes back another change.
    pub fn is_undo(&self) -> bool {
        self.ops.iter().any(|op| matches!(op, Op::Undo { .. }))
    }

    /// What it records it left, if it is an undo that does (see [`UndoEffect`]).
    pub fn undo_effect(&self) -> Option<&UndoEffect> {
        self.ops.iter().find_map(|op| match op {
            Op::Undo {
                effect: RecordedEffect(Some(effect)),
                ..
            } => Some(&**effect),
            _ => None,
        })
    }

    /// The same, to fill in the line it follows when it is written.
    pub(crate) fn undo_effect_mut(&mut self) -> Option<&mut UndoEffect> {
        self.ops.iter_mut().find_map(|op| match op {
            Op::Undo {
                effect: RecordedEffect(Some(effect)),
                ..
            } => Some(&mut **effect),
            _ => None,
        })
    }

    /// Leaves out what it records it left: for a change read or going
    /// anywhere but the history it was written in.
    pub(crate) fn forget_undo_effect(&mut self) {
        for op in &mut self.ops {
            if let Op::Undo { effect, .. } = op {
                effect.0 = None;
            }
        }
    }

    /// The change it takes back, if it is an undo.
    pub fn undoes(&self) -> Option<UndoTarget> {
        self.ops.iter().find_map(|op| match op {
            Op::Undo {
                change: Some(id), ..
            } => Some(UndoTarget::Id(id.clone())),
            Op::Undo { device, seq, .. } => Some(UndoTarget::Numbered {
                device: device.clone(),
                seq: *seq,
            }),
            _ => None,
        })
    }

    /// Whether `target` names this change.
    pub fn is_named_by(&self, target: &UndoTarget) -> bool {
        match target {
            UndoTarget::Id(id) => self.id == *id,
            // Numbers were only ever written for changes without an identity of their own.
            UndoTarget::Numbered { device, seq } => {
                self.id.is_derived() && self.device == *device && self.seq == *seq
            }
        }
    }

    /// The total order of changes: time, then device, sequence and identity.
    pub fn order(&self, other: &Change) -> Ordering {
        (self.at, &self.device, self.seq, &self.id).cmp(&(
            other.at,
            &other.device,
            other.seq,
            &other.id,
        ))
    }
}

/// A change's identity: 32 hexadecimal digits from the system's random
/// source; or, for a change written before changes carried one, `l` and a
/// 128-bit hash of its content, the same on every device that reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChangeId(String);

impl ChangeId {
    /// A new identity no other home will mint.
    pub fn random() -> ChangeId {
        let mut bytes = [0u8; 16];
        if getrandom::fill(&mut bytes).is_err() {
            // No system randomness: the time, the process and a counter still differ.
            static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let seed = format!(
                "{:?} {} {}",
                std::time::SystemTime::now(),
                std::process::id(),
                COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            );
            bytes = xxhash_rust::xxh3::xxh3_128(seed.as_bytes()).to_le_bytes();
        }
        ChangeId(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
    }

    /// The identity of a change written without one: a hash of its content.
    pub(super) fn derived_from(change: &Change) -> ChangeId {
        // Serializing a plain struct of strings and numbers cannot fail; an
        // empty identity is not written.
        let json = serde_json::to_vec(change).unwrap_or_default();
        ChangeId(format!("l{:032x}", xxhash_rust::xxh3::xxh3_128(&json)))
    }

    /// A random identity as written in a change, or `None`.
    pub fn parse_random(text: &str) -> Option<ChangeId> {
        (text.len() == 32
            && text
                .bytes()
                .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte)))
        .then(|| ChangeId(text.to_string()))
    }

    /// Either kind of identity, as an undo or an operation key names it.
    pub fn parse(text: &str) -> Option<ChangeId> {
        match text.strip_prefix('l') {
            Some(hash) => ChangeId::parse_random(hash).map(|_| ChangeId(text.to_string())),
            None => ChangeId::parse_random(text),
        }
    }

    /// Derived from the content (or unknown), not minted.
    pub fn is_derived(&self) -> bool {
        self.0.is_empty() || self.0.starts_with('l')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ChangeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ChangeId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ChangeId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ChangeId, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        ChangeId::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a change id")))
    }
}

/// Orders operations across devices: time, device, sequence, change,
/// position in the change. Written as one string,
/// `<time> <device> <seq> <index> <change>`; snapshot format 3 had no
/// `<change>`, which then matches any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpKey {
    pub at: Timestamp,
    pub device: String,
    pub seq: u64,
    pub change: ChangeId,
    pub index: u32,
}

impl Ord for OpKey {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.at, &self.device, self.seq, &self.change, self.index).cmp(&(
            other.at,
            &other.device,
            other.seq,
            &other.change,
            other.index,
        ))
    }
}

impl PartialOrd for OpKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for OpKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {}",
            timestamp::format(&self.at),
            self.device,
            self.seq,
            self.index
        )?;
        if !self.change.0.is_empty() {
            write!(f, " {}", self.change)?;
        }
        Ok(())
    }
}

impl OpKey {
    fn parse(text: &str) -> Option<OpKey> {
        let mut parts = text.split(' ');
        let mut key = OpKey {
            at: timestamp::parse(parts.next()?)?,
            device: parts.next()?.to_string(),
            seq: parts.next()?.parse().ok()?,
            change: ChangeId::default(),
            index: parts.next()?.parse().ok()?,
        };
        if let Some(change) = parts.next() {
            key.change = ChangeId::parse(change)?;
        }
        parts.next().is_none().then_some(key)
    }

    /// Whether this key names the same operation as `other`; a key without
    /// a change (snapshot format 3) matches on the rest.
    pub fn names_same_op(&self, other: &OpKey) -> bool {
        self.at == other.at
            && self.device == other.device
            && self.seq == other.seq
            && self.index == other.index
            && (self.change == other.change
                || self.change.0.is_empty()
                || other.change.0.is_empty())
    }
}

/// Written as its text for people (YAML, JSON), as a tuple of its parts
/// in the binary caches, where parsing a million of them cost a fifth of
/// reading a large snapshot.
impl Serialize for OpKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return serializer.collect_str(self);
        }
        let (seconds, nanoseconds, offset) = timestamp::to_binary(&self.at);
        (
            seconds,
            nanoseconds,
            offset,
            self.device.as_str(),
            self.seq,
            self.index,
            self.change.as_str(),
        )
            .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for OpKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OpKey, D::Error> {
        if !deserializer.is_human_readable() {
            let (seconds, nanoseconds, offset, device, seq, index, change) =
                <(i64, u32, i32, String, u64, u32, String)>::deserialize(deserializer)?;
            // What the text form could not hold either is refused.
            let at = timestamp::from_binary((seconds, nanoseconds, offset));
            let change = if change.is_empty() {
                Some(ChangeId::default())
            } else {
                ChangeId::parse(&change)
            };
            return match (at, change) {
                (Some(at), Some(change)) if !device.contains(' ') => Ok(OpKey {
                    at,
                    device,
                    seq,
                    change,
                    index,
                }),
                _ => Err(serde::de::Error::custom("not an operation key")),
            };
        }
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        OpKey::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not `<time> <device> <sequence> <index> <change>`"
            ))
        })
    }
}

/// Progress on a roadmap nobody has touched yet.
static NO_PROGRESS: RoadmapProgress = RoadmapProgress {
    roadmap_version: None,
    step_count: None,
    known_steps: Vec::new(),
    last_change: 0,
    latest: None,
    target: None,
    target_set: None,
    steps: BTreeMap::new(),
};

impl State {
    /// Progress on `roadmap_id`, empty when there is none yet.
    pub fn roadmap(&self, roadmap_id: &str) -> &RoadmapProgress {
        self.roadmaps.get(roadmap_id).unwrap_or(&NO_PROGRESS)
    }

    /// Runs `change` on the progress of `roadmap`, which records what it
    /// does as changes in `journal`. Each recorded change gets this
    /// device's identity and the roadmap's id, and the roadmap's version and
    /// size are noted; when nothing was recorded, the state is left exactly
    /// as it was, so nothing needs saving.
    pub fn change_roadmap<R>(
        &mut self,
        roadmap: &Roadmap,
        journal: &mut Vec<Change>,
        change: impl FnOnce(&mut RoadmapProgress, &mut Recorder) -> R,
    ) -> R {
        let roadmap_id: &str = &roadmap.id;
        let existed = self.roadmaps.contains_key(roadmap_id);
        let progress = self.roadmaps.entry(roadmap_id.to_string()).or_default();
        let mut recorder = Recorder {
            device: self.device.clone(),
            seq: self.seq,
            roadmap: roadmap_id.to_string(),
            changes: Vec::new(),
        };
        let result = change(progress, &mut recorder);
        if !recorder.changes.is_empty() {
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
            self.seq = recorder.seq;
            journal.extend(recorder.changes);
        } else if !existed {
            self.roadmaps.remove(roadmap_id);
        }
        result
    }
}

/// Hands out change identities while a command runs, and keeps what it records.
#[derive(Debug)]
pub struct Recorder {
    device: String,
    seq: u64,
    roadmap: String,
    changes: Vec<Change>,
}

impl Recorder {
    /// A recorder for tests and dry runs, as device `device` at sequence `seq`.
    pub fn new(device: &str, seq: u64, roadmap: &str) -> Recorder {
        Recorder {
            device: device.to_string(),
            seq,
            roadmap: roadmap.to_string(),
            changes: Vec::new(),
        }
    }

    /// The changes recorded so far.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Takes the recorded changes.
    pub fn into_changes(self) -> Vec<Change> {
        self.changes
    }

    /// A new change of this device; `record` keeps it.
    fn begin(&self, at: Timestamp, command: &str) -> Change {
        Change {
            id: ChangeId::random(),
            device: self.device.clone(),
            seq: self.seq + 1,
            at,
            roadmap: self.roadmap.clone(),
            command: command.to_string(),
            ops: Vec::new(),
        }
    }

    fn record(&mut self, change: Change) {
        if !change.ops.is_empty() {
            self.seq = change.seq;
            self.changes.push(change);
        }
    }
}

impl RoadmapProgress {
    /// Recorded steps that `roadmap` no longer has. Their progress is kept
    /// (the step may come back, or the roadmap may be the wrong one), only
    /// reported.
    pub fn orphans<'a>(&'a self, roadmap: &Roadmap) -> Vec<&'a str> {
        let known: HashSet<&str> = roadmap.steps.iter().map(|step| step.id.as_ref()).collect();
        self.steps
            .iter()
            .filter(|(id, step)| !known.contains(id.as_str()) && !step.is_blank())
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// Ticked actions, `(step, key)`, that `roadmap` no longer has, in
    /// steps it still has (a step it dropped is one of [`Self::orphans`]).
    /// Their ticks are kept, in case the action comes back.
    pub fn dropped_actions<'a>(&'a self, roadmap: &Roadmap) -> Vec<(&'a str, &'a str)> {
        roadmap
            .steps
            .iter()
            .filter_map(|step| Some((step, self.steps.get_key_value(step.id.as_ref())?)))
            .flat_map(|(step, (id, record))| {
                record
                    .ticked()
                    .filter(|key| !step.actions.iter().any(|action| &*action.key == *key))
                    .map(move |key| (id.as_str(), key))
            })
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

    /// What matters to the learner, without the bookkeeping of which
    /// operation set what: two copies that agree on this show the same.
    pub fn visible(&self) -> BTreeMap<&str, (Status, String)> {
        self.steps
            .iter()
            .filter(|(_, step)| !step.is_blank())
            .map(|(id, step)| {
                let notes: Vec<String> = step
                    .notes
                    .iter()
                    .map(|note| {
                        let shown = if note.evidence { " (evidence)" } else { "" };
                        format!("{} {}{shown}", timestamp::format(&note.at), note.text)
                    })
                    .collect();
                let detail = format!(
                    "{:?} {:?} {:?} {:?} {:?} {:?}",
                    step.started.map(|at| timestamp::format(&at)),
                    step.finished.map(|at| timestamp::format(&at)),
                    step.skip_reason,
                    notes,
                    step.ticked().collect::<Vec<_>>(),
                    step.used().collect::<Vec<_>>(),
                );
                (id.as_str(), (step.status, detail))
            })
            .collect()
    }
}

impl StepProgress {
    /// At its defaults: to do, no dates, no reason, no notes, nothing
    /// ticked or marked used.
    pub fn is_blank(&self) -> bool {
        self.status == Status::Todo
            && self.started.is_none()
            && self.finished.is_none()
            && self.skip_reason.is_none()
            && self.notes.is_empty()
            && self.ticked().next().is_none()
            && self.used().next().is_none()
            && self.due_date().is_none()
    }

    /// Whether it holds anything a replay must keep, even when blank: an
    /// operation that set its status, or an untick that outranks an older tick.
    pub(crate) fn holds_operations(&self) -> bool {
        self.set.is_some()
            || !self.actions.is_empty()
            || !self.resources.is_empty()
            || self.due.is_some()
    }

    /// The day the learner means to finish it by, if one is set.
    pub fn due_date(&self) -> Option<NaiveDate> {
        self.due.as_ref().and_then(|due| due.date)
    }

    /// The keys of the actions ticked.
    pub fn ticked(&self) -> impl Iterator<Item = &str> {
        on_keys(&self.actions)
    }

    /// Whether the action `key` is ticked.
    pub fn is_ticked(&self, key: &str) -> bool {
        self.actions.get(key).is_some_and(|mark| mark.on)
    }

    /// The addresses of the resources marked used.
    pub fn used(&self) -> impl Iterator<Item = &str> {
        on_keys(&self.resources)
    }

    /// Whether the resource at `url` is marked used.
    pub fn is_used(&self, url: &str) -> bool {
        self.resources.get(url).is_some_and(|mark| mark.on)
    }

    /// The operation keys it holds, for the latest time this device has seen.
    pub(crate) fn operation_keys(&self) -> impl Iterator<Item = &OpKey> {
        self.set
            .iter()
            .chain(self.notes.iter().filter_map(|note| note.id.as_ref()))
            .chain(self.actions.values().map(|mark| &mark.set))
            .chain(self.resources.values().map(|mark| &mark.set))
            .chain(self.due.iter().map(|due| &due.set))
    }
}

fn on_keys(marks: &BTreeMap<String, Mark>) -> impl Iterator<Item = &str> {
    marks
        .iter()
        .filter(|(_, mark)| mark.on)
        .map(|(key, _)| key.as_str())
}
