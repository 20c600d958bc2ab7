//! The learner's settings, `config.yaml` in the home: for now, the name
//! exports and sync folders carry for a mentor's `cohort` report.

use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::atomic_file::{Durability, write_atomically};
use crate::plain_file::{self, FileProblem, Links};

const CONFIG_FILE: &str = "config.yaml";

/// The file in a sync folder that names its learner, for `cohort`.
pub(crate) const LEARNER_FILE: &str = "learner.txt";

/// More than any settings file holds; a larger one is read no further.
const SETTINGS_LIMIT: u64 = 64 * 1024;

/// The longest name kept, in characters.
pub(crate) const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

/// A name as given, trimmed; `None` when it is empty, too long or holds a
/// control character.
pub(crate) fn valid_name(name: &str) -> Option<String> {
    let name = name.trim();
    let fine = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && !crate::control::has_forbidden(name)
        // A tab or a line break would split the cohort's table and CSV (issue 22).
        && !name.contains(char::is_control);
    fine.then(|| name.to_string())
}

/// A small settings file's text, `None` when there is none, through the
/// one guarded reader: a FIFO a sync tool or another device left there
/// would block, a device never ends.
fn read_plain(path: &Path, links: Links) -> Result<Option<String>, FileProblem> {
    match plain_file::read_text(path, SETTINGS_LIMIT, links) {
        Ok(text) => Ok(text),
        Err(Some(problem)) => Err(problem),
        Err(None) => Err(FileProblem::Io(io::ErrorKind::InvalidData)),
    }
}

fn read(home: &Path) -> Result<Config, StoreError> {
    let path = home.join(CONFIG_FILE);
    let text = match read_plain(&path, Links::Follow) {
        Ok(Some(text)) => text,
        Ok(None) => return Ok(Config::default()),
        Err(reason) => return Err(StoreError::Unreadable { path, reason }),
    };
    crate::yaml::parse(&text).map_err(|error| StoreError::Invalid {
        path,
        line: error.line,
        column: error.column,
        reason: error.message,
    })
}

/// The name a sync folder's learner set (`sync --name`, `config name`), if
/// any readable one.
pub(crate) fn folder_learner(folder: &Path) -> Option<String> {
    // The folder is shared: a link there could point at any file of the reader's.
    read_plain(&folder.join(LEARNER_FILE), Links::Refuse)
        .ok()
        .flatten()
        .and_then(|text| valid_name(&text))
}

/// Names a sync folder's learner; the file is only rewritten when the name
/// changes, so two devices syncing the same folder do not race over it.
pub(crate) fn set_folder_learner(folder: &Path, name: &str) -> io::Result<()> {
    if folder_learner(folder).as_deref() == Some(name) {
        return Ok(());
    }
    write_atomically(
        &folder.join(LEARNER_FILE),
        format!("{name}\n").as_bytes(),
        Durability::Synced,
    )
}

/// The learner's name, if one was set.
pub(crate) fn learner_name(home: &Path) -> Result<Option<String>, StoreError> {
    Ok(read(home)?.name.as_deref().and_then(valid_name))
}

/// Sets the learner's name (already checked with [`valid_name`]).
pub(crate) fn set_learner_name(home: &Path, name: &str) -> Result<(), StoreError> {
    let mut config = read(home)?;
    config.name = Some(name.to_string());
    let path = home.join(CONFIG_FILE);
    let write_error = |reason: FileProblem| StoreError::Write {
        path: path.clone(),
        reason,
    };
    let text = crate::yaml::to_string(&config)
        .map_err(|_| write_error(FileProblem::Io(io::ErrorKind::InvalidData)))?;
    std::fs::create_dir_all(home).map_err(|error| write_error(error.into()))?;
    write_atomically(&path, text.as_bytes(), Durability::Synced)
        .map_err(|error| write_error(error.into()))
}
