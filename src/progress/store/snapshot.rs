//! The snapshot, `progress.yaml`: its text and checksum, reading it, writing it with its backup.

use std::io::{self};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::snapshot_cache;
use xxhash_rust::xxh3::xxh3_64;

use super::*;
use crate::atomic_file::{Durability, write_atomically};
use crate::cache::{self, Fingerprint};
use crate::plain_file::{self, Links};
use crate::progress::{RoadmapProgress, SCHEMA_VERSION, State, StepProgress};
use crate::yaml;

/// A snapshot as read: its state, whether it was edited by hand, its size.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Snapshot {
    pub(super) state: State,
    pub(super) edited: bool,
    #[serde(skip)]
    pub(super) size: u64,
}

impl ProgressStore {
    /// Reads and checks the snapshot; `None` when there is none.
    pub(super) fn read_snapshot(&self) -> Result<Option<Snapshot>, StoreError> {
        Ok(self
            .read_snapshot_and_fingerprint()?
            .map(|(snapshot, _)| snapshot))
    }

    /// The snapshot, and the fingerprint of the bytes it was read from.
    fn read_snapshot_and_fingerprint(&self) -> Result<Option<(Snapshot, Fingerprint)>, StoreError> {
        let Some(size) = self.snapshot_size()? else {
            return Ok(None);
        };
        let path = self.path();
        let unreadable = |error: io::Error| StoreError::Unreadable {
            path: path.clone(),
            reason: error.into(),
        };
        let cache_path = self.home.join(STATE_CACHE_FILE);
        let fingerprint = self.snapshot_fingerprint().map_err(unreadable)?;
        if let Some(mut snapshot) = cache::read_bytes(&cache_path, &fingerprint)
            .and_then(|bytes| snapshot_cache::decode(&bytes))
        {
            snapshot.size = size;
            return Ok(Some((snapshot, fingerprint)));
        }
        let Some(bytes) = read_guarded(&path, 0, MAX_STATE_BYTES, Links::Follow)? else {
            return Ok(None);
        };
        let text =
            std::str::from_utf8(&bytes).map_err(|_| StoreError::NotUtf8 { path: path.clone() })?;
        let state = parse_state(text, &path)?;
        let edited = state.version >= 3 && !sum_matches(text);
        let snapshot = Snapshot {
            state,
            edited,
            size,
        };
        let fingerprint = Fingerprint::of_bytes(&bytes);
        if self.keeps_caches {
            write_cache(&cache_path, &fingerprint, &snapshot.state, edited);
            let light = without_notes(&snapshot);
            let overview = self.home.join(OVERVIEW_CACHE_FILE);
            write_cache(&overview, &fingerprint, &light.state, edited);
            self.remove_legacy_caches();
        }
        Ok(Some((snapshot, fingerprint)))
    }

    fn remove_legacy_caches(&self) {
        for name in LEGACY_CACHE_FILES {
            let _ = std::fs::remove_file(self.home.join(name));
        }
    }

    /// The snapshot with each step's notes left out but its latest (so a
    /// step with notes is still not blank), for the views that show no
    /// note: with many notes, it reads many times faster than the whole.
    pub(super) fn read_snapshot_without_notes(&self) -> Result<Option<Snapshot>, StoreError> {
        let Some(size) = self.snapshot_size()? else {
            return Ok(None);
        };
        if let Ok(fingerprint) = self.snapshot_fingerprint()
            && let Some(mut snapshot) =
                cache::read_bytes(&self.home.join(OVERVIEW_CACHE_FILE), &fingerprint)
                    .and_then(|bytes| snapshot_cache::decode(&bytes))
        {
            snapshot.size = size;
            return Ok(Some(snapshot));
        }
        let Some((snapshot, fingerprint)) = self.read_snapshot_and_fingerprint()? else {
            return Ok(None);
        };
        let light = without_notes(&snapshot);
        if self.keeps_caches {
            let overview = self.home.join(OVERVIEW_CACHE_FILE);
            write_cache(&overview, &fingerprint, &light.state, light.edited);
        }
        Ok(Some(light))
    }

    /// The snapshot's format version, `None` when there is none: read
    /// from the front of its cache when that is current, without decoding
    /// a step.
    pub fn snapshot_version(&self) -> Result<Option<u32>, StoreError> {
        Ok(self.snapshot_header()?.map(|state| state.version))
    }

