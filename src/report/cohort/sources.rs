//! Finding and reading what a mentor gives `cohort`: export files and
//! sync folders, read in parallel within a memory budget, each once, into
//! a small summary of its learner and of whose it is (its changes kept
//! only as [`ChangePrint`]s, hashed as they are parsed).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, PoisonError};

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};
use xxhash_rust::xxh3::xxh3_64;

use super::{ChangePrint, LearnerStep, SourceIdentity};
use crate::error::io_reason;
use crate::i18n::{Key, Lang, tr, word};
use crate::progress::export_file::{ExportChanges, HeaderProblem, SkimmedExport};
use crate::progress::{Change, RoadmapProgress, Timestamp};
use crate::roadmap::Roadmap;

/// The largest export, or sync folder's device files together, that is
/// read: a thousand times a busy learner's year, and small enough that a
/// cohort keeps within the memory the README promises.
const MAX_SOURCE_BYTES: u64 = 32 * 1024 * 1024;

/// How much of the files is being parsed at once, whatever the number of
/// threads: the largest file is read alone, thousands of small ones side by side.
const READING_BUDGET: u64 = 2 * MAX_SOURCE_BYTES;

const MB: u64 = 1024 * 1024;

/// A source's changes as prints, and the time of its latest one; and,
/// whole, the few changes that tick actions or undo something: replayed
/// alone, they give the actions ticked from any export that carries
/// changes, whichever version wrote it.
#[derive(Default)]
struct Prints {
    changes: Vec<ChangePrint>,
    latest: Option<Timestamp>,
    ticks: Vec<Change>,
    /// Whether to keep `ticks`: an export's are all it has of them; a sync
    /// folder is replayed whole anyway.
    keep_ticks: bool,
}

/// Whether a change (as JSON) ticks an action or undoes a change, the
/// only operations that decide which actions are ticked.
fn decides_ticks(change: &serde_json::Map<String, serde_json::Value>) -> bool {
    change
        .get("ops")
        .and_then(serde_json::Value::as_array)
        .is_some_and(|ops| {
            ops.iter().any(|op| {
                matches!(
                    op.get("op").and_then(serde_json::Value::as_str),
                    Some("tick" | "undo")
                )
            })
        })
}

impl Prints {
    /// Adds one change, given as JSON so that every field (and the
    /// identity changes will carry) counts, in whatever version wrote it.
    fn add(&mut self, mut change: serde_json::Value) {
        let Some(object) = change.as_object_mut() else {
            return;
        };
        // Read before its identity is taken out below; one that is not a
        // well-formed change ticks nothing.
        if self.keep_ticks
            && decides_ticks(object)
            && let Ok(whole) =
                serde_json::from_value::<Change>(serde_json::Value::Object(object.clone()))
        {
            self.ticks.push(whole);
        }
        let id = object
            .remove("id")
            .map_or(0, |id| xxh3_64(id.to_string().as_bytes()).max(1));
        let (Some(device), Some(seq)) = (
            object.get("device").and_then(|device| device.as_str()),
            object.get("seq").and_then(serde_json::Value::as_u64),
        ) else {
            return;
        };
        let at = object
            .get("at")
            .and_then(|at| at.as_str())
            .and_then(|at| DateTime::parse_from_rfc3339(at).ok());
        self.latest = self.latest.max(at);
        self.changes.push(ChangePrint {
            device: device_hash(device),
            seq,
            id,
            content: xxh3_64(change.to_string().as_bytes()),
        });
    }

    fn finish(mut self) -> Prints {
        self.changes.sort_unstable();
        self.changes.dedup();
        self
    }
}

impl<'de> Deserialize<'de> for Prints {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Prints, D::Error> {
        struct Each;
        impl<'de> Visitor<'de> for Each {
            type Value = Prints;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a list of changes")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Prints, A::Error> {
                // One change in memory at a time, not the whole history.
                let mut prints = Prints {
                    keep_ticks: true,
                    ..Prints::default()
                };
                while let Some(change) = seq.next_element::<serde_json::Value>()? {
                    prints.add(change);
                }
                Ok(prints.finish())
            }
        }
        deserializer.deserialize_seq(Each)
    }
}

fn device_hash(device: &str) -> u64 {
    xxh3_64(device.as_bytes())
}

