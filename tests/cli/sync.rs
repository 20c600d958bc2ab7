//! Two devices, one roadmap: merges that converge, `sync` through a shared
//! folder, partial syncs and conflict copies, a hand-edited snapshot.

use crate::support::Smm;

/// `status --json` without the parts that name the moment of the run.
fn status_json(smm: &Smm) -> serde_json::Value {
    serde_json::from_str(&smm.ok(&["status", "--json"]).stdout).expect("JSON")
}

fn step_status(smm: &Smm, number: usize) -> String {
    status_json(smm)["steps"][number - 1]["status"]
        .as_str()
        .expect("status")
        .to_string()
}

/// Writes `smm`'s JSON export into `dir` and returns its path.
fn export_to(smm: &Smm, dir: &std::path::Path, name: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, smm.ok(&["export", "-f", "json"]).stdout).expect("write export");
    path.to_str().expect("UTF-8").to_string()
}

#[test]
fn exchanging_exports_converges_on_the_later_change_in_either_order() {
    for a_first in [true, false] {
        let (a, b) = (Smm::new(), Smm::new());
        let outside = tempfile::tempdir().expect("tempdir");
        a.ok_at("2026-11-20T10:00:00+07:00", &["done", "3"]);
        b.ok_at("2026-11-20T10:05:00+07:00", &["skip", "3"]);
        // Two different finish dates for one step: the later command wins.
        a.ok_at("2026-11-20T10:10:00+07:00", &["done", "2"]);
        b.ok_at(
            "2026-11-20T10:20:00+07:00",
            &["done", "2", "--on", "2026-04-01"],
        );
        let (first, second) = if a_first { (&a, &b) } else { (&b, &a) };
        for _round in 0..2 {
            let file = export_to(first, outside.path(), "first.json");
            second.ok(&["import", &file]);
            let file = export_to(second, outside.path(), "second.json");
            first.ok(&["import", &file]);
        }
        for smm in [&a, &b] {
            assert_eq!(step_status(smm, 3), "skipped", "a_first={a_first}");
            let json = status_json(smm);
            assert_eq!(
                json["steps"][1]["finished"], "2026-04-01T00:00:00+07:00",
                "a_first={a_first}"
            );
        }
        assert_eq!(status_json(&a), status_json(&b));
        assert_eq!(a.ok(&["log"]).stdout, b.ok(&["log"]).stdout);
        let file = export_to(&a, outside.path(), "again.json");
        b.ok(&["import", &file]).stdout_has("Nothing to import");
    }
}

#[test]
fn an_undo_travels_with_the_history() {
    let (a, b) = (Smm::new(), Smm::new());
    let outside = tempfile::tempdir().expect("tempdir");
    b.ok_at("2026-11-20T09:00:00+07:00", &["done", "1"]);
    a.ok_at("2026-11-20T10:00:00+07:00", &["done", "5"]);
    a.ok_at("2026-11-20T10:01:00+07:00", &["undo"]);
    let file = export_to(&a, outside.path(), "a.json");
    b.ok(&["import", &file]);
    assert_eq!(step_status(&b, 5), "todo", "an undone change came back");
    b.ok(&["log"])
        .stdout_has("done 5 [device ")
        .stdout_has("] (undone)")
        .stdout_has("undo of `done 5`");
    // Nothing was left to undo but B's own `done 1`: undo takes that, nothing else.
    b.ok(&["undo"]).stdout_has("Undid `done 1`");
    assert_eq!(status_json(&b)["summary"]["done"], 0);
}

