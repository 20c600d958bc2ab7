//! The one place that calls the YAML library, for roadmaps and the state file alike.
//!
//! Keeping serde-saphyr behind these two functions means its error type, its
//! resource budget (which stops alias bombs) and its output style are decided
//! once, and the rest of the program sees plain Rust values and [`YamlError`].

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why a YAML text could not be turned into a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct YamlError {
    /// 1-based line of the problem, 0 when unknown.
    pub line: u64,
    /// 1-based column of the problem, 0 when unknown.
    pub column: u64,
    /// The problem in one line, without location.
    pub message: String,
    /// The library's full report: the message with a snippet of the input.
    pub report: String,
}

/// The parser's limits. The library's defaults suit configuration files;
/// roadmaps and progress of 100,000 steps have millions of nodes, so the
/// counts are raised. The alias limits, which stop "billion laughs" bombs
/// that expand a small file into a huge one, stay at their defaults.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: 50_000_000,
            max_nodes: 25_000_000,
            max_total_scalar_bytes: 512 * 1024 * 1024,
        },
    }
}

/// Parses one YAML document into `T`.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str_with_options(text, options()).map_err(|error| {
        let (line, column) = error
            .location()
            .map_or((0, 0), |location| (location.line(), location.column()));
        let message = error.without_snippet().to_string();
        let message = message.lines().next().unwrap_or_default().trim();
        // The location is reported separately; drop the library's copy of it.
        let location = format!(" at line {line}, column {column}");
        let message = message
            .strip_suffix(&location)
            .unwrap_or(message)
            .to_string();
        YamlError {
            line,
            column,
            message,
            report: error.to_string(),
        }
    })
}

/// Writes `value` as a YAML document.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    serde_saphyr::to_string(value).map_err(|error| error.to_string())
}
