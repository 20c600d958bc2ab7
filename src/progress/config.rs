//! The learner's settings, `config.yaml` in the home: for now, the name
//! exports and sync folders carry for a mentor's `cohort` report.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::atomic_file::{Durability, write_atomically};

const CONFIG_FILE: &str = "config.yaml";

/// The longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

/// A name as given, trimmed; `None` when it is empty, too long or holds a
/// control character.
pub fn valid_name(name: &str) -> Option<String> {
    let name = name.trim();
    let fine = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && !crate::control::has_forbidden(name)
        && !name.contains('\n');
    fine.then(|| name.to_string())
}

fn read(home: &Path) -> Result<Config, StoreError> {
    let path = home.join(CONFIG_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(error) => {
            return Err(StoreError::Unreadable {
                path,
                reason: error.to_string(),
            });
        }
    };
    crate::yaml::parse(&text).map_err(|error| StoreError::Invalid {
        path,
        line: error.line,
        column: error.column,
        reason: error.message,
    })
}

/// The learner's name, if one was set.
pub fn learner_name(home: &Path) -> Result<Option<String>, StoreError> {
    Ok(read(home)?.name.as_deref().and_then(valid_name))
}

/// Sets the learner's name (already checked with [`valid_name`]).
pub fn set_learner_name(home: &Path, name: &str) -> Result<(), StoreError> {
    let mut config = read(home)?;
    config.name = Some(name.to_string());
    let path = home.join(CONFIG_FILE);
    let write_error = |reason: String| StoreError::Write {
        path: path.clone(),
        reason,
    };
    let text = crate::yaml::to_string(&config).map_err(write_error)?;
    std::fs::create_dir_all(home).map_err(|error| write_error(error.to_string()))?;
    write_atomically(&path, text.as_bytes(), Durability::Synced)
        .map_err(|error| write_error(error.to_string()))
}
