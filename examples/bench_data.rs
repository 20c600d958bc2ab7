//! Writes the deterministic data `bench/run.sh` measures smm-path on.
//!
//! ```text
//! cargo run --release --example bench_data -- builtin HOME
//! cargo run --release --example bench_data -- generated STEPS DIR
//! cargo run --release --example bench_data -- sparse STEPS DIR
//! ```
//!
//! `builtin` fills HOME with a realistic state for the built-in roadmap:
//! half of the steps done, notes on several, a few hundred history events.
//! `generated` writes DIR/roadmap.yaml with STEPS steps and fills DIR/home
//! with a state of matching size: every step touched, ten changes per
//! step. `sparse` writes the same roadmap with only its first step touched. Both go through smm-path's own store, so the files are exactly
//! what smm-path writes.

// Generated data of bounded sizes: counters and seeds fit every type they pass through.
#![allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use smm_path::internals::progress::{
    Action, ProgressStore, Reads, Recorder, RoadmapProgress, StoreError, Timestamp,
};
use smm_path::internals::roadmap::{Roadmap, load_builtin, load_file};

fn at(day: i64, minute: i64) -> Timestamp {
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-05T08:00:00+07:00")
        .expect("a fixed, valid timestamp");
    start + chrono::Duration::days(day) + chrono::Duration::minutes(minute)
}

/// Records `changes` (step id, action or note) one by one, through the store.
fn record(home: &Path, roadmap: &Roadmap, changes: &[(String, Change)]) -> Result<(), StoreError> {
    let store = ProgressStore::in_home(home);
    let mut transaction = store.begin(Reads::State)?;
    transaction.change_roadmap(roadmap, |progress, _, recorder| {
        for (index, (step, change)) in changes.iter().enumerate() {
            // A change a minute, day and night: a million changes span two years.
            let now = at(index as i64 / 1440, index as i64 % 1440);
            apply(progress, step, change, now, recorder);
        }
    });
    transaction.commit()
}

enum Change {
    Start,
    Done,
    Reset,
    Note(String),
}

fn apply(
    progress: &mut RoadmapProgress,
    step: &str,
    change: &Change,
    now: Timestamp,
    journal: &mut Recorder,
) {
    match change {
        Change::Start => {
            progress.apply(
                &Action::Start { on: None },
                &[step],
                now,
                &format!("start {step}"),
                journal,
            );
        }
        Change::Done => {
            progress.apply(
                &Action::Done { on: None },
                &[step],
                now,
                &format!("done {step}"),
                journal,
            );
        }
        Change::Reset => {
            progress.apply(
                &Action::Reset,
                &[step],
                now,
                &format!("reset {step}"),
                journal,
            );
        }
        Change::Note(text) => {
            progress.add_note(
                step,
                text,
                false,
                None,
                now,
                &format!("note {step}"),
                journal,
            );
        }
    }
}

/// Ten events per step, ending done for even positions and in progress for odd ones.
fn ten_events(position: usize, step: &str) -> Vec<(String, Change)> {
    let note = |n: usize| {
        Change::Note(format!(
            "evidence {n} for {step}: https://example.com/{step}/{n}"
        ))
    };
    let mut changes = vec![
        Change::Start,
        note(1),
        Change::Done,
        Change::Reset,
        Change::Start,
        note(2),
        Change::Done,
        Change::Reset,
        Change::Start,
    ];
    changes.push(if position.is_multiple_of(2) {
        Change::Done
    } else {
        note(3)
    });
    changes
        .into_iter()
        .map(|change| (step.to_string(), change))
        .collect()
}

fn builtin(home: &Path) -> Result<(), String> {
    let roadmap = load_builtin();
    let ids: Vec<&str> = roadmap.steps.iter().map(|step| step.id.as_ref()).collect();
    let mut changes = Vec::new();
    // Half done, with a note on each; step 7 is left for `done 7` to measure.
    for (position, id) in ids
        .iter()
        .enumerate()
        .take(11)
        .filter(|(position, _)| *position != 6)
    {
        changes.push((id.to_string(), Change::Start));
        changes.push((
            id.to_string(),
            Change::Note(format!(
                "finished step {}: https://example.com/portfolio/{position}",
                position + 1
            )),
        ));
        changes.push((id.to_string(), Change::Done));
    }
    // Months of back and forth on the next steps.
    for round in 0..90 {
        let id = ids[11 + round % 5];
        changes.push((id.to_string(), Change::Start));
        changes.push((
            id.to_string(),
            Change::Note(format!("week {round}: tried something new")),
        ));
        changes.push((id.to_string(), Change::Reset));
    }
    changes.push((ids[11].to_string(), Change::Start));
    record(home, &roadmap, &changes).map_err(|error| format!("{error:?}"))
}

fn generated(steps: usize, directory: &Path, every_step: bool) -> Result<(), String> {
    let mut yaml = String::with_capacity(steps * 600);
    yaml.push_str("id: generated\nversion: 1\nlanguages: [id, en]\ntitle: {id: Roadmap buatan, en: Generated roadmap}\nsteps:\n");
    let ids: Vec<String> = (1..=steps).map(|n| format!("step-{n:06}")).collect();
    for (index, id) in ids.iter().enumerate() {
        let n = index + 1;
        write!(
            yaml,
            "  - id: {id}\n    title: {{id: Langkah nomor {n}, en: Step number {n}}}\n    summary:\n      id: Ringkasan langkah {n} yang menjelaskan apa yang perlu dipelajari.\n      en: Summary of step {n}, saying what there is to learn.\n    actions:\n      - {{id: Tindakan pertama {n}, en: First action {n}}}\n      - {{id: Tindakan kedua {n}, en: Second action {n}}}\n      - {{id: Tindakan ketiga {n}, en: Third action {n}}}\n    evidence: {{id: Bukti {n}, en: Evidence {n}}}\n"
        )
        .map_err(|error| error.to_string())?;
    }
    std::fs::create_dir_all(directory).map_err(|error| error.to_string())?;
    let roadmap_path = directory.join("roadmap.yaml");
    std::fs::write(&roadmap_path, yaml).map_err(|error| error.to_string())?;
    let roadmap = load_file(&roadmap_path, None).map_err(|error| format!("{error:?}"))?;
    let touched = if every_step { ids.len() } else { 1 };
    let changes: Vec<(String, Change)> = ids
        .iter()
        .take(touched)
        .enumerate()
        .flat_map(|(position, id)| ten_events(position, id))
        .collect();
    record(&directory.join("home"), &roadmap, &changes).map_err(|error| format!("{error:?}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["builtin", home] => builtin(Path::new(home)),
        ["generated", steps, directory] => match steps.parse() {
            Ok(steps) => generated(steps, Path::new(directory), true),
            Err(_) => Err(format!("not a number of steps: {steps}")),
        },
        ["sparse", steps, directory] => match steps.parse() {
            Ok(steps) => generated(steps, Path::new(directory), false),
            Err(_) => Err(format!("not a number of steps: {steps}")),
        },
        _ => Err(
            "usage: bench_data builtin HOME | bench_data generated|sparse STEPS DIR".to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench_data: {message}");
            ExitCode::FAILURE
        }
    }
}
