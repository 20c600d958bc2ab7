//! The rules a roadmap must follow beyond being well-formed YAML.
//!
//! Every problem is collected, not just the first, so an author can fix a
//! file in one pass.

use std::collections::HashMap;

use super::model::Str;
use super::{Roadmap, Text};

/// Where in a roadmap a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Roadmap,
    Step { number: usize, id: String },
    Phase { number: usize, id: String },
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NoSteps,
    BadRoadmapId {
        id: String,
    },
    BadStepId {
        number: usize,
        id: String,
    },
    DuplicateId {
        id: String,
        first: usize,
        second: usize,
    },
    EmptyText {
        place: Place,
        field: String,
    },
    MissingLanguage {
        place: Place,
        field: String,
        lang: String,
    },
    /// Text that would act on the terminal that prints it.
    ControlCharacter {
        place: Place,
        field: String,
    },
    /// A resource's address that is not a plain `http(s)://host/...`.
    BadUrl {
        place: Place,
        field: String,
        url: String,
    },
    /// A resource's language that is not a language code.
    BadLanguage {
        place: Place,
        field: String,
        code: String,
    },
    BadPhaseId {
        number: usize,
        id: String,
    },
    DuplicatePhaseId {
        id: String,
    },
    EmptyPhase {
        place: Place,
    },
    /// A phase names a step the roadmap does not have.
    PhaseUnknownStep {
        place: Place,
        step: String,
    },
    /// A step named by two phases, or twice by one.
    StepInTwoPhases {
        place: Place,
        step: String,
    },
    /// With phases, every step belongs to one.
    StepWithoutPhase {
        number: usize,
        id: String,
    },
    /// A `reviewed` day that is not a calendar day written `YYYY-MM-DD`.
    BadDate {
        place: Place,
        field: String,
        value: String,
    },
    /// A practical action's key that is not lower kebab-case.
    BadActionKey {
        place: Place,
        field: String,
        key: String,
    },
    /// Two practical actions of one step with the same key.
    DuplicateActionKey {
        place: Place,
        field: String,
        key: String,
    },
    /// A note in `changes` for a version the roadmap has not reached.
    FutureVersionNote {
        version: u32,
        current: u32,
    },
    /// What the parser refused, where it found it: a field or a value the
    /// format does not know, or what could not be read after one was set
    /// aside (see [`super::parse_roadmap_listing_all`]).
    Unparsed {
        line: u64,
        column: u64,
        /// The parser's message, as [`crate::i18n::parser_message`] words it.
        message: String,
    },
}

/// A resource's address: `http` or `https`, a host, and no space or
/// control character, so it works as a link in every export.
pub(crate) fn is_valid_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'))
}

/// A language code as ISO 639 writes it: two or three lowercase letters.
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())
}

/// An id is what progress is keyed by and what users type: keep it simple.
pub(crate) fn is_valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// Every rule `roadmap` breaks, in file order.
pub(super) fn validate(roadmap: &Roadmap) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !is_valid_id(&roadmap.id) {
        problems.push(Problem::BadRoadmapId {
            id: roadmap.id.to_string(),
        });
    }
    let mut check = |place: &Place, field: &str, text: &Text| {
        check_text(&roadmap.languages, place, field, text, &mut problems);
    };
    check(&Place::Roadmap, "title", &roadmap.title);
    if let Some(introduction) = &roadmap.introduction {
        check(&Place::Roadmap, "introduction", introduction);
    }
    if let Some(closing) = &roadmap.closing {
        check(&Place::Roadmap, "closing", closing);
    }

    if roadmap.steps.is_empty() {
        problems.push(Problem::NoSteps);
    }
    let mut first_number_of: HashMap<&str, usize> = HashMap::new();
    for (index, step) in roadmap.steps.iter().enumerate() {
        let number = index + 1;
        if !is_valid_id(&step.id) {
            problems.push(Problem::BadStepId {
                number,
                id: step.id.to_string(),
            });
        }
        if let Some(&first) = first_number_of.get(step.id.as_ref()) {
            problems.push(Problem::DuplicateId {
                id: step.id.to_string(),
                first,
                second: number,
            });
        } else {
            first_number_of.insert(&step.id, number);
        }
        let place = Place::Step {
            number,
            id: step.id.to_string(),
        };
        let mut problems_here = Vec::new();
        let mut key_problems = Vec::new();
        let mut check = |field: &str, text: &Text| {
            check_text(&roadmap.languages, &place, field, text, &mut problems_here);
        };
        check("title", &step.title);
        check("summary", &step.summary);
        for (action_index, action) in step.actions.iter().enumerate() {
            let field = format!("actions[{}]", action_index + 1);
            check(&field, &action.text);
            let key_problem = if !is_valid_id(&action.key) {
                Some(Problem::BadActionKey {
                    place: place.clone(),
                    field: format!("{field}.key"),
                    key: action.key.to_string(),
                })
            } else if step.actions[..action_index]
                .iter()
                .any(|earlier| earlier.key == action.key)
            {
                Some(Problem::DuplicateActionKey {
                    place: place.clone(),
                    field: format!("{field}.key"),
                    key: action.key.to_string(),
                })
            } else {
                None
            };
            key_problems.extend(key_problem);
        }
        if let Some(evidence) = &step.evidence {
            check("evidence", evidence);
        }
        problems_here.append(&mut key_problems);
        for (index, resource) in step.resources.iter().enumerate() {
            let field = format!("resources[{}]", index + 1);
            check_text(
                &roadmap.languages,
                &place,
                &format!("{field}.title"),
                &resource.title,
                &mut problems_here,
            );
            if !is_valid_url(&resource.url) {
                problems_here.push(Problem::BadUrl {
                    place: place.clone(),
                    field: field.clone(),
                    url: resource.url.to_string(),
                });
            }
            if !is_language_code(&resource.language) {
                problems_here.push(Problem::BadLanguage {
                    place: place.clone(),
                    field: field.clone(),
                    code: resource.language.to_string(),
                });
            }
            check_day(
                &place,
                &format!("{field}.reviewed"),
                resource.reviewed.as_deref(),
                &mut problems_here,
            );
        }
        check_day(
            &place,
            "reviewed",
            step.reviewed.as_deref(),
            &mut problems_here,
        );
        problems.append(&mut problems_here);
    }
    validate_phases(roadmap, &first_number_of, &mut problems);
    for (index, note) in roadmap.changes.iter().enumerate() {
        if note.version > roadmap.version {
            problems.push(Problem::FutureVersionNote {
                version: note.version,
                current: roadmap.version,
            });
        }
        let field = format!("changes[{}].text", index + 1);
        check_text(
            &roadmap.languages,
            &Place::Roadmap,
            &field,
            &note.text,
            &mut problems,
        );
    }
    problems
}

