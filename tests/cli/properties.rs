//! Property tests: the selector grammar, the state's round trip, undo, and merging
//! the homes of one learner: copied, restored, on clocks that disagree.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use proptest::prelude::*;
use smm_path::internals::progress::{
    Action, Change, ChangeId, Due, HistoryMark, MAX_CLOCK_LEAD, Mark, MarkKind, Note, OpKey,
    Recorder, RoadmapProgress, SCHEMA_VERSION, State, Status, StepProgress, StepSelector,
    Timestamp, parse_state, replay,
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
        proptest::collection::vec((timestamp(), text(), any::<bool>()), 0..3),
        proptest::option::of(timestamp()),
        proptest::collection::btree_map("[a-z][a-z0-9-]{0,8}", (any::<bool>(), timestamp()), 0..3),
        proptest::collection::btree_map(
            "https://[a-z]{1,8}\\.example/[ -~]{0,12}",
            (any::<bool>(), timestamp()),
            0..2,
        ),
        proptest::option::of((proptest::option::of(0u64..40_000), timestamp())),
    )
        .prop_map(
            |(status, started, finished, skip_reason, notes, set, actions, resources, due)| {
                StepProgress {
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
                        .map(|(index, (at, text, evidence))| Note {
                            at,
                            text,
                            id: Some(OpKey {
                                at,
                                device: "b0c1".into(),
                                seq: 3,
                                change: ChangeId::default(),
                                index: index as u32,
                            }),
                            evidence,
                        })
                        .collect(),
                    actions: marks(actions),
                    resources: marks(resources),
                    due: due.map(|(days, at)| Due {
                        date: days.and_then(|days| {
                            chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?
                                .checked_add_days(chrono::Days::new(days))
                        }),
                        set: OpKey {
                            at,
                            device: "f00d".into(),
                            seq: 9,
                            change: ChangeId::default(),
                            index: 0,
                        },
                    }),
                }
            },
        )
}

/// Ticks (or used marks) as the state file records them.
fn marks(
    drawn: std::collections::BTreeMap<String, (bool, Timestamp)>,
) -> std::collections::BTreeMap<String, Mark> {
    drawn
        .into_iter()
        .enumerate()
        .map(|(index, (key, (on, at)))| {
            let set = OpKey {
                at,
                device: "e4f5".into(),
                seq: 9,
                change: ChangeId::parse("fedcba9876543210fedcba9876543210").unwrap(),
                index: index as u32,
            };
            (key, Mark { on, set })
        })
        .collect()
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
    /// Ticks (`true`) or unticks one of two actions of a step.
    Tick(usize, usize, bool),
    Undo,
}

const ACTIONS: [&str; 2] = ["first-action", "second-action"];

