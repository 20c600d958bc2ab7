//! One learner, many machines: a home copied to a new laptop, a backup
//! restored, clocks that drift, a time from the future, two changes under
//! one identity, and the bounds on what comes in.

use std::path::Path;

use crate::support::{SEP, Smm, Test};

/// `sync` of `smm`'s home with `folder`, to be told what it should print.
fn sync<'a>(smm: &'a Smm, folder: &Path) -> Test<'a> {
    smm.test(&["sync"]).arg(folder)
}

/// [`sync`] to set a test up: what it printed is not checked.
fn synced(smm: &Smm, folder: &Path) {
    sync(smm, folder).any_stdout().run();
}

fn lines_in(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .expect("device file")
        .lines()
        .count()
}

fn device_files(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    files
}

/// What identifies a home's folder must stay put while the home is used:
/// a file system that reported something else after each write (Wine gave
/// the folder's change time as its creation time) made every command a
/// new device, a "copy" of the one before.
#[test]
fn a_home_stays_one_device_from_command_to_command() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let device = smm.device();
    for args in [
        &["note", "1", "first post"][..],
        &["start", "2"],
        &["skip", "12", "--reason", "no budget"],
        &["undo"],
        &["done", "3"],
    ] {
        smm.ok(args);
        assert_eq!(smm.device(), device, "after {args:?}");
    }
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(6))
        .run();
    let folder = tempfile::tempdir().expect("tempdir");
    synced(&smm, folder.path());
    assert_eq!(
        device_files(folder.path()),
        vec![folder.path().join(format!("{device}.jsonl"))]
    );
}

#[test]
fn a_home_copied_to_a_new_laptop_keeps_syncing_both_ways() {
    for flag in ["-a", "-r"] {
        let old = Smm::new();
        old.ok(&["done", "1"]);
        let new = old.copied_with(flag);
        // Until it changes something, the copy only knows it is one.
        new.test(&["doctor"])
            .expected_stdout(
                format!(
                    "
                    Home:      {home}
                    Roadmap:   social-media-manager, version 4 (built in)
                    Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                    History:   {home}{SEP}history.jsonl: 1 change, whole
                    Copy:      this home is a copy of another home (device {old_device}), such as a new laptop or a restored backup: it records as a device of its own, so neither loses a change; `smm-path sync` shares them
                    Backup:    none yet (one is kept from the second change on)
                    All is well.
                    ",
                    home = new.home().display(),
                    old_device = old.device(),
                ),
            )
            .run();
        old.ok(&["done", "2"]);
        new.ok(&["note", "5", "portfolio draft on the new laptop"]);
        let folder = tempfile::tempdir().expect("tempdir");
        synced(&old, folder.path());
        // The device id is known once the sync has chosen it.
        sync(&new, folder.path())
            .any_stdout()
            .run()
            .assert_stdout(format!(
                "
                This home is a copy of another (a new laptop, or a restored backup) that recorded as device {old_device}: it records as device {new_device} from now on, so neither loses a change.
                Took from {folder}:
                    2. Education and Training: to do → done
                    1 change from elsewhere added to the history
                Wrote 3 changes to {folder}{SEP}{new_device}.jsonl.
                ",
                old_device = old.device(),
                new_device = new.device(),
                folder = folder.path().display(),
            ));
        synced(&old, folder.path());
        for smm in [&old, &new] {
            assert_eq!(smm.step_status(1), "done", "{flag}");
            assert_eq!(smm.step_status(2), "done", "{flag}");
            assert_eq!(
                smm.notes_of(5),
                vec!["portfolio draft on the new laptop"],
                "{flag}"
            );
        }
        assert_eq!(old.status_json(), new.status_json(), "{flag}");
        assert_eq!(old.ok(&["log"]).stdout, new.ok(&["log"]).stdout, "{flag}");
        // Two device files: the copy writes its own, never the original's.
        assert_eq!(device_files(folder.path()).len(), 2, "{flag}");
        // The notice is said once: the next sync has nothing to report.
        synced(&new, folder.path());
        sync(&new, folder.path())
            .expected_stdout(format!(
                "Nothing to import: this copy already has everything in {}.\n",
                folder.path().display()
            ))
            .run();
    }
}

#[test]
fn an_export_of_a_copied_home_is_not_mistaken_for_what_this_home_has() {
    let old = Smm::new();
    old.ok(&["done", "1"]);
    let new = old.copied_with("-a");
    old.ok(&["done", "2"]);
    new.ok(&["note", "5", "x"]);
    let outside = tempfile::tempdir().expect("tempdir");
    let export = outside.path().join("old.json");
    std::fs::write(&export, old.ok(&["export", "-f", "json"]).stdout).expect("write");
    new.test(&["import"])
        .arg(&export)
        .expected_stdout(format!(
            "
            This home is a copy of another (a new laptop, or a restored backup) that recorded as device {old_device}: it records as device {new_device} from now on, so neither loses a change.
            Took from {export}:
                2. Education and Training: to do → done
                1 change from elsewhere added to the history
            ",
            old_device = old.device(),
            new_device = new.device(),
            export = export.display(),
        ))
        .run();
    assert_eq!(new.step_status(2), "done");
    assert_eq!(new.notes_of(5), vec!["x"]);
}

