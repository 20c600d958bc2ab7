//! Property tests: the selector grammar, the state's round trip, and undo.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use proptest::prelude::*;
use smm_path::progress::{
    Action, Event, Note, RoadmapProgress, SCHEMA_VERSION, State, Status, StepProgress,
    StepSelector, Timestamp, parse_state,
};

/// The documented grammar, written independently of the parser: items
/// separated by commas, each (around optional spaces) a number, a range of
/// two numbers low to high, or an id (a letter, then letters, digits, `-`, `_`).
fn grammatical(argument: &str) -> bool {
    argument.split(',').all(|item| {
        let item = item.trim();
        let number = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
        let fits = |text: &str| text.parse::<usize>().is_ok();
        let id = item.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && item
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let range = item.split_once('-').is_some_and(|(low, high)| {
            number(low) && number(high) && fits(low) && fits(high) && {
                low.parse::<usize>().ok() <= high.parse::<usize>().ok()
            }
        });
        (number(item) && fits(item)) || range || id
    })
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_000_000_000, -14i32 * 4..=14 * 4).prop_map(|(seconds, quarter_hours)| {
        let offset = FixedOffset::east_opt(quarter_hours * 15 * 60).expect("offset within a day");
        offset
            .timestamp_opt(seconds, 0)
            .single()
            .expect("a valid time")
    })
}

/// Text a person might type, including the characters YAML cares about.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[ -~]{0,40}",
        Just("yes".to_string()),
        Just("null".to_string()),
        Just("- [x] 1.5: #not a comment".to_string()),
        Just("  leading and trailing  ".to_string()),
        Just("line one\nline two\n\nthree\ttab \"quoted\" 'single' \\ back".to_string()),
        Just("emoji 🎉 and Bahasa: Kembangkan Kreativitas".to_string()),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Todo),
        Just(Status::InProgress),
        Just(Status::Done),
        Just(Status::Skipped)
    ]
}

fn step_progress() -> impl Strategy<Value = StepProgress> {
    (
        status(),
        proptest::option::of(timestamp()),
        proptest::option::of(timestamp()),
        proptest::option::of(text()),
        proptest::collection::vec((timestamp(), text()), 0..3),
    )
        .prop_map(
            |(status, started, finished, skip_reason, notes)| StepProgress {
                status,
                started,
                finished,
                skip_reason,
                notes: notes
                    .into_iter()
                    .map(|(at, text)| Note { at, text })
                    .collect(),
            },
        )
}

fn state() -> impl Strategy<Value = State> {
    let roadmap = (
        proptest::option::of(0u32..100),
        proptest::option::of(0usize..1000),
        0u64..1000,
        proptest::collection::btree_map("[a-z][a-z0-9-]{0,12}", step_progress(), 0..6),
    )
        .prop_map(
            |(roadmap_version, step_count, last_change, steps)| RoadmapProgress {
                roadmap_version,
                step_count,
                known_steps: Vec::new(),
                last_change,
                target: None,
                steps,
            },
        );
    (
        0u64..1_000_000,
        proptest::collection::btree_map("[a-z][a-z-]{0,10}", roadmap, 0..3),
    )
        .prop_map(|(history_length, roadmaps)| State {
            version: SCHEMA_VERSION,
            history_length,
            roadmaps,
            end: true,
        })
}

#[derive(Debug, Clone)]
enum Command {
    Start(usize),
    Done(usize),
    Skip(usize),
    Reset(usize),
    Note(usize),
}

fn command() -> impl Strategy<Value = Command> {
    let step = 0usize..4;
    prop_oneof![
        step.clone().prop_map(Command::Start),
        step.clone().prop_map(Command::Done),
        step.clone().prop_map(Command::Skip),
        step.clone().prop_map(Command::Reset),
        step.prop_map(Command::Note),
    ]
}

const STEPS: [&str; 4] = ["alpha", "beta", "gamma", "delta"];

