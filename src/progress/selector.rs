//! The STEP arguments users type: `5`, `1-3`, `1,4,7`, `content-strategy`;
//! and the ACTION (or RESOURCE) arguments inside a step: `5.2`, `5.1-3`,
//! `5.1,5.4`, `portfolio.real-accounts`.
//!
//! Parsing knows nothing of a roadmap, so it can be tested (and fuzzed) on
//! its own; resolving checks the parsed selectors against one.

use super::MarkKind;
use crate::roadmap::{Roadmap, Step};

/// One selector inside a STEP argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepSelector {
    /// A 1-based step number.
    Number(usize),
    /// An inclusive range of step numbers, low to high.
    Range(usize, usize),
    /// A step id.
    Id(String),
}

/// Why a STEP argument does not name steps of the roadmap (its `Display`,
/// the English wording, is in [`crate::error`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectorError {
    /// Not a number, range, list or id.
    Invalid { input: String },
    /// `5-2`.
    Reversed { input: String, suggestion: String },
    /// A number outside 1..=count.
    OutOfRange { number: String, count: usize },
    /// An id no step has, with the closest one when some id is close.
    UnknownId {
        id: String,
        suggestion: Option<String>,
    },
    /// Not `STEP.N`, `STEP.N-M` or `STEP.KEY`.
    InvalidItem { input: String, kind: MarkKind },
    /// A whole step where one of its actions (resources) was wanted.
    NotAnItem {
        input: String,
        step: usize,
        count: usize,
        kind: MarkKind,
    },
    /// A step with no actions (resources) at all.
    NoItems { step: usize, kind: MarkKind },
    /// An action (resource) number outside 1..=count of its step.
    ItemOutOfRange {
        step: usize,
        number: String,
        count: usize,
        kind: MarkKind,
    },
    /// A key no action of the step has, with the closest one.
    UnknownItem {
        step: usize,
        key: String,
        suggestion: Option<String>,
    },
}

/// An action (or resource) an ACTION argument names: 0-based positions of
/// the step in the roadmap and of the item in the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ItemRef {
    pub step: usize,
    pub item: usize,
}

impl StepSelector {
    /// Parses one argument: selectors separated by commas.
    pub fn parse(argument: &str) -> Result<Vec<StepSelector>, SelectorError> {
        argument
            .split(',')
            .map(|part| parse_one(part.trim(), argument))
            .collect()
    }

    /// Parses every argument and returns the 0-based positions they name in
    /// `roadmap`, in roadmap order, each once.
    pub fn resolve_all(
        arguments: &[String],
        roadmap: &Roadmap,
    ) -> Result<Vec<usize>, SelectorError> {
        let count = roadmap.steps.len();
        let check = |number: usize| {
            if (1..=count).contains(&number) {
                Ok(number - 1)
            } else {
                Err(SelectorError::OutOfRange {
                    number: number.to_string(),
                    count,
                })
            }
        };
        let mut selected = vec![false; count];
        for argument in arguments {
            let selectors = StepSelector::parse(argument).map_err(|error| match error {
                SelectorError::OutOfRange { number, .. } => {
                    SelectorError::OutOfRange { number, count }
                }
                other => other,
            })?;
            for selector in selectors {
                match selector {
                    StepSelector::Number(number) => selected[check(number)?] = true,
                    StepSelector::Range(low, high) => {
                        check(low)?;
                        check(high)?;
                        selected[low - 1..high].iter_mut().for_each(|s| *s = true);
                    }
                    StepSelector::Id(id) => {
                        if let Some(position) = roadmap.position_of(&id) {
                            selected[position] = true;
                        } else {
                            let suggestion = closest_id(&id, roadmap);
                            return Err(SelectorError::UnknownId { id, suggestion });
                        }
                    }
                }
            }
        }
        Ok(selected
            .iter()
            .enumerate()
            .filter_map(|(position, &chosen)| chosen.then_some(position))
            .collect())
    }
}

/// Parses ACTION (or RESOURCE) arguments, `STEP.ITEM` separated by
/// commas, where STEP is a step number or id and ITEM a number, a range or
/// (for actions) a key; returns what they name in roadmap order, each once.
pub(crate) fn resolve_items(
    arguments: &[String],
    roadmap: &Roadmap,
    kind: MarkKind,
) -> Result<Vec<ItemRef>, SelectorError> {
    let mut chosen = Vec::new();
    for argument in arguments {
        for part in argument.split(',') {
            resolve_item(part.trim(), argument, roadmap, kind, &mut chosen)?;
        }
    }
    chosen.sort_unstable();
    chosen.dedup();
    Ok(chosen)
}

