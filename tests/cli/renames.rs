//! Replacing a file another program holds open: on Windows an antivirus
//! or a sync tool refuses the rename for a moment; smm-path waits that
//! moment out, then says why it could not, and loses nothing either way.
//! `SMM_PATH_REFUSE_RENAMES=N` (the `fault-injection` feature) refuses the
//! process's first N renames as a sharing violation would, on every system.

use std::time::{Duration, Instant};

use crate::support::{Smm, crash_points_or_skip};

/// More refusals than the pauses between attempts allow for.
const FOREVER: &str = "1000";

#[test]
fn a_rename_refused_for_a_moment_is_tried_again_and_the_snapshot_saved() {
    if !crash_points_or_skip() {
        return;
    }
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let before = smm.state_text();
    // The run's first three renames are refused, then they go through:
    // without the retries the backup and the snapshot would not be replaced.
    smm.test(&["done", "2"])
        .env("SMM_PATH_REFUSE_RENAMES", "3")
        .expected_stdout("2. Education and Training: to do → done\n2. Education and Training: 5 actions are not ticked yet (`smm-path show 2` lists them).\n")
        .expected_file("progress.yaml.bak", &before)
        .run();
    let after = smm.state_text();
    assert_ne!(after, before, "the snapshot was not replaced");
    assert!(
        after.contains("education-and-training:\n        status: done"),
        "{after}"
    );
    assert!(
        smm.file_names().iter().all(|name| !name.ends_with(".tmp")),
        "{:?}",
        smm.file_names()
    );
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(2))
        .run();
}

#[test]
fn an_export_over_a_file_held_open_too_long_is_refused_with_the_reason_and_the_old_file_kept() {
    if !crash_points_or_skip() {
        return;
    }
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let out = smm.write_file("out.md", "the export before\n");
    for (lang, message) in [
        (
            "en",
            "cannot write {path}: the file is in use by another program (an antivirus or a sync tool such as OneDrive) or cannot be replaced; wait a moment and try again",
        ),
        (
            "id",
            "{path} tidak bisa ditulis: berkas itu sedang dipakai program lain (antivirus atau alat sinkronisasi seperti OneDrive) atau tidak bisa diganti; tunggu sebentar lalu coba lagi",
        ),
    ] {
        let started = Instant::now();
        smm.test(&["--lang", lang, "export", "-o"])
            .arg(&out)
            .env("SMM_PATH_REFUSE_RENAMES", FOREVER)
            .expected_status(1)
            .expected_stderr(format!(
                "{}: {}\n",
                if lang == "en" { "error" } else { "kesalahan" },
                message.replace("{path}", &out.display().to_string())
            ))
            .expected_file(&out, "the export before\n")
            .writes_nothing()
            .run();
        // It waited the refusal out before giving up, and not for long.
        let waited = started.elapsed();
        assert!(waited >= Duration::from_millis(1400), "{waited:?}");
        assert!(waited < Duration::from_secs(30), "{waited:?}");
    }
    assert!(
        smm.file_names().iter().all(|name| !name.ends_with(".tmp")),
        "a temporary file was left behind: {:?}",
        smm.file_names()
    );
}

#[test]
fn a_snapshot_held_open_too_long_loses_no_change() {
    if !crash_points_or_skip() {
        return;
    }
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let before = smm.state_text();
    // The history's append is the commit; the snapshot is only a shortcut.
    smm.test(&["done", "2"])
        .env("SMM_PATH_REFUSE_RENAMES", FOREVER)
        .expected_stdout("2. Education and Training: to do → done\n2. Education and Training: 5 actions are not ticked yet (`smm-path show 2` lists them).\n")
        .expected_file("progress.yaml", &before)
        .run();
    assert_eq!(smm.step_status(2), "done");
    // Once the file is free again, the next change brings the snapshot up to date.
    smm.ok(&["done", "3"]);
    let after = smm.state_text();
    assert!(
        after.contains("education-and-training:\n        status: done"),
        "{after}"
    );
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(3))
        .run();
}

/// The real thing, where it exists: a file another program opened without
/// sharing it cannot be replaced on Windows until that program lets go.
#[cfg(windows)]
#[test]
fn an_export_over_a_file_another_program_holds_open_waits_then_says_so() {
    use std::os::windows::fs::OpenOptionsExt;
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let out = smm.write_file("out.md", "the export before\n");
    // No sharing at all: what an antivirus scanning the file asks for.
    let held = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(0)
        .open(&out)
        .expect("open without sharing");
    let started = Instant::now();
    smm.test(&["export", "-o"])
        .arg(&out)
        .expected_status(1)
        .expected_stderr(format!(
            "error: cannot write {}: the file is in use by another program (an antivirus or a sync tool such as OneDrive) or cannot be replaced; wait a moment and try again\n",
            out.display()
        ))
        .run();
    assert!(started.elapsed() >= Duration::from_millis(1400));
    drop(held);
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "the export before\n"
    );
    // Once it is let go, the same export goes through.
    smm.test(&["export", "-o"])
        .arg(&out)
        .expected_stdout(format!("Exported to {}.\n", out.display()))
        .run();
}
