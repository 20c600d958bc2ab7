//! What a surrounding can put where a progress file was (damage, garbage, a
//! newer format, a cut file, a huge one, a directory, a FIFO, terminal
//! escapes, a history that lags the snapshot): a clear error naming the
//! file, exit 1, and nothing overwritten.

use std::time::Duration;

use crate::support::{SEP, Smm};

/// Puts `contents` in place of the state, then checks that reading and
/// writing commands all refuse it with `error` (in which `{state}` stands
/// for the state file's path) and leave it byte for byte.
#[track_caller]
fn refused(contents: &[u8], error: &str) {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.write_state(contents);
    let error = error.replace("{state}", &smm.state_path().display().to_string());
    for args in [
        &["status"][..],
        &["done", "2"],
        &["undo"],
        &["note", "1", "x"],
    ] {
        smm.test(args)
            .expected_status(1)
            .expected_stderr(&error)
            .expected_file("progress.yaml", contents)
            .run();
    }
}

fn valid_state() -> String {
    let smm = Smm::new();
    smm.ok(&["done", "1-3"]);
    smm.ok(&["note", "2", "kept evidence"]);
    smm.ok(&["skip", "5"]);
    smm.state_text()
}

#[test]
fn an_empty_file() {
    refused(
        b"",
        "error: the progress file {state} is damaged at line 1, column 1: unexpected end of input; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
    );
}

#[test]
fn a_damaged_state_is_reported_with_its_line_and_left_untouched() {
    let mut damaged = valid_state();
    damaged.push_str("  this is: [not closed\n");
    refused(
        damaged.as_bytes(),
        "error: the progress file {state} is damaged at line 56, column 6: invalid boolean; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
    );
}

#[test]
fn a_file_cut_mid_line() {
    let state = valid_state();
    let cut = &state.as_bytes()[..state.len() * 2 / 3];
    refused(
        cut,
        "error: the progress file {state} is incomplete: its last line, `end: true`, is missing, so entries may have been cut off; it was left untouched: run `smm-path doctor` to see the backup\n",
    );
}

