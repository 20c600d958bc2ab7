//! Writes homes with a long history on the built-in roadmap, for `bench/history.sh`.
//!
//! ```text
//! cargo run --release --example history_data -- mixed CHANGES DIR
//! cargo run --release --example history_data -- notes CHANGES DIR
//! cargo run --release --example history_data -- statuses CHANGES DIR
//! ```
//!
//! Each writes DIR/home holding CHANGES changes on `social-media-manager`,
//! made on three devices in sessions of 10 to 100 changes a few minutes
//! apart (this home is the laptop, with about half of them; a desktop and a
//! phone share the rest), about 2.7 years per 500,000 changes, ending near
//! 2026-10-01, and prints the time an hour after the last change, for
//! `SMM_PATH_NOW`, so that `stats` sees a learner who was just active.
//!
//! `mixed` is a learner's story: starts, dones, skips with a reason,
//! resets, some on several steps at once, notes (three in ten) and undos
//! right after a change (one in twenty). It also writes
//! DIR/sync/<desktop>.jsonl, the desktop's device file as of its last
//! change, so that after one `smm-path sync DIR/sync` (which writes this
//! home's own file) another sync finds nothing new. `notes` is only notes
//! on the 20 steps (short ones, a figure each); `statuses` only status
//! changes: no notes, no undos.
//!
//! The changes are made by the library's own `RoadmapProgress::apply`,
//! `add_note` and `undo`, and written by one `ProgressStore` transaction
//! (`begin`, `record`, `commit`) with the snapshot of their replay, so the
//! files are what smm-path writes. The last ten changes are then made one
//! command at a time through the store, leaving the short history tail
//! after the snapshot that everyday use leaves. Randomness is a fixed-seed
//! generator: the same arguments give the same changes (change and device
//! identities are random, as in smm-path).

// Generated data of bounded sizes: counters and seeds fit every type they pass through.
#![allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]

use std::path::Path;
use std::process::ExitCode;

use smm_path::internals::progress::{
    Action, Change, ProgressStore, Reads, Recorder, RoadmapProgress, Status, StepProgress,
    StoreError, Timestamp, replay,
};
use smm_path::internals::roadmap::{Roadmap, load_builtin};

/// The last changes, made one command at a time after the bulk commit.
const TAIL_CHANGES: usize = 10;

/// splitmix64: small, fast, and the same on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..high`.
    fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Mixed,
    Notes,
    Statuses,
}

/// The learner's clock and which device they are on: sessions of 10 to 100
/// changes 10 seconds to 2 minutes apart, 10 minutes to 3 hours between
/// sessions, each session on one device.
struct Timeline {
    random: Random,
    now: Timestamp,
    session_left: u64,
    device: usize,
}

impl Timeline {
    /// A timeline for `count` changes, ending near 2026-10-01: histories
    /// of every length end in the recent past, as a learner's does.
    fn new(seed: u64, count: usize) -> Timeline {
        // A change every 65 s in a session, 95 minutes between sessions of 55.
        let mean_seconds = 65.0 + 5700.0 / 55.0;
        let span = chrono::Duration::seconds((count as f64 * mean_seconds) as i64);
        let end = chrono::DateTime::parse_from_rfc3339("2026-10-01T20:00:00+07:00")
            .expect("a fixed, valid timestamp");
        Timeline {
            random: Random(seed),
            now: end - span,
            session_left: 0,
            device: 0,
        }
    }

    /// The time of the next change, and the device it is made on (0, this
    /// home, about half the time; 1, the desktop; 2, the phone).
    fn tick(&mut self) -> (Timestamp, usize) {
        if self.session_left == 0 {
            self.session_left = self.random.range(10, 101);
            self.device = match self.random.next() % 10 {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            };
            self.now += chrono::Duration::seconds(self.random.range(600, 3 * 3600) as i64);
        }
        self.session_left -= 1;
        self.now += chrono::Duration::seconds(self.random.range(10, 121) as i64);
        (self.now, self.device)
    }
}

/// What a note says: a line of evidence with a link, 60 to 110 bytes;
/// `short`, a figure of 20 to 30 bytes (a million of those keep the
/// snapshot within smm-path's 256 MB read limit).
fn note_text(random: &mut Random, step_number: usize, short: bool) -> String {
    const WHAT: [&str; 6] = [
        "posted a carousel for the bakery client",
        "scheduled next week's reels",
        "rewrote the bio and the highlights",
        "replied to every comment on the launch post",
        "tried a new hook in the first three seconds",
        "compared reach with last month",
    ];
    let what = WHAT[random.next() as usize % WHAT.len()];
    let reach = random.range(100, 20_000);
    let post = random.next() % 100_000;
    if short {
        return format!("reach {reach} on post {post}");
    }
    format!("{what}: reach {reach} https://example.com/s{step_number}/p/{post}")
}

