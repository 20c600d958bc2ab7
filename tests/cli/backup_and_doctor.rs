//! The backup, `doctor`, symbolic links, and reading older formats.

use crate::support::Smm;

#[test]
fn every_write_keeps_the_previous_state_as_a_backup() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let first = smm.state_text();
    smm.ok(&["done", "2"]);
    let backup = std::fs::read_to_string(smm.home().join("progress.yaml.bak")).expect("backup");
    assert_eq!(backup, first);
}

#[test]
fn doctor_reports_and_restores_the_backup() {
    let smm = Smm::new();
    smm.ok(&["doctor"])
        .stdout_has("not created yet")
        .stdout_has("All is well.");
    smm.ok(&["done", "1"]);
    smm.ok(&["done", "2"]);
    smm.ok(&["doctor"])
        .stdout_has("format version 4, reads fine")
        .stdout_has("2 changes, whole")
        .stdout_has("progress.yaml.bak: the state before the last change");
    let mut damaged = smm.state_text();
    damaged.insert_str(0, "\u{0}garbage");
    smm.write_state(&damaged);
    smm.run(&["doctor"])
        .failure(1)
        .stdout_has("is damaged")
        .stdout_has("smm-path doctor --restore-backup")
        .stderr_has("doctor found problems");
    smm.ok(&["doctor", "--restore-backup"])
        .stdout_has("The file it replaced is kept as");
    // The restored snapshot is one change behind; the history brings it up to date.
    smm.ok(&["status"]).stdout_has("2/20 done");
    let kept: Vec<String> = smm
        .file_names()
        .into_iter()
        .filter(|name| name.starts_with("progress.yaml.broken-"))
        .collect();
    assert_eq!(kept.len(), 1);
    let broken = std::fs::read_to_string(smm.home().join(&kept[0])).expect("kept file");
    assert_eq!(broken, damaged);
    smm.ok(&["log"]).stdout_has("done 2");
    smm.ok(&["done", "3"]);
    smm.ok(&["undo"]).stdout_has("Undid `done 3`");
    smm.ok(&["undo"]).stdout_has("Undid `done 2`");
    // Restoring again keeps the earlier copy: nothing is overwritten.
    smm.write_state("\u{0}damaged again");
    smm.ok(&["doctor", "--restore-backup"]);
    let kept = smm
        .file_names()
        .into_iter()
        .filter(|name| name.starts_with("progress.yaml.broken-"))
        .count();
    assert_eq!(kept, 2);
}

/// The commands `doctor` printed after `Fix:`.
fn fixes(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("Fix:"))
        .map(|fix| fix.trim().to_string())
        .collect()
}

#[test]
fn a_missing_or_damaged_history_is_rebuilt_from_the_snapshot() {
    for damage in ["remove", "garble", "swap"] {
        let smm = Smm::new();
        smm.ok(&["done", "1", "3"]);
        smm.ok(&["note", "2", "kept through the rebuild"]);
        smm.ok(&["plan", "--target", "2027-06-30"]);
        let before = smm.ok(&["status", "--json"]).stdout;
        let history = smm.home().join("history.jsonl");
        match damage {
            "remove" => std::fs::remove_file(&history).expect("remove"),
            "garble" => std::fs::write(&history, "{not json\n").expect("garble"),
            _ => {
                let other = Smm::new();
                other.ok(&["done", "9"]);
                std::fs::copy(other.home().join("history.jsonl"), &history).expect("swap");
            }
        }
        smm.run(&["done", "4"]).failure(1).one_line_error();
        let report = smm.run(&["doctor"]).failure(1).stdout;
        assert_eq!(
            fixes(&report),
            ["smm-path doctor --rebuild-history"],
            "{damage}: {report}"
        );
        smm.ok(&["doctor", "--rebuild-history"])
            .stdout_has("Wrote a new history");
        assert_eq!(smm.ok(&["status", "--json"]).stdout, before, "{damage}");
        smm.ok(&["doctor"]).stdout_has("All is well.");
        // Changes work again, and undo does not reach behind the rebuild's start.
        smm.ok(&["done", "4"]);
        smm.ok(&["undo"]).stdout_has("Undid `done 4`");
        smm.ok(&["status"]).stdout_has("2/20 done");
        let kept = smm
            .file_names()
            .into_iter()
            .filter(|name| name.starts_with("history.jsonl.broken-"))
            .count();
        assert_eq!(
            kept,
            usize::from(damage != "remove"),
            "{damage}: the old history is kept"
        );
        // A history that reads is never rebuilt.
        smm.ok(&["doctor", "--rebuild-history"])
            .stdout_has("nothing was rebuilt");
    }
}

