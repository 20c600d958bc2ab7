//! The copies each file-sync tool makes when two devices wrote one file of
//! the home: `doctor` names each by its tool's real naming and `import`
//! merges it; names that only look alike are left alone.

use crate::support::{Smm, importing};

/// Which of B's files the copy is of.
#[derive(Clone, Copy)]
enum Of {
    State,
    History,
}

/// Puts B's `of` into A's home as `name`, as a sync tool would, and
/// checks that `doctor` names it and `import` takes its changes in.
#[track_caller]
fn a_copy_named(name: &str, of: Of) {
    let (a, b) = (Smm::new(), Smm::new());
    a.ok_at("2026-11-20T10:00:00+07:00", &["done", "1"]);
    b.ok_at("2026-11-20T11:00:00+07:00", &["done", "2"]);
    b.ok_at("2026-11-20T11:05:00+07:00", &["note", "2", "from b"]);
    let source = match of {
        Of::State => b.state_path(),
        Of::History => b.path("history.jsonl"),
    };
    let copy = a.home().join(name);
    std::fs::copy(source, &copy).expect("copy");
    let home = a.home().display();
    let copy_text = copy.display();
    let import = importing(&copy);
    let (state, history) = (a.state_path(), a.path("history.jsonl"));
    let (state, history) = (state.display(), history.display());
    a.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(format!(
            "
            Home:      {home}
            Roadmap:   social-media-manager, version 4 (built in)
            Progress:  {state}: format version 7, reads fine
            History:   {history}: 1 change, whole
            Conflict:  {copy_text} is a copy a sync tool made; merge it with `{import}`, then delete it
            Backup:    none yet (one is kept from the second change on)
            "
        ))
        .expected_stderr("error: doctor found problems, listed above\n")
        .run();
    a.test(&["import"])
        .arg(&copy)
        .expected_stdout(format!(
            "
            Took from {copy_text}:
                2. Education and Training: to do → done
                2. Education and Training: 1 note added
                {count} from elsewhere added to the history
            ",
            count = match of {
                // A snapshot holds the outcome, one change; the history both of B's.
                Of::State => "1 change",
                Of::History => "2 changes",
            }
        ))
        .run();
    assert_eq!(a.step_status(2), "done");
    assert_eq!(a.notes_of(2), ["from b"]);
    std::fs::remove_file(&copy).expect("remove");
    a.test(&["doctor"])
        .expected_stdout(a.all_is_well(match of {
            Of::State => 2,
            Of::History => 3,
        }))
        .run();
}

#[test]
fn syncthing_names_its_copy_sync_conflict_with_date_time_and_device() {
    a_copy_named(
        "progress.sync-conflict-20261120-110000-ABCDEFG.yaml",
        Of::State,
    );
    // Before version 0.14.4 it left the device out.
    a_copy_named("history.sync-conflict-20261120-110000.jsonl", Of::History);
}

#[test]
fn dropbox_names_its_copy_conflicted_copy_with_whose_and_the_date() {
    a_copy_named(
        "history (DESKTOP-UMS014A's conflicted copy 2026-11-20).jsonl",
        Of::History,
    );
    a_copy_named(
        "progress (Dewi's conflicted copy 2026-11-20) (1).yaml",
        Of::State,
    );
}

#[test]
fn dropbox_in_another_language_is_known_by_the_date() {
    a_copy_named(
        "progress (Salinan Dewi yang bentrok 2026-11-20).yaml",
        Of::State,
    );
}

#[test]
fn onedrive_appends_the_computer_name() {
    a_copy_named("history-LAPTOP-DEWI.jsonl", Of::History);
    a_copy_named("progress-DESKTOP-7G2KQ.yaml", Of::State);
}

#[test]
fn google_drive_numbers_its_copy_in_parentheses() {
    a_copy_named("progress (1).yaml", Of::State);
}

#[test]
fn icloud_drive_numbers_its_copy_from_two() {
    a_copy_named("history 2.jsonl", Of::History);
}

#[test]
fn names_that_only_look_like_copies_are_left_alone() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["done", "2"]);
    for name in [
        "progress 1.yaml",
        "progress (draft).yaml",
        "progress (1).yml",
        "history_laptop.jsonl",
        "history.sync-conflict.jsonl",
        "notes-LAPTOP.yaml",
        "a1b2c3d4e5f60718.jsonl",
    ] {
        smm.write_file(name, "mine\n");
    }
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(2))
        .run();
}
