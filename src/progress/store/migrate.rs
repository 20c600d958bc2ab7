//! Homes of formats 1 and 2, converted to changes the first time they are written.

use std::io::{self};

use super::*;
use crate::plain_file::Links;
use crate::progress::legacy::{LegacyEvent, legacy_changes};
use crate::progress::{Change, LineProblem, State};

impl ProgressStore {
    /// A format 1 or 2 home's history as changes of `device`, with the
    /// last sequence number used.
    pub(super) fn convert_legacy(
        &self,
        state: &State,
        device: &str,
    ) -> Result<(Vec<Change>, u64), StoreError> {
        let events = self.read_legacy_history(state)?;
        let mut changes = Vec::new();
        let mut seq = 0;
        let command = format!("migrated from format {}", state.version);
        for (roadmap_id, progress) in &state.roadmaps {
            let events: Vec<LegacyEvent> = events
                .iter()
                .filter(|event| event.roadmap == *roadmap_id)
                .cloned()
                .collect();
            let converted = legacy_changes(device, seq, roadmap_id, &events, progress, &command);
            seq = converted.last().map_or(seq, |change| change.seq);
            changes.extend(converted);
        }
        Ok((changes, seq))
    }

    /// The committed events of a format 2 history (format 1 had none).
    pub(super) fn read_legacy_history(
        &self,
        state: &State,
    ) -> Result<Vec<LegacyEvent>, StoreError> {
        let kept = self.home.join(LEGACY_HISTORY_FILE);
        let path = if kept.exists() {
            kept
        } else {
            self.history_path()
        };
        let damaged = |line: usize, reason: LineProblem| StoreError::HistoryDamaged {
            path: path.clone(),
            line,
            reason,
        };
        let mut bytes =
            read_guarded(&path, 0, MAX_HISTORY_BYTES, Links::Follow)?.unwrap_or_default();
        bytes.truncate(usize::try_from(state.history_length).unwrap_or(usize::MAX));
        if (bytes.len() as u64) < state.history_length {
            return Err(StoreError::HistoryBehind {
                path,
                has: bytes.len() as u64,
                needs: state.history_length,
            });
        }
        bytes
            .split(|&byte| byte == b'\n')
            .enumerate()
            .filter(|(_, line)| !line.is_empty())
            .map(|(index, line)| {
                serde_json::from_slice::<LegacyEvent>(line)
                    .map_err(|error| damaged(index + 1, LineProblem::NotAChange(error.to_string())))
            })
            .collect()
    }

    /// Moves a format 2 history aside before the converted one is written.
    pub(super) fn keep_legacy_history(&self) -> io::Result<()> {
        let kept = self.home.join(LEGACY_HISTORY_FILE);
        if kept.exists() {
            // An earlier conversion was interrupted: the old history is already kept.
            return Ok(());
        }
        match crate::atomic_file::rename_patiently(&self.history_path(), &kept) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            result => result,
        }
    }
}