#[test]
fn two_homes_sharing_a_sync_folder_converge() {
    let (a, b) = (Smm::new(), Smm::new());
    let folder = tempfile::tempdir().expect("tempdir");
    let dir = folder.path().to_str().expect("UTF-8");
    a.ok_at("2026-11-20T10:00:00+07:00", &["done", "1-3"]);
    a.ok_at(
        "2026-11-20T10:01:00+07:00",
        &["note", "2", "certificate: https://example.com/c"],
    );
    b.ok_at(
        "2026-11-20T11:00:00+07:00",
        &["skip", "3", "--reason", "later"],
    );
    b.ok_at("2026-11-20T11:01:00+07:00", &["start", "4"]);
    // A dry run takes nothing in and writes nothing anywhere.
    let before = b.state();
    b.ok(&["sync", dir, "--dry-run"]);
    assert_eq!(b.state(), before);
    assert_eq!(std::fs::read_dir(folder.path()).expect("folder").count(), 0);
    for smm in [&a, &b, &a, &b] {
        smm.ok(&["sync", dir]);
    }
    // No two devices write the same file: one file each, nothing else.
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().all(|name| name.ends_with(".jsonl")),
        "{names:?}"
    );
    assert_eq!(status_json(&a), status_json(&b));
    assert_eq!(a.ok(&["log"]).stdout, b.ok(&["log"]).stdout);
    assert_eq!(
        a.ok(&["export"]).stdout,
        b.ok(&["export"]).stdout,
        "the Markdown exports differ"
    );
    assert_eq!(step_status(&a, 3), "skipped");
    assert_eq!(step_status(&a, 4), "in-progress");
    a.ok(&["sync", dir]).stdout_has("Nothing to import");
    // An undo on one device reaches the other.
    b.ok_at("2026-11-20T12:00:00+07:00", &["undo"])
        .stdout_has("Undid `start 4`");
    b.ok(&["sync", dir]);
    a.ok(&["sync", dir])
        .stdout_has("4. Choose a Niche or Industry: in progress → to do");
    assert_eq!(status_json(&a), status_json(&b));
}

#[test]
fn a_sync_folder_inside_the_home_is_refused() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let inside = smm.home().join("sync");
    std::fs::create_dir(&inside).expect("mkdir");
    smm.run(&["sync", inside.to_str().expect("UTF-8")])
        .failure(1)
        .one_line_error()
        .stderr_has("inside the smm-path home");
}

#[test]
fn a_device_file_still_being_copied_gives_what_it_has() {
    let (a, b) = (Smm::new(), Smm::new());
    let folder = tempfile::tempdir().expect("tempdir");
    let dir = folder.path().to_str().expect("UTF-8");
    a.ok(&["done", "1"]);
    a.ok(&["done", "2"]);
    a.ok(&["sync", dir]);
    let file = std::fs::read_dir(folder.path())
        .expect("folder")
        .next()
        .expect("a device file")
        .expect("entry")
        .path();
    let whole = std::fs::read(&file).expect("device file");
    let first_line = whole
        .iter()
        .position(|&byte| byte == b'\n')
        .expect("a line")
        + 1;
    std::fs::write(&file, &whole[..first_line + 10]).expect("cut");
    b.ok(&["sync", dir]);
    assert_eq!(status_json(&b)["summary"]["done"], 1);
    std::fs::write(&file, &whole).expect("whole again");
    b.ok(&["sync", dir]);
    assert_eq!(status_json(&b)["summary"]["done"], 2);
}

