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
        check_text(&roadmap.languages, place, field, text, &mut problems)
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
        let mut check = |field: &str, text: &Text| {
            check_text(&roadmap.languages, &place, field, text, &mut problems_here)
        };
        check("title", &step.title);
        check("summary", &step.summary);
        for (action_index, action) in step.actions.iter().enumerate() {
            check(&format!("actions[{}]", action_index + 1), action);
        }
        if let Some(evidence) = &step.evidence {
            check("evidence", evidence);
        }
        problems.append(&mut problems_here);
    }
    problems
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