fn command() -> impl Strategy<Value = Command> {
    let step = 0usize..4;
    prop_oneof![
        step.clone().prop_map(Command::Start),
        step.clone().prop_map(Command::Done),
        step.clone().prop_map(Command::Skip),
        step.clone().prop_map(Command::Reset),
        step.clone().prop_map(Command::Note),
        (step, 0usize..2, any::<bool>())
            .prop_map(|(step, action, on)| Command::Tick(step, action, on)),
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
    /// The time zone its clock shows, in minutes east of UTC.
    zone: i32,
}

/// `minute` minutes into 2026, as a clock in `zone` shows it.
fn at_minute(minute: i64, zone: i32) -> Timestamp {
    FixedOffset::east_opt(zone * 60)
        .expect("offset")
        .timestamp_opt(1_767_225_600 + minute * 60, 0)
        .single()
        .expect("time")
}

impl Device {
    fn new(id: &str, skew: i64) -> Device {
        Device {
            id: id.to_string(),
            progress: RoadmapProgress::default(),
            history: Vec::new(),
            seq: 0,
            skew,
            zone: 7 * 60,
        }
    }

    /// Runs one command at `minute` of the shared clock; true when it
    /// recorded a change.
    fn run(&mut self, command: &Command, minute: i64) -> bool {
        let now = at_minute(minute + self.skew, self.zone);
        !self.run_at(command, now).is_empty()
    }

    /// Runs one command when this device's clock says `now`; returns the
    /// changes it recorded, which are now in the history too.
    fn run_at(&mut self, command: &Command, now: Timestamp) -> Vec<Change> {
        let mut recorder = Recorder::new(&self.id, self.seq, "r");
        let progress = &mut self.progress;
        match command {
            Command::Note(step) => {
                progress.add_note(
                    STEPS[*step],
                    "a note",
                    false,
                    None,
                    now,
                    "note",
                    &mut recorder,
                );
            }
            Command::Tick(step, action, on) => {
                progress.set_marks(
                    MarkKind::Action,
                    &[(STEPS[*step], ACTIONS[*action])],
                    *on,
                    now,
                    "check",
                    &mut recorder,
                    |_| Vec::new(),
                );
            }
            Command::Start(step) => {
                progress.apply(
                    &Action::Start { on: None },
                    &[STEPS[*step]],
                    now,
                    "start",
                    &mut recorder,
                );
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
                    on: None,
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
        if let Some(last) = changes.last() {
            self.seq = last.seq;
        }
        self.history.extend(changes.iter().cloned());
        changes
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

/// At most this many homes: copies beyond it are not made.
const MAX_HOMES: usize = 4;

/// What a learner sees, as [`seen`] gives it.
type Seen = Vec<(String, (Status, String))>;

/// A moment in the life of one learner's homes. Homes are named by a
/// number taken modulo how many there are at that moment.
#[derive(Debug, Clone)]
enum Event {
    /// A command typed on a home `wait` minutes after the previous event,
    /// its machine's clock, for this command only, `jump` minutes ahead
    /// (now and then nearly or more than a day).
    Type {
        home: usize,
        command: Command,
        wait: i64,
        jump: i64,
    },
    /// One home takes in another's changes.
    Merge { from: usize, to: usize },
    /// A home copied whole (device id and sequence too) to a machine whose
    /// clock is off by `skew` minutes; both go on as the same device.
    Copy { from: usize, skew: i64, zone: i32 },
    /// A backup of a home is put aside.
    Backup { home: usize },
    /// A home replaced by one of its older backups, so it counts its
    /// sequence again from an older number; `handed_over` when it had
    /// first given its changes to the next home.
    Restore {
        home: usize,
        backup: usize,
        handed_over: bool,
    },
    /// A copied or restored home notices and becomes a new device.
    Notice { home: usize },
}

/// A home on one machine.
#[derive(Debug, Clone)]
struct Home {
    device: Device,
    /// What the learner saw before the last command typed here, while
    /// nothing has arrived since and nothing known is days ahead of that
    /// command: what an undo must bring back.
    undo_returns_to: Option<Seen>,
}

/// One learner's homes, their backups, and every change any of them recorded.
#[derive(Debug)]
struct Homes {
    homes: Vec<Home>,
    /// Per home, the copies of it put aside, oldest first; the first is
    /// the home as it began.
    backups: Vec<Vec<Device>>,
    /// The real time, in minutes; each machine's clock is off from it.
    minute: i64,
    recorded: Vec<Change>,
    /// Changes a restore wiped out while no other home had them: nothing
    /// could bring them back.
    destroyed: HashSet<ChangeId>,
    new_devices: usize,
}

impl Command {
    /// The step and status a status command puts it at.
    fn sets(&self) -> Option<(&'static str, Status)> {
        match self {
            Command::Start(step) => Some((STEPS[*step], Status::InProgress)),
            Command::Done(step) => Some((STEPS[*step], Status::Done)),
            Command::Skip(step) => Some((STEPS[*step], Status::Skipped)),
            Command::Reset(step) => Some((STEPS[*step], Status::Todo)),
            Command::Note(_) | Command::Tick(..) | Command::Undo => None,
        }
    }
}

impl Homes {
    fn new(machines: &[(i64, i32)]) -> Homes {
        let names = ["a7c1", "b3f9", "c0d4"];
        let homes: Vec<Home> = machines
            .iter()
            .zip(names)
            .map(|(&(skew, zone), name)| Home {
                device: Device {
                    zone,
                    ..Device::new(name, skew)
                },
                undo_returns_to: None,
            })
            .collect();
        Homes {
            backups: homes.iter().map(|home| vec![home.device.clone()]).collect(),
            homes,
            minute: 0,
            recorded: Vec::new(),
            destroyed: HashSet::new(),
            new_devices: 0,
        }
    }

    /// Plays one event, checking on the way that a command takes effect
    /// on the home it was typed on and that undo takes it back.
    fn play(&mut self, event: &Event) -> Result<(), TestCaseError> {
        let count = self.homes.len();
        match *event {
            Event::Type {
                home,
                ref command,
                wait,
                jump,
            } => {
                self.minute += wait;
                let home = &mut self.homes[home % count];
                let device = &mut home.device;
                let now = at_minute(self.minute + device.skew + jump, device.zone);
                let before = seen(&device.progress);
                let bound = now + MAX_CLOCK_LEAD;
                let nothing_far_ahead = device.history.iter().all(|change| change.at <= bound);
                // A step last set by a change stamped more than a day
                // ahead of this clock keeps it: the clock does not follow
                // such a time (`MAX_CLOCK_LEAD`), so nothing typed here
                // orders after it until the clock catches up.
                let held_far_ahead = |step: &str| {
                    device.history.iter().any(|change| {
                        change.at > bound && change.ops.iter().any(|op| op.step() == Some(step))
                    })
                };
                let held = command.sets().is_some_and(|(step, _)| held_far_ahead(step));
                let changes = device.run_at(command, now);
                self.recorded.extend(changes.iter().cloned());
                // A command applied in place leaves what a replay of the whole history gives.
                prop_assert_eq!(
                    seen(&device.progress),
                    seen(&replay(&device.history, "r")),
                    "{:?} on {} at {}; history {:#?}",
                    command,
                    device.id,
                    now,
                    device.history
                );
                if let Command::Undo = command {
                    if let Some(expected) = home.undo_returns_to.take() {
                        prop_assert_eq!(
                            seen(&device.progress),
                            expected,
                            "undo on {} at {} did not take back its last command; history {:#?}",
                            device.id,
                            now,
                            device.history
                        );
                    }
                } else if !changes.is_empty() {
                    if let Some((step, status)) = command.sets()
                        && !held
                    {
                        prop_assert_eq!(
                            device.progress.status(step),
                            status,
                            "{:?} on {} at {} did not take effect; history {:#?}",
                            command,
                            device.id,
                            now,
                            device.history
                        );
                    }
                    home.undo_returns_to = nothing_far_ahead.then_some(before);
                }
            }
            Event::Merge { from, to } => {
                let (from, to) = (from % count, to % count);
                if from != to {
                    let history = self.homes[from].device.history.clone();
                    self.merge(to, &history);
                }
            }
            Event::Copy { from, skew, zone } => {
                if count < MAX_HOMES {
                    let mut copy = self.homes[from % count].clone();
                    copy.device.skew = skew;
                    copy.device.zone = zone;
                    self.backups.push(vec![copy.device.clone()]);
                    self.homes.push(copy);
                }
            }
            Event::Backup { home } => {
                let device = self.homes[home % count].device.clone();
                self.backups[home % count].push(device);
            }
            Event::Restore {
                home,
                backup,
                handed_over,
            } => {
                let home = home % count;
                if handed_over && count > 1 {
                    let history = self.homes[home].device.history.clone();
                    self.merge((home + 1) % count, &history);
                }
                let backups = &self.backups[home];
                let mut restored = backups[backup % backups.len()].clone();
                // The machine, and so its clock, stays.
                restored.skew = self.homes[home].device.skew;
                restored.zone = self.homes[home].device.zone;
                let old = std::mem::replace(
                    &mut self.homes[home],
                    Home {
                        device: restored,
                        undo_returns_to: None,
                    },
                );
                let kept: HashSet<&ChangeId> = self
                    .homes
                    .iter()
                    .flat_map(|home| home.device.history.iter().map(|change| &change.id))
                    .collect();
                let lost: Vec<ChangeId> = old
                    .device
                    .history
                    .iter()
                    .filter(|change| !kept.contains(&change.id))
                    .map(|change| change.id.clone())
                    .collect();
                self.destroyed.extend(lost);
            }
            Event::Notice { home } => {
                self.new_devices += 1;
                self.homes[home % count].device.id = format!("e{}f0", self.new_devices);
            }
        }
        Ok(())
    }

    /// Home `to` takes in `history`; an undo there no longer simply takes
    /// back what was typed there last once something arrived.
    fn merge(&mut self, to: usize, history: &[Change]) {
        let home = &mut self.homes[to];
        let known = home.device.history.len();
        home.device.merge_from(history);
        if home.device.history.len() > known {
            home.undo_returns_to = None;
        }
    }

    /// Every home takes in every other's changes: first pair by pair in
    /// `order` (pairs of homes that do not exist are passed over), then
    /// all through the first home, which settles it whatever the order.
    fn exchange_all(&mut self, order: &[(usize, usize)]) {
        let count = self.homes.len();
        for &(from, to) in order {
            if from < count && to < count && from != to {
                let history = self.homes[from].device.history.clone();
                self.merge(to, &history);
            }
        }
        for from in 1..count {
            let history = self.homes[from].device.history.clone();
            self.merge(0, &history);
        }
        let everything = self.homes[0].device.history.clone();
        for to in 1..count {
            self.merge(to, &everything);
        }
    }
}

fn machine() -> impl Strategy<Value = (i64, i32)> {
    (
        -120i64..=120,
        prop_oneof![Just(7 * 60), Just(0), Just(-5 * 60), Just(5 * 60 + 45)],
    )
}

/// Stories of homes copied, backed up, restored and merged; `undo_weight`
/// sets how often a command is an undo, against 4 for the others.
fn events(undo_weight: u32, length: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Event>> {
    let home = 0usize..MAX_HOMES * 2;
    let typed = (
        home.clone(),
        prop_oneof![4 => command(), undo_weight => Just(Command::Undo)],
        0i64..=45,
        prop_oneof![24 => Just(0), 1 => 20 * 60i64..=72 * 60],
    )
        .prop_map(|(home, command, wait, jump)| Event::Type {
            home,
            command,
            wait,
            jump,
        });
    let one = prop_oneof![
        10 => typed,
        5 => (home.clone(), home.clone()).prop_map(|(from, to)| Event::Merge { from, to }),
        1 => (home.clone(), machine()).prop_map(|(from, (skew, zone))| Event::Copy { from, skew, zone }),
        1 => home.clone().prop_map(|home| Event::Backup { home }),
        1 => (home.clone(), 0usize..4, any::<bool>()).prop_map(|(home, backup, handed_over)| {
            Event::Restore { home, backup, handed_over }
        }),
        1 => home.prop_map(|home| Event::Notice { home }),
    ];
    proptest::collection::vec(one, length)
}

/// Every ordered pair of homes, in a random order.
fn exchange_order() -> impl Strategy<Value = Vec<(usize, usize)>> {
    let pairs: Vec<(usize, usize)> = (0..MAX_HOMES)
        .flat_map(|from| (0..MAX_HOMES).map(move |to| (from, to)))
        .filter(|(from, to)| from != to)
        .collect();
    Just(pairs).prop_shuffle()
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
        let roadmap = smm_path::internals::roadmap::load_builtin();
        let _ = StepSelector::resolve_all(&[argument], &roadmap);
    }

    #[test]
    fn a_state_round_trips_through_save_and_load(state in state()) {
        let yaml = smm_path::internals::yaml::to_string(&state).expect("serialize");
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

    /// A copied home and its copy go on under one device id and sequence,
    /// a restored home numbers again from an older sequence, and the
    /// machines' clocks disagree by hours (once in a while by days): merged
    /// in any order, every home ends with every change and the same state.
    #[test]
    fn copied_and_restored_homes_on_skewed_clocks_converge_and_lose_nothing(
        machines in proptest::collection::vec(machine(), 2..=3),
        events in events(1, 1..40),
        order in exchange_order(),
    ) {
        let mut homes = Homes::new(&machines);
        for event in &events {
            homes.play(event)?;
        }
        homes.exchange_all(&order);
        let mut recorded: HashMap<&ChangeId, &Change> = HashMap::new();
        for change in &homes.recorded {
            let earlier = recorded.insert(&change.id, change);
            prop_assert!(earlier.is_none(), "two changes recorded as {}", change.id);
        }
        let mut union = Vec::new();
        for home in &homes.homes {
            union.extend(home.device.history.iter().cloned());
        }
        let expected = seen(&replay(&union, "r"));
        for home in &homes.homes {
            let history = &home.device.history;
            let ids: HashSet<&ChangeId> = history.iter().map(|change| &change.id).collect();
            prop_assert_eq!(ids.len(), history.len(), "{} holds a change twice", home.device.id);
            for change in history {
                prop_assert_eq!(Some(&change), recorded.get(&change.id), "a change altered on the way");
            }
            for change in &homes.recorded {
                prop_assert!(
                    ids.contains(&change.id) || homes.destroyed.contains(&change.id),
                    "{} lost {:?}",
                    home.device.id,
                    change
                );
            }
            prop_assert_eq!(&seen(&home.device.progress), &expected, "{}", home.device.id);
        }
    }

    /// Right after a command on a home, even one that has just taken in
    /// changes from a machine whose clock runs hours ahead, the step is
    /// where the command put it; an undo next, with nothing arrived in
    /// between, brings back what the learner saw before.
    #[test]
    fn a_command_takes_effect_on_its_home_and_undo_takes_it_back_whatever_the_clocks(
        machines in proptest::collection::vec(machine(), 2..=3),
        events in events(3, 1..30),
    ) {
        let mut homes = Homes::new(&machines);
        for event in &events {
            homes.play(event)?;
        }
    }
}
