//! Two devices, one roadmap: merges that converge, `sync` through a shared
//! folder, partial syncs and conflict copies, a hand-edited snapshot.

use crate::support::{SEP, Smm, file_names, importing};

/// Writes `smm`'s JSON export into `dir` and returns its path.
fn export_into(smm: &Smm, dir: &std::path::Path, name: &str) -> String {
    let path = dir.join(name);
    smm.export_to(&path);
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
            let file = export_into(first, outside.path(), "first.json");
            second.ok(&["import", &file]);
            let file = export_into(second, outside.path(), "second.json");
            first.ok(&["import", &file]);
        }
        for smm in [&a, &b] {
            assert_eq!(smm.step_status(3), "skipped", "a_first={a_first}");
            let json = smm.status_json();
            assert_eq!(
                json["steps"][1]["finished"], "2026-04-01T00:00:00+07:00",
                "a_first={a_first}"
            );
        }
        assert_eq!(a.status_json(), b.status_json());
        assert_eq!(a.ok(&["log"]).stdout, b.ok(&["log"]).stdout);
        let file = export_into(&a, outside.path(), "again.json");
        b.test(&["import", &file])
            .expected_stdout(format!(
                "Nothing to import: this copy already has everything in {file}.\n"
            ))
            .run();
    }
}

#[test]
fn an_undo_travels_with_the_history() {
    let (a, b) = (Smm::new(), Smm::new());
    let outside = tempfile::tempdir().expect("tempdir");
    b.ok_at("2026-11-20T09:00:00+07:00", &["done", "1"]);
    a.ok_at("2026-11-20T10:00:00+07:00", &["done", "5"]);
    a.ok_at("2026-11-20T10:01:00+07:00", &["undo"]);
    let file = export_into(&a, outside.path(), "a.json");
    b.ok(&["import", &file]);
    assert_eq!(b.step_status(5), "todo", "an undone change came back");
    let (a_device, b_device) = (&a.device()[..6], &b.device()[..6]);
    b.test(&["log"])
        .expected_stdout(format!(
            "
            Nov 20, 2026 10:01  undo of `done 5` [device {a_device}]
            Nov 20, 2026 10:00  done 5 [device {a_device}] (undone)
                5. Build a Personal Portfolio: to do → done
            Nov 20, 2026 09:00  done 1 [device {b_device}]
                1. Understand Social Media Platforms: to do → done
            "
        ))
        .run();
    // Nothing was left to undo but B's own `done 1`: undo takes that, nothing else.
    b.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 1` from Nov 20, 2026 09:00:
                1. Understand Social Media Platforms: done → to do
            ",
        )
        .run();
    assert_eq!(b.status_json()["summary"]["done"], 0);
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
    b.test(&["sync", dir, "--dry-run"])
        .expected_stdout(format!(
            "Nothing to import: this copy already has everything in {dir}.
"
        ))
        .writes_nothing()
        .run();
    assert_eq!(std::fs::read_dir(folder.path()).expect("folder").count(), 0);
    for smm in [&a, &b, &a, &b] {
        smm.ok(&["sync", dir]);
    }
    // No two devices write the same file: one file each, nothing else.
    let names = file_names(folder.path());
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().all(|name| name.ends_with(".jsonl")),
        "{names:?}"
    );
    assert_eq!(a.status_json(), b.status_json());
    assert_eq!(a.ok(&["log"]).stdout, b.ok(&["log"]).stdout);
    assert_eq!(
        a.ok(&["export"]).stdout,
        b.ok(&["export"]).stdout,
        "the Markdown exports differ"
    );
    assert_eq!(a.step_status(3), "skipped");
    assert_eq!(a.step_status(4), "in-progress");
    a.test(&["sync", dir])
        .expected_stdout(format!(
            "Nothing to import: this copy already has everything in {dir}.\n"
        ))
        .run();
    // An undo on one device reaches the other.
    b.test(&["undo"])
        .at("2026-11-20T12:00:00+07:00")
        .expected_stdout(
            "
            Undid `start 4` from Nov 20, 2026 11:01:
                4. Choose a Niche or Industry: in progress → to do
            ",
        )
        .run();
    b.ok(&["sync", dir]);
    a.test(&["sync", dir])
        .expected_stdout(format!(
            "
            Took from {dir}:
                4. Choose a Niche or Industry: in progress → to do
                1 change from elsewhere added to the history
            Wrote 5 changes to {dir}{SEP}{a_device}.jsonl.
            ",
            a_device = a.device()
        ))
        .run();
    assert_eq!(a.status_json(), b.status_json());
}

#[test]
fn a_sync_folder_inside_the_home_is_refused() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let inside = smm.home().join("sync");
    std::fs::create_dir(&inside).expect("mkdir");
    smm.test(&["sync", inside.to_str().expect("UTF-8")])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: cannot sync with {home}{SEP}sync: the folder is inside the smm-path home; choose a folder outside it; nothing was changed there\n",
                home = smm.home().display()
            ),
        )
        .run();
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
    assert_eq!(b.status_json()["summary"]["done"], 1);
    std::fs::write(&file, &whole).expect("whole again");
    b.ok(&["sync", dir]);
    assert_eq!(b.status_json()["summary"]["done"], 2);
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
    for args in [&["done", "6"][..], &["status"], &["undo"], &["log"]] {
        a.test(args)
            .expected_status(1)
            .expected_stderr(
                format!(
                    "error: progress.yaml includes history that {home}{SEP}history.jsonl does not have yet (307 of 723 bytes): a sync may still be copying it, or it came from another device; nothing was changed: wait for the sync and try again, or see `smm-path doctor`\n",
                    home = a.home().display()
                ),
            )
            .writes_nothing()
            .run();
    }
    a.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                History:   progress.yaml includes history that {home}{SEP}history.jsonl does not have yet (307 of 723 bytes): a sync may still be copying it, or it came from another device; nothing was changed: wait for the sync and try again, or see `smm-path doctor`
                  Fix:     smm-path doctor --rebuild-history
                  Or:      if a sync tool is still copying, wait for it and run `smm-path doctor` again
                Copy:      this home is a copy of another home (device {b_device}), such as a new laptop or a restored backup: it records as a device of its own, so neither loses a change; `smm-path sync` shares them
                Backup:    none yet (one is kept from the second change on)
                ",
                home = a.home().display(),
                b_device = b.device(),
            ),
        )
        .expected_stderr("error: doctor found problems, listed above\n")
        .run();

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
    c.test(&["undo"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: {home}{SEP}history.jsonl is not the history progress.yaml was made from (a copy from another device?); nothing was changed: see `smm-path doctor`\n",
                home = c.home().display()
            ),
        )
        .run();
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
    a.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                History:   {home}{SEP}history.jsonl: 1 change, whole
                Conflict:  {home}{SEP}history (conflicted copy 2026-11-20).jsonl is a copy a sync tool made; merge it with `{import_history}`, then delete it
                Conflict:  {home}{SEP}progress.sync-conflict-20261120-110000-ABCDEFG.yaml is a copy a sync tool made; merge it with `{import_yaml}`, then delete it
                Backup:    none yet (one is kept from the second change on)
                ",
                home = a.home().display(),
                import_history = importing(&history_copy),
                import_yaml = importing(&yaml_copy),
            ),
        )
        .expected_stderr("error: doctor found problems, listed above\n")
        .run();
    a.test(&["import", yaml_copy.to_str().expect("UTF-8")])
        .expected_stdout(format!(
            "
                Took from {home}{SEP}progress.sync-conflict-20261120-110000-ABCDEFG.yaml:
                    2. Education and Training: to do → done
                    2. Education and Training: 1 note added
                    1 change from elsewhere added to the history
                ",
            home = a.home().display()
        ))
        .run();
    a.ok(&["import", history_copy.to_str().expect("UTF-8")]);
    assert_eq!(a.status_json()["summary"]["done"], 2);
    assert_eq!(
        a.status_json()["steps"][1]["notes"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "the same note from two copies is kept once"
    );
    std::fs::remove_file(&yaml_copy).expect("remove");
    std::fs::remove_file(&history_copy).expect("remove");
    a.test(&["doctor"]).expected_stdout(a.all_is_well(4)).run();
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
    assert_eq!(smm.step_status(2), "skipped");
    // ...and recorded, not overwritten, by the next change.
    smm.ok(&["done", "5"]);
    assert_eq!(smm.step_status(2), "skipped");
    smm.test(&["log"])
        .expected_stdout(
            "
            Dec 5, 2026 14:30  done 5
                5. Build a Personal Portfolio: to do → done
            Dec 5, 2026 14:30  edited by hand
                2. Education and Training: done → skipped
            Dec 5, 2026 14:30  done 1-2
                1. Understand Social Media Platforms: to do → done
                2. Education and Training: to do → done
            ",
        )
        .run();
    // The edit is a change like any other: undo takes it back.
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 5` from Dec 5, 2026 14:30:
                5. Build a Personal Portfolio: done → to do
            ",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `edited by hand` from Dec 5, 2026 14:30:
                2. Education and Training: skipped → done
            ",
        )
        .run();
    assert_eq!(smm.step_status(2), "done");
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

