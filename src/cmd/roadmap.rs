//! `smm-path roadmap validate|new|list`: custom roadmaps, checked, started and listed.

use std::io::Write;

use crate::cli::RoadmapFileArgs;
use crate::cmd::Context;
use crate::control::quoted_path;
use crate::error::{Error, render_problem};
use crate::i18n::{Key, Lang, tr, word};
use crate::progress::Status;
use crate::report::{ProgressReport, percent_done};
use crate::roadmap::{Place, Problem, RoadmapError, parse_roadmap_listing_all, read_roadmap_text};

/// The starter written by `roadmap new`, its comments in each language; a
/// test checks that both validate and differ in their comments only.
const STARTER_EN: &str = include_str!("../../roadmap/starter.yaml");
const STARTER_ID: &str = include_str!("../../roadmap/starter.id.yaml");

/// The starter whose comments are in `lang`.
fn starter(lang: Lang) -> &'static str {
    match lang {
        Lang::En => STARTER_EN,
        Lang::Id => STARTER_ID,
    }
}

pub(crate) fn validate(
    lang: Lang,
    args: &RoadmapFileArgs,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let path = &args.file;
    let text = read_roadmap_text(path)?;
    match parse_roadmap_listing_all(&text, path) {
        Ok(roadmap) => {
            let languages = roadmap.languages.join(", ");
            let count = roadmap.steps.len();
            let line = tr(
                lang,
                Key::RoadmapValid,
                &[
                    ("path", &quoted_path(path)),
                    ("count", &count),
                    ("languages", &languages),
                ],
            );
            say!(out, "{line}")?;
            Ok(())
        }
        Err(RoadmapError::Invalid { path, problems }) => {
            for problem in &problems {
                let (line, column) = locate(&text, problem);
                let message = render_problem(lang, problem);
                say!(out, "{}:{line}:{column}: {message}", quoted_path(&path))?;
                say!(out, "{}", snippet(&text, line, column))?;
            }
            Err(Error::RoadmapRejected {
                path,
                count: problems.len(),
            })
        }
        Err(other) => Err(Error::Roadmap(other)),
    }
}

pub(crate) fn new(lang: Lang, args: &RoadmapFileArgs, out: &mut dyn Write) -> Result<(), Error> {
    let path = &args.file;
    // Never overwrite: the file may be someone's roadmap.
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(starter(lang).as_bytes()));
    match created {
        Ok(()) => {
            say!(
                out,
                "{}",
                tr(lang, Key::RoadmapCreated, &[("path", &quoted_path(path))])
            )?;
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::WouldOverwrite { path: path.clone() })
        }
        Err(source) => Err(Error::RoadmapNewWrite {
            path: path.clone(),
            source,
        }),
    }
}

pub(crate) fn list(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let state = ctx.store.load_without_notes()?;
    if state.roadmaps.is_empty() {
        say!(out, "{}", word(ctx.lang, Key::RoadmapListEmpty))?;
        return Ok(());
    }
    for (id, progress) in &state.roadmaps {
        let done = progress
            .steps
            .values()
            .filter(|step| step.status == Status::Done)
            .count();
        let skipped = progress
            .steps
            .values()
            .filter(|step| step.status == Status::Skipped)
            .count();
        let in_use = *id == *ctx.roadmap.id;
        let marker = if in_use { "*" } else { " " };
        // The roadmap in use is counted as `status` counts it; another is
        // counted by the size it had when last used.
        let (done, counted) = if in_use {
            let summary = ProgressReport::build(&ctx.roadmap, progress, ctx.lang).summary;
            (summary.done, Some(summary.counted))
        } else {
            let counted = progress
                .step_count
                .map(|count| count.saturating_sub(skipped));
            (done, counted)
        };
        let line = match counted {
            Some(counted) if counted > 0 => {
                let percent = percent_done(done, counted);
                tr(
                    ctx.lang,
                    Key::RoadmapListLine,
                    &[
                        ("id", id),
                        ("done", &done),
                        ("total", &counted),
                        ("percent", &percent),
                    ],
                )
            }
            _ => tr(
                ctx.lang,
                Key::RoadmapListLineUnknown,
                &[("id", id), ("done", &done)],
            ),
        };
        say!(out, "{marker} {line}")?;
    }
    Ok(())
}