/// A home whose progress.yaml came from another device by a sync tool
/// while its history.jsonl did not (yet).
#[test]
fn a_partial_sync_is_refused_and_the_history_left_as_it_was() {
    let (a, b) = (Smm::new(), Smm::new());
    a.ok(&["done", "1"]);
    b.ok(&["done", "1-2"]);
    b.ok(&["note", "2", "a longer history"]);
    // B's snapshot arrives on A; A's history stays.
    std::fs::copy(b.state_path(), a.state_path()).expect("copy");
    let history = a.home().join("history.jsonl");
    let before = std::fs::read(&history).expect("history");
    for args in [&["done", "6"][..], &["status"], &["undo"], &["log"]] {
        a.run(args)
            .failure(1)
            .one_line_error()
            .stderr_has("does not have yet");
    }
    assert_eq!(std::fs::read(&history).expect("history"), before);
    a.run(&["doctor"])
        .failure(1)
        .stdout_has("does not have yet");

    // Histories of the same length are told apart by their checksums.
    let (c, d) = (Smm::new(), Smm::new());
    c.ok_at("2026-11-20T10:00:00+07:00", &["done", "1"]);
    d.ok_at("2026-11-20T10:00:00+07:00", &["done", "1"]);
    let c_history = std::fs::read(c.home().join("history.jsonl")).expect("history");
    let d_history = std::fs::read(d.home().join("history.jsonl")).expect("history");
    assert_eq!(
        c_history.len(),
        d_history.len(),
        "the same length, by design"
    );
    std::fs::copy(d.state_path(), c.state_path()).expect("copy");
    c.run(&["undo"])
        .failure(1)
        .stderr_has("is not the history progress.yaml was made from");
    assert_eq!(
        std::fs::read(c.home().join("history.jsonl")).expect("history"),
        c_history
    );
}

#[test]
fn conflict_copies_are_reported_and_merged_by_import() {
    let (a, b) = (Smm::new(), Smm::new());
    a.ok_at("2026-11-20T10:00:00+07:00", &["done", "1"]);
    b.ok_at("2026-11-20T11:00:00+07:00", &["done", "2"]);
    b.ok_at("2026-11-20T11:05:00+07:00", &["note", "2", "from b"]);
    // What Syncthing and Dropbox leave when two devices wrote one file.
    let yaml_copy = a
        .home()
        .join("progress.sync-conflict-20261120-110000-ABCDEFG.yaml");
    let history_copy = a.home().join("history (conflicted copy 2026-11-20).jsonl");
    std::fs::copy(b.state_path(), &yaml_copy).expect("copy");
    std::fs::copy(b.home().join("history.jsonl"), &history_copy).expect("copy");
    a.run(&["doctor"])
        .failure(1)
        .stdout_has(
            "progress.sync-conflict-20261120-110000-ABCDEFG.yaml is a copy a sync tool made",
        )
        .stdout_has("smm-path import");
    a.ok(&["import", yaml_copy.to_str().expect("UTF-8")])
        .stdout_has("2. Education and Training: to do → done")
        .stdout_has("1 note added");
    a.ok(&["import", history_copy.to_str().expect("UTF-8")]);
    assert_eq!(status_json(&a)["summary"]["done"], 2);
    assert_eq!(
        status_json(&a)["steps"][1]["notes"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "the same note from two copies is kept once"
    );
    std::fs::remove_file(&yaml_copy).expect("remove");
    std::fs::remove_file(&history_copy).expect("remove");
    a.ok(&["doctor"]).stdout_has("All is well.");
}

#[test]
fn a_hand_edit_is_recorded_as_a_change() {
    let smm = Smm::new();
    smm.ok(&["done", "1-2"]);
    // Steps are kept in id order: education-and-training (step 2) comes first.
    let edited = smm
        .state_text()
        .replacen("status: done", "status: skipped", 1);
    smm.write_state(&edited);
    // Read as edited right away...
    assert_eq!(step_status(&smm, 2), "skipped");
    // ...and recorded, not overwritten, by the next change.
    smm.ok(&["done", "5"]);
    assert_eq!(step_status(&smm, 2), "skipped");
    smm.ok(&["log"])
        .stdout_has("edited by hand")
        .stdout_has("2. Education and Training: done → skipped");
    // The edit is a change like any other: undo takes it back.
    smm.ok(&["undo"]).stdout_has("Undid `done 5`");
    smm.ok(&["undo"]).stdout_has("Undid `edited by hand`");
    assert_eq!(step_status(&smm, 2), "done");
    // An edit that changes nothing (a comment) records nothing.
    let mut commented = smm.state_text();
    commented.insert_str(0, "# looked at this\n");
    smm.write_state(&commented);
    smm.ok(&["done", "7"]);
    assert_eq!(
        smm.ok(&["log"]).stdout.matches("  edited by hand").count(),
        1
    );
}
