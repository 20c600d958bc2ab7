//! The copies file-sync tools make when two devices wrote one of the home's files, known by each tool's naming.
//!
//! A home kept in a synced folder (which the README advises against) gets
//! a copy of `progress.yaml` or `history.jsonl` whenever two devices wrote
//! it before the tool carried one to the other. Each tool names the copy
//! its own way, and only these names are taken for copies, each for the
//! one file of the home it is named after, so a file of the user's that
//! merely has a number or a dash in its name is left alone:
//!
//! | tool | copy of `history.jsonl` |
//! |---|---|
//! | Syncthing | `history.sync-conflict-20261120-110000-ABCDEFG.jsonl` (date, time, device; older versions leave the device out) |
//! | Dropbox | `history (Dewi's conflicted copy 2026-11-20).jsonl`, in the account's language (a date in parentheses), or with "conflict" in them (`(Case Conflict)`), with ` (1)` when there are several |
//! | OneDrive | `history-LAPTOP-AB12.jsonl`: the computer's name appended |
//! | Google Drive | `history (1).jsonl` |
//! | iCloud Drive | `history 2.jsonl` |

use super::layout::{HISTORY_FILE, LEGACY_HISTORY_FILE, STATE_FILE};

/// The tool whose naming a conflict copy follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SyncTool {
    Syncthing,
    Dropbox,
    OneDrive,
    GoogleDrive,
    ICloud,
}

/// Which file of the home `name` is a conflict copy of, and whose naming
/// it follows; `None` for any other name. Letter case is ignored: the file
/// systems of Windows and macOS ignore it too.
pub(crate) fn conflict_copy_of(name: &str) -> Option<(&'static str, SyncTool)> {
    let lower = name.to_lowercase();
    [STATE_FILE, HISTORY_FILE].into_iter().find_map(|file| {
        let (stem, extension) = file.rsplit_once('.')?;
        let tag = lower
            .strip_prefix(stem)?
            .strip_suffix(extension)?
            .strip_suffix('.')?;
        // The legacy history (`history-v2.jsonl`) and OneDrive's copies of
        // it are files of their own, not copies of `history.jsonl`.
        let legacy_stem = LEGACY_HISTORY_FILE.strip_suffix(".jsonl")?;
        if file == HISTORY_FILE && format!("{stem}{tag}").starts_with(legacy_stem) {
            return None;
        }
        tool_of(tag).map(|tool| (file, tool))
    })
}

/// The tool that puts `tag` between a file's stem and its extension.
fn tool_of(tag: &str) -> Option<SyncTool> {
    if is_syncthing(tag) {
        Some(SyncTool::Syncthing)
    } else if is_dropbox(tag) {
        Some(SyncTool::Dropbox)
    } else if is_numbered_in_parentheses(tag) {
        Some(SyncTool::GoogleDrive)
    } else if is_icloud(tag) {
        Some(SyncTool::ICloud)
    } else if is_onedrive(tag) {
        Some(SyncTool::OneDrive)
    } else {
        None
    }
}

fn all_digits(text: &str, count: usize) -> bool {
    text.len() == count && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// `.sync-conflict-YYYYMMDD-HHMMSS`, then `-` and the 7 characters of the
/// device that made the change (Syncthing 0.14.4 on).
fn is_syncthing(tag: &str) -> bool {
    let Some(rest) = tag.strip_prefix(".sync-conflict-") else {
        return false;
    };
    let mut parts = rest.split('-');
    let (Some(date), Some(time)) = (parts.next(), parts.next()) else {
        return false;
    };
    let device = parts.next();
    all_digits(date, 8)
        && all_digits(time, 6)
        && parts.next().is_none()
        && device.is_none_or(|device| {
            device.len() == 7 && device.bytes().all(|byte| byte.is_ascii_alphanumeric())
        })
}

/// ` (…)`, optionally followed by ` (N)`, where the parentheses hold
/// "conflict" (Dropbox's English names) or end with a `YYYY-MM-DD` date
/// (its names in every language: "conflicted copy" is translated, the
/// date is not).
fn is_dropbox(tag: &str) -> bool {
    let tag = match tag.rsplit_once(" (") {
        Some((before, number))
            if before.ends_with(')')
                && number
                    .strip_suffix(')')
                    .is_some_and(|n| !n.is_empty() && n.len() <= 3 && all_digits(n, n.len())) =>
        {
            before
        }
        _ => tag,
    };
    let Some(inside) = tag
        .strip_prefix(" (")
        .and_then(|rest| rest.strip_suffix(')'))
    else {
        return false;
    };
    if inside.contains('(') || inside.contains(')') {
        return false;
    }
    inside.contains("conflict") || ends_with_date(inside)
}

/// Whether `text` ends with ` YYYY-MM-DD`.
fn ends_with_date(text: &str) -> bool {
    let Some((_, date)) = text.rsplit_once(' ') else {
        return false;
    };
    let mut parts = date.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(year), Some(month), Some(day), None)
            if all_digits(year, 4) && all_digits(month, 2) && all_digits(day, 2)
    )
}