    /// The snapshot's state without its steps (its format, device and the
    /// part of the history it includes), `None` when there is none: read
    /// from the front of its cache when that is current, without decoding
    /// a step.
    pub(super) fn snapshot_header(&self) -> Result<Option<State>, StoreError> {
        if self.snapshot_size()?.is_none() {
            return Ok(None);
        }
        if let Ok(fingerprint) = self.snapshot_fingerprint() {
            let mut known = self
                .header
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some((of, state)) = &*known
                && *of == fingerprint
            {
                return Ok(Some(state.clone()));
            }
            if let Some(bytes) =
                cache::read_bytes(&self.home.join(OVERVIEW_CACHE_FILE), &fingerprint)
                && let Some(frame) = snapshot_cache::Frame::read(&bytes)
            {
                *known = Some((fingerprint, frame.snapshot.state.clone()));
                return Ok(Some(frame.snapshot.state));
            }
        }
        Ok(self
            .read_snapshot_without_notes()?
            .map(|snapshot| snapshot.state))
    }

    /// The snapshot's size, checked before anything is opened (a FIFO
    /// there would block); `None` when there is none.
    pub(super) fn snapshot_size(&self) -> Result<Option<u64>, StoreError> {
        self.check_home()?;
        let path = self.path();
        plain_file::check(&path, MAX_STATE_BYTES, Links::Follow)
            .map_err(|problem| guarded_error(&path, problem))
    }

    /// The bytes of the snapshot's cache, when it was made from the
    /// snapshot as it stands (see [`snapshot_cache`]).
    pub(super) fn snapshot_cache_bytes(&self) -> Option<Vec<u8>> {
        let fingerprint = self.snapshot_fingerprint().ok()?;
        cache::read_bytes(&self.home.join(STATE_CACHE_FILE), &fingerprint)
    }

    /// The snapshot's fingerprint: remembered while the file system says
    /// the file is unchanged, else its bytes hashed (and remembered).
    fn snapshot_fingerprint(&self) -> io::Result<Fingerprint> {
        let path = self.path();
        let memo = self.home.join(FINGERPRINT_MEMO_FILE);
        if let Some(fingerprint) = cache::remembered_fingerprint(&memo, &path) {
            return Ok(fingerprint);
        }
        let fingerprint = Fingerprint::of_file(&path)?;
        if self.keeps_caches {
            cache::remember_fingerprint(&memo, &path, &fingerprint);
        }
        Ok(fingerprint)
    }

    /// Writes the snapshot: its text with a checksum line, the previous
    /// snapshot kept as the backup, then an atomic replace.
    pub(super) fn save_snapshot(&self, state: &mut State) -> Result<(), StoreError> {
        let text = snapshot_text(state).map_err(|_| StoreError::Write {
            path: self.path(),
            reason: FileProblem::Io(io::ErrorKind::InvalidData),
        })?;
        self.write_snapshot(state, &text)
    }

    /// Writes a snapshot's text made by [`snapshot_text`].
    pub(super) fn write_snapshot(&self, state: &State, text: &str) -> Result<(), StoreError> {
        let target = self.write_target();
        let write_error = |reason: FileProblem| StoreError::Write {
            path: target.clone(),
            reason,
        };
        if let Ok(Some(previous)) = plain_file::read(&target, MAX_STATE_BYTES, Links::Follow) {
            write_atomically(&self.backup_path(), &previous, Durability::Synced)
                .map_err(|error| write_error(error.into()))?;
        }
        write_atomically(&target, text.as_bytes(), Durability::Synced)
            .map_err(|error| write_error(error.into()))?;
        let fingerprint = Fingerprint::of_bytes(text.as_bytes());
        let cache_path = self.home.join(STATE_CACHE_FILE);
        write_cache(&cache_path, &fingerprint, state, false);
        let overview = self.home.join(OVERVIEW_CACHE_FILE);
        write_cache(&overview, &fingerprint, &state_without_notes(state), false);
        Ok(())
    }

    /// The backup's bytes and its state, checked; `None` when there is no
    /// backup. Only a plain file within the size limit is read: a FIFO
    /// there would block, a device would never end.
    pub fn read_backup(&self) -> Result<Option<(Vec<u8>, State)>, StoreError> {
        let path = self.backup_path();
        let Some(bytes) = read_guarded(&path, 0, MAX_STATE_BYTES, Links::Refuse)? else {
            return Ok(None);
        };
        let text =
            std::str::from_utf8(&bytes).map_err(|_| StoreError::NotUtf8 { path: path.clone() })?;
        let state = parse_state(text, &path)?;
        Ok(Some((bytes, state)))
    }
}

/// Caches a snapshot's state (see [`snapshot_cache`]); best effort, as every cache.
fn write_cache(cache_path: &Path, fingerprint: &Fingerprint, state: &State, edited: bool) {
    if let Some(bytes) = snapshot_cache::encode(state, edited) {
        cache::write_bytes(cache_path, fingerprint, &bytes);
    }
}

