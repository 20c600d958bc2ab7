//! The export file (`export -f json`, described by `schema/export.schema.json`):
//! its name and version, the document smm-path writes, and the fields
//! `import` and a mentor's `cohort` read back, in one place, so that the
//! writer and its two readers cannot drift apart.
//!
//! It lives with the progress rather than the report because `import`
//! (`incoming.rs`) reads it, and the progress never depends on the report.
//! Field names are part of smm-path's interface: add fields, never rename.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};

use super::{Change, LegacyEvent, Status, Timestamp, timestamp};

/// Names the export format, so a reader (or `import`) knows what it holds.
pub(crate) const EXPORT_FORMAT: &str = "smm-path-export";

/// Raised when the export's shape changes incompatibly.
/// Version 2 replaced `history` (events numbered per copy) with `changes`,
/// the history's own changes, which merge by identity. Version 3 names the
/// device of the home that wrote it (`device`), which tells a mentor's
/// `cohort` whose export it is. Version 4 carries the day each step's
/// content was last reviewed (`steps[].reviewed`). Version 5 carries each
/// step's practical actions and whether each is ticked (`steps[].actions`,
/// `actions_ticked`, `actions_total`), its resources and whether each was
/// used (`steps[].resources`), and which notes are evidence
/// (`notes[].evidence`); `import` reads the changes, as from version 2, so
/// it reads versions 1 to 4 as before. Version 6 carries the day each step
/// is planned for (`steps[].due`) and its `due` changes.
pub(crate) const EXPORT_FORMAT_VERSION: u32 = 6;

/// The document as written: the export, or without its header and its
/// changes, `status --json`. It borrows what it shows from the report.
#[derive(Serialize)]
pub(crate) struct ExportDocument<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format_version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// The device id of the home that wrote the export; absent when the
    /// home has none yet (no change made or received).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<&'a str>,
    /// Who the progress is of, when a name was given (`config name`, `--name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learner: Option<&'a str>,
    pub roadmap: DocumentRoadmap<'a>,
    pub language: &'static str,
    pub summary: Summary,
    pub next: Option<DocumentStepRef<'a>>,
    pub steps: Vec<DocumentStep<'a>>,
    /// The day the learner means to finish by (`plan --target`), if set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The roadmap's phases; absent when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<DocumentPhase<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<&'a [Change]>,
}

#[derive(Serialize)]
pub(crate) struct DocumentPhase<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub done: usize,
    pub counted: usize,
    pub steps: Vec<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct DocumentRoadmap<'a> {
    pub id: &'a str,
    pub version: u32,
    pub title: &'a str,
}

/// The counts behind `7/20 done (35%)`: the report's summary, which the
/// document holds as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub done: usize,
    pub in_progress: usize,
    pub skipped: usize,
    pub todo: usize,
    /// Steps in the roadmap.
    pub total: usize,
    /// Steps that count toward completion: skipped steps leave the denominator.
    pub counted: usize,
    /// Whole percent of counted steps done, rounded down (100 only when all are done).
    pub percent: usize,
}

#[derive(Serialize)]
pub(crate) struct DocumentStepRef<'a> {
    pub number: usize,
    pub id: &'a str,
    pub title: &'a str,
}

#[derive(Serialize)]
pub(crate) struct DocumentStep<'a> {
    pub number: usize,
    pub id: &'a str,
    pub title: &'a str,
    pub status: &'static str,
    pub started: Option<String>,
    pub finished: Option<String>,
    pub skip_reason: Option<&'a str>,
    pub notes: Vec<DocumentNote<'a>>,
    /// The id of the step's phase; absent when the roadmap has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<&'a str>,
    /// When the step's content was last reviewed, `YYYY-MM-DD`; absent
    /// when the roadmap does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<&'a str>,
    /// The day the learner planned to finish it by, `YYYY-MM-DD` (format 6).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The step's practical actions in roadmap order (format 5).
    pub actions: Vec<DocumentAction<'a>>,
    /// How many of `actions` are ticked, and how many there are: the `2/4`
    /// a reader would otherwise count.
    pub actions_ticked: usize,
    pub actions_total: usize,
    /// Where to learn the step, each with whether the learner used it
    /// (format 5). The whole list rather than the used addresses alone, so
    /// a reader sees what was left unused without the roadmap at hand.
    pub resources: Vec<DocumentResource<'a>>,
}

#[derive(Serialize)]
pub(crate) struct DocumentNote<'a> {
    pub at: String,
    pub text: &'a str,
    /// Added with `note --evidence`: meant to be shown (format 5).
    pub evidence: bool,
}