#[test]
fn a_damaged_snapshot_with_a_damaged_backup_is_rebuilt_from_the_history() {
    let smm = Smm::new();
    smm.ok(&["done", "1-2"]);
    smm.ok(&["note", "5", "a note"]);
    let before = smm.ok(&["status", "--json"]).stdout;
    smm.write_state("version: 3\nroadmaps: [");
    std::fs::write(smm.home().join("progress.yaml.bak"), "\u{0}").expect("damage");
    let report = smm.run(&["doctor"]).failure(1).stdout;
    let backup = smm.home().join("progress.yaml.bak");
    assert_eq!(
        fixes(&report),
        [
            "smm-path doctor --rebuild-state".to_string(),
            format!("rm '{}'", backup.display())
        ],
        "{report}"
    );
    smm.ok(&["doctor", "--rebuild-state"])
        .stdout_has("Wrote a new")
        .stdout_has("kept as");
    assert_eq!(smm.ok(&["status", "--json"]).stdout, before);
    std::fs::remove_file(&backup).expect("rm, as doctor said");
    smm.ok(&["doctor"]).stdout_has("All is well.");
}

#[test]
fn doctor_is_honest_about_a_file_as_home_and_leftover_temporary_files() {
    let smm = Smm::new();
    let file = smm.write_file("not-a-directory", "x");
    let file_text = file.to_str().expect("UTF-8");
    smm.run(&["--home", file_text, "done", "1"])
        .failure(1)
        .one_line_error()
        .stderr_has("is a file, not a directory");
    smm.run(&["--home", file_text, "status"])
        .failure(1)
        .stderr_has("is a file, not a directory");
    let report = smm.run(&["--home", file_text, "doctor"]).failure(1).stdout;
    assert_eq!(
        fixes(&report),
        [format!("mv '{file_text}' '{file_text}.old'")]
    );
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "x");

    smm.ok(&["done", "1"]);
    let leftover = smm.home().join(".progress.yaml.0123456789abcdef.tmp");
    std::fs::write(&leftover, "half a write").expect("leftover");
    let report = smm.run(&["doctor"]).failure(1).stdout;
    assert_eq!(fixes(&report), ["smm-path doctor --clean"], "{report}");
    smm.ok(&["doctor", "--clean"])
        .stdout_has("Removed 1 temporary file.");
    assert!(!leftover.exists());
    smm.ok(&["doctor"]).stdout_has("All is well.");
}

#[test]
fn a_damaged_backup_is_not_restored() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["done", "2"]);
    std::fs::write(
        smm.home().join("progress.yaml.bak"),
        "version: 3\nroadmaps: [",
    )
    .expect("damage");
    let before = smm.state();
    smm.run(&["doctor", "--restore-backup"])
        .failure(1)
        .one_line_error()
        .stderr_has("progress.yaml.bak");
    assert_eq!(
        smm.state(),
        before,
        "a damaged backup replaced a healthy state"
    );
    smm.ok(&["status"]).stdout_has("2/20 done");
    // `doctor` calls the damaged backup a problem, with its repair.
    let report = smm.run(&["doctor"]).failure(1).stdout;
    let backup = smm.home().join("progress.yaml.bak");
    assert_eq!(
        fixes(&report),
        [format!("rm '{}'", backup.display())],
        "{report}"
    );
}

#[test]
fn a_symlinked_state_is_written_through_to_its_target() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let dotfiles = smm.home().join("dotfiles");
    std::fs::create_dir(&dotfiles).expect("mkdir");
    let target = dotfiles.join("progress.yaml");
    std::fs::rename(smm.state_path(), &target).expect("move");
    std::os::unix::fs::symlink(&target, smm.state_path()).expect("symlink");
    smm.ok(&["done", "2"]);
    let link = std::fs::symlink_metadata(smm.state_path()).expect("link");
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a plain file"
    );
    let through = std::fs::read_to_string(&target).expect("target");
    assert!(through.contains("education-and-training"), "{through}");
    smm.ok(&["status"]).stdout_has("2/20 done");
}

#[test]
fn a_version_1_state_is_read_and_upgraded_on_the_next_write() {
    let smm = Smm::new();
    smm.write_state(include_str!("../fixtures/progress-v1.yaml"));
    let run = smm.ok(&["status"]);
    assert!(run.row(1).contains("done"), "{}", run.stdout);
    assert!(run.row(2).contains("in progress"), "{}", run.stdout);
    smm.ok(&["done", "3"]);
    let upgraded = smm.state_text();
    assert!(
        upgraded.starts_with("version: 4\n") && upgraded.ends_with("end: true\n"),
        "{upgraded}"
    );
}