/// A `reviewed` day, when given, is a real calendar day in `YYYY-MM-DD`,
/// the form every export and the JSON schema carry it in.
fn check_day(place: &Place, field: &str, value: Option<&str>, problems: &mut Vec<Problem>) {
    let Some(value) = value else { return };
    let well_formed =
        value.len() == 10 && chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok();
    if !well_formed {
        problems.push(Problem::BadDate {
            place: place.clone(),
            field: field.to_string(),
            value: value.to_string(),
        });
    }
}

/// Phases are optional; given, they name every step exactly once.
fn validate_phases(
    roadmap: &Roadmap,
    step_numbers: &HashMap<&str, usize>,
    problems: &mut Vec<Problem>,
) {
    if roadmap.phases.is_empty() {
        return;
    }
    let mut phase_ids: Vec<&str> = Vec::new();
    let mut phase_of: HashMap<&str, usize> = HashMap::new();
    for (index, phase) in roadmap.phases.iter().enumerate() {
        let number = index + 1;
        let place = Place::Phase {
            number,
            id: phase.id.to_string(),
        };
        if !is_valid_id(&phase.id) {
            problems.push(Problem::BadPhaseId {
                number,
                id: phase.id.to_string(),
            });
        }
        if phase_ids.contains(&phase.id.as_ref()) {
            problems.push(Problem::DuplicatePhaseId {
                id: phase.id.to_string(),
            });
        }
        phase_ids.push(&phase.id);
        check_text(&roadmap.languages, &place, "title", &phase.title, problems);
        if phase.steps.is_empty() {
            problems.push(Problem::EmptyPhase {
                place: place.clone(),
            });
        }
        for step in phase.steps.iter() {
            if !step_numbers.contains_key(step.as_ref()) {
                problems.push(Problem::PhaseUnknownStep {
                    place: place.clone(),
                    step: step.to_string(),
                });
            } else if phase_of.insert(step, number).is_some() {
                problems.push(Problem::StepInTwoPhases {
                    place: place.clone(),
                    step: step.to_string(),
                });
            }
        }
    }
    for (index, step) in roadmap.steps.iter().enumerate() {
        if !phase_of.contains_key(step.id.as_ref()) {
            problems.push(Problem::StepWithoutPhase {
                number: index + 1,
                id: step.id.to_string(),
            });
        }
    }
}

fn check_text(
    languages: &[Str],
    place: &Place,
    field: &str,
    text: &Text,
    problems: &mut Vec<Problem>,
) {
    if text
        .all()
        .iter()
        .any(|translation| translation.trim().is_empty())
    {
        problems.push(Problem::EmptyText {
            place: place.clone(),
            field: field.to_string(),
        });
    }
    if text
        .all()
        .iter()
        .any(|translation| crate::control::has_forbidden(translation))
    {
        problems.push(Problem::ControlCharacter {
            place: place.clone(),
            field: field.to_string(),
        });
    }
    for lang in languages {
        if text.translation(lang).is_none() {
            problems.push(Problem::MissingLanguage {
                place: place.clone(),
                field: field.to_string(),
                lang: lang.to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_addresses_are_plain_web_links() {
        for good in [
            "https://www.facebook.com/business/learn",
            "http://example.com",
            "https://skillshop.withgoogle.com/intl/id/?a=1&b=2#x",
            "https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022",
        ] {
            assert!(is_valid_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://example.com",
            "https://",
            "https:///path",
            "https://exa mple.com",
            "https://example.com/\u{1b}[2J",
            "https://example.com/\"onmouseover=x",
            "example.com",
        ] {
            assert!(!is_valid_url(bad), "{bad}");
        }
    }

    #[test]
    fn ids_are_lower_kebab_case() {
        for good in ["content-strategy", "step-2", "a"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "Content",
            "2-step",
            "under_score",
            "trailing-",
            "two--dashes",
            "ü",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
