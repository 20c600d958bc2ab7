//! Reading a roadmap: the built-in one compiled into the binary, or a user's file.

use std::path::{Path, PathBuf};

use super::Roadmap;
use super::validate::{Problem, validate};
use crate::yaml::{self, YamlError};

/// The built-in roadmap's YAML, compiled in so smm-path works with no files around.
pub const BUILTIN_SOURCE: &str = include_str!("../../roadmap/social-media-manager.yaml");

/// The name shown for the built-in roadmap in messages.
const BUILTIN_NAME: &str = "<built-in>/roadmap/social-media-manager.yaml";

/// Why a roadmap could not be used.
#[derive(Debug)]
pub enum RoadmapError {
    /// The file could not be read.
    Unreadable { path: PathBuf, reason: String },
    /// The YAML is malformed or does not fit the roadmap format.
    Syntax { path: PathBuf, error: YamlError },
    /// The YAML parses but breaks the roadmap's rules.
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

/// The built-in roadmap.
pub fn load_builtin() -> Result<Roadmap, RoadmapError> {
    parse_roadmap(BUILTIN_SOURCE, Path::new(BUILTIN_NAME))
}

/// A roadmap from a file of the same format as the built-in one.
pub fn load_file(path: &Path) -> Result<Roadmap, RoadmapError> {
    let text = std::fs::read_to_string(path).map_err(|error| RoadmapError::Unreadable {
        path: path.to_path_buf(),
        reason: error.to_string(),
    })?;
    parse_roadmap(&text, path)
}

/// Parses and validates roadmap YAML; `path` only names it in errors.
pub fn parse_roadmap(text: &str, path: &Path) -> Result<Roadmap, RoadmapError> {
    let roadmap: Roadmap = yaml::parse(text).map_err(|error| RoadmapError::Syntax {
        path: path.to_path_buf(),
        error,
    })?;
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
