//! `smm-path cohort PATH...`: reads many learners' exports and sync folders
//! (in parallel, within a memory budget), works out which of them are one
//! learner, and prints the mentor's report.
//!
//! Who is who is decided in `report::cohort::group_sources` from what each
//! file holds; here each file is read once into a small summary, and only a
//! learner whose files each hold changes the others lack is read again, to
//! replay the union of their changes (issue "One learner, many machines").

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, PoisonError};

use chrono::{DateTime, NaiveDate};
use rayon::prelude::*;
use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};
use xxhash_rust::xxh3::xxh3_64;

use crate::cli::{CohortArgs, CohortFormat, CohortSort};
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, Lang, tr, word};
use crate::progress::export_file::{ExportChanges, ExportFile, HeaderProblem};
use crate::progress::{Change, ChangeId, RoadmapProgress, Timestamp};
use crate::report::cohort::{
    ChangePrint, CohortCsv, CohortHtml, CohortJson, CohortReport, CohortTable, Learner,
    LearnerStep, Renderer, SortBy, SourceIdentity, group_sources,
};
use crate::roadmap::Roadmap;

/// The largest export, or sync folder's device files together, that is
/// read: a thousand times a busy learner's year, and small enough that a
/// cohort keeps within the memory the README promises.
const MAX_SOURCE_BYTES: u64 = 32 * 1024 * 1024;

/// How much of the files is being parsed at once, whatever the number of
/// threads: the largest file is read alone, thousands of small ones side by side.
const READING_BUDGET: u64 = 2 * MAX_SOURCE_BYTES;

const MB: u64 = 1024 * 1024;

/// A source's changes as prints, and the time of its latest one.
#[derive(Default)]
struct Prints {
    changes: Vec<ChangePrint>,
    latest: Option<Timestamp>,
}