/// One source read: the learner as it shows them, and whose it is.
pub(super) struct SourceRead {
    source: Source,
    /// The name set in the file, if any.
    pub(super) name: Option<String>,
    pub(super) steps: Vec<LearnerStep>,
    pub(super) target: Option<NaiveDate>,
    pub(super) identity: SourceIdentity,
    pub(super) latest: Option<Timestamp>,
    /// The bytes read, for the budget when it is read again.
    size: u64,
}

impl SourceRead {
    pub(super) fn path(&self) -> &Path {
        self.source.path()
    }

    /// Its changes in full, read again (to replay a learner's sources
    /// together); `None` when it cannot be read in full any more.
    pub(super) fn read_changes_again(&self, lang: Lang, budget: &Budget) -> Option<Vec<Change>> {
        match &self.source {
            Source::Export(path) => {
                // Whole changes take more room than their text.
                let (bytes, _reserved) = read_export_bytes(path, lang, budget, 4).ok()?;
                serde_json::from_slice::<ExportChanges>(&bytes)
                    .ok()
                    .map(|export| export.changes)
            }
            Source::SyncFolder(path) => {
                let _reserved = budget.take(self.size.saturating_mul(3));
                crate::progress::sync::read_whole_folder(path)
                    .ok()
                    .map(|folder| folder.changes)
            }
        }
    }

    /// Its changes' identities, sorted, each once.
    pub(super) fn identities(&self) -> Vec<(u64, u64)> {
        let mut identities: Vec<(u64, u64)> = self
            .identity
            .changes
            .iter()
            .map(ChangePrint::identity)
            .collect();
        identities.sort_unstable();
        identities.dedup();
        identities
    }
}

/// One source to read: an export file or a sync folder.
#[derive(Clone)]
pub(super) enum Source {
    Export(PathBuf),
    SyncFolder(PathBuf),
}

impl Source {
    pub(super) fn path(&self) -> &Path {
        match self {
            Source::Export(path) | Source::SyncFolder(path) => path,
        }
    }

    /// Reads it once, into a small summary: its learner and whose it is.
    pub(super) fn read(
        &self,
        roadmap: &Roadmap,
        lang: Lang,
        budget: &Budget,
    ) -> Result<SourceRead, String> {
        match self {
            Source::Export(path) => read_export(path, roadmap, lang, budget),
            Source::SyncFolder(path) => read_sync_folder(path, roadmap, lang, budget),
        }
    }
}

/// Bytes of parsing allowed at once, shared by the reading threads.
pub(super) struct Budget {
    left: Mutex<u64>,
    returned: Condvar,
}

/// Bytes taken from a [`Budget`], given back when dropped.
pub(super) struct Reserved<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    /// The budget for reading a cohort.
    pub(super) fn new() -> Budget {
        let bytes = READING_BUDGET;
        Budget {
            left: Mutex::new(bytes),
            returned: Condvar::new(),
        }
    }

    /// Waits until `bytes` (at most the whole budget) are free, and takes them.
    pub(super) fn take(&self, bytes: u64) -> Reserved<'_> {
        let bytes = bytes.min(READING_BUDGET);
        let mut left = self.left.lock().unwrap_or_else(PoisonError::into_inner);
        while *left < bytes {
            left = self
                .returned
                .wait(left)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *left -= bytes;
        Reserved {
            budget: self,
            bytes,
        }
    }
}

impl Drop for Reserved<'_> {
    fn drop(&mut self) {
        *self
            .budget
            .left
            .lock()
            .unwrap_or_else(PoisonError::into_inner) += self.bytes;
        self.budget.returned.notify_all();
    }
}

fn too_large(lang: Lang, size: u64) -> String {
    tr(
        lang,
        Key::CohortTooLarge,
        &[
            ("size", &size.div_ceil(MB)),
            ("limit", &(MAX_SOURCE_BYTES / MB)),
        ],
    )
}

fn is_sync_folder(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|entry| entry.path().extension().is_some_and(|ext| ext == "jsonl"))
    })
}

