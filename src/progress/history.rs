//! The history's line format: one change per line, each line's checksum chained to the line before.
//!
//! Lines written since state format 4 start with the change's random
//! `id`; earlier lines have none, and their identity is a hash of their
//! content (see `ChangeId`). Both kinds are read, and a line is never
//! rewritten, so a history keeps both.
//!
//! A line is the change as JSON with one more field, written last:
//! `{...,"sum":"0123456789abcdef"}`. The sum is XXH3 of the previous line's
//! sum and this line's text before the field, so it covers the whole
//! history up to that line. Two things follow. A snapshot can name "the
//! history up to here" by a byte length and the sum found at its end, and a
//! reader checks that claim by reading those few bytes, not the whole file.
//! And a line changed, lost or taken from another copy breaks the chain
//! where it happens. XXH3 guards against accidents (a torn write, a sync
//! tool's half copy), not against someone forging a history: whoever can
//! write the file can edit progress itself.

use xxhash_rust::xxh3::Xxh3;

use super::Change;
use crate::i18n::{Key, Lang, tr, word};

/// `,"sum":"` + 16 hex digits + `"}`.
const SUM_FIELD_LENGTH: usize = 26;
const SUM_FIELD_START: &[u8] = b",\"sum\":\"";

/// A line of the history that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HistoryError {
    /// 1-based, counted from the start of the text decoded.
    pub line: usize,
    pub reason: LineProblem,
}

/// Why a history line does not read; worded through the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe(Lang::En))]
pub enum LineProblem {
    NoChecksum,
    /// The line was changed, or lines before it are missing.
    ChecksumMismatch,
    /// Not a change smm-path writes: the JSON parser's message.
    NotAChange(String),
}

/// What a run of history lines holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Decoded {
    pub changes: Vec<Change>,
    /// The sum of the last whole line (the `previous` given, if none).
    pub last_sum: String,
    /// Bytes of whole lines: what follows is a line cut short by a crash
    /// before it was committed, and is not part of the history.
    pub whole_bytes: u64,
}

fn chain(previous: &str, body: &[u8]) -> String {
    let mut hasher = Xxh3::new();
    hasher.update(previous.as_bytes());
    hasher.update(b"\n");
    hasher.update(body);
    format!("{:016x}", hasher.digest())
}

impl LineProblem {
    /// The problem in the catalogue's words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            LineProblem::NoChecksum => word(lang, Key::LineNoChecksum).to_string(),
            LineProblem::ChecksumMismatch => word(lang, Key::LineChecksumMismatch).to_string(),
            LineProblem::NotAChange(message) => tr(
                lang,
                Key::LineNotAChange,
                &[("reason", &crate::i18n::parser_message(lang, message))],
            ),
        }
    }
}

/// Appends `changes` as lines to `out`, chained after a line whose sum is
/// `previous` (empty at the start of a file); returns the last line's sum.
pub(crate) fn encode_lines(changes: &[Change], previous: &str, out: &mut Vec<u8>) -> String {
    let mut previous = previous.to_string();
    for change in changes {
        // Serializing a plain struct of strings and numbers cannot fail.
        let json = serde_json::to_vec(change).unwrap_or_default();
        let Some(body) = json.strip_suffix(b"}") else {
            continue;
        };
        let sum = chain(&previous, body);
        out.extend_from_slice(body);
        out.extend_from_slice(SUM_FIELD_START);
        out.extend_from_slice(sum.as_bytes());
        out.extend_from_slice(b"\"}\n");
        previous = sum;
    }
    previous
}

/// The sum a whole line (without its newline) claims, and the text it
/// covers. A carriage return before the newline is not part of the line:
/// a git checkout with `core.autocrlf` (or a Windows editor) turns every
/// `\n` into `\r\n`, and the change is the same. smm-path itself writes `\n`.
fn split_sum(line: &[u8]) -> Option<(&[u8], &str)> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let split = line.len().checked_sub(SUM_FIELD_LENGTH)?;
    let (body, field) = line.split_at(split);
    let sum = field.strip_prefix(SUM_FIELD_START)?.strip_suffix(b"\"}")?;
    let sum = std::str::from_utf8(sum).ok()?;
    sum.bytes()
        .all(|byte| byte.is_ascii_hexdigit())
        .then_some((body, sum))
}