/// `snapshot` with each step's notes but the latest left out.
pub(super) fn without_notes(snapshot: &Snapshot) -> Snapshot {
    Snapshot {
        state: state_without_notes(&snapshot.state),
        edited: snapshot.edited,
        size: snapshot.size,
    }
}

/// `full` with each step's notes but the latest left out, made without
/// copying the notes it leaves out.
fn state_without_notes(full: &State) -> State {
    let roadmaps = full
        .roadmaps
        .iter()
        .map(|(id, progress)| {
            let steps = progress
                .steps
                .iter()
                .map(|(step, record)| {
                    let kept = StepProgress {
                        status: record.status,
                        started: record.started,
                        finished: record.finished,
                        skip_reason: record.skip_reason.clone(),
                        set: record.set.clone(),
                        notes: record.notes.last().cloned().into_iter().collect(),
                        actions: record.actions.clone(),
                        resources: record.resources.clone(),
                        due: record.due.clone(),
                    };
                    (step.clone(), kept)
                })
                .collect();
            let light = RoadmapProgress {
                roadmap_version: progress.roadmap_version,
                step_count: progress.step_count,
                known_steps: progress.known_steps.clone(),
                last_change: progress.last_change,
                latest: progress.latest,
                target: progress.target,
                target_set: progress.target_set.clone(),
                steps,
            };
            (id.clone(), light)
        })
        .collect();
    State {
        version: full.version,
        device: full.device.clone(),
        seq: full.seq,
        home_identity: full.home_identity.clone(),
        copied_from: full.copied_from.clone(),
        history: full.history.clone(),
        history_length: full.history_length,
        roadmaps,
        sum: full.sum.clone(),
        end: full.end,
    }
}

/// The snapshot's text: YAML in the current format, then a line with the
/// checksum of every byte before it, then `end: true`.
pub(super) fn snapshot_text(state: &mut State) -> Result<String, String> {
    state.version = SCHEMA_VERSION;
    state.end = true;
    state.sum = None;
    let text = yaml::to_string(state)?;
    let Some(body) = text.strip_suffix("end: true\n") else {
        return Err("the snapshot did not end as expected".to_string());
    };
    Ok(format!(
        "{body}sum: \"{:016x}\"\nend: true\n",
        xxh3_64(body.as_bytes())
    ))
}

/// Whether the checksum line matches the text before it. The sum is of
/// the text as smm-path wrote it, with `\n` line ends; a copy whose line
/// ends became `\r\n` (a git checkout with `core.autocrlf`) is the same
/// text, not a hand edit.
pub(super) fn sum_matches(text: &str) -> bool {
    if text.contains("\r\n") {
        return sum_matches_as_written(&text.replace("\r\n", "\n"));
    }
    sum_matches_as_written(text)
}

fn sum_matches_as_written(text: &str) -> bool {
    let Some(body_end) = text.rfind("\nsum: \"") else {
        return false;
    };
    let body = &text[..=body_end];
    let rest = &text[body_end + 1..];
    rest == format!("sum: \"{:016x}\"\nend: true\n", xxh3_64(body.as_bytes()))
}

/// Parses the state file's text: any version up to [`SCHEMA_VERSION`],
/// telling "made by a newer smm-path" and "cut short" from "damaged".
/// `path` only names the file in errors.
pub fn parse_state(text: &str, path: &Path) -> Result<State, StoreError> {
    /// Just the version, for when the whole does not parse.
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }

    let newer = |version: u32| StoreError::NewerVersion {
        path: path.to_path_buf(),
        version,
    };
    let state = match yaml::parse::<State>(text) {
        Ok(state) => state,
        Err(error) => {
            return match yaml::parse::<VersionOnly>(text) {
                Ok(probe) if probe.version > SCHEMA_VERSION => Err(newer(probe.version)),
                _ => Err(StoreError::Invalid {
                    path: path.to_path_buf(),
                    line: error.line,
                    column: error.column,
                    reason: error.message,
                }),
            };
        }
    };
    match state.version {
        0 => Err(StoreError::Invalid {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            reason: "version 0 does not exist".to_string(),
        }),
        version if version > SCHEMA_VERSION => Err(newer(version)),
        _ if state.seq > crate::progress::MAX_SEQ => Err(StoreError::Invalid {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            reason: format!(
                "seq {} is out of range (at most {})",
                state.seq,
                crate::progress::MAX_SEQ
            ),
        }),
        // Version 1 had no end marker; it is read as it is and written as
        // the current version by the next change.
        1 => Ok(state),
        _ if !state.end => Err(StoreError::CutShort {
            path: path.to_path_buf(),
        }),
        _ => Ok(state),
    }
}
