//! Reading a roadmap: the built-in one compiled into the binary, or a user's file.

use std::path::{Path, PathBuf};

use super::Roadmap;
use super::packed;
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
        // Known from the file's metadata while it stays unchanged, so the
        // file is not read at all; else its bytes are hashed.
        let memo = cache_path.with_extension("stat");
        let fingerprint = if let Some(fingerprint) = cache::remembered_fingerprint(&memo, path) {
            fingerprint
        } else {
            let fingerprint =
                Fingerprint::of_file(path).map_err(|error| unreadable(error.into()))?;
            cache::remember_fingerprint(&memo, path, &fingerprint);
            fingerprint
        };
        if let Some(roadmap) = cache::read_bytes(cache_path, &fingerprint).and_then(packed::decode)
        {
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
        let fingerprint = Fingerprint::of_bytes(&bytes);
        cache::write_bytes(cache_path, &fingerprint, &packed::encode(&roadmap));
        // The JSON cache an earlier smm-path kept for the same file.
        let _ = std::fs::remove_file(cache_path.with_extension("json"));
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

/// At most this many unknown fields and values are set aside in one file:
/// each costs a parse of the whole text.
const MAX_SET_ASIDE: usize = 100;

/// Like [`parse_roadmap`], but an unknown field or value does not hide the
/// rest of the file: it is noted, set aside in a copy of the text, and the
/// parse goes on, so that `roadmap validate` lists every problem at once
/// (issue 22). A file with any of them is still refused.
pub(crate) fn parse_roadmap_listing_all(text: &str, path: &Path) -> Result<Roadmap, RoadmapError> {
    let mut problems = Vec::new();
    let mut text = std::borrow::Cow::Borrowed(text);
    loop {
        match yaml::parse::<Roadmap>(&text) {
            Ok(mut roadmap) => {
                roadmap.key_plain_actions();
                problems.extend(validate(&roadmap));
                if problems.is_empty() {
                    return Ok(roadmap);
                }
                break;
            }
            Err(error) => {
                let repaired = if problems.len() < MAX_SET_ASIDE {
                    set_aside(&text, &error)
                } else {
                    None
                };
                if repaired.is_none() && problems.is_empty() {
                    return Err(RoadmapError::Syntax {
                        path: path.to_path_buf(),
                        error,
                    });
                }
                problems.push(Problem::Unparsed {
                    line: error.line,
                    column: error.column,
                    message: error.message,
                });
                match repaired {
                    Some(repaired) => text = std::borrow::Cow::Owned(repaired),
                    None => break,
                }
            }
        }
    }
    Err(RoadmapError::Invalid {
        path: path.to_path_buf(),
        problems,
    })
}

/// The text with the unknown field or value `error` names set aside, line
/// numbers kept: a key of a block mapping is blanked with all of its value,
/// an unknown value replaced by the first known one. `None` when the error
/// is another or its place is not plainly one of these (a flow mapping).
fn set_aside(text: &str, error: &YamlError) -> Option<String> {
    let index = usize::try_from(error.line).ok()?.checked_sub(1)?;
    let column = usize::try_from(error.column).ok()?.checked_sub(1)?;
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let line = lines.get(index)?.clone();
    let start = line.char_indices().nth(column)?.0;
    let (before, at) = line.split_at(start);
    let ending = &line[line.trim_end_matches(['\r', '\n']).len()..];
    let backticked = |name: &str| name.trim().trim_matches('`').to_string();
    if let Some(rest) = error.message.strip_prefix("unknown field ") {
        let name = backticked(rest.split(", expected").next()?);
        let is_block_key = before.chars().all(|c| c == ' ' || c == '-')
            && at
                .strip_prefix(name.as_str())
                .is_some_and(|after| after.trim_start().starts_with(':'));
        if !is_block_key {
            return None;
        }
        let key_indent = before.len();
        lines[index] = format!("{}{ending}", before.trim_end());
        // Its value: the lines indented deeper, or a list at its own depth.
        for line in lines.iter_mut().skip(index + 1) {
            let content = line.trim_end_matches(['\r', '\n']);
            let indent = content.len() - content.trim_start().len();
            let belongs = content.trim().is_empty()
                || indent > key_indent
                || (indent == key_indent && content.trim_start().starts_with('-'));
            if !belongs {
                break;
            }
            let ending = line[content.len()..].to_string();
            *line = ending;
        }
        return Some(lines.concat());
    }
    let rest = error.message.strip_prefix("unknown variant ")?;
    let (name, expected) = rest.split_once(", expected ")?;
    let name = backticked(name);
    let known = backticked(expected.trim_start_matches("one of ").split(", ").next()?);
    let quoted = at
        .chars()
        .next()
        .filter(|quote| ['"', '\''].contains(quote))
        .and_then(|quote| {
            at[1..]
                .strip_prefix(name.as_str())
                .filter(|after| after.starts_with(quote))
                .map(|_| name.len() + 2)
        });
    let length = quoted.or_else(|| at.starts_with(name.as_str()).then_some(name.len()))?;
    lines[index] = format!("{before}{known}{}", &at[length..]);
    Some(lines.concat())
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

    #[test]
    fn unknown_fields_and_values_are_set_aside_and_the_rest_still_checked() {
        let text = "id: x\nversion: 1\ntitle: X\nsteps:\n  - id: Bad_Id\n    title: A\n    colour:\n      - red\n      - blue\n    summary: S\n    resources:\n      - title: R\n        url: https://example.com/\n        kind: 'podcast'\n        language: en\n  - colour: red\n    id: b\n    title: B\n    summary: S\n";
        let Err(RoadmapError::Invalid { problems, .. }) =
            parse_roadmap_listing_all(text, Path::new("x.yaml"))
        else {
            panic!("the file is refused with its problems");
        };
        let places: Vec<(u64, u64)> = problems
            .iter()
            .filter_map(|problem| match problem {
                Problem::Unparsed { line, column, .. } => Some((*line, *column)),
                _ => None,
            })
            .collect();
        assert_eq!(places, [(7, 5), (14, 15), (16, 5)]);
        assert!(problems.contains(&Problem::BadStepId {
            number: 1,
            id: "Bad_Id".into()
        }));
        assert_eq!(problems.len(), 4, "{problems:?}");
        // A file with no unknown field is parsed as `parse_roadmap` parses it.
        assert_eq!(
            parse_roadmap_listing_all(BUILTIN_SOURCE, Path::new("b.yaml")).ok(),
            Some(load_builtin())
        );
    }
}