/// A whole line's text before its checksum field.
pub(super) fn body_of(line: &[u8]) -> Option<&[u8]> {
    split_sum(line).map(|(body, _)| body)
}

/// The sum written at the end of the line that ends just before `end` in
/// `tail`, which holds the last bytes before that point. `None` when the
/// bytes there are not the end of a history line.
pub(super) fn sum_at_end(tail: &[u8]) -> Option<&str> {
    let line = tail.strip_suffix(b"\n")?;
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let start = line.len().checked_sub(SUM_FIELD_LENGTH)?;
    split_sum(&line[start..]).map(|(_, sum)| sum)
}

/// How many bytes before a line's end [`sum_at_end`] needs: the sum
/// field and a line end of `\r\n` at most.
pub(super) const SUM_TAIL_LENGTH: u64 = SUM_FIELD_LENGTH as u64 + 2;

/// Reads one whole line (without its newline) chained after a line whose
/// sum is `previous`: the change, and the sum the line carries.
pub(super) fn decode_line<'a>(
    previous: &str,
    line: &'a [u8],
) -> Result<(Change, &'a str), LineProblem> {
    let (body, sum) = split_sum(line).ok_or(LineProblem::NoChecksum)?;
    if chain(previous, body) != sum {
        return Err(LineProblem::ChecksumMismatch);
    }
    let mut object = Vec::with_capacity(body.len() + 1);
    object.extend_from_slice(body);
    object.push(b'}');
    let change = serde_json::from_slice(&object)
        .map_err(|error| LineProblem::NotAChange(error.to_string()))?;
    Ok((change, sum))
}

/// Reads history lines chained after a line whose sum is `previous`. A
/// last line without its newline is a write that never completed: it is
/// left out (see [`Decoded::whole_bytes`]). Any other line that does not
/// read, or breaks the chain, is an error.
pub(crate) fn decode_lines(bytes: &[u8], previous: &str) -> Result<Decoded, HistoryError> {
    match decode_prefix(bytes, previous) {
        (decoded, None) => Ok(decoded),
        (_, Some(error)) => Err(error),
    }
}

/// Like [`decode_lines`], but keeps the whole lines before the first bad
/// one: a file another device is still writing, or a sync tool still
/// copying, gives what it has so far.
pub(crate) fn decode_prefix(bytes: &[u8], previous: &str) -> (Decoded, Option<HistoryError>) {
    let mut decoded = Decoded {
        changes: Vec::new(),
        last_sum: previous.to_string(),
        whole_bytes: 0,
    };
    let mut rest = bytes;
    let mut line_number = 0;
    while let Some(end) = rest.iter().position(|&byte| byte == b'\n') {
        line_number += 1;
        let line = &rest[..end];
        rest = &rest[end + 1..];
        match decode_line(&decoded.last_sum, line) {
            Ok((mut change, sum)) => {
                // What an undo left holds only right after the line it
                // was worked out after (see `UndoEffect`).
                if change
                    .undo_effect()
                    .is_some_and(|effect| effect.after != decoded.last_sum)
                {
                    change.forget_undo_effect();
                }
                decoded.changes.push(change);
                decoded.last_sum = sum.to_string();
                decoded.whole_bytes += end as u64 + 1;
            }
            Err(reason) => {
                let error = HistoryError {
                    line: line_number,
                    reason,
                };
                return (decoded, Some(error));
            }
        }
    }
    (decoded, None)
}

/// A field smm-path writes early in a line, before any text a person
/// typed: the fields before it (an id, a device id, a number, a time)
/// can hold none of these names.
#[derive(Debug, Clone, Copy)]
pub(super) enum Field {
    Device,
    At,
    Roadmap,
}

