//! The history file, `history.jsonl`: reading all of it, or only what follows a snapshot.

use super::*;
use crate::plain_file::{self, Links};
use crate::progress::history::{self, Field, SUM_TAIL_LENGTH, decode_lines};
use crate::progress::{Change, HistoryMark, State, Timestamp, timestamp};

/// The history as read: its changes and where its committed part ends.
#[derive(Debug, Clone, Default)]
pub(super) struct HistoryRead {
    pub(super) changes: Vec<Change>,
    /// Bytes of whole lines; past this lies a line a crash cut short.
    pub(super) end: u64,
    pub(super) last_sum: String,
}

/// The piece of the history held in memory at once when it is read through.
const PIECE_BYTES: usize = 1024 * 1024;

impl ProgressStore {
    /// Hands each whole line of the history file between `from` and `to`
    /// (without its newline) to `each`, with the offset where it ends,
    /// reading the file a piece at a time: memory stays at one piece and
    /// one line, whatever the size. A last line without its newline is a
    /// write that never completed, and is left out.
    pub(super) fn for_each_line(
        &self,
        from: u64,
        to: u64,
        mut each: impl FnMut(&[u8], u64) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut offset = from;
        self.for_each_piece(from, to, |piece| {
            let mut start = 0;
            for newline in memchr::memchr_iter(b'\n', piece) {
                offset += (newline + 1 - start) as u64;
                each(&piece[start..newline], offset)?;
                start = newline + 1;
            }
            Ok(())
        })
    }