#[test]
fn a_file_cut_at_a_line_boundary_is_caught_by_its_end_marker() {
    let state = valid_state();
    // Every cut at a line break, from losing only `end: true` to losing most entries.
    let line_ends: Vec<usize> = state
        .match_indices('\n')
        .map(|(index, _)| index + 1)
        .collect();
    for &cut in &line_ends[2..line_ends.len() - 1] {
        let smm = Smm::new();
        smm.write_state(&state.as_bytes()[..cut]);
        let run = smm
            .test(&["done", "4"])
            .expected_status(1)
            .stderr_contains(&format!(
                "error: the progress file {} ",
                smm.state_path().display()
            ))
            .expected_file("progress.yaml", &state.as_bytes()[..cut])
            .run();
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
    refused(
        &state.as_bytes()[..line_ends[line_ends.len() - 2]],
        "error: the progress file {state} is incomplete: its last line, `end: true`, is missing, so entries may have been cut off; it was left untouched: run `smm-path doctor` to see the backup\n",
    );
}

#[test]
fn binary_garbage_invalid_utf8_and_unknown_fields() {
    refused(
        &[0x00, 0x9f, 0x92, 0x96, 0xff, 0xfe, 0x01, 0x02],
        "error: the progress file {state} is not UTF-8 text; it was left untouched: run `smm-path doctor` to see the backup\n",
    );
    refused(
        &[0xff, 0xfe, 0x00, 0x12],
        "error: the progress file {state} is not UTF-8 text; it was left untouched: run `smm-path doctor` to see the backup\n",
    );
    refused(
        "version: 2\nroadmaps: {}\nend: true\n\u{0}\u{1}\u{7f}".as_bytes(),
        "error: the progress file {state} is damaged at line 4, column 1: unexpected character: `\\u{0}'; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
    );
    refused(
        b"version: 1\nroadmaps: {}\nsurprise: true\n",
        "error: the progress file {state} is damaged at line 3, column 1: unknown field `surprise`; known: `version`, `device`, `seq`, `home_identity`, `copied_from`, `history`, `history_length`, `roadmaps`, `sum`, `end`; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
    );
}

#[test]
fn a_yaml_alias_bomb() {
    let mut bomb = String::from("version: 2\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..30 {
        let previous = level - 1;
        bomb.push_str(&format!(
            "a{level}: &a{level} [*a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}]\n"
        ));
    }
    refused(
        bomb.as_bytes(),
        "error: the progress file {state} is damaged at line 2, column 1: unknown field `a0`; known: `version`, `device`, `seq`, `home_identity`, `copied_from`, `history`, `history_length`, `roadmaps`, `sum`, `end`; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
    );
}

#[test]
fn a_fifty_megabyte_file() {
    // Valid YAML up to its end: one enormous note.
    let mut huge = String::from(
        "version: 2\nroadmaps:\n  social-media-manager:\n    steps:\n      content-strategy:\n        notes:\n        - at: 2026-01-01T00:00:00Z\n          text: ",
    );
    huge.push_str(&"x".repeat(50 * 1024 * 1024));
    huge.push_str("\n  surprise: [\n");
    refused(
        huge.as_bytes(),
        "error: the progress file {state} is damaged at line 9, column 13: expected mapping start; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
    );
}

#[test]
fn a_file_larger_than_any_real_progress() {
    let smm = Smm::new();
    let file = std::fs::File::create(smm.state_path()).expect("create");
    file.set_len(300 * 1024 * 1024).expect("sparse file");
    smm.test(&["status"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: the progress file {home}{SEP}progress.yaml is 300 MB, over the 256 MB limit: it is not progress smm-path wrote; it was left untouched: move it aside\n",
                home = smm.home().display()
            ),
        )
        .run();
    assert_eq!(
        std::fs::metadata(smm.state_path()).expect("state").len(),
        300 * 1024 * 1024
    );
}

#[test]
fn a_state_from_a_newer_smm_path() {
    refused(
        b"version: 8\nroadmaps: {}\nsomething_new: 1\nend: true\n",
        "error: the progress file {state} has format version 8, made by a newer smm-path (this one reads up to 7): upgrade smm-path\n",
    );
    // Without the end marker a file of this format would need, too.
    refused(
        b"version: 8\nroadmaps: {}\nsomething_new: [1, 2]\n",
        "error: the progress file {state} has format version 8, made by a newer smm-path (this one reads up to 7): upgrade smm-path\n",
    );
}

#[test]
fn a_state_path_that_is_a_directory() {
    let smm = Smm::new();
    std::fs::create_dir(smm.state_path()).expect("mkdir");
    for args in [&["status"][..], &["done", "1"]] {
        smm.test(args)
            .expected_status(1)
            .expected_stderr(
                format!(
                    "error: cannot read the progress file {home}{SEP}progress.yaml: a directory, not a file; it was left untouched\n",
                    home = smm.home().display()
                ),
            )
            .run();
    }
    assert!(smm.state_path().is_dir());
}

#[test]
fn a_history_shorter_than_the_snapshot_names_is_refused_and_nothing_written() {
    let smm = Smm::new();
    smm.ok(&["done", "1-2"]);
    std::fs::write(smm.path("history.jsonl"), b"").expect("truncate history");
    for args in [&["log"][..], &["done", "3"], &["undo"], &["status"]] {
        smm.test(args)
            .expected_status(1)
            .expected_stderr(
                format!(
                    "error: progress.yaml includes history that {home}{SEP}history.jsonl does not have yet (0 of 422 bytes): a sync may still be copying it, or it came from another device; nothing was changed: wait for the sync and try again, or see `smm-path doctor`\n",
                    home = smm.home().display()
                ),
            )
            .writes_nothing()
            .run();
    }
    assert_eq!(
        std::fs::read(smm.path("history.jsonl")).expect("history"),
        b""
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
    smm.test(&["done", "2"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: the progress file {home}{SEP}progress.yaml is damaged at line 1, column 1: seq 18446744073709551615 is out of range (at most 9007199254740991); it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
                home = smm.home().display()
            ),
        )
        .writes_nothing()
        .run();
}

/// A home whose `name` (progress.yaml or history.jsonl) is a FIFO.
fn fifo_as(name: &str) -> Smm {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let path = smm.path(name);
    std::fs::remove_file(&path).expect("remove");
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    smm
}

#[test]
#[cfg_attr(windows, ignore = "Windows has no FIFOs (mkfifo)")]
fn fifos_where_the_progress_files_belong_never_hang_a_command() {
    let fifo = |smm: &Smm, name: &str| format!("{}{SEP}{name}", smm.home().display());
    let limit = Duration::from_secs(10);
    for name in ["progress.yaml", "history.jsonl"] {
        let smm = fifo_as(name);
        let error = format!(
            "error: cannot read the progress file {}: not a plain file (a FIFO, a device or a socket); it was left untouched\n",
            fifo(&smm, name)
        );
        for args in [&["status"][..], &["done", "2"], &["log"]] {
            smm.test(args)
                .time_limit(limit)
                .expected_status(1)
                .expected_stderr(&error)
                .run();
        }
        // doctor names it, with the repair; without a history to read it
        // gives no Progress line.
        let home = smm.home().display();
        let report = match name {
            "progress.yaml" => format!(
                "Progress:  {}\n  Fix:     smm-path doctor --rebuild-state\nHistory:   {home}{SEP}history.jsonl: 1 change, whole\n",
                error.trim_start_matches("error: ").trim_end()
            ),
            _ => format!(
                "History:   {}\n  Fix:     smm-path doctor --rebuild-history\n",
                error.trim_start_matches("error: ").trim_end()
            ),
        };
        smm.test(&["doctor"])
            .time_limit(limit)
            .expected_status(1)
            .expected_stdout(format!(
                "Home:      {home}\n\
                 Roadmap:   social-media-manager, version 4 (built in)\n\
                 {report}\
                 Backup:    none yet (one is kept from the second change on)\n"
            ))
            .expected_stderr("error: doctor found problems, listed above\n")
            .run();
        // In Indonesian, the reason is Indonesian too.
        smm.test(&["status"])
            .env("LANG", "id_ID.UTF-8")
            .time_limit(limit)
            .expected_status(1)
            .expected_stderr(format!(
                "kesalahan: berkas progres {} tidak bisa dibaca: bukan berkas biasa (FIFO, perangkat, atau soket); berkas itu tidak diubah\n",
                fifo(&smm, name)
            ))
            .run();
    }
}

#[test]
fn an_export_onto_a_device_or_a_progress_file_replaces_nothing() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.test(&["export", "-o"])
        .arg(smm.state_path())
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: cannot write {home}{SEP}progress.yaml: that is one of smm-path's own progress files\n",
                home = smm.home().display()
            ),
        )
        .writes_nothing()
        .run();
    // A FIFO is written through: its reader gets the export, the FIFO stays.
    // Windows has no FIFOs.
    #[cfg(unix)]
    {
        let fifo = smm.path("pipe");
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
        smm.test(&["export", "-o"])
            .arg(&fifo)
            .expected_stdout(format!("Exported to {}.\n", fifo.display()))
            .run();
        let received = reader.join().expect("reader");
        assert_eq!(received, smm.ok(&["export"]).stdout);
        let kind = std::fs::symlink_metadata(&fifo).expect("fifo").file_type();
        assert!(
            std::os::unix::fs::FileTypeExt::is_fifo(&kind),
            "the FIFO was replaced"
        );
    }
}