fn resolve_item(
    part: &str,
    argument: &str,
    roadmap: &Roadmap,
    kind: MarkKind,
    chosen: &mut Vec<ItemRef>,
) -> Result<(), SelectorError> {
    let invalid = || SelectorError::InvalidItem {
        input: argument.to_string(),
        kind,
    };
    let (step_text, item_text) = match part.split_once('.') {
        Some((step, item)) => (step, Some(item)),
        None => (part, None),
    };
    let step = match parse_one(step_text, argument) {
        Ok(StepSelector::Number(number)) => {
            let count = roadmap.steps.len();
            if !(1..=count).contains(&number) {
                return Err(SelectorError::OutOfRange {
                    number: number.to_string(),
                    count,
                });
            }
            number - 1
        }
        Ok(StepSelector::Id(id)) => {
            let Some(position) = roadmap.position_of(&id) else {
                let suggestion = closest_id(&id, roadmap);
                return Err(SelectorError::UnknownId { id, suggestion });
            };
            position
        }
        Ok(StepSelector::Range(..)) | Err(SelectorError::Invalid { .. }) => return Err(invalid()),
        Err(SelectorError::OutOfRange { number, .. }) => {
            let count = roadmap.steps.len();
            return Err(SelectorError::OutOfRange { number, count });
        }
        Err(other) => return Err(other),
    };
    let keys = item_keys(&roadmap.steps[step], kind);
    let count = keys.len();
    if count == 0 {
        return Err(SelectorError::NoItems {
            step: step + 1,
            kind,
        });
    }
    let Some(item_text) = item_text else {
        return Err(SelectorError::NotAnItem {
            input: part.to_string(),
            step: step + 1,
            count,
            kind,
        });
    };
    let out_of_range = |number: String| SelectorError::ItemOutOfRange {
        step: step + 1,
        number,
        count,
        kind,
    };
    let check = |number: usize| {
        if (1..=count).contains(&number) {
            Ok(number - 1)
        } else {
            Err(out_of_range(number.to_string()))
        }
    };
    match parse_one(item_text, argument) {
        Ok(StepSelector::Number(number)) => chosen.push(ItemRef {
            step,
            item: check(number)?,
        }),
        Ok(StepSelector::Range(low, high)) => {
            check(low)?;
            check(high)?;
            chosen.extend((low - 1..high).map(|item| ItemRef { step, item }));
        }
        Ok(StepSelector::Id(key)) if kind == MarkKind::Action => {
            let Some(item) = keys.iter().position(|known| *known == key) else {
                let suggestion = closest(&key, keys.iter().copied());
                return Err(SelectorError::UnknownItem {
                    step: step + 1,
                    key,
                    suggestion,
                });
            };
            chosen.push(ItemRef { step, item });
        }
        Err(SelectorError::OutOfRange { number, .. }) => return Err(out_of_range(number)),
        Err(SelectorError::Reversed { input, suggestion }) => {
            return Err(SelectorError::Reversed {
                input: format!("{step_text}.{input}"),
                suggestion: format!("{step_text}.{suggestion}"),
            });
        }
        Ok(StepSelector::Id(_)) | Err(_) => return Err(invalid()),
    }
    Ok(())
}

/// The keys an ACTION (RESOURCE) argument picks from in one step: the
/// actions' keys, or the resources' addresses (picked by number only).
fn item_keys(step: &Step, kind: MarkKind) -> Vec<&str> {
    match kind {
        MarkKind::Action => step
            .actions
            .iter()
            .map(|action| action.key.as_ref())
            .collect(),
        MarkKind::Resource => step
            .resources
            .iter()
            .map(|resource| resource.url.as_ref())
            .collect(),
    }
}

fn parse_number(text: &str) -> Result<usize, SelectorError> {
    // All digits, so the only way to fail is overflow: a number far out of range.
    text.parse().map_err(|_| SelectorError::OutOfRange {
        number: text.to_string(),
        count: 0,
    })
}

fn parse_one(part: &str, argument: &str) -> Result<StepSelector, SelectorError> {
    let is_number = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if is_number(part) {
        return parse_number(part).map(StepSelector::Number);
    }
    if let Some((low, high)) = part.split_once('-')
        && is_number(low)
        && is_number(high)
    {
        let (low, high) = (parse_number(low)?, parse_number(high)?);
        if low > high {
            return Err(SelectorError::Reversed {
                input: part.to_string(),
                suggestion: format!("{high}-{low}"),
            });
        }
        return Ok(StepSelector::Range(low, high));
    }
    let looks_like_id = part.starts_with(|c: char| c.is_ascii_alphabetic())
        && part
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if looks_like_id {
        return Ok(StepSelector::Id(part.to_ascii_lowercase()));
    }
    Err(SelectorError::Invalid {
        input: argument.to_string(),
    })
}

/// The step id a mistyped one most likely meant.
fn closest_id(typed: &str, roadmap: &Roadmap) -> Option<String> {
    closest(typed, roadmap.steps.iter().map(|step| step.id.as_ref()))
}

/// The id among `ids` a mistyped one most likely meant.
fn closest<'a>(typed: &str, ids: impl Iterator<Item = &'a str> + Clone) -> Option<String> {
    // A fragment of exactly one id (`portfolio`) is a clear pointer to it.
    let mut containing = ids.clone().filter(|id| id.contains(typed));
    if let (Some(only), None) = (containing.next(), containing.next()) {
        return Some(only.to_string());
    }
    ids.map(|id| (strsim::jaro_winkler(typed, id), id))
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_grammar() {
        use StepSelector::*;
        assert_eq!(StepSelector::parse("5"), Ok(vec![Number(5)]));
        assert_eq!(StepSelector::parse("1-3"), Ok(vec![Range(1, 3)]));
        assert_eq!(
            StepSelector::parse("1,4-5, content-strategy"),
            Ok(vec![Number(1), Range(4, 5), Id("content-strategy".into())])
        );
        assert!(matches!(
            StepSelector::parse("5-2"),
            Err(SelectorError::Reversed { .. })
        ));
        for junk in [
            "", "1,", ",1", "1-", "-3", "1-2-3", "5!", "ü", "1 2", "1..3",
        ] {
            assert!(
                matches!(
                    StepSelector::parse(junk),
                    Err(SelectorError::Invalid { .. })
                ),
                "{junk:?} should be invalid"
            );
        }
        assert!(matches!(
            StepSelector::parse("99999999999999999999999"),
            Err(SelectorError::OutOfRange { .. })
        ));
    }
}