#[test]
fn a_home_restored_from_an_old_backup_loses_nothing_and_undoes_only_what_it_undoes() {
    let laptop = Smm::new();
    let phone = Smm::new();
    let folder = tempfile::tempdir().expect("tempdir");
    laptop.ok_at("2026-12-01T09:00:00+07:00", &["done", "1"]);
    let backup = tempfile::tempdir().expect("tempdir");
    copy_files(laptop.home(), backup.path());
    laptop.ok_at("2026-12-02T09:00:00+07:00", &["note", "4", "older note"]);
    laptop.ok_at("2026-12-02T09:05:00+07:00", &["start", "3"]);
    synced(&laptop, folder.path());
    synced(&phone, folder.path());
    let own_file = device_files(folder.path())
        .into_iter()
        .find(|path| lines_in(path) == 3)
        .expect("the laptop's file holds its three changes");

    // The learner restores the backup into the same folder.
    let original = laptop.device();
    for name in ["progress.yaml", "history.jsonl", "progress.yaml.bak"] {
        let _ = std::fs::remove_file(laptop.home().join(name));
    }
    copy_files(backup.path(), laptop.home());
    laptop.ok_at("2026-12-03T09:00:00+07:00", &["done", "7"]);
    laptop.ok_at("2026-12-03T09:01:00+07:00", &["note", "9", "later"]);
    laptop
        .test(&["undo"])
        .at("2026-12-03T09:02:00+07:00")
        .expected_stdout(
            "
            Undid `note 9` from Dec 3, 2026 09:01:
                9. Create Quality Content: note removed
            ",
        )
        .run();
    assert_eq!(laptop.step_status(7), "done", "done 7 survives the undo");
    assert!(laptop.notes_of(9).is_empty());

    // The device id is known once the sync has chosen it.
    sync(&laptop, folder.path())
        .any_stdout()
        .run()
        .assert_stdout(format!(
"
            This home is a copy of another (a new laptop, or a restored backup) that recorded as device {original}: it records as device {device} from now on, so neither loses a change.
            Took from {folder}:
                3. Develop Your Creativity: to do → in progress
                4. Choose a Niche or Industry: 1 note added
                2 changes from elsewhere added to the history
            Wrote 6 changes to {folder}{SEP}{device}.jsonl.
            ",
            folder = folder.path().display(),
            original = original,
            device = laptop.device(),
        ));
    // Its old file was not shrunk: a superset sits beside it.
    assert!(lines_in(&own_file) >= 3);
    synced(&phone, folder.path());
    for smm in [&laptop, &phone] {
        assert_eq!(smm.step_status(1), "done");
        assert_eq!(smm.step_status(3), "in-progress");
        assert_eq!(smm.step_status(7), "done");
        assert_eq!(smm.notes_of(4), vec!["older note"]);
        assert!(smm.notes_of(9).is_empty());
    }
    assert_eq!(laptop.status_json(), phone.status_json());
    assert_eq!(laptop.ok(&["log"]).stdout, phone.ok(&["log"]).stdout);
}

fn copy_files(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
        }
    }
}

#[test]
fn a_command_after_a_sync_takes_effect_on_a_clock_running_behind() {
    // Device ids are random: several pairs, so no tie-break can pass by luck.
    for _pair in 0..6 {
        a_clock_running_behind();
    }
}

fn a_clock_running_behind() {
    let ahead = Smm::new();
    let behind = Smm::new();
    let folder = tempfile::tempdir().expect("tempdir");
    ahead.ok_at("2026-12-05T10:00:00+07:00", &["skip", "3"]);
    synced(&ahead, folder.path());
    synced(&behind, folder.path());
    // Four minutes behind: the learner finishes step 3 after seeing it skipped.
    behind
        .test(&["done", "3"])
        .at("2026-12-05T09:57:00+07:00")
        .expected_stdout("3. Develop Your Creativity: skipped → done\n3. Develop Your Creativity: 5 actions are not ticked yet (`smm-path show 3` lists them).\n")
        .run();
    assert_eq!(behind.step_status(3), "done");
    behind.ok_at("2026-12-05T09:57:30+07:00", &["done", "4"]);
    // Undo takes back what was typed last here, not the other device's skip.
    behind
        .test(&["undo"])
        .at("2026-12-05T09:58:00+07:00")
        .expected_stdout(
            "
            Undid `done 4` from Dec 5, 2026 10:00:
                4. Choose a Niche or Industry: done → to do
            ",
        )
        .run();
    assert_eq!(behind.step_status(4), "todo");
    assert_eq!(behind.step_status(3), "done");
    synced(&behind, folder.path());
    synced(&ahead, folder.path());
    assert_eq!(ahead.step_status(3), "done");
    assert_eq!(ahead.status_json(), behind.status_json());
}