    /// Hands the whole lines of the history file between `from` and `to` to
    /// `each` a piece at a time (about [`PIECE_BYTES`], more for a longer
    /// line), for a search over many lines at once; a last line without
    /// its newline is left out, as in [`Self::for_each_line`].
    fn for_each_piece(
        &self,
        from: u64,
        to: u64,
        mut each: impl FnMut(&[u8]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        use std::io::{Read, Seek, SeekFrom};
        let path = self.history_path();
        let unreadable = |error: std::io::Error| StoreError::Unreadable {
            path: path.clone(),
            reason: error.into(),
        };
        let Some((mut file, _)) = plain_file::open(&path, MAX_HISTORY_BYTES, Links::Follow)
            .map_err(|problem| guarded_error(&path, problem))?
        else {
            return Ok(());
        };
        file.seek(SeekFrom::Start(from)).map_err(unreadable)?;
        let mut file = file.take(to.saturating_sub(from));
        let mut buffer = vec![0; PIECE_BYTES];
        // Bytes read but not yet handed on: the start of a line.
        let mut kept = 0;
        loop {
            if kept == buffer.len() {
                // A line longer than the buffer: room for it.
                buffer.resize(buffer.len() * 2, 0);
            }
            let read = loop {
                match file.read(&mut buffer[kept..]) {
                    Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                    other => break other.map_err(unreadable)?,
                }
            };
            if read == 0 {
                return Ok(());
            }
            let filled = kept + read;
            // Up to the last newline; the rest begins the next piece.
            kept = match memchr::memrchr(b'\n', &buffer[..filled]) {
                Some(last) => {
                    each(&buffer[..=last])?;
                    buffer.copy_within(last + 1..filled, 0);
                    filled - last - 1
                }
                None => filled,
            };
        }
    }

    /// Checks the whole history line by line, as [`Self::read_whole_history`]
    /// does, without keeping the changes: how many there are.
    pub(super) fn verify_history(&self) -> Result<usize, StoreError> {
        let mut previous = String::new();
        let mut count = 0;
        let path = self.history_path();
        self.for_each_line(0, u64::MAX, |line, _| {
            let (_, sum) = history::decode_line(&previous, line).map_err(|reason| {
                StoreError::HistoryDamaged {
                    path: path.clone(),
                    line: count + 1,
                    reason,
                }
            })?;
            previous.clear();
            previous.push_str(sum);
            count += 1;
            Ok(())
        })?;
        Ok(count)
    }

    /// Every change of `roadmap` that could bear on `steps` (and on the
    /// finish-by target, with `target`): those with an operation on one of
    /// them, and every undo. Only the lines that mention them are parsed,
    /// found by a byte search a piece of the file at a time, so `undo` on a
    /// long history costs a read of it, not a parse.
    pub fn changes_touching(
        &self,
        roadmap: &str,
        steps: &[&str],
        target: bool,
    ) -> Result<Vec<Change>, StoreError> {
        if self.snapshot_version()?.is_some_and(|version| version < 3) {
            let mut changes = self.read_history()?;
            changes.retain(|change| change.roadmap == roadmap);
            return Ok(changes);
        }
        let mut needles: Vec<Vec<u8>> = steps
            .iter()
            .map(|step| format!("\"step\":\"{step}\"").into_bytes())
            .collect();
        needles.push(b"{\"op\":\"undo\"".to_vec());
        if target {
            needles.push(b"{\"op\":\"target\"".to_vec());
        }
        let finders: Vec<memchr::memmem::Finder<'_>> =
            needles.iter().map(memchr::memmem::Finder::new).collect();
        let (end, _) = self.history_end()?;
        let path = self.history_path();
        let mut changes = Vec::new();
        let mut object = Vec::new();
        let mut lines_before = 0;
        let mut starts = Vec::new();
        // Each needle is searched through a whole piece at once, and only
        // the lines it is found in are looked at.
        self.for_each_piece(0, end, |piece| {
            starts.clear();
            for finder in &finders {
                // After a hit, the search goes on from the end of its line:
                // a long line mentioning a step many times (a hand edit of
                // many notes) is looked at once, not once per mention.
                let (mut from, mut line_start) = (0, 0);
                while let Some(found) = finder.find(&piece[from..]) {
                    let at = from + found;
                    line_start += memchr::memrchr(b'\n', &piece[line_start..at])
                        .map_or(0, |newline| newline + 1);
                    starts.push(line_start);
                    let line_end = memchr::memchr(b'\n', &piece[at..])
                        .map_or(piece.len(), |newline| at + newline);
                    from = (line_end + 1).min(piece.len());
                    line_start = from;
                }
            }
            starts.sort_unstable();
            starts.dedup();
            let mut counted_to = 0;
            for &start in &starts {
                lines_before += memchr::memchr_iter(b'\n', &piece[counted_to..start]).count();
                counted_to = start;
                let length = memchr::memchr(b'\n', &piece[start..]).unwrap_or(piece.len() - start);
                let line = &piece[start..start + length];
                if history::field(line, Field::Roadmap) != Some(roadmap) {
                    continue;
                }
                let damaged = |reason| StoreError::HistoryDamaged {
                    path: path.clone(),
                    line: lines_before + 1,
                    reason,
                };
                let body = history::body_of(line)
                    .ok_or_else(|| damaged(crate::progress::LineProblem::NoChecksum))?;
                object.clear();
                object.extend_from_slice(body);
                object.push(b'}');
                let change = serde_json::from_slice(&object).map_err(|error| {
                    damaged(crate::progress::LineProblem::NotAChange(error.to_string()))
                })?;
                changes.push(change);
            }
            lines_before += memchr::memchr_iter(b'\n', &piece[counted_to..]).count();
            Ok(())
        })?;
        Ok(changes)
    }

    /// The time of every change of `roadmap`, read without parsing the
    /// changes (for `stats`, `today` and `card`): the committed history a
    /// piece at a time. `state` is what [`Self::load`] or
    /// [`Self::load_without_notes`] gave the caller: its format says how the
    /// history is written, without reading the snapshot a second time.
    pub fn change_times(&self, state: &State, roadmap: &str) -> Result<Vec<Timestamp>, StoreError> {
        if state.version < 3 {
            let changes = self.read_history()?;
            return Ok(changes
                .iter()
                .filter(|change| change.roadmap == roadmap)
                .map(|change| change.at)
                .collect());
        }
        let (end, _) = self.history_end()?;
        let mut times = Vec::new();
        self.for_each_line(0, end, |line, _| {
            if history::field(line, Field::Roadmap) == Some(roadmap)
                && let Some(at) = history::field(line, Field::At).and_then(timestamp::parse)
            {
                times.push(at);
            }
            Ok(())
        })?;
        Ok(times)
    }

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
        // At most the checksum's tail, far below any memory limit.
        let before = usize::try_from(mark.bytes - start).unwrap_or(usize::MAX);
        if bytes.len() < before {
            // The read began at `start`: a shorter file gave nothing, so its
            // length is asked of the file itself.
            let has = std::fs::metadata(&path).map_or(start + bytes.len() as u64, |m| m.len());
            return Err(StoreError::HistoryBehind {
                path,
                has,
                needs: mark.bytes,
            });
        }
        if mark.bytes > 0 && history::sum_at_end(&bytes[..before]) != Some(mark.last.as_str()) {
            return match self.read_tail_by_line_count(&mark)? {
                Some(read) => Ok(read),
                None => Err(StoreError::HistoryMismatch { path }),
            };
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

    /// [`Self::read_tail`] for a history whose line ends became `\r\n`
    /// after the snapshot was written (a git checkout with `core.autocrlf`
    /// converts both files): the snapshot's byte length no longer falls at
    /// the end of its line, but its count of lines still does, and the sum
    /// found there tells it is the same history. `None` when the history
    /// holds no `\r\n` or the sum there is not the snapshot's. Reads the
    /// whole file, but only in a home converted so; the next snapshot
    /// written names the history by its new length.
    fn read_tail_by_line_count(
        &self,
        mark: &HistoryMark,
    ) -> Result<Option<HistoryRead>, StoreError> {
        let Some(bytes) = self.read_history_file(0)? else {
            return Ok(None);
        };
        if memchr::memmem::find(&bytes, b"\r\n").is_none() {
            return Ok(None);
        }
        let Some(last_line) = usize::try_from(mark.changes)
            .ok()
            .and_then(|changes| changes.checked_sub(1))
        else {
            return Ok(None);
        };
        let Some(end) = memchr::memchr_iter(b'\n', &bytes)
            .nth(last_line)
            .map(|at| at + 1)
        else {
            return Ok(None);
        };
        if history::sum_at_end(&bytes[..end]) != Some(mark.last.as_str()) {
            return Ok(None);
        }
        let decoded = decode_lines(&bytes[end..], &mark.last).map_err(|error| {
            StoreError::HistoryDamaged {
                path: self.history_path(),
                line: usize::try_from(mark.changes)
                    .unwrap_or(usize::MAX)
                    .saturating_add(error.line),
                reason: error.reason,
            }
        })?;
        Ok(Some(HistoryRead {
            changes: decoded.changes,
            end: end as u64 + decoded.whole_bytes,
            last_sum: decoded.last_sum,
        }))
    }
}