impl Prints {
    /// Adds one change, given as JSON so that every field (and the
    /// identity changes will carry) counts, in whatever version wrote it.
    fn add(&mut self, mut change: serde_json::Value) {
        let Some(object) = change.as_object_mut() else {
            return;
        };
        let id = object
            .remove("id")
            .map_or(0, |id| xxh3_64(id.to_string().as_bytes()).max(1));
        let (Some(device), Some(seq)) = (
            object.get("device").and_then(|device| device.as_str()),
            object.get("seq").and_then(|seq| seq.as_u64()),
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
                let mut prints = Prints::default();
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
struct SourceRead {
    source: Source,
    /// The name set in the file, if any.
    name: Option<String>,
    steps: Vec<LearnerStep>,
    target: Option<NaiveDate>,
    identity: SourceIdentity,
    latest: Option<Timestamp>,
    /// The bytes read, for the budget when it is read again.
    size: u64,
}

impl SourceRead {
    fn path(&self) -> &Path {
        self.source.path()
    }

    /// Its changes' identities, sorted, each once.
    fn identities(&self) -> Vec<(u64, u64)> {
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
enum Source {
    Export(PathBuf),
    SyncFolder(PathBuf),
}

impl Source {
    fn path(&self) -> &Path {
        match self {
            Source::Export(path) | Source::SyncFolder(path) => path,
        }
    }
}

/// Bytes of parsing allowed at once, shared by the reading threads.
struct Budget {
    left: Mutex<u64>,
    returned: Condvar,
}

/// Bytes taken from a [`Budget`], given back when dropped.
struct Reserved<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    fn new(bytes: u64) -> Budget {
        Budget {
            left: Mutex::new(bytes),
            returned: Condvar::new(),
        }
    }

    /// Waits until `bytes` (at most the whole budget) are free, and takes them.
    fn take(&self, bytes: u64) -> Reserved<'_> {
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
fn sources(paths: &[PathBuf], lang: Lang, skipped: &mut Vec<(PathBuf, String)>) -> Vec<Source> {
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
    let export: ExportFile<Prints> =
        serde_json::from_slice(&bytes).map_err(|_| word(lang, Key::CohortNotExport).to_string())?;
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
    let mut by_id: std::collections::HashMap<&str, LearnerStep> = export
        .steps
        .iter()
        .map(|step| {
            let record = LearnerStep {
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
    let entries = std::fs::read_dir(path).map_err(|error| error.to_string())?;
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
    let folder = crate::progress::sync::read_whole_folder(path).map_err(|e| e.to_string())?;
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
fn learner_steps(roadmap: &Roadmap, progress: &RoadmapProgress) -> Vec<LearnerStep> {
    roadmap
        .steps
        .iter()
        .map(|step| match progress.step(&step.id) {
            Some(record) => LearnerStep {
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

/// The changes of one learner's sources together, each once (by identity),
/// replayed; `None` when a source cannot be read again in full.
fn replay_union(
    reads: &[SourceRead],
    roadmap: &Roadmap,
    lang: Lang,
    budget: &Budget,
) -> Option<RoadmapProgress> {
    let mut seen: HashSet<ChangeId> = HashSet::new();
    let mut changes: Vec<Change> = Vec::new();
    for read in reads {
        let theirs = match &read.source {
            Source::Export(path) => {
                // Whole changes take more room than their text.
                let (bytes, _reserved) = read_export_bytes(path, lang, budget, 4).ok()?;
                serde_json::from_slice::<ExportChanges>(&bytes)
                    .ok()?
                    .changes
            }
            Source::SyncFolder(path) => {
                let _reserved = budget.take(read.size.saturating_mul(3));
                crate::progress::sync::read_whole_folder(path).ok()?.changes
            }
        };
        changes.extend(
            theirs
                .into_iter()
                .filter(|change| change.roadmap == *roadmap.id)
                .filter(|change| seen.insert(change.id.clone())),
        );
    }
    Some(crate::progress::replay(&changes, &roadmap.id))
}

/// One learner from their sources (in file order): the newest state, the
/// name from whichever file carries one. Returns the learner and the
/// sources counted in it but not shown.
fn learner_of(
    mut members: Vec<SourceRead>,
    roadmap: &Roadmap,
    lang: Lang,
    budget: &Budget,
) -> (Learner, Vec<PathBuf>) {
    let identities: Vec<Vec<(u64, u64)>> = members.iter().map(SourceRead::identities).collect();
    let mut all: Vec<(u64, u64)> = identities.iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    // Newest first: the latest change, then the most changes; ties keep file order.
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse((members[index].latest, identities[index].len())));
    // One file that holds every change is the newest state; else the union, replayed.
    let holds_all = order
        .iter()
        .copied()
        .find(|&index| identities[index].len() == all.len());
    let shown = holds_all.unwrap_or(order[0]);
    let replayed = match holds_all {
        Some(_) => None,
        None => replay_union(&members, roadmap, lang, budget),
    };
    let name = std::iter::once(shown)
        .chain(order.iter().copied())
        .find_map(|index| members[index].name.clone());
    let counted = members
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != shown)
        .map(|(_, read)| read.path().to_path_buf())
        .collect();
    let read = members.swap_remove(shown);
    let source = read.path().to_path_buf();
    let (steps, target) = match replayed {
        Some(progress) => (learner_steps(roadmap, &progress), progress.target),
        None => (read.steps, read.target),
    };
    let learner = Learner {
        name: name.unwrap_or_else(|| file_stem(&source)),
        source,
        steps,
        target,
    };
    (learner, counted)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

pub(crate) fn run(ctx: &Context, args: &CohortArgs, out: &mut dyn Write) -> Result<(), Error> {
    let lang = ctx.lang;
    let mut skipped = Vec::new();
    let sources = sources(&args.paths, lang, &mut skipped);
    let roadmap = &ctx.roadmap;
    let budget = Budget::new(READING_BUDGET);
    let results: Vec<Result<SourceRead, String>> = sources
        .par_iter()
        .map(|source| match source {
            Source::Export(path) => read_export(path, roadmap, lang, &budget),
            Source::SyncFolder(path) => read_sync_folder(path, roadmap, lang, &budget),
        })
        .collect();
    let mut reads = Vec::new();
    for (source, result) in sources.iter().zip(results) {
        match result {
            Ok(read) => reads.push(read),
            Err(reason) => skipped.push((source.path().to_path_buf(), reason)),
        }
    }
    let identities: Vec<SourceIdentity> = reads
        .iter_mut()
        .map(|read| std::mem::take(&mut read.identity))
        .collect();
    let groups = group_sources(&identities);
    let mut reads: Vec<Option<SourceRead>> = reads
        .into_iter()
        .zip(identities)
        .map(|(mut read, identity)| {
            read.identity = identity;
            Some(read)
        })
        .collect();
    let groups: Vec<Vec<SourceRead>> = groups
        .iter()
        .map(|group| {
            group
                .iter()
                .filter_map(|&index| reads[index].take())
                .collect()
        })
        .collect();
    let learners: Vec<(Learner, Vec<PathBuf>)> = groups
        .into_par_iter()
        .map(|members| learner_of(members, roadmap, lang, &budget))
        .collect();
    let mut shown = Vec::with_capacity(learners.len());
    for (learner, counted) in learners {
        for path in counted {
            let reason = tr(
                lang,
                Key::CohortDuplicate,
                &[("other", &crate::control::quoted_path(&learner.source))],
            );
            skipped.push((path, reason));
        }
        shown.push(learner);
    }
    let learners = shown;
    if learners.is_empty() {
        for (path, reason) in &skipped {
            writeln!(out, "{}: {reason}", crate::control::quoted_path(path))?;
        }
        return Err(Error::NoLearners);
    }
    let mut report = CohortReport::build(
        &ctx.roadmap,
        &learners,
        skipped,
        ctx.now().date_naive(),
        args.stuck_days,
        args.notes,
        lang,
    );
    report.sort(match args.sort {
        CohortSort::Progress => SortBy::Progress,
        CohortSort::Activity => SortBy::Activity,
        CohortSort::Name => SortBy::Name,
        CohortSort::Pace => SortBy::Pace,
    });
    let document = renderer(ctx, args.format).render(&report);
    super::output::write_output(ctx, args.output.as_deref(), &document, out)
}

/// The renderer of the format asked for.
fn renderer(ctx: &Context, format: CohortFormat) -> Box<dyn Renderer<CohortReport>> {
    match format {
        CohortFormat::Table => Box::new(CohortTable {
            width: ctx.width,
            color: ctx.color,
        }),
        CohortFormat::Csv => Box::new(CohortCsv),
        CohortFormat::Json => Box::new(CohortJson),
        CohortFormat::Html => Box::new(CohortHtml),
    }
}