/// ` (N)`: Google Drive's copy (and the numbering of several Dropbox ones).
fn is_numbered_in_parentheses(tag: &str) -> bool {
    tag.strip_prefix(" (")
        .and_then(|rest| rest.strip_suffix(')'))
        .is_some_and(|number| {
            !number.is_empty() && number.len() <= 3 && all_digits(number, number.len())
        })
}

/// ` N` with N from 2: iCloud Drive's copy (its first copy is ` 2`).
fn is_icloud(tag: &str) -> bool {
    tag.strip_prefix(' ').is_some_and(|number| {
        !number.is_empty()
            && number.len() <= 3
            && all_digits(number, number.len())
            && !number.starts_with('0')
            && number != "1"
    })
}

/// `-NAME`: OneDrive appends the computer's name, which is a host name:
/// letters, digits and dashes, up to 63, starting with a letter or digit.
fn is_onedrive(tag: &str) -> bool {
    tag.strip_prefix('-').is_some_and(|computer| {
        (1..=63).contains(&computer.len())
            && computer
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
            && computer
                .bytes()
                .next()
                .is_some_and(|byte| byte.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tool_is_known_by_its_naming() {
        for (name, file, tool) in [
            (
                "progress.sync-conflict-20261120-110000-ABCDEFG.yaml",
                STATE_FILE,
                SyncTool::Syncthing,
            ),
            (
                "history.sync-conflict-20261120-110000.jsonl",
                HISTORY_FILE,
                SyncTool::Syncthing,
            ),
            (
                "history (Dewi's conflicted copy 2026-11-20).jsonl",
                HISTORY_FILE,
                SyncTool::Dropbox,
            ),
            (
                "progress (DESKTOP-UMS014A's conflicted copy 2026-11-20) (1).yaml",
                STATE_FILE,
                SyncTool::Dropbox,
            ),
            (
                "history (conflicted copy).jsonl",
                HISTORY_FILE,
                SyncTool::Dropbox,
            ),
            (
                "History (Case Conflict).jsonl",
                HISTORY_FILE,
                SyncTool::Dropbox,
            ),
            (
                "progress (Salinan Dewi yang bentrok 2026-11-20).yaml",
                STATE_FILE,
                SyncTool::Dropbox,
            ),
            ("progress-LAPTOP-AB12.yaml", STATE_FILE, SyncTool::OneDrive),
            ("history-dewi-pc.jsonl", HISTORY_FILE, SyncTool::OneDrive),
            ("progress (1).yaml", STATE_FILE, SyncTool::GoogleDrive),
            ("history (12).jsonl", HISTORY_FILE, SyncTool::GoogleDrive),
            ("progress 2.yaml", STATE_FILE, SyncTool::ICloud),
            ("history 3.jsonl", HISTORY_FILE, SyncTool::ICloud),
        ] {
            assert_eq!(conflict_copy_of(name), Some((file, tool)), "{name}");
        }
    }

    #[test]
    fn the_homes_own_files_and_other_names_are_not_copies() {
        for name in [
            "progress.yaml",
            "history.jsonl",
            "history-v2.jsonl",
            "history-v2-LAPTOP.jsonl",
            "progress.yaml.bak",
            "progress.yaml.broken-2026-12-05T14:30:00+07:00",
            "history.jsonl.broken-2026-12-05T14:30:00+07:00",
            ".progress.yaml.0123456789abcdef.tmp",
            "progress.yaml.lock",
            "progress 1.yaml",
            "progress 02.yaml",
            "progress (draft).yaml",
            "progress ().yaml",
            "progress (1).yml",
            "history.sync-conflict-2026-110000.jsonl",
            "history.sync-conflict-20261120-110000-TOOLONGID.jsonl",
            "history-.jsonl",
            "history--x.jsonl",
            "history_laptop.jsonl",
            "progress.yaml (1)",
            "notes (1).yaml",
            "a1b2c3d4e5f60718.jsonl",
            "config.yaml",
        ] {
            assert_eq!(conflict_copy_of(name), None, "{name}");
        }
    }
}
