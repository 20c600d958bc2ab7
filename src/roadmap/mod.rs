//! The roadmap: the ordered steps a learner follows, with their text in each language.
//!
//! A roadmap is read-only data. Progress on it lives elsewhere
//! ([`crate::progress`]) and refers to steps by their `id`, never by their
//! position, so a roadmap can be reordered without losing anyone's progress.

mod load;
mod text;
mod validate;

pub use load::{BUILTIN_SOURCE, RoadmapError, load_builtin, load_file, parse_roadmap};
pub use text::Text;
pub use validate::{Place, Problem};

use serde::Deserialize;

/// A roadmap as written in its YAML file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    /// Stable identifier: progress is stored under it.
    pub id: String,
    /// Raised by the author when steps are added or removed.
    pub version: u32,
    /// The languages every text is expected to have, e.g. `[id, en]`.
    #[serde(default)]
    pub languages: Vec<String>,
    pub title: Text,
    #[serde(default)]
    pub introduction: Option<Text>,
    #[serde(default)]
    pub closing: Option<Text>,
    pub steps: Vec<Step>,
}

/// One step of a roadmap.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable identifier (kebab-case): progress is keyed by it.
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// Concrete things to do this week.
    #[serde(default)]
    pub actions: Vec<Text>,
    /// What shows the step is done.
    #[serde(default)]
    pub evidence: Option<Text>,
}

impl Roadmap {
    /// The position (0-based) of the step with this id.
    pub fn position_of(&self, step_id: &str) -> Option<usize> {
        self.steps.iter().position(|step| step.id == step_id)
    }
}