/// Runs one command; true when it changed something (and so recorded a change).
fn run(
    progress: &mut RoadmapProgress,
    history: &mut Vec<Event>,
    command: &Command,
    minute: i64,
) -> bool {
    let now = FixedOffset::east_opt(7 * 3600)
        .expect("offset")
        .timestamp_opt(1_767_225_600 + minute * 60, 0)
        .single()
        .expect("time");
    let events_before = history.len();
    match command {
        Command::Note(step) => progress.add_note(STEPS[*step], "a note", now, "note", history),
        Command::Start(step) => {
            progress.apply(&Action::Start, &[STEPS[*step]], now, "start", history);
        }
        Command::Done(step) => {
            progress.apply(
                &Action::Done { on: None },
                &[STEPS[*step]],
                now,
                "done",
                history,
            );
        }
        Command::Skip(step) => {
            let skip = Action::Skip {
                reason: Some("why".into()),
            };
            progress.apply(&skip, &[STEPS[*step]], now, "skip", history);
        }
        Command::Reset(step) => {
            progress.apply(&Action::Reset, &[STEPS[*step]], now, "reset", history);
        }
    }
    history.len() > events_before
}

/// Undoes `times` times (or until there is nothing left to undo).
fn undo(progress: &mut RoadmapProgress, history: &mut Vec<Event>, times: usize) {
    for second in 0..times {
        let now = FixedOffset::east_opt(0)
            .expect("offset")
            .timestamp_opt(1_800_000_000 + second as i64, 0)
            .single()
            .expect("time");
        let mut journal = Vec::new();
        if progress.undo(history, now, &mut journal).is_none() {
            break;
        }
        history.extend(journal);
    }
}

proptest! {
    #[test]
    fn the_selector_parser_accepts_exactly_the_grammar(argument in "[0-9a-zA-Z,_ !.-]{0,12}") {
        let parsed = StepSelector::parse(&argument);
        prop_assert_eq!(parsed.is_ok(), grammatical(&argument), "{:?} gave {:?}", argument, parsed);
    }

    #[test]
    fn the_selector_parser_never_panics(argument in "\\PC{0,40}") {
        let _ = StepSelector::parse(&argument);
        let roadmap = smm_path::roadmap::load_builtin();
        let _ = StepSelector::resolve_all(&[argument], &roadmap);
    }

    #[test]
    fn a_state_round_trips_through_save_and_load(state in state()) {
        let yaml = smm_path::yaml::to_string(&state).expect("serialize");
        let loaded = parse_state(&yaml, Path::new("progress.yaml"));
        prop_assert!(loaded.is_ok(), "{:?}\n{}", loaded, yaml);
        prop_assert_eq!(loaded.ok(), Some(state.clone()));
        // The JSON cache holds the same value.
        let json = serde_json::to_string(&state).expect("json");
        prop_assert_eq!(serde_json::from_str::<State>(&json).ok(), Some(state));
    }

    #[test]
    fn as_many_undos_as_commands_return_to_the_empty_start(
        commands in proptest::collection::vec(command(), 1..15),
    ) {
        let mut progress = RoadmapProgress::default();
        let mut history = Vec::new();
        for (minute, command) in commands.iter().enumerate() {
            run(&mut progress, &mut history, command, minute as i64);
        }
        undo(&mut progress, &mut history, commands.len());
        prop_assert!(progress.steps.is_empty(), "{:?}", progress.steps);
    }

    #[test]
    fn undoing_every_change_returns_any_earlier_progress(
        setup in proptest::collection::vec(command(), 0..10),
        commands in proptest::collection::vec(command(), 1..12),
    ) {
        let mut progress = RoadmapProgress::default();
        let mut history = Vec::new();
        for (minute, command) in setup.iter().enumerate() {
            run(&mut progress, &mut history, command, minute as i64);
        }
        let original: BTreeMap<String, StepProgress> = progress.steps.clone();
        // A command that changed nothing recorded nothing, and has nothing to undo.
        let changes = commands
            .iter()
            .enumerate()
            .filter(|(minute, command)| run(&mut progress, &mut history, command, 100 + *minute as i64))
            .count();
        undo(&mut progress, &mut history, changes);
        prop_assert_eq!(progress.steps, original);
    }
}