/// The sources under the paths given: a file is an export; a folder holding
/// device files is a sync folder; any other folder holds exports (`*.json`)
/// and sync folders.
pub(super) fn find_sources(
    paths: &[PathBuf],
    lang: Lang,
    skipped: &mut Vec<(PathBuf, String)>,
) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.is_file() {
            sources.push(Source::Export(path.clone()));
        } else if path.is_dir() && is_sync_folder(path) {
            sources.push(Source::SyncFolder(path.clone()));
        } else if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            entries.sort();
            let before = sources.len();
            for entry in entries {
                if entry.is_dir() && is_sync_folder(&entry) {
                    sources.push(Source::SyncFolder(entry));
                } else if entry.is_file() && entry.extension().is_some_and(|ext| ext == "json") {
                    sources.push(Source::Export(entry));
                }
            }
            if sources.len() == before {
                let reason = tr(
                    lang,
                    Key::CohortEmpty,
                    &[("path", &crate::control::quoted_path(path))],
                );
                skipped.push((path.clone(), reason));
            }
        } else {
            // A FIFO or a device is never opened: it could block or never end.
            let key = if path.exists() {
                Key::CohortNotPlain
            } else {
                Key::CohortMissing
            };
            skipped.push((path.clone(), word(lang, key).to_string()));
        }
    }
    sources
}

/// An export's bytes: a plain file (a mentor's own links are followed),
/// its size checked before it is opened and again once open, never more
/// read than the limit even if it grows meanwhile; `cost` times its size
/// is taken from the budget for as long as the returned bytes live.
fn read_export_bytes<'a>(
    path: &Path,
    lang: Lang,
    budget: &'a Budget,
    cost: u64,
) -> Result<(Vec<u8>, Reserved<'a>), String> {
    use crate::plain_file::{self, FileProblem, Links};
    let refused = |problem: FileProblem| match problem {
        FileProblem::TooLarge { size, .. } => too_large(lang, size),
        FileProblem::Io(kind) => crate::error::render_file_problem(lang, &FileProblem::Io(kind)),
        _ => word(lang, Key::CohortNotPlain).to_string(),
    };
    let missing = || word(lang, Key::CohortMissing).to_string();
    // The size is known before anything is held, for the memory budget.
    let size = plain_file::check(path, MAX_SOURCE_BYTES, Links::Follow)
        .map_err(refused)?
        .ok_or_else(missing)?;
    let reserved = budget.take(size.saturating_mul(cost));
    // The one guarded reader: a FIFO swapped in meanwhile cannot block it.
    let bytes = plain_file::read(path, MAX_SOURCE_BYTES, Links::Follow)
        .map_err(refused)?
        .ok_or_else(missing)?;
    Ok((bytes, reserved))
}

fn read_export(
    path: &Path,
    roadmap: &Roadmap,
    lang: Lang,
    budget: &Budget,
) -> Result<SourceRead, String> {
    // The bytes, and what parsing makes of them while both exist.
    let (bytes, _reserved) = read_export_bytes(path, lang, budget, 2)?;
    let size = bytes.len() as u64;
    let export: SkimmedExport<Prints> = serde_json::from_slice(&bytes).map_err(|error| {
        // Stopping mid-way (not on an empty file) says a copy was cut short.
        let key = if error.is_eof() && !bytes.trim_ascii().is_empty() {
            Key::CohortCutShort
        } else {
            Key::CohortNotExport
        };
        word(lang, key).to_string()
    })?;
    drop(bytes);
    export
        .check_header(&roadmap.id)
        .map_err(|problem| match problem {
            HeaderProblem::NotExport => word(lang, Key::CohortNotExport).to_string(),
            HeaderProblem::Newer { version } => {
                tr(lang, Key::CohortNewerExport, &[("version", &version)])
            }
            HeaderProblem::OtherRoadmap { id } => {
                let roadmap = crate::control::escaped(&id);
                tr(lang, Key::CohortOtherRoadmap, &[("roadmap", &roadmap)])
            }
        })?;
    let ticks = crate::progress::replay(&export.changes.ticks, &roadmap.id);
    let mut by_id: std::collections::HashMap<&str, LearnerStep> = export
        .steps
        .iter()
        .map(|step| {
            let record = LearnerStep {
                ticked: ticked_actions(&ticks, &step.id),
                tick_times: tick_times(ticks.step(&step.id)),
                status: step.status,
                started: step.started,
                finished: step.finished,
                notes: step
                    .notes
                    .iter()
                    .map(|note| (note.at, note.text.clone()))
                    .collect(),
            };
            (step.id.as_str(), record)
        })
        .collect();
    let steps = roadmap
        .steps
        .iter()
        .map(|step| by_id.remove(step.id.as_ref()).unwrap_or_default())
        .collect();
    let own_devices = export
        .device
        .iter()
        .filter(|device| !device.is_empty())
        .map(|device| device_hash(device))
        .collect();
    Ok(SourceRead {
        source: Source::Export(path.to_path_buf()),
        name: export
            .learner
            .as_deref()
            .and_then(crate::progress::config::valid_name),
        steps,
        target: export
            .target
            .and_then(|day| NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()),
        identity: SourceIdentity {
            own_devices,
            changes: export.changes.changes,
        },
        latest: export.changes.latest,
        size,
    })
}