#[test]
fn one_command_from_the_future_does_not_drag_later_ones_along() {
    let home = Smm::new();
    let other = Smm::new();
    let folder = tempfile::tempdir().expect("tempdir");
    home.ok_at("2099-01-01T10:00:00+07:00", &["done", "1"]);
    home.ok(&["done", "2"]);
    let export = home.ok(&["export", "-f", "json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&export).expect("JSON");
    let later = json["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|change| change["command"] == "done 2")
        .expect("done 2");
    assert!(
        later["at"].as_str().expect("at").starts_with("2026-12-05"),
        "{later}"
    );
    synced(&home, folder.path());
    // The device id is known once the sync has chosen it.
    sync(&other, folder.path())
        .any_stdout()
        .run()
        .assert_stdout(format!(
"
            Refused 1 change: the time 2099-01-01T10:00:00+07:00 is more than a day ahead of this device's clock
            Took from {folder}:
                2. Education and Training: to do → done
                1 change from elsewhere added to the history
            Wrote 1 change to {folder}{SEP}{device}.jsonl.
            ",
            folder = folder.path().display(),
            device = other.device(),
        ));
    assert_eq!(other.step_status(2), "done");
    assert_eq!(other.step_status(1), "todo");
    // The one change from 2099 is the latest: `undo` takes it back.
    home.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 1` from Jan 1, 2099 10:00:
                1. Understand Social Media Platforms: done → to do
            ",
        )
        .run();
    assert_eq!(home.step_status(1), "todo");
    assert_eq!(home.step_status(2), "done");
}

#[test]
fn a_refusal_is_never_followed_by_has_everything() {
    let home = Smm::new();
    let other = Smm::new();
    let folder = tempfile::tempdir().expect("tempdir");
    home.ok_at("2099-01-01T10:00:00+07:00", &["done", "1"]);
    synced(&home, folder.path());
    sync(&other, folder.path())
        .expected_stdout(format!(
"
            Refused 1 change: the time 2099-01-01T10:00:00+07:00 is more than a day ahead of this device's clock
            Nothing else to import from {folder}.
            ",
            folder = folder.path().display(),
        ))
        .run();
}

#[test]
fn a_conflict_copy_from_9999_is_refused_whole() {
    let home = Smm::new();
    home.ok(&["done", "1"]);
    // Only the key that orders the step's status claims 9999.
    let copy: String = home
        .state_text()
        .lines()
        .map(|line| {
            let line = if line.trim_start().starts_with("set:") {
                line.replace("2026-12-05T14:30:00+07:00", "9999-12-05T14:30:00+07:00")
            } else {
                line.to_string()
            };
            line + "\n"
        })
        .collect();
    assert!(copy.contains("set: 9999"), "{copy}");
    let path = home.write_file("progress.sync-conflict-20261205.yaml", &copy);
    home.test(&["import", path.to_str().expect("UTF-8")])
        .expected_status(1)
        .writes_nothing()
        .expected_stderr(
            format!(
                "error: cannot import {home}{SEP}progress.sync-conflict-20261205.yaml: the time 9999-12-05T14:30:00+07:00 is more than a day ahead of this device's clock; nothing was changed\n",
                home = home.home().display()
            ),
        )
        .run();
    // The next change is stamped with this clock, not 9999's.
    home.ok(&["done", "2"]);
    home.test(&["log", "-n", "1"])
        .expected_stdout(
            "
            Dec 5, 2026 14:30  done 2
                2. Education and Training: to do → done
            ",
        )
        .run();
}

#[test]
fn two_different_changes_under_one_identity_are_named_not_merged() {
    let home = Smm::new();
    home.ok(&["done", "1"]);
    let export = home.ok(&["export", "-f", "json"]).stdout;
    let mut json: serde_json::Value = serde_json::from_str(&export).expect("JSON");
    let id = json["changes"][0]["id"].as_str().expect("id").to_string();
    json["changes"][0]["ops"][0]["to"] = "skipped".into();
    json["changes"][0]["command"] = "skip 1".into();
    let outside = tempfile::tempdir().expect("tempdir");
    let path = outside.path().join("forged.json");
    std::fs::write(&path, json.to_string()).expect("write");
    home.test(&["import"])
        .arg(&path)
        .expected_stdout(format!(
            "
            Refused 1 change: another, different change already has the id {id}
            Nothing else to import from {path}.
            ",
            path = path.display()
        ))
        .run();
    assert_eq!(home.step_status(1), "done");
}

#[test]
fn an_undo_arriving_before_what_it_undoes_gives_one_status_and_log_everywhere() {
    let a = Smm::new();
    let b = Smm::new();
    a.ok_at("2026-12-01T09:00:00+07:00", &["done", "2"]);
    a.ok_at("2026-12-01T09:01:00+07:00", &["undo"]);
    let export = a.ok(&["export", "-f", "json"]).stdout;
    let mut json: serde_json::Value = serde_json::from_str(&export).expect("JSON");
    let changes = json["changes"].as_array().expect("changes").clone();
    let outside = tempfile::tempdir().expect("tempdir");
    // First only the undo, then everything.
    json["changes"] = serde_json::Value::Array(vec![changes[1].clone()]);
    let only_undo = outside.path().join("undo.json");
    std::fs::write(&only_undo, json.to_string()).expect("write");
    b.ok(&["import", only_undo.to_str().expect("UTF-8")]);
    assert_eq!(b.step_status(2), "todo");
    let whole = outside.path().join("whole.json");
    std::fs::write(&whole, export).expect("write");
    b.ok(&["import", whole.to_str().expect("UTF-8")]);
    assert_eq!(b.step_status(2), "todo");
    assert_eq!(a.status_json(), b.status_json());
    assert_eq!(a.ok(&["log"]).stdout, b.ok(&["log"]).stdout);
}

#[test]
fn notes_and_reasons_are_bounded_at_every_door() {
    let home = Smm::new();
    let long = "a".repeat(64 * 1024 + 1);
    // The command line's door, on Unix only: a Windows command line holds at
    // most 32,767 characters, so no note typed there comes near the bound.
    #[cfg(unix)]
    {
        home.test(&["note", "1", &long])
            .expected_status(2)
            .expected_stderr(
                "error: the text is 65537 bytes long; smm-path keeps at most 65536 bytes in a note or reason: shorten it, or put a link to the longer text\n",
            )
            .run();
        home.test(&["skip", "1", "--reason", &long])
            .expected_status(2)
            .expected_stderr(
                "error: the text is 65537 bytes long; smm-path keeps at most 65536 bytes in a note or reason: shorten it, or put a link to the longer text\n",
            )
            .run();
        assert!(home.state().is_none(), "nothing was written");
        let fits = "b".repeat(64 * 1024);
        home.ok(&["note", "1", &fits]);
    }

    // An export carrying a longer note is refused whole, by import and by sync.
    let other = Smm::new();
    other.ok(&["note", "2", "short"]);
    let export = other.ok(&["export", "-f", "json"]).stdout;
    let mut json: serde_json::Value = serde_json::from_str(&export).expect("JSON");
    json["changes"][0]["ops"][0]["text"] = long.clone().into();
    let outside = tempfile::tempdir().expect("tempdir");
    let path = outside.path().join("long.json");
    std::fs::write(&path, json.to_string()).expect("write");
    home.test(&["import"])
        .arg(&path)
        .expected_status(1)
        .expected_stderr(format!(
            "error: cannot import {}: a text is 65537 bytes long, more than the 65536 smm-path keeps; nothing was changed\n",
            path.display()
        ))
        .writes_nothing()
        .run();
}

#[test]
fn sync_folder_files_are_checked_before_they_are_read_and_named_safely() {
    let home = Smm::new();
    home.ok(&["done", "1"]);
    let folder = tempfile::tempdir().expect("tempdir");
    // A 2 GB file (sparse: no disk used) is skipped by its size.
    let huge = folder.path().join("e0e0e0e0e0e0e0e0.jsonl");
    std::fs::File::create(&huge)
        .and_then(|file| file.set_len(2 * 1024 * 1024 * 1024))
        .expect("sparse file");
    // A name holding a line break cannot forge a line of the report. Unix
    // only: Windows allows no line break in a name, and a symbolic link
    // there takes Developer Mode or an administrator.
    #[cfg(unix)]
    let forged_line = {
        let forged = folder
            .path()
            .join("x\nWrote 99 changes to everything.jsonl");
        std::os::unix::fs::symlink("/etc/passwd", &forged).expect("symlink");
        format!(
            "Skipped \"{}/x\\nWrote 99 changes to everything.jsonl\": a symbolic link, where only a plain file is read\n",
            folder.path().display()
        )
    };
    #[cfg(not(unix))]
    let forged_line = String::new();
    // The device id is known once the sync has chosen it.
    sync(&home, folder.path())
        .any_stdout()
        .run()
        .assert_stdout(format!(
            "Skipped {folder}{SEP}e0e0e0e0e0e0e0e0.jsonl: 2147483648 bytes, over the 1073741824-byte limit\n\
             {forged_line}\
             Nothing else to import from {folder}.\n\
             Wrote 1 change to {folder}{SEP}{device}.jsonl.\n",
            folder = folder.path().display(),
            device = home.device(),
        ));
    // Leftover temporary files of this device's are removed.
    let device = home.device();
    let leftover = folder
        .path()
        .join(format!(".{device}.jsonl.0123456789abcdef.tmp"));
    std::fs::write(&leftover, "partial").expect("write");
    synced(&home, folder.path());
    assert!(!leftover.exists());
}

/// An export of `count` notes of 64 KiB each, with identities from `first` on.
fn export_of_long_notes(first: usize, count: usize) -> String {
    let other = Smm::new();
    other.ok(&["note", "2", "seed"]);
    let export = other.ok(&["export", "-f", "json"]).stdout;
    let mut json: serde_json::Value = serde_json::from_str(&export).expect("JSON");
    let template = json["changes"][0].clone();
    let text = "n".repeat(64 * 1024 - 8);
    let changes: Vec<serde_json::Value> = (first..first + count)
        .map(|index| {
            let mut change = template.clone();
            change["id"] = format!("{index:032x}").into();
            change["seq"] = (index + 1).into();
            // Distinct texts: one note reached twice would count once.
            change["ops"][0]["text"] = format!("{index} {text}").into();
            change
        })
        .collect();
    json["changes"] = changes.into();
    json.to_string()
}

#[test]
fn an_import_that_would_outgrow_what_smm_path_reads_is_refused_before_writing() {
    // Two imports of 2,100 notes of 64 KiB, each well within the input
    // limit: the second would take the snapshot to 270 MB, past the 256 MB
    // smm-path reads back, and is refused with the home left as it was.
    let home = Smm::new();
    home.ok(&["done", "1"]);
    let outside = tempfile::tempdir().expect("tempdir");
    for (index, name) in ["first.json", "second.json"].into_iter().enumerate() {
        std::fs::write(
            outside.path().join(name),
            export_of_long_notes(index * 2100, 2100),
        )
        .expect("write");
    }
    // 134 MB each: under Wine on a busy machine that takes minutes, so
    // what would count as hung is given longer than usual.
    let hung_after = std::time::Duration::from_mins(10);
    let first = outside.path().join("first.json");
    home.test(&["import"])
        .arg(&first)
        .time_limit(hung_after)
        .any_stdout()
        .run();
    let second = outside.path().join("second.json");
    home.test(&["import"])
        .arg(&second)
        .time_limit(hung_after)
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: this would take {home}{SEP}progress.yaml past the 256 MB smm-path reads back, so nothing was changed: import or sync less at a time, or shorten long notes\n",
                home = home.home().display()
            ),
        )
        .writes_nothing()
        .run();
    home.ok(&["status"]);
    home.ok(&["done", "3"]);
}

#[test]
fn one_moment_is_one_active_day_whatever_the_zone() {
    let home = Smm::new();
    // Midnight in Jakarta, then a second later in London: two dates on
    // paper, one moment, one day in the learner's zone now.
    home.ok_at("2026-12-02T00:00:00+07:00", &["done", "1"]);
    home.ok_at("2026-12-01T17:00:01+00:00", &["done", "2"]);
    home.test(&["stats"])
        .at("2026-12-02T10:00:00+07:00")
        .expected_stdout(
            "
            2/20 done (10%) ██░░░░░░░░░░░░░░░░░░
            Steps: 2 done · 0 in progress · 18 to do · 0 skipped
            Pace: 2 steps in the 1 day since you began
            Streak: 1 active day in a row now; longest 1
            Not enough data yet for a finish date: finish steps on at least two different days.
            ",
        )
        .run();
}

#[test]
fn a_sync_reads_what_is_new_and_weighs_a_refused_change_again_later() {
    let home = Smm::new();
    let other = Smm::new();
    let folder = tempfile::tempdir().expect("tempdir");
    other.ok_at("2026-12-05T10:00:00+07:00", &["done", "1"]);
    // Stamped two days ahead of `home`'s clock: refused today.
    other.ok_at("2026-12-07T10:00:00+07:00", &["done", "2"]);
    other.ok_at("2026-12-07T10:01:00+07:00", &["done", "3"]);
    synced(&other, folder.path());
    // The device id is known once the sync has chosen it.
    sync(&home, folder.path())
        .at("2026-12-05T10:30:00+07:00")
        .any_stdout()
        .run()
        .assert_stdout(format!(
"
            Refused 2 changes: the time 2026-12-07T10:00:00+07:00 is more than a day ahead of this device's clock
            Took from {folder}:
                1. Understand Social Media Platforms: to do → done
                1 change from elsewhere added to the history
            Wrote 1 change to {folder}{SEP}{device}.jsonl.
            ",
            folder = folder.path().display(),
            device = home.device(),
        ));
    assert_eq!(home.step_status(1), "done");
    assert_eq!(home.step_status(2), "todo");
    // A dry run takes nothing and remembers nothing.
    home.ok_at(
        "2026-12-07T09:00:00+07:00",
        &["sync", "--dry-run", folder.path().to_str().expect("UTF-8")],
    );
    assert_eq!(home.step_status(2), "todo");
    // Two days on, the same changes are no longer ahead of the clock.
    // The device id is known once the sync has chosen it.
    sync(&home, folder.path())
        .at("2026-12-07T09:00:00+07:00")
        .any_stdout()
        .run()
        .assert_stdout(format!(
            "
            Took from {folder}:
                2. Education and Training: to do → done
                3. Develop Your Creativity: to do → done
                2 changes from elsewhere added to the history
            Wrote 3 changes to {folder}{SEP}{device}.jsonl.
            ",
            folder = folder.path().display(),
            device = home.device(),
        ));
    assert_eq!(home.step_status(2), "done");
    assert_eq!(home.step_status(3), "done");

    // The other device goes on: only its new change is new.
    other.ok_at("2026-12-07T11:00:00+07:00", &["note", "4", "brief"]);
    synced(&other, folder.path());
    // The device id is known once the sync has chosen it.
    sync(&home, folder.path())
        .at("2026-12-07T12:00:00+07:00")
        .any_stdout()
        .run()
        .assert_stdout(format!(
            "
            Took from {folder}:
                4. Choose a Niche or Industry: 1 note added
                1 change from elsewhere added to the history
            Wrote 4 changes to {folder}{SEP}{device}.jsonl.
            ",
            folder = folder.path().display(),
            device = home.device(),
        ));
    assert_eq!(home.notes_of(4), vec!["brief"]);

    // Nothing new: this device's file is not rewritten.
    let own = folder.path().join(format!("{}.jsonl", home.device()));
    assert_eq!(lines_in(&own), 4);
    let written = std::fs::metadata(&own)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    sync(&home, folder.path())
        .at("2026-12-07T12:05:00+07:00")
        .expected_stdout(format!(
            "Nothing to import: this copy already has everything in {folder}.\n",
            folder = folder.path().display(),
        ))
        .run();
    assert_eq!(
        std::fs::metadata(&own)
            .and_then(|m| m.modified())
            .expect("mtime"),
        written
    );

    // A device file replaced by something else is read whole again.
    let theirs = device_files(folder.path())
        .into_iter()
        .find(|path| *path != own)
        .expect("the other device's file");
    let fresh = Smm::new();
    fresh.ok_at("2026-12-07T13:00:00+07:00", &["skip", "9"]);
    let fresh_folder = tempfile::tempdir().expect("tempdir");
    synced(&fresh, fresh_folder.path());
    let fresh_file = device_files(fresh_folder.path()).remove(0);
    std::fs::copy(&fresh_file, &theirs).expect("replace");
    sync(&home, folder.path())
        .at("2026-12-07T13:05:00+07:00")
        .any_stdout()
        .run();
    assert_eq!(home.step_status(9), "skipped");
}

#[test]
fn log_of_the_newest_changes_reads_from_the_end_and_agrees_with_the_whole_log() {
    // 6,000 changes from another device, imported after this device's own
    // newer ones: the file's order is not the changes' order.
    let home = Smm::new();
    home.ok_at("2026-12-05T10:00:00+07:00", &["done", "1"]);
    home.ok_at("2026-12-05T10:01:00+07:00", &["start", "2"]);
    home.ok_at("2026-12-05T10:02:00+07:00", &["undo"]);
    let other = Smm::new();
    other.ok_at("2026-11-01T08:00:00+07:00", &["note", "3", "seed"]);
    let export = other.ok(&["export", "-f", "json"]).stdout;
    let mut json: serde_json::Value = serde_json::from_str(&export).expect("JSON");
    let template = json["changes"][0].clone();
    let start = chrono::DateTime::parse_from_rfc3339("2026-11-01T08:00:00+07:00").expect("time");
    let changes: Vec<serde_json::Value> = (0..6000)
        .map(|index| {
            let mut change = template.clone();
            let at = (start + chrono::TimeDelta::seconds(index)).to_rfc3339();
            change["id"] = format!("{:032x}", index + 1).into();
            change["seq"] = (index + 1).into();
            change["at"] = at.clone().into();
            change["command"] = format!("note 3 n{index}").into();
            change["ops"][0]["at"] = at.into();
            change["ops"][0]["text"] = format!("n{index}").into();
            change
        })
        .collect();
    json["changes"] = changes.into();
    let outside = tempfile::tempdir().expect("tempdir");
    let path = outside.path().join("many.json");
    std::fs::write(&path, json.to_string()).expect("write");
    home.ok(&["import", path.to_str().expect("UTF-8")]);
    let whole = home.ok(&["log"]).stdout;
    for limit in ["1", "3", "40"] {
        let newest = home.ok(&["log", "-n", limit]).stdout;
        let count = newest.lines().filter(|line| !line.starts_with(' ')).count();
        assert_eq!(count, limit.parse::<usize>().expect("number"), "{newest}");
        assert!(whole.starts_with(&newest), "-n {limit}:\n{newest}");
    }
    home.test(&["log", "-n", "3"])
        .expected_stdout(format!(
            "
            Dec 5, 2026 10:02  undo of `start 2` [device {device}]
            Dec 5, 2026 10:01  start 2 [device {device}] (undone)
                2. Education and Training: to do → in progress
            Dec 5, 2026 10:00  done 1 [device {device}]
                1. Understand Social Media Platforms: to do → done
            ",
            device = &home.device()[..6]
        ))
        .run();
    // A log made again after the index is gone says the same.
    std::fs::remove_file(home.home().join("cache/history-index.json")).expect("index");
    assert_eq!(home.ok(&["log", "-n", "40"]).stdout, {
        let lines: Vec<&str> = whole.lines().collect();
        let mut taken = 0;
        let mut out = String::new();
        for line in lines {
            if !line.starts_with(' ') {
                taken += 1;
                if taken > 40 {
                    break;
                }
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    });
    home.ok(&["log", "-n", "0"]);

    // Undo reads only what bears on the steps it touches: what it leaves
    // equals a replay of everything, as a fresh home importing it gets.
    home.ok_at("2026-12-05T11:00:00+07:00", &["done", "7"]);
    home.ok_at("2026-12-05T11:01:00+07:00", &["note", "3", "n5"]);
    home.ok_at(
        "2026-12-05T11:02:00+07:00",
        &["plan", "--target", "2027-06-30"],
    );
    home.ok_at("2026-12-05T11:03:00+07:00", &["skip", "3"]);
    // Each undo takes back the one before: skip 3, the target, note 3, done 7.
    home.test(&["undo"])
        .at("2026-12-05T11:10:00+07:00")
        .expected_stdout(
            "
            Undid `skip 3` from Dec 5, 2026 11:03:
                3. Develop Your Creativity: skipped → to do
            ",
        )
        .run();
    home.test(&["undo"])
        .at("2026-12-05T11:10:00+07:00")
        .expected_stdout(
            "
            Undid `plan --target 2027-06-30` from Dec 5, 2026 11:02:
                target cleared
            ",
        )
        .run();
    home.test(&["undo"])
        .at("2026-12-05T11:10:00+07:00")
        .expected_stdout(
            "
            Undid `note 3` from Dec 5, 2026 11:01:
                3. Develop Your Creativity: note removed
            ",
        )
        .run();
    home.test(&["undo"])
        .at("2026-12-05T11:10:00+07:00")
        .expected_stdout(
            "
            Undid `done 7` from Dec 5, 2026 11:00:
                7. Analysis and Market Research: done → to do
            ",
        )
        .run();

    let replayed = Smm::new();
    let everything = outside.path().join("everything.json");
    std::fs::write(&everything, home.ok(&["export", "-f", "json"]).stdout).expect("write");
    replayed.ok(&["import", everything.to_str().expect("UTF-8")]);
    assert_eq!(replayed.status_json()["steps"], home.status_json()["steps"]);
    assert_eq!(
        replayed.status_json()["target"],
        home.status_json()["target"]
    );

    // Newer changes made here: the newest are at the end, and `log -n`
    // reads no further back than it needs, so damage far back in the file
    // (which `log` and `doctor` report) does not stop it.
    home.ok_at("2026-12-06T09:00:00+07:00", &["done", "4"]);
    home.ok_at("2026-12-06T09:01:00+07:00", &["done", "5"]);
    let history = home.home().join("history.jsonl");
    let text = std::fs::read_to_string(&history).expect("history");
    std::fs::write(&history, text.replacen("\"n10\"", "\"nX0\"", 1)).expect("damage");
    home.test(&["log", "-n", "2"])
        .expected_stdout(format!(
            "
            Dec 6, 2026 09:01  done 5 [device {device}]
                5. Build a Personal Portfolio: to do → done
            Dec 6, 2026 09:00  done 4 [device {device}]
                4. Choose a Niche or Industry: to do → done
            ",
            device = &home.device()[..6]
        ))
        .run();
    home.test(&["log"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: the history file {home}{SEP}history.jsonl is damaged (line 14): its checksum does not match: the line was changed, or lines before it are missing; nothing was changed: `smm-path doctor` says how to repair it\n",
                home = home.home().display()
            ),
        )
        .run();
    home.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                History:   the history file {home}{SEP}history.jsonl is damaged (line 14): its checksum does not match: the line was changed, or lines before it are missing; nothing was changed: `smm-path doctor` says how to repair it
                  Fix:     smm-path doctor --rebuild-history
                Backup:    {home}{SEP}progress.yaml.bak: the state before the last change, format version 7
                ",
                home = home.home().display()
            ),
        )
        .expected_stderr(
            "error: doctor found problems, listed above\n",
        )
        .run();
}

#[test]
fn a_history_that_went_back_is_read_in_full_again_by_sync() {
    let home = Smm::new();
    let other = Smm::new();
    let folder = tempfile::tempdir().expect("tempdir");
    home.ok(&["done", "1"]);
    synced(&home, folder.path());
    let backup = tempfile::tempdir().expect("tempdir");
    copy_files(home.home(), backup.path());
    other.ok(&["done", "2"]);
    synced(&other, folder.path());
    synced(&home, folder.path());
    assert_eq!(home.step_status(2), "done");
    // The backup goes back in the same folder; the cache, with the marks, stays.
    copy_files(backup.path(), home.home());
    assert_eq!(home.step_status(2), "todo");
    synced(&home, folder.path());
    assert_eq!(home.step_status(2), "done");
    assert_eq!(home.step_status(1), "done");
}

#[test]
fn an_undo_after_a_hand_edit_agrees_with_a_replay() {
    let home = Smm::new();
    home.ok(&["done", "1"]);
    home.ok(&["skip", "2"]);
    let edited = home
        .state_text()
        .replacen("status: skipped", "status: done", 1);
    home.write_state(edited);
    home.test(&["undo"])
        .expected_stdout(
            "
            Undid `edited by hand` from Dec 5, 2026 14:30:
                2. Education and Training: done → skipped
            ",
        )
        .run();
    let outside = tempfile::tempdir().expect("tempdir");
    let export = outside.path().join("all.json");
    std::fs::write(&export, home.ok(&["export", "-f", "json"]).stdout).expect("write");
    let replayed = Smm::new();
    replayed.ok(&["import", export.to_str().expect("UTF-8")]);
    assert_eq!(replayed.status_json()["steps"], home.status_json()["steps"]);
    assert_eq!(home.step_status(2), "skipped");
}

#[test]
fn on_a_large_home_a_change_that_reads_only_its_steps_leaves_what_reading_everything_would() {
    // Past 1 MB of snapshot (20 notes of 64 KiB on step 2) a change reads
    // only the steps it touches from the cache. The same commands on a
    // twin whose cache is removed before each (so it reads everything)
    // must leave the same progress, the same snapshot on disk and say the
    // same, through a step finished late on a clock three days ahead, and
    // long notes that take the snapshot's rewrite through a partial read.
    let outside = tempfile::tempdir().expect("tempdir");
    let export = outside.path().join("long-notes.json");
    std::fs::write(&export, export_of_long_notes(0, 20)).expect("write");
    let twins = [Smm::new(), Smm::new()];
    for home in &twins {
        home.ok_at("2026-12-01T09:00:00+07:00", &["done", "1"]);
        home.test(&["import"]).arg(&export).any_stdout().run();
        assert!(
            std::fs::metadata(home.path("progress.yaml"))
                .expect("snapshot")
                .len()
                > 1 << 20
        );
    }
    // Under Windows' 32,767 characters for a whole command line.
    let long = "x".repeat(30_000);
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["note", "5", "a first thought"],
        vec!["done", "3"],
        vec!["start", "7"],
        vec!["check", "5.1-2"],
        vec!["note", "2", "--edit", "3", "rewritten"],
        vec!["note", "2", "--delete", "1"],
        vec!["skip", "9", "--reason", "later"],
        vec!["used", "5.2"],
        vec!["done", "4-6"],
        vec!["uncheck", "5.2"],
        vec!["note", "5", "--evidence", "https://example.com/case"],
    ];
    let steps = ["11", "12", "13", "14", "15", "16"];
    commands.extend((0..14).map(|n| vec!["note", steps[n % steps.len()], long.as_str()]));
    commands.extend([
        vec!["note", "16", "the last word"],
        vec!["done", "8"],
        vec!["note", "8", "after the clock ran ahead"],
    ]);
    let (fast, whole) = (&twins[0], &twins[1]);
    for (index, arguments) in commands.iter().enumerate() {
        let day = if arguments == &["done", "8"] { 8 } else { 5 };
        let moment = format!("2026-12-0{day}T10:{index:02}:00+07:00");
        let said = fast.ok_at(&moment, arguments);
        let _ = std::fs::remove_dir_all(whole.path("cache"));
        let said_whole = whole.ok_at(&moment, arguments);
        assert_eq!(said.stdout, said_whole.stdout, "{arguments:?}");
        assert_eq!(said.stderr, said_whole.stderr, "{arguments:?}");
    }
    // The twins differ in their device ids, folders and change ids, and so
    // in the history's checksums and the snapshot's: those are put aside.
    let without_identity = |home: &Smm| {
        let text = std::fs::read_to_string(home.path("progress.yaml")).expect("snapshot");
        let device = home.device();
        text.lines()
            .filter(|line| {
                !["home_identity:", "sum:", "  last:"]
                    .iter()
                    .any(|field| line.starts_with(field))
            })
            .map(|line| {
                line.replace(&device, "DEVICE")
                    .split(' ')
                    .map(|word| {
                        let bare = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
                        let random =
                            bare.len() == 32 && bare.bytes().all(|b| b.is_ascii_hexdigit());
                        if random {
                            word.replace(bare, "ID")
                        } else {
                            word.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let snapshot = std::fs::read_to_string(fast.path("progress.yaml")).expect("snapshot");
    // Rewritten once the long notes came to a quarter of it, from a
    // partial reading: after the last change that rewrites it anyway (an
    // edit or a deletion of a note), the evidence came in.
    assert!(
        snapshot.contains("https://example.com/case"),
        "the snapshot was rewritten"
    );
    let (fast_lines, whole_lines) = (without_identity(fast), without_identity(whole));
    let first_difference = fast_lines
        .lines()
        .zip(whole_lines.lines())
        .position(|(one, other)| one != other);
    if let Some(line) = first_difference {
        let shown = |text: &str| {
            text.lines()
                .skip(line.saturating_sub(3))
                .take(6)
                .map(|line| line.chars().take(100).collect::<String>())
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "the snapshots differ at line {line}:\n{}\n---\n{}",
            shown(&fast_lines),
            shown(&whole_lines)
        );
    }
    assert_eq!(fast_lines.len(), whole_lines.len());
    for view in [
        vec!["status"],
        vec!["show", "2"],
        vec!["show", "5"],
        vec!["show", "8"],
        vec!["show", "15"],
        vec!["log", "-n", "30"],
    ] {
        // `log` names a device by the start of its id.
        let said = |home: &Smm| home.ok(&view).stdout.replace(&home.device()[..6], "DEVICE");
        assert_eq!(said(fast), said(whole), "{view:?}");
    }
}

#[test]
fn on_a_large_home_an_undo_records_what_it_left_and_leaves_what_a_replay_would() {
    // Past 1 MB of snapshot an undo records what it left on the steps it
    // touched, instead of rewriting the snapshot; the commands after it
    // read that. What they see must be what a replay of the history alone
    // gives: a home importing this one's export, and a home holding only
    // this one's history.
    let outside = tempfile::tempdir().expect("tempdir");
    let export = outside.path().join("long-notes.json");
    std::fs::write(&export, export_of_long_notes(0, 20)).expect("write");
    let home = Smm::new();
    home.ok_at("2026-12-01T09:00:00+07:00", &["done", "1"]);
    home.test(&["import"]).arg(&export).any_stdout().run();
    let snapshot = std::fs::read(home.path("progress.yaml")).expect("snapshot");
    assert!(snapshot.len() > 1 << 20);
    let commands: [&[&str]; 13] = [
        &["done", "3"],
        &["undo"],
        &["check", "5.1-2"],
        &["note", "5", "a thought"],
        &["undo"],
        &["undo"],
        &["plan", "--target", "2027-06-30"],
        &["plan", "6", "--by", "2027-01-15"],
        &["undo"],
        &["undo"],
        &["done", "4-6"],
        &["note", "2", "one more"],
        &["undo"],
    ];
    for (index, arguments) in commands.iter().enumerate() {
        let moment = format!("2026-12-05T10:{index:02}:00+07:00");
        home.ok_at(&moment, arguments);
    }
    let history = std::fs::read_to_string(home.path("history.jsonl")).expect("history");
    let undos = history
        .lines()
        .filter(|line| line.contains("{\"op\":\"undo\""))
        .count();
    let recorded = history
        .lines()
        .filter(|line| line.contains("\"effect\":"))
        .count();
    assert_eq!((undos, recorded), (6, 6), "every undo records what it left");
    assert!(
        std::fs::read(home.path("progress.yaml")).expect("snapshot") == snapshot,
        "the snapshot was rewritten"
    );
    assert_eq!(home.step_status(3), "todo");
    assert_eq!(home.step_status(6), "done");
    assert!(!home.ok(&["show", "2"]).stdout.contains("one more"));
    assert!(!home.ok(&["plan"]).stdout.contains("2027"));
    let imported = Smm::new();
    let all = outside.path().join("all.json");
    let exported = home.ok(&["export", "-f", "json"]).stdout;
    assert!(
        exported.contains("\"op\": \"undo\"") && !exported.contains("\"effect\""),
        "an export carries the undos, not what they left"
    );
    std::fs::write(&all, exported).expect("write");
    imported.test(&["import"]).arg(&all).any_stdout().run();
    let alone = Smm::new();
    std::fs::write(alone.path("history.jsonl"), &history).expect("write");
    for view in [
        vec!["status"],
        vec!["show", "3"],
        vec!["show", "5"],
        vec!["show", "6"],
        vec!["plan"],
    ] {
        let said = home.ok(&view).stdout;
        assert_eq!(said, imported.ok(&view).stdout, "{view:?}");
        assert_eq!(said, alone.ok(&view).stdout, "{view:?}");
    }
    assert_eq!(imported.status_json()["steps"], home.status_json()["steps"]);
    assert_eq!(alone.status_json()["steps"], home.status_json()["steps"]);
    // Another device syncs the undos (without what they left), and the
    // same changes coming back are the ones this home has, not rivals.
    let folder = tempfile::tempdir().expect("tempdir");
    let other = Smm::new();
    synced(&home, folder.path());
    synced(&other, folder.path());
    let back = sync(&home, folder.path()).any_stdout().run();
    assert!(!back.stdout.contains("efused"), "{}", back.stdout);
    assert_eq!(other.status_json()["steps"], home.status_json()["steps"]);
    assert_eq!(
        other.ok(&["show", "5"]).stdout,
        home.ok(&["show", "5"]).stdout
    );
}