/// The action a learner takes next on a step in `status`; never one that
/// leaves it as it is.
fn next_action(random: &mut Random, status: Status) -> (Action, &'static str) {
    let roll = random.next() % 10;
    let skip = || Action::Skip {
        reason: Some("sudah saya kuasai di pekerjaan sebelumnya".to_string()),
        on: None,
    };
    match status {
        Status::Todo => match roll {
            0..=6 => (Action::Start { on: None }, "start"),
            7..=8 => (Action::Done { on: None }, "done"),
            _ => (skip(), "skip"),
        },
        Status::InProgress => match roll {
            0..=5 => (Action::Done { on: None }, "done"),
            6..=8 => (Action::Reset, "reset"),
            _ => (skip(), "skip"),
        },
        Status::Done => match roll {
            0..=5 => (Action::Reset, "reset"),
            _ => (Action::Start { on: None }, "start"),
        },
        Status::Skipped => match roll {
            0..=4 => (Action::Start { on: None }, "start"),
            _ => (Action::Reset, "reset"),
        },
    }
}

/// The devices of the story: this home's, a desktop's and a phone's.
struct Devices {
    ids: [String; 3],
    seqs: [u64; 3],
}

/// The changes of the story, in the order this home learned of them (the
/// order they were made: its devices synced at every session).
struct Story<'a> {
    roadmap: &'a Roadmap,
    kind: Kind,
    timeline: &'a mut Timeline,
    devices: Devices,
    /// Status records only: notes are left out while generating (they do
    /// not decide any action, and keeping them would make every note cost
    /// a scan of its step's notes); the final state is the replay.
    progress: RoadmapProgress,
    changes: Vec<Change>,
    /// The records the last change replaced, while it may still be undone.
    undoable: Option<Vec<(String, Option<StepProgress>)>>,
}

impl Story<'_> {
    /// A progress holding only the clock, for a change whose effect on the
    /// status records is kept by hand.
    fn clock_only(&self) -> RoadmapProgress {
        RoadmapProgress {
            latest: self.progress.latest,
            ..RoadmapProgress::default()
        }
    }

    /// Makes one change; false when the roll gave nothing to record.
    fn one(&mut self) -> bool {
        let (now, device) = self.timeline.tick();
        let mut recorder = Recorder::new(
            &self.devices.ids[device],
            self.devices.seqs[device],
            &self.roadmap.id,
        );
        let roadmap = self.roadmap;
        let ids: Vec<&str> = roadmap.steps.iter().map(|step| step.id.as_ref()).collect();
        let random = &mut self.timeline.random;
        let roll = random.next() % 100;
        let wants_note = match self.kind {
            Kind::Notes => true,
            Kind::Statuses => false,
            Kind::Mixed => roll < 30,
        };
        let wants_undo = self.kind == Kind::Mixed && (30..35).contains(&roll);
        if wants_undo {
            let Some(before) = self.undoable.take() else {
                return false;
            };
            let target = self.changes.last().expect("an undoable change exists");
            let mut scratch = self.clock_only();
            scratch.undo(&[target], now, &mut recorder);
            self.progress.latest = scratch.latest;
            for (step, record) in before {
                match record {
                    Some(record) => self.progress.steps.insert(step, record),
                    None => self.progress.steps.remove(&step),
                };
            }
        } else if wants_note {
            let number = random.range(1, ids.len() as u64 + 1) as usize;
            let text = note_text(random, number, self.kind == Kind::Notes);
            let mut scratch = self.clock_only();
            scratch.add_note(
                ids[number - 1],
                &text,
                false,
                None,
                now,
                &format!("note {number} {text}"),
                &mut recorder,
            );
            self.progress.latest = scratch.latest;
            self.undoable = Some(Vec::new());
        } else {
            // One step, or now and then a few in a row (`done 4-6`).
            let first = random.range(1, ids.len() as u64 + 1) as usize;
            let last = if random.chance(5) {
                (first + 2).min(ids.len())
            } else {
                first
            };
            let (action, verb) = next_action(random, self.progress.status(ids[first - 1]));
            let selected = &ids[first - 1..last];
            let mut command = if last == first {
                format!("{verb} {first}")
            } else {
                format!("{verb} {first}-{last}")
            };
            if let Action::Skip {
                reason: Some(reason),
                ..
            } = &action
            {
                command = format!("{command} --reason \"{reason}\"");
            }
            let before = selected
                .iter()
                .map(|id| (id.to_string(), self.progress.steps.get(*id).cloned()))
                .collect();
            self.progress
                .apply(&action, selected, now, &command, &mut recorder);
            self.undoable = Some(before);
        }
        let made = recorder.into_changes();
        let Some(last) = made.last() else {
            return false;
        };
        self.devices.seqs[device] = last.seq;
        self.changes.extend(made);
        true
    }
}

