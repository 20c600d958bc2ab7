//! The roadmap: the ordered steps a learner follows, with their text in each language.
//!
//! A roadmap is read-only data. Progress on it lives elsewhere
//! ([`crate::progress`]) and refers to steps by their `id`, never by their
//! position, so a roadmap can be reordered without losing anyone's progress.

mod load;
mod model;
mod packed;
mod text;
mod validate;

pub(crate) use load::{RoadmapError, parse_roadmap_listing_all, read_roadmap_text};
pub use load::{load_builtin, load_file, parse_roadmap};
pub(crate) use model::{Phase, PracticalAction, Resource, ResourceKind, Step, VersionNote};
pub use model::{Roadmap, Text};
pub(crate) use validate::{Place, Problem};
pub(crate) use validate::{is_valid_id, is_valid_url};

/// A `reviewed` day as written (`YYYY-MM-DD`, checked by validation).
pub(crate) fn reviewed_day(value: Option<&str>) -> Option<chrono::NaiveDate> {
    value.and_then(|day| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
}

/// The size from which step lookups go through an index: below it a
/// search is as fast, and no index is made.
const INDEXED_FROM: usize = 64;

impl Roadmap {
    /// What the versions after `old`, up to this one, changed, oldest first.
    pub(crate) fn changes_since(&self, old: u32) -> impl Iterator<Item = &VersionNote> {
        let mut notes: Vec<&VersionNote> = self
            .changes
            .iter()
            .filter(|note| note.version > old && note.version <= self.version)
            .collect();
        notes.sort_by_key(|note| note.version);
        notes.into_iter()
    }

    /// The position (0-based) of the step with this id. A small roadmap is
    /// searched; a large one is indexed once (see [`model::StepIndex`]).
    pub fn position_of(&self, step_id: &str) -> Option<usize> {
        if self.steps.len() <= INDEXED_FROM {
            return self.steps.iter().position(|step| step.id == step_id);
        }
        self.step_index.position(&self.steps, step_id)
    }
}
