//! `smm-path cohort PATH...`: reads many learners' exports and sync folders
//! (in parallel, one file in memory per thread) and prints the mentor's report.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;

use crate::cli::{CohortArgs, CohortFormat, CohortSort};
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, Lang, tr, word};
use crate::progress::{ExportRoadmap, ExportStep, MAX_STATE_BYTES};
use crate::report::cohort::{
    CohortReport, Learner, LearnerStep, SortBy, render_cohort_csv, render_cohort_json,
    render_cohort_text,
};
use crate::report::{EXPORT_FORMAT_VERSION, render_cohort_html};
use crate::roadmap::Roadmap;

/// What one export file holds that the report needs; the rest (the
/// history's operations) is skipped while parsing.
#[derive(Deserialize)]
struct ExportFile {
    format: String,
    format_version: u32,
    #[serde(default)]
    learner: Option<String>,
    roadmap: ExportRoadmap,
    #[serde(default)]
    steps: Vec<ExportStep>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    changes: Vec<ExportChange>,
}

#[derive(Deserialize)]
struct ExportChange {
    device: String,
}

/// A learner read, with what identifies them across files: the devices
/// their changes came from (one learner's two devices, or two exports of
/// one learner, share them).
struct LearnerRead {
    learner: Learner,
    identity: Vec<String>,
}

/// One source to read: an export file or a sync folder.
enum Source {
    Export(PathBuf),
    SyncFolder(PathBuf),
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
                let reason = tr(lang, Key::CohortEmpty, &[("path", &path.display())]);
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

fn read_export(path: &Path, roadmap: &Roadmap, lang: Lang) -> Result<LearnerRead, String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_STATE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|error| error.to_string())?;
    let export: ExportFile =
        serde_json::from_slice(&bytes).map_err(|_| word(lang, Key::CohortNotExport).to_string())?;
    if export.format != "smm-path-export" {
        return Err(word(lang, Key::CohortNotExport).to_string());
    }
    if export.format_version > EXPORT_FORMAT_VERSION {
        return Err(tr(
            lang,
            Key::CohortNewerExport,
            &[("version", &export.format_version)],
        ));
    }
    if export.roadmap.id != *roadmap.id {
        let roadmap = crate::control::escaped(&export.roadmap.id);
        return Err(tr(lang, Key::CohortOtherRoadmap, &[("roadmap", &roadmap)]));
    }
    let mut by_id: HashMap<&str, LearnerStep> = HashMap::new();
    for step in &export.steps {
        by_id.insert(
            &step.id,
            LearnerStep {
                status: step.status,
                started: step.started,
                finished: step.finished,
                notes: step
                    .notes
                    .iter()
                    .map(|note| (note.at, note.text.clone()))
                    .collect(),
            },
        );
    }
    let steps = roadmap
        .steps
        .iter()
        .map(|step| by_id.remove(step.id.as_ref()).unwrap_or_default())
        .collect();
    let name = export
        .learner
        .as_deref()
        .and_then(crate::progress::config::valid_name);
    let target = export
        .target
        .and_then(|day| NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok());
    let devices = export.changes.iter().map(|change| change.device.as_str());
    Ok(learner_read(path, name, steps, target, devices))
}

fn read_sync_folder(path: &Path, roadmap: &Roadmap) -> Result<LearnerRead, String> {
    let folder = crate::progress::sync::read_folder(path, "").map_err(|e| e.to_string())?;
    let progress = crate::progress::replay(&folder.changes, &roadmap.id);
    let steps = roadmap
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
        .collect();
    let name = crate::progress::config::folder_learner(path);
    let devices = folder.changes.iter().map(|change| change.device.as_str());
    Ok(learner_read(path, name, steps, progress.target, devices))
}

/// A learner read from `path`: named as they set it, else after the file
/// or folder; known by the devices their changes came from.
fn learner_read<'a>(
    path: &Path,
    name: Option<String>,
    steps: Vec<LearnerStep>,
    target: Option<NaiveDate>,
    devices: impl Iterator<Item = &'a str>,
) -> LearnerRead {
    let mut identity: Vec<String> = devices.map(str::to_string).collect();
    identity.sort_unstable();
    identity.dedup();
    LearnerRead {
        learner: Learner {
            name: name.unwrap_or_else(|| file_stem(path)),
            source: path.to_path_buf(),
            steps,
            target,
        },
        identity,
    }
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
    let reads: Vec<(PathBuf, Result<LearnerRead, String>)> = sources
        .par_iter()
        .map(|source| match source {
            Source::Export(path) => (path.clone(), read_export(path, roadmap, lang)),
            Source::SyncFolder(path) => (path.clone(), read_sync_folder(path, roadmap)),
        })
        .collect();
    let mut learners = Vec::new();
    let mut seen: HashMap<Vec<String>, PathBuf> = HashMap::new();
    for (path, read) in reads {
        match read {
            Err(reason) => skipped.push((path, reason)),
            Ok(read) => {
                if !read.identity.is_empty() {
                    if let Some(other) = seen.get(&read.identity) {
                        let reason = tr(lang, Key::CohortDuplicate, &[("other", &other.display())]);
                        skipped.push((path, reason));
                        continue;
                    }
                    seen.insert(read.identity, path);
                }
                learners.push(read.learner);
            }
        }
    }
    if learners.is_empty() {
        for (path, reason) in &skipped {
            writeln!(out, "{}: {reason}", path.display())?;
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
    let document = match args.format {
        CohortFormat::Table => render_cohort_text(&report, ctx.width, ctx.color),
        CohortFormat::Csv => render_cohort_csv(&report),
        CohortFormat::Json => render_cohort_json(&report, args.notes),
        CohortFormat::Html => render_cohort_html(&report),
    };
    super::export::write_output(ctx, args.output.as_deref(), &document, out)
}
