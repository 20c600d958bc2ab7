//! One learner, many machines: a home copied to a new laptop, a backup
//! restored, clocks that drift, a time from the future, two changes under
//! one identity, and the bounds on what comes in.

use std::path::Path;

use crate::support::Smm;

fn status_json(smm: &Smm) -> serde_json::Value {
    let mut json: serde_json::Value =
        serde_json::from_str(&smm.ok(&["status", "--json"]).stdout).expect("JSON");
    // The moment of the run is not progress.
    if let Some(object) = json.as_object_mut() {
        object.remove("generated_at");
    }
    json
}

fn step_status(smm: &Smm, number: usize) -> String {
    status_json(smm)["steps"][number - 1]["status"]
        .as_str()
        .expect("status")
        .to_string()
}

fn notes_of(smm: &Smm, number: usize) -> Vec<String> {
    status_json(smm)["steps"][number - 1]["notes"]
        .as_array()
        .map(|notes| {
            notes
                .iter()
                .map(|note| note["text"].as_str().expect("text").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn sync(smm: &Smm, folder: &Path) -> String {
    smm.ok(&["sync", folder.to_str().expect("UTF-8")]).stdout
}

/// `sync` with the clock at `when`: what it printed.
fn sync_at(smm: &Smm, when: &str, folder: &Path) -> String {
    smm.ok_at(when, &["sync", folder.to_str().expect("UTF-8")])
        .stdout
}

fn lines_in(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .expect("device file")
        .lines()
        .count()
}

/// The device id a home records as.
fn device_of(smm: &Smm) -> String {
    smm.state_text()
        .lines()
        .find_map(|line| line.strip_prefix("device: "))
        .expect("device")
        .to_string()
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

#[test]
fn a_home_copied_to_a_new_laptop_keeps_syncing_both_ways() {
    for flag in ["-a", "-r"] {
        let old = Smm::new();
        old.ok(&["done", "1"]);
        let new = old.copied_with(flag);
        // Until it changes something, the copy only knows it is one.
        new.ok(&["doctor"])
            .stdout_has("this home is a copy of another home");
        old.ok(&["done", "2"]);
        new.ok(&["note", "5", "portfolio draft on the new laptop"]);
        let folder = tempfile::tempdir().expect("tempdir");
        sync(&old, folder.path());
        let first = sync(&new, folder.path());
        assert!(first.contains("to do → done"), "{flag}: {first}");
        assert!(first.contains("This home is a copy"), "{flag}: {first}");
        sync(&old, folder.path());
        for smm in [&old, &new] {
            assert_eq!(step_status(smm, 1), "done", "{flag}");
            assert_eq!(step_status(smm, 2), "done", "{flag}");
            assert_eq!(
                notes_of(smm, 5),
                vec!["portfolio draft on the new laptop"],
                "{flag}"
            );
        }
        assert_eq!(status_json(&old), status_json(&new), "{flag}");
        assert_eq!(old.ok(&["log"]).stdout, new.ok(&["log"]).stdout, "{flag}");
        // Two device files: the copy writes its own, never the original's.
        assert_eq!(device_files(folder.path()).len(), 2, "{flag}");
        // The notice is said once: the next sync has nothing to report.
        sync(&new, folder.path());
        let again = sync(&new, folder.path());
        assert!(!again.contains("This home is a copy"), "{flag}: {again}");
        assert!(again.contains("Nothing to import"), "{flag}: {again}");
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
    new.ok(&["import", export.to_str().expect("UTF-8")])
        .stdout_lacks("Nothing to import");
    assert_eq!(step_status(&new, 2), "done");
    assert_eq!(notes_of(&new, 5), vec!["x"]);
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
    sync(&laptop, folder.path());
    sync(&phone, folder.path());
    let own_file = device_files(folder.path())
        .into_iter()
        .find(|path| lines_in(path) == 3)
        .expect("the laptop's file holds its three changes");

    // The learner restores the backup into the same folder.
    for name in ["progress.yaml", "history.jsonl", "progress.yaml.bak"] {
        let _ = std::fs::remove_file(laptop.home().join(name));
    }
    copy_files(backup.path(), laptop.home());
    laptop.ok_at("2026-12-03T09:00:00+07:00", &["done", "7"]);
    laptop.ok_at("2026-12-03T09:01:00+07:00", &["note", "9", "later"]);
    let undo = laptop.ok_at("2026-12-03T09:02:00+07:00", &["undo"]).stdout;
    assert!(undo.contains("note 9"), "{undo}");
    assert_eq!(step_status(&laptop, 7), "done", "done 7 survives the undo");
    assert!(notes_of(&laptop, 9).is_empty());

    let said = sync(&laptop, folder.path());
    assert!(said.contains("This home is a copy"), "{said}");
    // Its old file was not shrunk: a superset sits beside it.
    assert!(lines_in(&own_file) >= 3);
    sync(&phone, folder.path());
    for smm in [&laptop, &phone] {
        assert_eq!(step_status(smm, 1), "done");
        assert_eq!(step_status(smm, 3), "in-progress");
        assert_eq!(step_status(smm, 7), "done");
        assert_eq!(notes_of(smm, 4), vec!["older note"]);
        assert!(notes_of(smm, 9).is_empty());
    }
    assert_eq!(status_json(&laptop), status_json(&phone));
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
    sync(&ahead, folder.path());
    sync(&behind, folder.path());
    // Four minutes behind: the learner finishes step 3 after seeing it skipped.
    behind
        .ok_at("2026-12-05T09:57:00+07:00", &["done", "3"])
        .stdout_has("skipped → done");
    assert_eq!(step_status(&behind, 3), "done");
    behind.ok_at("2026-12-05T09:57:30+07:00", &["done", "4"]);
    // Undo takes back what was typed last here, not the other device's skip.
    behind
        .ok_at("2026-12-05T09:58:00+07:00", &["undo"])
        .stdout_has("done 4");
    assert_eq!(step_status(&behind, 4), "todo");
    assert_eq!(step_status(&behind, 3), "done");
    sync(&behind, folder.path());
    sync(&ahead, folder.path());
    assert_eq!(step_status(&ahead, 3), "done");
    assert_eq!(status_json(&ahead), status_json(&behind));
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
    sync(&home, folder.path());
    let said = sync(&other, folder.path());
    assert!(said.contains("Refused 1 change"), "{said}");
    assert!(!said.contains("has everything"), "{said}");
    assert_eq!(step_status(&other, 2), "done");
    assert_eq!(step_status(&other, 1), "todo");
    // The one change from 2099 is the latest: `undo` takes it back.
    home.ok(&["undo"]).stdout_has("Undid `done 1`");
    assert_eq!(step_status(&home, 1), "todo");
    assert_eq!(step_status(&home, 2), "done");
}

#[test]
fn a_refusal_is_never_followed_by_has_everything() {
    let home = Smm::new();
    let other = Smm::new();
    let folder = tempfile::tempdir().expect("tempdir");
    home.ok_at("2099-01-01T10:00:00+07:00", &["done", "1"]);
    sync(&home, folder.path());
    let said = sync(&other, folder.path());
    assert!(said.contains("Refused 1 change"), "{said}");
    assert!(said.contains("Nothing else to import"), "{said}");
    assert!(!said.contains("already has everything"), "{said}");
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
    let before = home.state_text();
    home.run(&["import", path.to_str().expect("UTF-8")])
        .failure(1)
        .stderr_has("more than a day ahead");
    assert_eq!(home.state_text(), before);
    home.ok(&["done", "2"]);
    let log = home.ok(&["log", "-n", "1"]).stdout;
    assert!(log.contains("Dec 5, 2026"), "{log}");
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
    let said = home.ok(&["import", path.to_str().expect("UTF-8")]).stdout;
    assert!(said.contains(&format!("already has the id {id}")), "{said}");
    assert!(!said.contains("already has everything"), "{said}");
    assert_eq!(step_status(&home, 1), "done");
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
    assert_eq!(step_status(&b, 2), "todo");
    let whole = outside.path().join("whole.json");
    std::fs::write(&whole, export).expect("write");
    b.ok(&["import", whole.to_str().expect("UTF-8")]);
    assert_eq!(step_status(&b, 2), "todo");
    assert_eq!(status_json(&a), status_json(&b));
    assert_eq!(a.ok(&["log"]).stdout, b.ok(&["log"]).stdout);
}

#[test]
fn notes_and_reasons_are_bounded_at_every_door() {
    let home = Smm::new();
    let long = "a".repeat(64 * 1024 + 1);
    home.run(&["note", "1", &long])
        .failure(2)
        .one_line_error()
        .stderr_has("at most 65536 bytes");
    home.run(&["skip", "1", "--reason", &long])
        .failure(2)
        .one_line_error();
    assert!(home.state().is_none(), "nothing was written");
    let fits = "b".repeat(64 * 1024);
    home.ok(&["note", "1", &fits]);

    // An export carrying a longer note is refused whole, by import and by sync.
    let other = Smm::new();
    other.ok(&["note", "2", "short"]);
    let export = other.ok(&["export", "-f", "json"]).stdout;
    let mut json: serde_json::Value = serde_json::from_str(&export).expect("JSON");
    json["changes"][0]["ops"][0]["text"] = long.clone().into();
    let outside = tempfile::tempdir().expect("tempdir");
    let path = outside.path().join("long.json");
    std::fs::write(&path, json.to_string()).expect("write");
    let before = home.state_text();
    home.run(&["import", path.to_str().expect("UTF-8")])
        .failure(1)
        .stderr_has("more than the 65536 smm-path keeps");
    assert_eq!(home.state_text(), before);
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
    // A name holding a line break cannot forge a line of the report.
    let forged = folder
        .path()
        .join("x\nWrote 99 changes to everything.jsonl");
    std::os::unix::fs::symlink("/etc/passwd", &forged).expect("symlink");
    let said = sync(&home, folder.path());
    assert!(
        said.contains("e0e0e0e0e0e0e0e0.jsonl: 2147483648 bytes, over the"),
        "{said}"
    );
    assert!(
        said.contains("x\\nWrote 99 changes to everything.jsonl\": a symbolic link"),
        "{said}"
    );
    assert!(!said.contains("already has everything"), "{said}");
    assert!(
        !said.lines().any(|line| line.starts_with("Wrote 99")),
        "{said}"
    );
    // Leftover temporary files of this device's are removed.
    let device = device_of(&home);
    let leftover = folder
        .path()
        .join(format!(".{device}.jsonl.0123456789abcdef.tmp"));
    std::fs::write(&leftover, "partial").expect("write");
    sync(&home, folder.path());
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
    let import =
        |name: &str| home.run(&["import", outside.path().join(name).to_str().expect("UTF-8")]);
    import("first.json").success();
    let files = || {
        (
            std::fs::read(home.state_path()).expect("state"),
            std::fs::read(home.home().join("history.jsonl")).expect("history"),
        )
    };
    let before = files();
    import("second.json")
        .failure(1)
        .stderr_has("past the 256 MB smm-path reads back, so nothing was changed");
    assert!(before == files(), "the home is untouched");
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
    let stats = home.ok_at("2026-12-02T10:00:00+07:00", &["stats"]).stdout;
    assert!(stats.contains("longest 1"), "{stats}");
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
    sync(&other, folder.path());
    let said = sync_at(&home, "2026-12-05T10:30:00+07:00", folder.path());
    assert!(said.contains("Refused 2 changes"), "{said}");
    assert_eq!(step_status(&home, 1), "done");
    assert_eq!(step_status(&home, 2), "todo");
    // A dry run takes nothing and remembers nothing.
    home.ok_at(
        "2026-12-07T09:00:00+07:00",
        &["sync", "--dry-run", folder.path().to_str().expect("UTF-8")],
    );
    assert_eq!(step_status(&home, 2), "todo");
    // Two days on, the same changes are no longer ahead of the clock.
    let said = sync_at(&home, "2026-12-07T09:00:00+07:00", folder.path());
    assert!(!said.contains("Refused"), "{said}");
    assert_eq!(step_status(&home, 2), "done");
    assert_eq!(step_status(&home, 3), "done");

    // The other device goes on: only its new change is new.
    other.ok_at("2026-12-07T11:00:00+07:00", &["note", "4", "brief"]);
    sync(&other, folder.path());
    let said = sync_at(&home, "2026-12-07T12:00:00+07:00", folder.path());
    assert!(said.contains("1 change from elsewhere"), "{said}");
    assert_eq!(notes_of(&home, 4), vec!["brief"]);

    // Nothing new: this device's file is not rewritten.
    let own = folder.path().join(format!("{}.jsonl", device_of(&home)));
    assert_eq!(lines_in(&own), 4);
    let written = std::fs::metadata(&own)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let said = sync_at(&home, "2026-12-07T12:05:00+07:00", folder.path());
    assert!(said.contains("Nothing to import"), "{said}");
    assert!(!said.contains("Wrote"), "{said}");
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
    sync(&fresh, fresh_folder.path());
    let fresh_file = device_files(fresh_folder.path()).remove(0);
    std::fs::copy(&fresh_file, &theirs).expect("replace");
    sync_at(&home, "2026-12-07T13:05:00+07:00", folder.path());
    assert_eq!(step_status(&home, 9), "skipped");
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
    let three = home.ok(&["log", "-n", "3"]).stdout;
    assert!(three.contains("undo of `start 2`"), "{three}");
    assert!(
        three.contains("start 2") && three.contains("(undone)"),
        "{three}"
    );
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
    for expected in ["skip 3", "plan --target 2027-06-30", "note 3", "done 7"] {
        home.ok_at("2026-12-05T11:10:00+07:00", &["undo"])
            .stdout_has(&format!("Undid `{expected}"));
    }
    let replayed = Smm::new();
    let everything = outside.path().join("everything.json");
    std::fs::write(&everything, home.ok(&["export", "-f", "json"]).stdout).expect("write");
    replayed.ok(&["import", everything.to_str().expect("UTF-8")]);
    assert_eq!(status_json(&replayed)["steps"], status_json(&home)["steps"]);
    assert_eq!(
        status_json(&replayed)["target"],
        status_json(&home)["target"]
    );

    // Newer changes made here: the newest are at the end, and `log -n`
    // reads no further back than it needs, so damage far back in the file
    // (which `log` and `doctor` report) does not stop it.
    home.ok_at("2026-12-06T09:00:00+07:00", &["done", "4"]);
    home.ok_at("2026-12-06T09:01:00+07:00", &["done", "5"]);
    let history = home.home().join("history.jsonl");
    let text = std::fs::read_to_string(&history).expect("history");
    std::fs::write(&history, text.replacen("\"n10\"", "\"nX0\"", 1)).expect("damage");
    let newest = home.ok(&["log", "-n", "2"]).stdout;
    assert!(newest.starts_with("Dec 6, 2026 09:01  done 5"), "{newest}");
    assert!(newest.contains("done 4"), "{newest}");
    home.run(&["log"]).failure(1).stderr_has("is damaged");
    home.run(&["doctor"]).failure(1);
}

#[test]
fn a_history_that_went_back_is_read_in_full_again_by_sync() {
    let home = Smm::new();
    let other = Smm::new();
    let folder = tempfile::tempdir().expect("tempdir");
    home.ok(&["done", "1"]);
    sync(&home, folder.path());
    let backup = tempfile::tempdir().expect("tempdir");
    copy_files(home.home(), backup.path());
    other.ok(&["done", "2"]);
    sync(&other, folder.path());
    sync(&home, folder.path());
    assert_eq!(step_status(&home, 2), "done");
    // The backup goes back in the same folder; the cache, with the marks, stays.
    copy_files(backup.path(), home.home());
    assert_eq!(step_status(&home, 2), "todo");
    sync(&home, folder.path());
    assert_eq!(step_status(&home, 2), "done");
    assert_eq!(step_status(&home, 1), "done");
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
    home.ok(&["undo"]).stdout_has("Undid `edited by hand`");
    let outside = tempfile::tempdir().expect("tempdir");
    let export = outside.path().join("all.json");
    std::fs::write(&export, home.ok(&["export", "-f", "json"]).stdout).expect("write");
    let replayed = Smm::new();
    replayed.ok(&["import", export.to_str().expect("UTF-8")]);
    assert_eq!(status_json(&replayed)["steps"], status_json(&home)["steps"]);
    assert_eq!(step_status(&home, 2), "skipped");
}
