//! Property tests: the selector grammar, the state's round trip, and undo.

use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use proptest::prelude::*;
use smm_path::progress::{
    Action, Change, ChangeId, HistoryMark, Note, OpKey, Recorder, RoadmapProgress, SCHEMA_VERSION,
    State, Status, StepProgress, StepSelector, Timestamp, parse_state, replay,
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
        proptest::option::of(timestamp()),
    )
        .prop_map(
            |(status, started, finished, skip_reason, notes, set)| StepProgress {
                status,
                started,
                finished,
                skip_reason,
                set: set.map(|at| OpKey {
                    at,
                    device: "d1e2a3".into(),
                    seq: 7,
                    change: ChangeId::parse("0123456789abcdef0123456789abcdef").unwrap(),
                    index: 0,
                }),
                notes: notes
                    .into_iter()
                    .enumerate()
                    .map(|(index, (at, text))| Note {
                        at,
                        text,
                        id: Some(OpKey {
                            at,
                            device: "b0c1".into(),
                            seq: 3,
                            change: ChangeId::default(),
                            index: index as u32,
                        }),
                    })
                    .collect(),
            },
        )
}

fn state() -> impl Strategy<Value = State> {
    let roadmap = (
        proptest::option::of(0u32..100),
        proptest::option::of(0usize..1000),
        proptest::option::of(timestamp()),
        proptest::collection::btree_map("[a-z][a-z0-9-]{0,12}", step_progress(), 0..6),
    )
        .prop_map(
            |(roadmap_version, step_count, latest, steps)| RoadmapProgress {
                roadmap_version,
                step_count,
                latest,
                steps,
                ..RoadmapProgress::default()
            },
        );
    (
        0u64..1_000_000,
        "[a-f][0-9a-f]{15}",
        proptest::collection::btree_map("[a-z][a-z-]{0,10}", roadmap, 0..3),
    )
        .prop_map(|(bytes, device, roadmaps)| State {
            version: SCHEMA_VERSION,
            device,
            seq: bytes % 97,
            history: Some(HistoryMark {
                changes: bytes % 13,
                bytes,
                last: "0123456789abcdef".into(),
            }),
            roadmaps,
            ..State::default()
        })
}

#[derive(Debug, Clone)]
enum Command {
    Start(usize),
    Done(usize),
    Skip(usize),
    Reset(usize),
    Note(usize),
    Undo,
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

/// One copy of the progress: a device with its own history.
#[derive(Debug, Clone)]
struct Device {
    id: String,
    progress: RoadmapProgress,
    history: Vec<Change>,
    seq: u64,
    /// How far this device's clock is off, in minutes.
    skew: i64,
}

impl Device {
    fn new(id: &str, skew: i64) -> Device {
        Device {
            id: id.to_string(),
            progress: RoadmapProgress::default(),
            history: Vec::new(),
            seq: 0,
            skew,
        }
    }

    /// Runs one command at `minute` of the shared clock; true when it
    /// recorded a change.
    fn run(&mut self, command: &Command, minute: i64) -> bool {
        let now = FixedOffset::east_opt(7 * 3600)
            .expect("offset")
            .timestamp_opt(1_767_225_600 + (minute + self.skew) * 60, 0)
            .single()
            .expect("time");
        let mut recorder = Recorder::new(&self.id, self.seq, "r");
        let progress = &mut self.progress;
        match command {
            Command::Note(step) => {
                progress.add_note(STEPS[*step], "a note", now, "note", &mut recorder)
            }
            Command::Start(step) => {
                progress.apply(&Action::Start, &[STEPS[*step]], now, "start", &mut recorder);
            }
            Command::Done(step) => {
                progress.apply(
                    &Action::Done { on: None },
                    &[STEPS[*step]],
                    now,
                    "done",
                    &mut recorder,
                );
            }
            Command::Skip(step) => {
                let skip = Action::Skip {
                    reason: Some("why".into()),
                };
                progress.apply(&skip, &[STEPS[*step]], now, "skip", &mut recorder);
            }
            Command::Reset(step) => {
                progress.apply(&Action::Reset, &[STEPS[*step]], now, "reset", &mut recorder);
            }
            Command::Undo => {
                let history: Vec<&Change> = self.history.iter().collect();
                progress.undo(&history, now, &mut recorder);
            }
        }
        let changes = recorder.into_changes();
        let changed = !changes.is_empty();
        if let Some(last) = changes.last() {
            self.seq = last.seq;
        }
        self.history.extend(changes);
        changed
    }