#[test]
fn what_a_sync_took_is_listed_in_the_roadmaps_order() {
    let (a, b) = (Smm::new(), Smm::new());
    let folder = tempfile::tempdir().expect("tempdir");
    let dir = folder.path().to_str().expect("UTF-8");
    a.ok_at("2026-11-20T10:00:00+07:00", &["done", "1-6"]);
    a.ok_at("2026-11-20T10:01:00+07:00", &["note", "4", "niche: food"]);
    a.ok_at("2026-11-20T10:02:00+07:00", &["note", "1", "platforms"]);
    a.ok(&["sync", dir]);
    let run = b.test(&["sync", dir]).any_stdout().run();
    let labels: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .filter(|line| line.starts_with("    "))
        .map(|line| line.trim_start().split(':').next().unwrap_or(line))
        .collect();
    // By id these would come as 5, 4, 3, 2, 1, 6.
    assert_eq!(
        labels,
        [
            "1. Understand Social Media Platforms",
            "2. Education and Training",
            "3. Develop Your Creativity",
            "4. Choose a Niche or Industry",
            "5. Build a Personal Portfolio",
            "6. Understand the Target Audience",
            "1. Understand Social Media Platforms",
            "4. Choose a Niche or Industry",
            "3 changes from elsewhere added to the history",
        ],
        "{}",
        run.stdout
    );
}
