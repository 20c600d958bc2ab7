//! The state file: unreadable files are reported and never overwritten.

use crate::support::Smm;

#[test]
fn a_damaged_state_is_reported_with_its_line_and_left_untouched() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let mut damaged = smm.state_text();
    damaged.push_str("  this is: [not closed\n");
    smm.write_state(&damaged);
    for args in [
        &["done", "2"][..],
        &["status"],
        &["undo"],
        &["note", "1", "x"],
    ] {
        let run = smm.run(args).failure(1).one_line_error();
        assert!(
            run.stderr.contains(&smm.state_path().display().to_string()),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("is damaged at line"), "{}", run.stderr);
        assert_eq!(
            smm.state_text(),
            damaged,
            "{args:?} overwrote a damaged state"
        );
    }
}

#[test]
fn binary_garbage_and_unknown_fields_are_refused() {
    let smm = Smm::new();
    smm.write_state([0xff, 0xfe, 0x00, 0x12]);
    smm.run(&["done", "1"])
        .failure(1)
        .stderr_has("is not UTF-8 text");
    assert_eq!(smm.state(), Some(vec![0xff, 0xfe, 0x00, 0x12]));

    smm.write_state("version: 1\nroadmaps: {}\nsurprise: true\n");
    smm.run(&["done", "1"])
        .failure(1)
        .stderr_has("is damaged at line 3");
}

#[test]
fn a_state_from_a_newer_smm_path_is_not_touched() {
    let smm = Smm::new();
    let future = "version: 7\nroadmaps: {}\nsomething_new: [1, 2]\n";
    smm.write_state(future);
    smm.run(&["done", "1"])
        .failure(1)
        .stderr_has("format version 7, made by a newer smm-path");
    assert_eq!(smm.state_text(), future);
}

#[test]
fn the_state_lives_where_smm_path_home_says_and_leaves_no_temp_files() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["note", "1", "hello"]);
    assert_eq!(
        smm.file_names(),
        [
            "cache",
            "history.jsonl",
            "progress.yaml",
            "progress.yaml.bak",
        ]
    );
    assert!(smm.state_text().starts_with("version: 4\n"));
    assert!(smm.state_text().ends_with("end: true\n"));
}

#[test]
fn home_flag_beats_the_environment() {
    let smm = Smm::new();
    let other = smm.home().join("elsewhere");
    smm.ok(&["--home", other.to_str().expect("UTF-8"), "done", "1"]);
    assert!(other.join("progress.yaml").exists());
    assert!(smm.state().is_none());
}

#[test]
fn state_written_by_hand_is_read() {
    let smm = Smm::new();
    smm.write_state(
        "version: 1\nroadmaps:\n  social-media-manager:\n    steps:\n      content-strategy:\n        status: done\n        finished: 2026-10-01T10:00:00+07:00\n",
    );
    assert!(smm.ok(&["status"]).row(8).contains("Oct 1, 2026"));
}