impl Field {
    /// Its searcher, built once: building one costs more than a search
    /// through the start of a line, and the history has a million lines.
    fn finder(self) -> &'static memchr::memmem::Finder<'static> {
        use std::sync::LazyLock;
        static DEVICE: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new(b"\"device\":\""));
        static AT: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new(b"\"at\":\""));
        static ROADMAP: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new(b"\"roadmap\":\""));
        match self {
            Field::Device => &DEVICE,
            Field::At => &AT,
            Field::Roadmap => &ROADMAP,
        }
    }
}

/// The text of `name` in a history line, without parsing the rest.
pub(super) fn field(line: &[u8], name: Field) -> Option<&str> {
    let finder = name.finder();
    let start = finder.find(line)? + finder.needle().len();
    let length = memchr::memchr(b'"', &line[start..])?;
    std::str::from_utf8(&line[start..start + length]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Op, Status};

    fn change(seq: u64) -> Change {
        Change {
            id: crate::progress::ChangeId::parse(&format!("{seq:032x}")).unwrap(),
            device: "d1".into(),
            seq,
            at: chrono::DateTime::parse_from_rfc3339("2026-11-01T10:00:00+07:00").unwrap(),
            roadmap: "r".into(),
            command: format!("done {seq}"),
            ops: vec![Op::Status {
                step: "a\"}\n".into(),
                from: Status::Todo,
                to: Status::Done,
                started: None,
                finished: None,
                reason: None,
            }],
        }
    }

    #[test]
    fn lines_round_trip_and_chain() {
        let mut bytes = Vec::new();
        let last = encode_lines(&[change(1), change(2)], "", &mut bytes);
        let decoded = decode_lines(&bytes, "").unwrap();
        assert_eq!(decoded.changes, vec![change(1), change(2)]);
        assert_eq!(decoded.last_sum, last);
        assert_eq!(decoded.whole_bytes, bytes.len() as u64);
        assert_eq!(sum_at_end(&bytes), Some(last.as_str()));

        // Another start of the chain, a changed byte, a missing line: refused.
        assert!(decode_lines(&bytes, "0000000000000000").is_err());
        let changed = String::from_utf8(bytes.clone())
            .unwrap()
            .replacen("done 2", "done 3", 1);
        assert_eq!(decode_lines(changed.as_bytes(), "").unwrap_err().line, 2);
        let first_end = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
        assert_eq!(decode_lines(&bytes[first_end..], "").unwrap_err().line, 1);

        // A line cut short by a crash is not part of the history.
        let torn = &bytes[..bytes.len() - 5];
        let decoded = decode_lines(torn, "").unwrap();
        assert_eq!(decoded.changes.len(), 1);
        assert_eq!(decoded.whole_bytes, first_end as u64);
    }

    #[test]
    fn lines_ending_in_crlf_read_as_the_same_changes() {
        let mut bytes = Vec::new();
        let last = encode_lines(&[change(1), change(2)], "", &mut bytes);
        let crlf = String::from_utf8(bytes).unwrap().replace('\n', "\r\n");
        let decoded = decode_lines(crlf.as_bytes(), "").unwrap();
        assert_eq!(decoded.changes, vec![change(1), change(2)]);
        assert_eq!(decoded.last_sum, last);
        assert_eq!(decoded.whole_bytes, crlf.len() as u64);
        assert_eq!(sum_at_end(crlf.as_bytes()), Some(last.as_str()));
        let tail = &crlf.as_bytes()[crlf.len() - usize::try_from(SUM_TAIL_LENGTH).unwrap()..];
        assert_eq!(sum_at_end(tail), Some(last.as_str()));
        // A carriage return anywhere else is still a changed line.
        let inside = crlf.replacen("done 2", "done\r2", 1);
        assert_eq!(decode_lines(inside.as_bytes(), "").unwrap_err().line, 2);
    }
}
