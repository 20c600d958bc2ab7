//! Writes a realistic cohort for `smm-path cohort` to read: COUNT learners'
//! JSON exports, as `smm-path export -f json` writes them, deterministic.
//!
//! ```text
//! cargo run --release --example cohort_data -- COUNT DIR
//! ```
//!
//! Learner `i` has finished a number of steps that varies from none to all,
//! each taking one to twelve days, with one change in the history per
//! status set and per note, from one or two devices; some are in progress
//! on a step, a few have skipped one. The files are 10 to 40 KB, like real
//! exports with a few months of history.

// Generated data of bounded sizes: counters and seeds fit every type they pass through.
#![allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};
use smm_path::internals::roadmap::load_builtin;

/// A small deterministic generator (a 64-bit LCG): the same cohort every run.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

fn time(day: i64, hour: i64) -> String {
    let start = chrono::DateTime::parse_from_rfc3339("2026-06-01T09:00:00+07:00")
        .expect("a fixed, valid time");
    (start + chrono::Duration::days(day) + chrono::Duration::hours(hour)).to_rfc3339()
}

fn learner(index: usize) -> Value {
    let roadmap = load_builtin();
    let mut numbers = Numbers(index as u64 * 7919 + 1);
    let devices: Vec<String> = (0..=numbers.next(2))
        .map(|device| format!("{:016x}", (index as u64) << 8 | device))
        .collect();
    let done = numbers.next(21) as usize;
    let mut day = numbers.next(60) as i64;
    let mut steps = Vec::new();
    let mut changes = Vec::new();
    let mut seq = 0;
    let mut change = |at: &str, command: String, op: Value, numbers: &mut Numbers| {
        seq += 1;
        let device = &devices[numbers.next(devices.len() as u64) as usize];
        changes.push(json!({
            "device": device, "seq": seq, "at": at, "roadmap": "social-media-manager",
            "command": command, "ops": [op],
        }));
    };
    for (position, step) in roadmap.steps.iter().enumerate() {
        let number = position + 1;
        let skipped = number == 12 && numbers.next(5) == 0;
        let (status, started, finished) = if skipped {
            ("skipped", None, None)
        } else if position < done {
            let started = time(day, 0);
            day += 1 + numbers.next(12) as i64;
            ("done", Some(started), Some(time(day, 2)))
        } else if position == done && numbers.next(2) == 0 {
            ("in-progress", Some(time(day, 1)), None)
        } else {
            ("todo", None, None)
        };
        let mut notes = Vec::new();
        if let Some(at) = &started {
            change(
                at,
                format!("start {number}"),
                json!({"op": "status", "step": step.id, "from": "todo", "to": "in-progress", "started": at}),
                &mut numbers,
            );
            for note in 0..numbers.next(3) {
                let text = format!(
                    "Progress on step {number}, part {note}: https://example.com/work/{index}/{number}/{note}"
                );
                notes.push(json!({"at": at, "text": text}));
                change(
                    at,
                    format!("note {number}"),
                    json!({"op": "note", "step": step.id, "at": at, "text": text}),
                    &mut numbers,
                );
            }
        }
        if let Some(at) = &finished {
            change(
                at,
                format!("done {number}"),
                json!({"op": "status", "step": step.id, "from": "in-progress", "to": "done", "started": started, "finished": at}),
                &mut numbers,
            );
        }
        steps.push(json!({
            "number": number, "id": step.id, "title": step.title.get(smm_path::internals::i18n::Lang::En),
            "status": status, "started": started, "finished": finished,
            "skip_reason": if skipped { Some("no ad budget") } else { None }, "notes": notes,
        }));
    }
    json!({
        "format": "smm-path-export", "format_version": 2, "exported_at": time(180, 0),
        "learner": format!("Learner {index:05}"),
        "roadmap": {"id": "social-media-manager", "version": roadmap.version, "title": roadmap.title.get(smm_path::internals::i18n::Lang::En)},
        "language": "en", "steps": steps, "changes": changes,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [count, dir] = args.as_slice() else {
        eprintln!("usage: cohort_data COUNT DIR");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("COUNT must be a number");
        return ExitCode::from(2);
    };
    let dir = Path::new(dir);
    if let Err(error) = std::fs::create_dir_all(dir) {
        eprintln!("{}: {error}", dir.display());
        return ExitCode::FAILURE;
    }
    for index in 0..count {
        let path = dir.join(format!("learner-{index:05}.json"));
        let text = serde_json::to_string_pretty(&learner(index)).unwrap_or_default();
        if let Err(error) = std::fs::write(&path, text) {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