/// A sync folder's device files: their names' devices and their size
/// together, checked before any is read.
fn device_files(path: &Path, lang: Lang) -> Result<(Vec<u64>, u64), String> {
    let mut devices = Vec::new();
    let mut size = 0u64;
    let entries = std::fs::read_dir(path).map_err(|error| io_reason(lang, &error))?;
    for entry in entries.filter_map(Result::ok) {
        let file = entry.path();
        if file.extension().is_none_or(|ext| ext != "jsonl") {
            continue;
        }
        // What is not a plain file is skipped by the folder's reader.
        if let Ok(metadata) = std::fs::symlink_metadata(&file)
            && metadata.is_file()
        {
            size = size.saturating_add(metadata.len());
            if let Some(stem) = file.file_stem() {
                devices.push(device_hash(&stem.to_string_lossy()));
            }
        }
    }
    if size > MAX_SOURCE_BYTES {
        return Err(too_large(lang, size));
    }
    Ok((devices, size))
}

fn read_sync_folder(
    path: &Path,
    roadmap: &Roadmap,
    lang: Lang,
    budget: &Budget,
) -> Result<SourceRead, String> {
    let (own_devices, size) = device_files(path, lang)?;
    // Every device file holds the history, as changes larger than their text.
    let _reserved = budget.take(size.saturating_mul(3));
    let folder =
        crate::progress::sync::read_whole_folder(path).map_err(|error| io_reason(lang, &error))?;
    let mut prints = Prints::default();
    for change in folder.changes.iter().filter(|c| c.roadmap == *roadmap.id) {
        if let Ok(value) = serde_json::to_value(change) {
            prints.add(value);
        }
    }
    let progress = crate::progress::replay(&folder.changes, &roadmap.id);
    let prints = prints.finish();
    Ok(SourceRead {
        source: Source::SyncFolder(path.to_path_buf()),
        name: crate::progress::config::folder_learner(path),
        steps: learner_steps(roadmap, &progress),
        target: progress.target,
        identity: SourceIdentity {
            own_devices,
            changes: prints.changes,
        },
        latest: prints.latest,
        size,
    })
}

/// The steps of `progress`, in roadmap order.
pub(super) fn learner_steps(roadmap: &Roadmap, progress: &RoadmapProgress) -> Vec<LearnerStep> {
    roadmap
        .steps
        .iter()
        .map(|step| match progress.step(&step.id) {
            Some(record) => LearnerStep {
                ticked: record.ticked().map(str::to_string).collect(),
                tick_times: tick_times(Some(record)),
                status: record.status,
                started: record.started,
                finished: record.finished,
                notes: record
                    .notes
                    .iter()
                    .map(|n| (n.at, n.text.clone()))
                    .collect(),
            },
            None => LearnerStep::default(),
        })
        .collect()
}

/// When the actions of a step were last ticked or unticked.
fn tick_times(record: Option<&crate::progress::StepProgress>) -> Vec<Timestamp> {
    record.map_or_else(Vec::new, |record| {
        record
            .actions
            .values()
            .map(crate::progress::Mark::at)
            .collect()
    })
}

/// The actions of step `id` that `progress` has ticked, by key.
fn ticked_actions(progress: &RoadmapProgress, id: &str) -> BTreeSet<String> {
    progress
        .step(id)
        .map(|record| record.ticked().map(str::to_string).collect())
        .unwrap_or_default()
}