/// One command's change on this home, through the store as the binary
/// makes it.
fn one_command(
    store: &ProgressStore,
    roadmap: &Roadmap,
    kind: Kind,
    timeline: &mut Timeline,
) -> Result<(), StoreError> {
    let ids: Vec<&str> = roadmap.steps.iter().map(|step| step.id.as_ref()).collect();
    let (now, _) = timeline.tick();
    let random = &mut timeline.random;
    let mut transaction = store.begin(Reads::State)?;
    transaction.change_roadmap(roadmap, |progress, _, recorder| {
        let number = random.range(1, ids.len() as u64 + 1) as usize;
        let id = ids[number - 1];
        if kind == Kind::Notes || (kind == Kind::Mixed && random.chance(30)) {
            let text = note_text(random, number, kind == Kind::Notes);
            let command = format!("note {number} {text}");
            progress.add_note(id, &text, false, None, now, &command, recorder);
        } else {
            let (action, verb) = next_action(random, progress.status(id));
            progress.apply(&action, &[id], now, &format!("{verb} {number}"), recorder);
        }
    });
    transaction.commit()
}

fn generate(kind: Kind, count: usize, directory: &Path) -> Result<(), String> {
    let roadmap = load_builtin();
    let home = directory.join("home");
    std::fs::create_dir_all(&home).map_err(|error| error.to_string())?;
    let store = ProgressStore::in_home(&home);
    let bulk = count.saturating_sub(TAIL_CHANGES);
    let mut timeline = Timeline::new(0x5eed_0000 + count as u64, count);
    // The story is recorded as changes made elsewhere would be (a merge):
    // this home's device id is the one the store gives a new home.
    let mut transaction = store.begin(Reads::State).map_err(|e| format!("{e:?}"))?;
    let home_device = transaction.state().device.clone();
    let mut story = Story {
        roadmap: &roadmap,
        kind,
        timeline: &mut timeline,
        devices: Devices {
            // The other devices' ids have the shape smm-path gives them.
            ids: [
                home_device,
                "d5e3a9c0b7f14e26".to_string(),
                "a0c4e6f1b2d39857".to_string(),
            ],
            seqs: [transaction.state().seq, 0, 0],
        },
        progress: RoadmapProgress::default(),
        changes: Vec::with_capacity(bulk),
        undoable: None,
    };
    while story.changes.len() < bulk {
        story.one();
    }
    let desktop_id = story.devices.ids[1].clone();
    let desktop_last = story
        .changes
        .iter()
        .rposition(|change| change.device == desktop_id)
        .unwrap_or(0);
    let mut progress = replay(&story.changes, &roadmap.id);
    progress.roadmap_version = Some(roadmap.version);
    progress.step_count = Some(roadmap.steps.len());
    progress.known_steps = roadmap.steps.iter().map(|s| s.id.to_string()).collect();
    let state = transaction.state_mut();
    state.roadmaps.insert(roadmap.id.to_string(), progress);
    state.seq = story.devices.seqs[0];
    transaction.record(std::mem::take(&mut story.changes));
    transaction.commit().map_err(|e| format!("{e:?}"))?;
    for _ in bulk..count {
        one_command(&store, &roadmap, kind, &mut timeline).map_err(|e| format!("{e:?}"))?;
    }
    // The time to run commands at: an hour after the last change.
    println!(
        "{}",
        (timeline.now + chrono::Duration::hours(1)).to_rfc3339()
    );
    if kind == Kind::Mixed {
        // The desktop's device file: every change up to its last one.
        let history = std::fs::read(store.history_path()).map_err(|error| error.to_string())?;
        let end = history
            .split_inclusive(|&byte| byte == b'\n')
            .take(desktop_last + 1)
            .map(<[u8]>::len)
            .sum::<usize>();
        let sync = directory.join("sync");
        std::fs::create_dir_all(&sync).map_err(|error| error.to_string())?;
        std::fs::write(sync.join(format!("{desktop_id}.jsonl")), &history[..end])
            .map_err(|error| error.to_string())?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: history_data mixed|notes|statuses CHANGES DIR";
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [kind, count, directory] => {
            let kind = match *kind {
                "mixed" => Ok(Kind::Mixed),
                "notes" => Ok(Kind::Notes),
                "statuses" => Ok(Kind::Statuses),
                _ => Err(usage.to_string()),
            };
            match (kind, count.parse::<usize>()) {
                (Ok(kind), Ok(count)) => generate(kind, count, Path::new(directory)),
                (Err(message), _) => Err(message),
                (_, Err(_)) => Err(format!("not a number of changes: {count}")),
            }
        }
        _ => Err(usage.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("history_data: {message}");
            ExitCode::FAILURE
        }
    }
}
