//! Reading a roadmap: the built-in one compiled into the binary, or a user's file.

use std::path::{Path, PathBuf};

use super::Roadmap;
use super::validate::{Problem, validate};
use crate::cache::{self, Fingerprint};
use crate::plain_file::{self, FileProblem, Links};
use crate::yaml::{self, YamlError};

/// Why a roadmap could not be used (its `Display`, the English wording, is
/// in [`crate::error`]).
#[derive(Debug, thiserror::Error)]
pub enum RoadmapError {
    /// The file could not be read.
    Unreadable {
        path: PathBuf,
        #[source]
        reason: FileProblem,
    },
    /// The YAML is malformed or does not fit the roadmap format.
    Syntax {
        path: PathBuf,
        #[source]
        error: YamlError,
    },
    /// The YAML parses but breaks the roadmap's rules.
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

/// The built-in roadmap, as `build.rs` generated it from `roadmap/social-media-manager.yaml`.
static BUILTIN: Roadmap = {
    #[allow(unused_imports)]
    use super::{Phase, PracticalAction, Resource, ResourceKind, Step, Text, VersionNote};
    use std::borrow::Cow;
    include!(concat!(env!("OUT_DIR"), "/builtin_roadmap.rs"))
};

/// The built-in roadmap. Its text is borrowed from the binary, so the
/// copy costs a few pointers.
pub fn load_builtin() -> Roadmap {
    BUILTIN.clone()
}

/// Five times the largest roadmap measured (100,000 steps take 48 MB).
const MAX_ROADMAP_BYTES: u64 = 256 * 1024 * 1024;

/// Refuses what is not a plain file of a sane size: `/dev/zero` never ends,
/// a FIFO may never be written to, and either would hang every command.
fn check_roadmap_file(path: &Path) -> Result<(), RoadmapError> {
    let unreadable = |reason: FileProblem| RoadmapError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    match plain_file::check(path, MAX_ROADMAP_BYTES, Links::Follow) {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(unreadable(FileProblem::Io(std::io::ErrorKind::NotFound))),
        Err(problem) => Err(unreadable(problem)),
    }
}

/// A roadmap file's text, once it is shown to be a plain file of a sane size.
pub(crate) fn read_roadmap_text(path: &Path) -> Result<String, RoadmapError> {
    let unreadable = |reason: FileProblem| RoadmapError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    match plain_file::read_text(path, MAX_ROADMAP_BYTES, Links::Follow) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(unreadable(FileProblem::Io(std::io::ErrorKind::NotFound))),
        Err(Some(problem)) => Err(unreadable(problem)),
        Err(None) => Err(unreadable(FileProblem::Io(std::io::ErrorKind::InvalidData))),
    }
}

/// A roadmap from a file of the same format as the built-in one. With a
/// `cache_directory`, the parsed form is kept there and reused for as long
/// as the file's bytes stay the same.
pub fn load_file(path: &Path, cache_directory: Option<&Path>) -> Result<Roadmap, RoadmapError> {
    let unreadable = |reason: FileProblem| RoadmapError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    check_roadmap_file(path)?;
    let cache_path = cache_directory.map(|directory| cache::path_for(directory, path));
    if let Some(cache_path) = &cache_path {
        let fingerprint = Fingerprint::of_file(path).map_err(|error| unreadable(error.into()))?;
        if let Some(roadmap) = cache::read(cache_path, &fingerprint) {
            return Ok(roadmap);
        }
    }
    let bytes = plain_file::read(path, MAX_ROADMAP_BYTES, Links::Follow)
        .map_err(unreadable)?
        .ok_or_else(|| unreadable(FileProblem::Io(std::io::ErrorKind::NotFound)))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| unreadable(FileProblem::Io(std::io::ErrorKind::InvalidData)))?;
    let roadmap = parse_roadmap(text, path)?;
    if let Some(cache_path) = &cache_path {
        cache::write(cache_path, &Fingerprint::of_bytes(&bytes), &roadmap);
    }
    Ok(roadmap)
}

/// Parses and validates roadmap YAML; `path` only names it in errors.
pub fn parse_roadmap(text: &str, path: &Path) -> Result<Roadmap, RoadmapError> {
    let mut roadmap: Roadmap = yaml::parse(text).map_err(|error| RoadmapError::Syntax {
        path: path.to_path_buf(),
        error,
    })?;
    roadmap.key_plain_actions();
    let problems = validate(&roadmap);
    if problems.is_empty() {
        Ok(roadmap)
    } else {
        Err(RoadmapError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The YAML `build.rs` compiles the built-in roadmap from.
    const BUILTIN_SOURCE: &str = include_str!("../../roadmap/social-media-manager.yaml");

    #[test]
    fn the_compiled_roadmap_equals_a_fresh_parse_of_the_yaml() {
        let parsed = parse_roadmap(
            BUILTIN_SOURCE,
            Path::new("roadmap/social-media-manager.yaml"),
        )
        .expect("the built-in roadmap parses and validates");
        assert_eq!(load_builtin(), parsed);
        assert_eq!(parsed.steps.len(), 20);
    }
}