/// The 1-based line and column a semantic problem points at. The parsed
/// roadmap keeps no positions, so they are found again in the text: step N
/// is the N-th `- id:` item of the `steps:` section (phase N of `phases:`),
/// and a field is the first line of that key inside its item.
fn locate(text: &str, problem: &Problem) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |line: &str| line.len() - line.trim_start().len();
    let is_item_id = |line: &str| line.trim_start().starts_with("- id:");
    // The items of a top-level section: the `- id:` lines at the
    // indentation of its first one (deeper ones are translations, `- id:`
    // meaning Indonesian), up to the next top-level key.
    let items_of = |section: &str| -> Vec<usize> {
        let Some(start) = lines.iter().position(|line| line.starts_with(section)) else {
            return Vec::new();
        };
        let end = (start + 1..lines.len())
            .find(|&index| lines[index].starts_with(|c: char| c.is_ascii_alphabetic()))
            .unwrap_or(lines.len());
        let item_indent = lines[start..end]
            .iter()
            .find(|line| is_item_id(line))
            .map(|line| indent(line));
        (start..end)
            .filter(|&index| is_item_id(lines[index]) && Some(indent(lines[index])) == item_indent)
            .collect()
    };
    let step_lines = items_of("steps:");
    let phase_lines = items_of("phases:");
    let column_of = |index: usize, key: &str| lines[index].find(key).map_or(1, |column| column + 1);
    let item = |items: &[usize], number: usize| items.get(number.wrapping_sub(1)).copied();
    let field_in = |start: usize, end: usize, field: &str| {
        let key = format!("{}:", field.split(['[', '.']).next().unwrap_or(field));
        (start..end).find(|&index| {
            let trimmed = lines[index].trim_start().trim_start_matches("- ");
            trimmed.starts_with(&key)
        })
    };
    let end_of = |items: &[usize], start: usize| {
        items
            .iter()
            .copied()
            .find(|&line| line > start)
            .unwrap_or(lines.len())
    };
    let at_field = |place: &Place, field: &str| {
        let key = field.split(['[', '.']).next().unwrap_or(field);
        let within = |items: &[usize], number: usize| {
            item(items, number).and_then(|start| {
                field_in(start, end_of(items, start), field)
                    .or(Some(start))
                    .map(|index| (index, column_of(index, key)))
            })
        };
        match place {
            Place::Roadmap => {
                let end = step_lines.first().copied().unwrap_or(lines.len());
                field_in(0, end, field).map(|index| (index, column_of(index, key)))
            }
            Place::Step { number, .. } => within(&step_lines, *number),
            Place::Phase { number, .. } => within(&phase_lines, *number),
        }
    };
    let found = match problem {
        Problem::Unparsed { line, column, .. } => {
            return (
                usize::try_from(*line).unwrap_or(1).max(1),
                usize::try_from(*column).unwrap_or(1).max(1),
            );
        }
        Problem::BadRoadmapId { .. } => (0..lines.len())
            .find(|&index| lines[index].starts_with("id:"))
            .map(|index| (index, column_of(index, "id:"))),
        Problem::NoSteps => (0..lines.len())
            .find(|&index| lines[index].starts_with("steps:"))
            .map(|index| (index, 1)),
        Problem::BadStepId { number, .. }
        | Problem::DuplicateId { second: number, .. }
        | Problem::StepWithoutPhase { number, .. } => {
            item(&step_lines, *number).map(|index| (index, column_of(index, "id:")))
        }
        Problem::BadPhaseId { number, .. } => {
            item(&phase_lines, *number).map(|index| (index, column_of(index, "id:")))
        }
        Problem::DuplicatePhaseId { id } => phase_lines
            .iter()
            .copied()
            .filter(|&index| lines[index].trim_start().trim_start_matches("- id:").trim() == id)
            .nth(1)
            .map(|index| (index, column_of(index, "id:"))),
        Problem::EmptyText { place, field }
        | Problem::ControlCharacter { place, field }
        | Problem::MissingLanguage { place, field, .. }
        | Problem::BadUrl { place, field, .. }
        | Problem::BadLanguage { place, field, .. }
        | Problem::BadDate { place, field, .. }
        | Problem::BadActionKey { place, field, .. }
        | Problem::DuplicateActionKey { place, field, .. } => at_field(place, field),
        Problem::FutureVersionNote { .. } => (0..lines.len())
            .find(|&index| lines[index].starts_with("changes:"))
            .map(|index| (index, 1)),
        Problem::EmptyPhase { place }
        | Problem::PhaseUnknownStep { place, .. }
        | Problem::StepInTwoPhases { place, .. } => at_field(place, "steps"),
    };
    found.map_or((1, 1), |(index, column)| (index + 1, column))
}

/// The line before, the line, and a caret under the column.
fn snippet(text: &str, line: usize, column: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let width = (line + 1).to_string().len();
    let mut out = String::new();
    for number in line.saturating_sub(1).max(1)..=line {
        if let Some(content) = lines.get(number - 1) {
            out.push_str(&format!("{number:>width$} | {content}\n"));
        }
    }
    out.push_str(&format!(
        "{:>width$} | {}^",
        "",
        " ".repeat(column.saturating_sub(1))
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::parse_roadmap;
    use std::path::Path;

    #[test]
    fn the_starter_roadmap_validates_and_its_languages_differ_in_comments_only() {
        for lang in [Lang::En, Lang::Id] {
            let roadmap = parse_roadmap(starter(lang), Path::new("starter.yaml"))
                .expect("the starter is valid");
            assert!(roadmap.steps.len() >= 2);
        }
        // The YAML's own lines, comments and blank lines set aside.
        let data = |text: &'static str| -> Vec<&'static str> {
            text.lines()
                .filter(|line| !line.trim_start().starts_with('#') && !line.trim().is_empty())
                .collect()
        };
        assert_eq!(data(STARTER_EN), data(STARTER_ID));
        let comments = |text: &'static str| text.lines().filter(|line| line.contains('#')).count();
        assert_eq!(comments(STARTER_EN), comments(STARTER_ID));
    }

    #[test]
    fn problems_point_at_their_lines() {
        let text = "id: x\nversion: 1\ntitle: T\nsteps:\n  - id: a\n    title: A\n    summary: ''\n  - id: a\n    title: B\n    summary: S\n";
        let empty = Problem::EmptyText {
            place: Place::Step {
                number: 1,
                id: "a".into(),
            },
            field: "summary".into(),
        };
        assert_eq!(locate(text, &empty), (7, 5));
        let duplicate = Problem::DuplicateId {
            id: "a".into(),
            first: 1,
            second: 2,
        };
        assert_eq!(locate(text, &duplicate), (8, 5));
    }
}