#[test]
fn a_state_written_by_this_version_stays_readable() {
    // Kept as a fixture: later versions must keep reading it.
    let smm = Smm::new();
    smm.write_state(include_str!("../fixtures/progress-v2.yaml"));
    let json = smm.ok(&["status", "--json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["summary"]["done"], 2);
    assert_eq!(json["summary"]["skipped"], 1);
    assert_eq!(
        json["steps"][1]["notes"][0]["text"],
        "certificate: https://example.com/cert"
    );
}

/// A home written by an earlier smm-path, copied into `smm`'s home.
fn install_home(smm: &Smm, files: &[(&str, &[u8])]) {
    for (name, bytes) in files {
        std::fs::write(smm.home().join(name), bytes).expect("write fixture");
    }
}

#[test]
fn a_version_2_home_is_converted_keeping_its_history() {
    let smm = Smm::new();
    let old_history = include_bytes!("../fixtures/home-v2/history.jsonl");
    install_home(
        &smm,
        &[
            (
                "progress.yaml",
                include_bytes!("../fixtures/home-v2/progress.yaml"),
            ),
            ("history.jsonl", old_history),
        ],
    );
    let json: serde_json::Value =
        serde_json::from_str(&smm.ok(&["status", "--json"]).stdout).expect("JSON");
    assert_eq!(json["summary"]["done"], 3);
    assert_eq!(json["steps"][3]["status"], "in-progress");
    // Reading converts nothing on disk; the old commands are in the log.
    smm.ok(&["log"])
        .stdout_has("done 1-3")
        .stdout_has("skip 12 --reason \"no ad budget yet\" (undone)")
        .stdout_has("start 4");
    assert!(smm.state_text().starts_with("version: 2\n"));
    smm.ok(&["done", "5"]);
    assert!(smm.state_text().starts_with("version: 4\n"));
    let kept = std::fs::read(smm.home().join("history-v2.jsonl")).expect("old history kept");
    assert_eq!(kept, old_history);
    smm.ok(&["undo"]).stdout_has("Undid `done 5`");
    // What format 2 kept only in the state (the target) came over as one change.
    smm.ok(&["undo"])
        .stdout_has("Undid `migrated from format 2`")
        .stdout_has("target cleared");
    smm.ok(&["undo"]).stdout_has("Undid `start 4`");
    smm.ok(&["doctor"]).stdout_has("All is well.");
}

#[test]
fn a_version_3_home_stays_readable() {
    // Kept as a fixture: later versions must keep reading it.
    let smm = Smm::new();
    install_home(
        &smm,
        &[
            (
                "progress.yaml",
                include_bytes!("../fixtures/home-v3/progress.yaml"),
            ),
            (
                "history.jsonl",
                include_bytes!("../fixtures/home-v3/history.jsonl"),
            ),
        ],
    );
    let json: serde_json::Value =
        serde_json::from_str(&smm.ok(&["status", "--json"]).stdout).expect("JSON");
    assert_eq!(json["summary"]["done"], 2);
    assert_eq!(json["summary"]["skipped"], 1);
    assert_eq!(json["steps"][3]["status"], "todo", "start 4 was undone");
    assert_eq!(
        json["steps"][1]["notes"][0]["text"],
        "certificate: https://example.com/cert"
    );
    smm.ok(&["stats"]).stdout_has("Target Jun 30, 2026");
    smm.ok(&["doctor"])
        .stdout_has("6 changes, whole")
        .stdout_has("All is well.");
    // Its changes carry no identity of their own: one derived from their
    // content names them alike on every device, so the old undo still
    // names `start 4`, and a second home taking them in agrees.
    smm.ok(&["log"]).stdout_has("undo of `start 4`");
    let other = Smm::new();
    let export = smm.write_file("export.json", &smm.ok(&["export", "-f", "json"]).stdout);
    other.ok(&["import", export.to_str().expect("UTF-8")]);
    other
        .ok(&["import", export.to_str().expect("UTF-8")])
        .stdout_has("Nothing to import");
    assert_eq!(
        other.ok(&["status", "--json"]).stdout,
        smm.ok(&["status", "--json"]).stdout
    );
    smm.ok(&["done", "3"]);
    smm.ok(&["undo"]).stdout_has("Undid `done 3`");
    smm.ok(&["undo"])
        .stdout_has("Undid `plan --target 2026-06-30`");
}

#[test]
fn a_fifo_as_the_backup_blocks_neither_doctor_nor_a_restore() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let backup = smm.home().join("progress.yaml.bak");
    let _ = std::fs::remove_file(&backup);
    let made = std::process::Command::new("mkfifo")
        .arg(&backup)
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    let before = smm.state();
    let report = smm.run_without_hanging(&["doctor"]).failure(1).stdout;
    assert!(report.contains("not a plain file"), "{report}");
    assert_eq!(
        fixes(&report),
        [format!("rm '{}'", backup.display())],
        "{report}"
    );
    smm.run_without_hanging(&["doctor", "--restore-backup"])
        .failure(1)
        .one_line_error()
        .stderr_has("not a plain file");
    assert_eq!(smm.state(), before);
}
