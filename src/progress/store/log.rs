//! The history file, `history.jsonl`: reading all of it, or only what follows a snapshot.

use super::*;
use crate::plain_file::Links;
use crate::progress::history::{self, SUM_TAIL_LENGTH, decode_lines};
use crate::progress::{Change, State};

/// The history as read: its changes and where its committed part ends.
#[derive(Debug, Clone, Default)]
pub(super) struct HistoryRead {
    pub(super) changes: Vec<Change>,
    /// Bytes of whole lines; past this lies a line a crash cut short.
    pub(super) end: u64,
    pub(super) last_sum: String,
}

impl ProgressStore {
    /// The history file's bytes from `offset`, `None` when there is no file.
    pub(super) fn read_history_file(&self, offset: u64) -> Result<Option<Vec<u8>>, StoreError> {
        read_guarded(
            &self.history_path(),
            offset,
            MAX_HISTORY_BYTES,
            Links::Follow,
        )
    }

    /// The whole history, checked line by line from the start.
    pub(super) fn read_whole_history(&self) -> Result<HistoryRead, StoreError> {
        let Some(bytes) = self.read_history_file(0)? else {
            return Ok(HistoryRead::default());
        };
        let decoded = decode_lines(&bytes, "").map_err(|error| StoreError::HistoryDamaged {
            path: self.history_path(),
            line: error.line,
            reason: error.reason,
        })?;
        Ok(HistoryRead {
            changes: decoded.changes,
            end: decoded.whole_bytes,
            last_sum: decoded.last_sum,
        })
    }

    /// The changes after the snapshot, once the history is shown to be the
    /// one the snapshot was made from: long enough, with the checksum the
    /// snapshot names at the point it names. Reads only what follows.
    pub(super) fn read_tail(&self, state: &State) -> Result<HistoryRead, StoreError> {
        let path = self.history_path();
        let mark = state.history.clone().unwrap_or_default();
        let start = mark.bytes.saturating_sub(SUM_TAIL_LENGTH);
        let bytes = match self.read_history_file(start)? {
            None if mark.bytes == 0 => Vec::new(),
            None => {
                return Err(StoreError::HistoryBehind {
                    path,
                    has: 0,
                    needs: mark.bytes,
                });
            }
            Some(bytes) => bytes,
        };
        let before = (mark.bytes - start) as usize;
        if bytes.len() < before {
            return Err(StoreError::HistoryBehind {
                path,
                has: start + bytes.len() as u64,
                needs: mark.bytes,
            });
        }
        if mark.bytes > 0 && history::sum_at_end(&bytes[..before]) != Some(mark.last.as_str()) {
            return Err(StoreError::HistoryMismatch { path });
        }
        let decoded = decode_lines(&bytes[before..], &mark.last).map_err(|error| {
            StoreError::HistoryDamaged {
                path: path.clone(),
                line: usize::try_from(mark.changes)
                    .unwrap_or(usize::MAX)
                    .saturating_add(error.line),
                reason: error.reason,
            }
        })?;
        Ok(HistoryRead {
            changes: decoded.changes,
            end: mark.bytes + decoded.whole_bytes,
            last_sum: decoded.last_sum,
        })
    }
}