#[test]
fn text_that_would_act_on_a_terminal_is_refused_or_shown_escaped() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.test(&["note", "1", "\u{1b}]2;PWNED\u{7}\u{1b}[2J"])
        .expected_status(2)
        .expected_stderr(
            "error: the text holds a control character (such as an escape sequence); write it without one; nothing was changed\n",
        )
        .writes_nothing()
        .run();
    smm.test(&["skip", "2", "--reason", "a\u{9b}31m"])
        .expected_status(2)
        .expected_stderr(
            "error: the text holds a control character (such as an escape sequence); write it without one; nothing was changed\n",
        )
        .writes_nothing()
        .run();
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
    assert!(
        shown.ends_with("\r\nNotes:\r\n  1. Dec 1, 2026 10:00: x\\u{1b}]2;PWNED\\u{7}y\r\n"),
        "{shown:?}"
    );
    // A pipe gets the text as it is; the terminal the same, escaped, with its line ends.
    let piped = smm.ok(&["show", "1"]).stdout;
    assert!(piped.ends_with("\n  1. Dec 1, 2026 10:00: x\u{1b}]2;PWNED\u{7}y\n"));
    assert_eq!(
        shown,
        piped
            .replace("x\u{1b}]2;PWNED\u{7}y", "x\\u{1b}]2;PWNED\\u{7}y")
            .replace('\n', "\r\n")
    );
}