#[test]
fn commands_run_at_once_all_land() {
    let smm = Smm::new();
    let children: Vec<_> = (1..=12)
        .map(|number| {
            let step = number.to_string();
            let args: [&str; 2] = if number % 2 == 0 {
                ["done", &step]
            } else {
                ["start", &step]
            };
            smm.command(&args)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("start smm-path")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let json = smm.ok(&["status", "--json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["summary"]["done"], 6, "{json}");
    assert_eq!(json["summary"]["in_progress"], 6, "{json}");
    let log = smm.ok(&["log"]).stdout;
    assert_eq!(
        log.lines().filter(|line| line.starts_with("    ")).count(),
        12,
        "{log}"
    );
}

#[test]
fn history_bytes_past_the_commit_are_ignored_then_cut() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let history_path = smm.home().join("history.jsonl");
    let committed = std::fs::read(&history_path).expect("history");
    // What a crash between appending and committing leaves behind.
    let mut torn = committed.clone();
    torn.extend_from_slice(b"{\"device\":\"a1\",\"seq\":2,\"at\":\"20");
    std::fs::write(&history_path, &torn).expect("write history");
    smm.ok(&["log"]).stdout_has("done 1");
    smm.ok(&["done", "2"]);
    let history = std::fs::read_to_string(&history_path).expect("history");
    assert!(history.starts_with(std::str::from_utf8(&committed).expect("UTF-8")));
    assert_eq!(history.lines().count(), 2, "{history}");
    smm.ok(&["undo"]).stdout_has("Undid `done 2`");
    smm.ok(&["undo"]).stdout_has("Undid `done 1`");
}

#[test]
fn a_history_shorter_than_the_snapshot_names_is_refused_and_nothing_written() {
    let smm = Smm::new();
    smm.ok(&["done", "1-2"]);
    std::fs::write(smm.home().join("history.jsonl"), b"").expect("truncate history");
    let before = smm.state();
    for args in [&["log"][..], &["done", "3"], &["undo"], &["status"]] {
        smm.run(args)
            .failure(1)
            .one_line_error()
            .stderr_has("does not have yet");
    }
    assert_eq!(smm.state(), before);
    assert_eq!(
        std::fs::read(smm.home().join("history.jsonl")).expect("history"),
        b""
    );
}

#[test]
fn a_hand_edited_state_is_read_fresh_not_from_the_cache() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    assert!(smm.ok(&["status"]).row(1).contains("done"));
    let edited = smm.state_text().replace("status: done", "status: skipped");
    smm.write_state(edited);
    assert!(smm.ok(&["status"]).row(1).contains("skipped"));
}

#[test]
fn a_same_length_edit_of_a_remembered_state_is_still_read_fresh() {
    // A settled snapshot is known again by what the file system says of it
    // (length, time, inode), without reading it: any write changes that.
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["note", "2", "first"]);
    smm.ok(&["note", "2", "second"]);
    let settle = |smm: &Smm| {
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(smm.state_path())
            .and_then(|file| file.set_modified(an_hour_ago))
            .expect("set the time");
    };
    settle(&smm);
    assert!(smm.ok(&["status"]).row(1).contains("done"));
    assert!(smm.home().join("cache/progress.stat").exists());
    // The same length, written in place: "done" and "todo" are both four letters.
    let edited = smm.state_text().replacen("status: done", "status: todo", 1);
    assert_eq!(edited.len(), smm.state_text().len());
    std::fs::write(smm.state_path(), edited).expect("write in place");
    assert!(smm.ok(&["status"]).row(1).contains("to do"));
    // The views without notes and those with them agree.
    let json: serde_json::Value =
        serde_json::from_str(&smm.ok(&["status", "--json"]).stdout).expect("JSON");
    assert_eq!(json["steps"][0]["status"], "todo");
    assert_eq!(json["steps"][1]["notes"].as_array().map(Vec::len), Some(2));
    smm.ok(&["show", "2"])
        .stdout_has("first")
        .stdout_has("second");
}

#[test]
fn modes_are_kept_and_the_cache_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    };
    std::fs::set_permissions(smm.state_path(), std::fs::Permissions::from_mode(0o600))
        .expect("chmod");
    smm.ok(&["done", "2"]);
    assert_eq!(
        mode(&smm.state_path()),
        0o600,
        "the state's mode was widened"
    );
    for entry in std::fs::read_dir(smm.home().join("cache")).expect("cache") {
        let path = entry.expect("entry").path();
        assert_eq!(
            mode(&path),
            0o600,
            "{} is readable by others",
            path.display()
        );
    }
    let export = smm.home().join("progress.md");
    std::fs::write(&export, "old").expect("write");
    std::fs::set_permissions(&export, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    smm.ok(&["export", "-o", export.to_str().expect("UTF-8")]);
    assert_eq!(mode(&export), 0o640, "the export's mode was changed");
}

#[test]
fn an_export_onto_a_device_or_a_progress_file_replaces_nothing() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let before = smm.state();
    smm.run(&["export", "-o", smm.state_path().to_str().expect("UTF-8")])
        .failure(1)
        .one_line_error()
        .stderr_has("smm-path's own progress files");
    assert_eq!(smm.state(), before);
    // A FIFO is written through: its reader gets the export, the FIFO stays.
    let fifo = smm.home().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the FIFO"))
    };
    smm.ok(&["export", "-o", fifo.to_str().expect("UTF-8")]);
    let received = reader.join().expect("reader");
    assert!(
        received.contains("- [x] 1\\. Understand Social Media Platforms"),
        "{received}"
    );
    let kind = std::fs::symlink_metadata(&fifo).expect("fifo").file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "the FIFO was replaced"
    );
}

#[test]
fn text_that_would_act_on_a_terminal_is_refused_or_shown_escaped() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.run(&["note", "1", "\u{1b}]2;PWNED\u{7}\u{1b}[2J"])
        .failure(2)
        .one_line_error()
        .stderr_has("control character");
    smm.run(&["skip", "2", "--reason", "a\u{9b}31m"]).failure(2);
    // A hand-edited file can still hold one: on a terminal it is shown, not run.
    let edited = smm.state_text().replace(
        "status: done",
        "status: done\n        notes:\n        - at: 2026-12-01T10:00:00+07:00\n          text: \"x\\e]2;PWNED\\ay\"",
    );
    smm.write_state(edited);
    smm.ok(&["status"]);
    let binary = env!("CARGO_BIN_EXE_smm-path");
    // Through a pseudo-terminal, as a person would see it.
    let Ok(terminal) = std::process::Command::new("script")
        .args(["-qec", &format!("{binary} show 1"), "/dev/null"])
        .env_clear()
        .env("SMM_PATH_HOME", smm.home())
        .env("LANG", "en_US.UTF-8")
        .env("TERM", "xterm")
        .output()
    else {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    };
    let shown = String::from_utf8_lossy(&terminal.stdout);
    assert!(shown.contains("x\\u{1b}]2;PWNED\\u{7}y"), "{shown:?}");
    assert!(
        !shown.contains("\u{1b}]2;"),
        "the sequence reached the terminal: {shown:?}"
    );
}

#[test]
fn a_sequence_number_that_would_overflow_is_refused_not_wrapped() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let text = smm.state_text();
    let seq_line = text
        .lines()
        .find(|line| line.starts_with("seq: "))
        .expect("a seq line");
    smm.write_state(text.replace(seq_line, "seq: 18446744073709551615"));
    let before = smm.state();
    smm.run(&["done", "2"])
        .failure(1)
        .one_line_error()
        .stderr_has("seq 18446744073709551615 is out of range");
    assert_eq!(smm.state(), before, "the file was written");
}