    /// Takes in another copy's changes (set union), as `sync` and `import` do.
    fn merge_from(&mut self, other: &[Change]) {
        for change in other {
            if !self.history.iter().any(|known| known.id == change.id) {
                self.history.push(change.clone());
            }
        }
        self.progress = replay(&self.history, "r");
    }
}

/// What a learner sees of some progress.
fn seen(progress: &RoadmapProgress) -> Vec<(String, (Status, String))> {
    progress
        .visible()
        .into_iter()
        .map(|(id, value)| (id.to_string(), value))
        .collect()
}

fn command_or_undo() -> impl Strategy<Value = Command> {
    prop_oneof![4 => command(), 1 => Just(Command::Undo)]
}

/// A step of a two- or three-device story: a command on one device, or
/// one device taking in another's changes.
#[derive(Debug, Clone)]
enum Move {
    Run(usize, Command),
    Sync { from: usize, to: usize },
}

fn moves(devices: usize) -> impl Strategy<Value = Vec<Move>> {
    let one = prop_oneof![
        4 => (0..devices, command_or_undo()).prop_map(|(device, command)| Move::Run(device, command)),
        1 => (0..devices, 0..devices).prop_map(|(from, to)| Move::Sync { from, to }),
    ];
    proptest::collection::vec(one, 1..30)
}

/// Plays `moves` on devices whose clocks are off by `skews` minutes.
fn play(skews: &[i64], moves: &[Move]) -> Vec<Device> {
    let names = ["a7c1", "b3f9", "c0d4"];
    let mut devices: Vec<Device> = skews
        .iter()
        .zip(names)
        .map(|(skew, name)| Device::new(name, *skew))
        .collect();
    for (minute, step) in moves.iter().enumerate() {
        match step {
            Move::Run(device, command) => {
                devices[*device].run(command, minute as i64);
            }
            Move::Sync { from, to } if from != to => {
                let history = devices[*from].history.clone();
                devices[*to].merge_from(&history);
            }
            Move::Sync { .. } => {}
        }
    }
    devices
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
        let mut device = Device::new("a7c1", 0);
        for (minute, command) in commands.iter().enumerate() {
            device.run(command, minute as i64);
        }
        for second in 0..commands.len() {
            device.run(&Command::Undo, 1000 + second as i64);
        }
        prop_assert!(seen(&device.progress).is_empty(), "{:?}", device.progress.steps);
        prop_assert_eq!(&device.progress, &replay(&device.history, "r"));
    }

    #[test]
    fn undoing_every_change_returns_any_earlier_progress(
        setup in proptest::collection::vec(command(), 0..10),
        commands in proptest::collection::vec(command(), 1..12),
    ) {
        let mut device = Device::new("a7c1", 0);
        for (minute, command) in setup.iter().enumerate() {
            device.run(command, minute as i64);
        }
        let original = seen(&device.progress);
        // A command that changed nothing recorded nothing, and has nothing to undo.
        let changes = commands
            .iter()
            .enumerate()
            .filter(|(minute, command)| device.run(command, 100 + *minute as i64))
            .count();
        for second in 0..changes {
            device.run(&Command::Undo, 1000 + second as i64);
        }
        prop_assert_eq!(seen(&device.progress), original);
    }

    /// The state is a function of the set of changes: every device's state
    /// is the replay of what it has, and merging the copies in any order
    /// and grouping gives one result, which every device reaches by syncing.
    #[test]
    fn copies_on_two_or_three_devices_merge_like_sets(
        skews in proptest::collection::vec(-30i64..30, 2..=3),
        moves in (2usize..=3).prop_flat_map(moves),
    ) {
        let moves: Vec<Move> = moves
            .into_iter()
            .filter(|step| match step {
                Move::Run(device, _) => *device < skews.len(),
                Move::Sync { from, to } => *from < skews.len() && *to < skews.len(),
            })
            .collect();
        let devices = play(&skews, &moves);
        for device in &devices {
            // Applying changes one by one as they came equals a replay.
            prop_assert_eq!(seen(&device.progress), seen(&replay(&device.history, "r")));
        }
        let histories: Vec<&Vec<Change>> = devices.iter().map(|device| &device.history).collect();
        let union = |order: &[usize]| {
            let mut merged = Device::new("z", 0);
            for &index in order {
                merged.merge_from(histories[index]);
            }
            seen(&merged.progress)
        };
        let orders: Vec<Vec<usize>> = if devices.len() == 2 {
            vec![vec![0, 1], vec![1, 0]]
        } else {
            vec![vec![0, 1, 2], vec![0, 2, 1], vec![1, 0, 2], vec![1, 2, 0], vec![2, 0, 1], vec![2, 1, 0]]
        };
        let expected = union(&orders[0]);
        for order in &orders {
            prop_assert_eq!(&union(order), &expected, "order {:?}", order);
        }
        if devices.len() == 3 {
            // (a ∪ b) ∪ c = a ∪ (b ∪ c), merged from the other side.
            let mut bc = Device::new("y", 0);
            bc.merge_from(histories[1]);
            bc.merge_from(histories[2]);
            let mut a = devices[0].clone();
            a.merge_from(&bc.history);
            prop_assert_eq!(seen(&a.progress), expected.clone());
        }
        // Idempotent: merging a copy into itself changes nothing.
        let mut again = devices[0].clone();
        again.merge_from(&devices[0].history.clone());
        prop_assert_eq!(seen(&again.progress), seen(&devices[0].progress));
        // Every device that takes in every other's changes ends the same.
        let mut synced = devices.clone();
        for round in 0..2 {
            let _ = round;
            for to in 0..synced.len() {
                for from in 0..synced.len() {
                    let history = synced[from].history.clone();
                    synced[to].merge_from(&history);
                }
            }
        }
        for device in &synced {
            prop_assert_eq!(seen(&device.progress), expected.clone());
        }
    }
}
