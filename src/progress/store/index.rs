//! A light index of the history, so the newest changes are read from the end.
//!
//! Most commands need only the last few changes (`log -n 3`, the change an
//! `undo` takes back), but the history is in the order this copy learned of
//! changes, not in their order: a sync appends another device's older
//! changes after this device's newer ones. The index keeps, every
//! [`SEGMENT_LINES`] lines, where that line ends, the checksum there and
//! the latest time of any change before it. Reading segments from the end,
//! a reader can stop once it holds changes later than everything before
//! the segment it reached. The index is derived data in the cache: it is
//! extended by scanning only what was appended since, without parsing the
//! changes, and a history that no longer matches it (the checksum at its
//! last checkpoint differs) is indexed anew.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::*;
use crate::atomic_file::{Durability, write_atomically};
use crate::plain_file::{self, Links};
use crate::progress::history::{self, Field, SUM_TAIL_LENGTH, decode_lines, sum_at_end};
use crate::progress::{Change, Timestamp, timestamp};

/// Lines between checkpoints: a segment is a few hundred kilobytes.
const SEGMENT_LINES: u64 = 2048;

const INDEX_FILE: &str = "cache/history-index.json";

/// The index is small: a checkpoint per segment.
const MAX_INDEX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Checkpoint {
    /// Where the line ends, in bytes from the start of the file.
    offset: u64,
    /// The checksum that line carries.
    sum: String,
    /// The latest time of any change up to here.
    #[serde(default, with = "timestamp::optional")]
    latest: Option<Timestamp>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct HistoryIndex {
    /// The start of the file, then every [`SEGMENT_LINES`] lines.
    checkpoints: Vec<Checkpoint>,
    /// Every device that made a change in the indexed part.
    devices: BTreeSet<String>,
}

/// The newest part of the history, read from the end.
#[derive(Debug, Default)]
pub struct NewestChanges {
    /// The changes read, in the order of the file.
    pub changes: Vec<Change>,
    /// No change before those read is later than this (`None`: none was
    /// left unread, the history was read whole).
    pub earlier_no_later_than: Option<Timestamp>,
    /// Every device that made a change anywhere in the history.
    pub devices: BTreeSet<String>,
}

impl NewestChanges {
    /// Whether every change of the history was read.
    pub fn is_whole(&self) -> bool {
        self.earlier_no_later_than.is_none()
    }
}

impl ProgressStore {
    /// Reads the history from its end, a segment at a time, until `enough`
    /// says the changes read so far suffice (it is given them and the
    /// latest time any unread change can have), or the start is reached.
    pub fn newest_changes(
        &self,
        mut enough: impl FnMut(&NewestChanges) -> bool,
    ) -> Result<NewestChanges, StoreError> {
        if self.snapshot_version()?.is_some_and(|version| version < 3) {
            // A format 1 or 2 home's history exists only once converted.
            let changes = self.read_history()?;
            let devices = changes.iter().map(|change| change.device.clone()).collect();
            return Ok(NewestChanges {
                changes,
                earlier_no_later_than: None,
                devices,
            });
        }
        let (end, _) = self.history_end()?;
        let index = self.index_up_to(end)?;
        let mut newest = NewestChanges {
            devices: index.devices.clone(),
            ..NewestChanges::default()
        };
        let mut segment_end = end;
        for checkpoint in index.checkpoints.iter().rev() {
            if checkpoint.offset < segment_end {
                let bytes = self.history_range(checkpoint.offset, segment_end)?;
                let decoded = decode_lines(&bytes, &checkpoint.sum).map_err(|error| {
                    StoreError::HistoryDamaged {
                        path: self.history_path(),
                        line: error.line,
                        reason: error.reason,
                    }
                })?;
                let mut changes = decoded.changes;
                changes.append(&mut newest.changes);
                newest.changes = changes;
                segment_end = checkpoint.offset;
            }
            if checkpoint.offset == 0 {
                newest.earlier_no_later_than = None;
                break;
            }
            // A checkpoint that knows no time bounds nothing.
            let unknown = chrono::DateTime::<chrono::Utc>::MAX_UTC.fixed_offset();
            newest.earlier_no_later_than = Some(checkpoint.latest.unwrap_or(unknown));
            if enough(&newest) {
                break;
            }
        }
        Ok(newest)
    }

    fn history_range(&self, from: u64, to: u64) -> Result<Vec<u8>, StoreError> {
        let path = self.history_path();
        plain_file::read_range(&path, from, to, MAX_HISTORY_BYTES, Links::Follow)
            .map_err(|problem| guarded_error(&path, problem))
            .map(Option::unwrap_or_default)
    }

    /// The index of the history's first `end` bytes: the one kept, extended
    /// over what was appended, or one made anew; kept again when it changed.
    /// The end itself is no checkpoint unless it falls on one: the lines
    /// after the last checkpoint are read as the last segment.
    fn index_up_to(&self, end: u64) -> Result<HistoryIndex, StoreError> {
        let path = self.home.join(INDEX_FILE);
        let kept: HistoryIndex = plain_file::read(&path, MAX_INDEX_BYTES, Links::Refuse)
            .ok()
            .flatten()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        let mut index = match kept.checkpoints.last() {
            Some(checkpoint) if self.ends_with(checkpoint, end)? => kept,
            _ => HistoryIndex {
                checkpoints: vec![Checkpoint::default()],
                devices: BTreeSet::new(),
            },
        };
        let before = index.clone();
        let start = index.checkpoints.last().map_or(0, |c| c.offset);
        if start < end {
            let mut latest = index.checkpoints.last().and_then(|c| c.latest);
            let mut lines = 0;
            self.for_each_line(start, end, |line, offset| {
                index.take_line(line, offset, &mut latest, &mut lines);
                Ok(())
            })?;
        }
        if index != before
            && self.keeps_caches
            && let Ok(text) = serde_json::to_vec(&index)
        {
            let _ = std::fs::create_dir_all(self.cache_directory());
            let _ = write_atomically(&path, &text, Durability::Cache);
        }
        Ok(index)
    }

    /// Whether the history still has, at the checkpoint's offset (within
    /// its first `end` bytes), the line carrying the checkpoint's sum.
    fn ends_with(&self, checkpoint: &Checkpoint, end: u64) -> Result<bool, StoreError> {
        if checkpoint.offset == 0 {
            return Ok(checkpoint.sum.is_empty());
        }
        if checkpoint.offset > end {
            return Ok(false);
        }
        let from = checkpoint.offset.saturating_sub(SUM_TAIL_LENGTH);
        let bytes = self.history_range(from, checkpoint.offset)?;
        Ok(sum_at_end(&bytes) == Some(checkpoint.sum.as_str()))
    }
}

impl HistoryIndex {
    /// Indexes one line of the history, ending at `offset`, counted from
    /// the last checkpoint: a checkpoint after every [`SEGMENT_LINES`] lines.
    fn take_line(
        &mut self,
        line: &[u8],
        offset: u64,
        latest: &mut Option<Timestamp>,
        lines: &mut u64,
    ) {
        if let Some(time) = history::field(line, Field::At).and_then(timestamp::parse) {
            *latest = (*latest).max(Some(time));
        }
        if let Some(device) = history::field(line, Field::Device)
            && !self.devices.contains(device)
        {
            self.devices.insert(device.to_string());
        }
        *lines += 1;
        if (*lines).is_multiple_of(SEGMENT_LINES) {
            let mut with_newline = line.to_vec();
            with_newline.push(b'\n');
            self.checkpoints.push(Checkpoint {
                offset,
                sum: sum_at_end(&with_newline).unwrap_or_default().to_string(),
                latest: *latest,
            });
        }
    }
}