/// One practical action of a step, as the export writes it.
#[derive(Serialize)]
pub(crate) struct DocumentAction<'a> {
    /// 1-based, as `check 5.2` numbers it.
    pub number: usize,
    /// Stable across roadmap versions, as `check 5.KEY` names it.
    pub key: &'a str,
    pub text: &'a str,
    pub ticked: bool,
    /// When it was ticked; `null` while it is not.
    pub ticked_at: Option<String>,
}

/// One resource of a step, as the export writes it.
#[derive(Serialize)]
pub(crate) struct DocumentResource<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub used: bool,
}

/// An export as read back: what `import` and `cohort` use of it, each
/// field as [`ExportDocument`] writes it (an absent `Option` is `None`).
/// `Changes` is how the changes are read: whole for `import`, or as
/// `cohort`'s small fingerprints; `History`, version 1's events, whole for
/// `import` and skipped by `cohort`. The fields only one reader uses are
/// read [`if_well_formed`], so neither refuses a file for a field it
/// does not read.
#[derive(Deserialize)]
pub(crate) struct ExportFile<Changes, History = Vec<LegacyEvent>> {
    pub format: String,
    pub format_version: u32,
    /// The device of the home that wrote it (format 3 on).
    #[serde(default, deserialize_with = "if_well_formed")]
    pub device: Option<String>,
    #[serde(default, deserialize_with = "if_well_formed")]
    pub learner: Option<String>,
    pub roadmap: ExportRoadmap,
    #[serde(default)]
    pub steps: Vec<ExportStep>,
    #[serde(default, deserialize_with = "if_well_formed")]
    pub target: Option<String>,
    /// Version 1: events numbered per copy.
    #[serde(default)]
    pub history: History,
    /// Version 2 on: the history's changes.
    #[serde(default)]
    pub changes: Changes,
    #[serde(default, deserialize_with = "time_if_well_formed")]
    pub exported_at: Option<Timestamp>,
}

/// An export read by `cohort`: its changes as fingerprints, version 1's
/// history skipped.
pub(crate) type SkimmedExport<Changes> = ExportFile<Changes, IgnoredAny>;

/// A field taken when it is of its type and left absent when it is not.
fn if_well_formed<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either<T> {
        Typed(T),
        Other(IgnoredAny),
    }
    Ok(match Option::<Either<T>>::deserialize(deserializer)? {
        Some(Either::Typed(value)) => Some(value),
        Some(Either::Other(_)) | None => None,
    })
}

/// [`if_well_formed`] for a time.
fn time_if_well_formed<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Timestamp>, D::Error> {
    #[derive(Deserialize)]
    struct Time(#[serde(with = "timestamp")] Timestamp);
    Ok(if_well_formed::<D, Time>(deserializer)?.map(|Time(at)| at))
}

/// An export's changes alone, for a reader that checked the rest of the
/// file already (`cohort` reads a learner's exports again to replay them).
#[derive(Deserialize)]
pub(crate) struct ExportChanges {
    pub changes: Vec<Change>,
}

/// The roadmap an export is of.
#[derive(Deserialize)]
pub(crate) struct ExportRoadmap {
    pub id: String,
}

/// One step of an export, as `export -f json` writes it.
#[derive(Deserialize)]
pub(crate) struct ExportStep {
    pub id: String,
    pub status: Status,
    #[serde(default, with = "timestamp::optional")]
    pub started: Option<Timestamp>,
    #[serde(default, with = "timestamp::optional")]
    pub finished: Option<Timestamp>,
    pub skip_reason: Option<String>,
    #[serde(default)]
    pub notes: Vec<ExportNote>,
}

/// One note of an exported step.
#[derive(Deserialize)]
pub(crate) struct ExportNote {
    #[serde(with = "timestamp")]
    pub at: Timestamp,
    pub text: String,
}

/// Why a file cannot be read as an export of a roadmap; each reader says
/// it in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HeaderProblem {
    /// Not an smm-path export at all.
    NotExport,
    /// Written by a newer smm-path, in this format version.
    Newer { version: u32 },
    /// An export of another roadmap, this one.
    OtherRoadmap { id: String },
}

impl<Changes, History> ExportFile<Changes, History> {
    /// Checks that the file is an export this smm-path can read, of the
    /// roadmap `roadmap_id`; what it says about the steps is checked by
    /// whoever uses them.
    pub(crate) fn check_header(&self, roadmap_id: &str) -> Result<(), HeaderProblem> {
        if self.format != EXPORT_FORMAT {
            return Err(HeaderProblem::NotExport);
        }
        if self.format_version > EXPORT_FORMAT_VERSION {
            return Err(HeaderProblem::Newer {
                version: self.format_version,
            });
        }
        if self.roadmap.id != roadmap_id {
            return Err(HeaderProblem::OtherRoadmap {
                id: self.roadmap.id.clone(),
            });
        }
        Ok(())
    }
}
