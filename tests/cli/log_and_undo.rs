//! `undo` and `log`: changes are reverted as a whole, and the history reads well.

use crate::support::Smm;

#[test]
fn undo_reverts_a_multi_step_change_as_a_whole() {
    let smm = Smm::new();
    smm.ok(&["start", "2"]);
    let after_start = smm.ok(&["status", "--json"]).stdout;
    smm.ok(&["done", "1-5"]);
    smm.ok(&["undo"])
        .stdout_has("Undid `done 1-5` from Dec 5, 2026 14:30:")
        .stdout_has("1. Understand Social Media Platforms: done → to do")
        .stdout_has("2. Education and Training: done → in progress")
        .stdout_has("5. Build a Personal Portfolio: done → to do");
    assert_eq!(smm.ok(&["status", "--json"]).stdout, after_start);
}

#[test]
fn repeated_undo_walks_back_then_says_there_is_nothing_left() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["note", "1", "certificate: https://example.com/cert"]);
    smm.ok(&["skip", "2"]);
    smm.ok(&["undo"]).stdout_has("Undid `skip 2`");
    smm.ok(&["undo"])
        .stdout_has("Undid `note 1`")
        .stdout_has("note removed");
    smm.ok(&["show", "1"]).stdout_lacks("certificate");
    smm.ok(&["undo"]).stdout_has("Undid `done 1`");
    let before = smm.state();
    smm.ok(&["undo"]).stdout_has("Nothing to undo.");
    assert_eq!(
        smm.state(),
        before,
        "an undo with nothing to undo must not write"
    );
    smm.ok(&["status"]).stdout_has("0/20 done");
}

#[test]
fn undo_restores_the_dates_it_overwrote() {
    let smm = Smm::new().env("SMM_PATH_NOW", "2026-11-01T08:00:00+07:00");
    smm.ok(&["done", "3"]);
    let smm = smm.env("SMM_PATH_NOW", "2026-12-01T08:00:00+07:00");
    smm.ok(&["reset", "3"]);
    smm.ok(&["undo"]);
    assert!(smm.ok(&["status"]).row(3).contains("Nov 1, 2026"));
}

#[test]
fn log_is_newest_first_and_marks_undone_changes() {
    let smm = Smm::new();
    smm.ok(&["log"]).stdout_has("No changes recorded yet.");
    smm.ok(&["done", "1-2"]);
    smm.ok(&["start", "3"]);
    smm.ok(&["undo"]);
    let log = smm.ok(&["log"]).stdout;
    let position = |needle: &str| {
        log.find(needle)
            .unwrap_or_else(|| panic!("{needle} in {log}"))
    };
    assert!(position("undo of `start 3`") < position("start 3 (undone)"));
    assert!(position("start 3 (undone)") < position("done 1-2"));
    assert!(log.contains("    2. Education and Training: to do → done"));
    let limited = smm.ok(&["log", "-n", "1"]).stdout;
    assert!(
        limited.contains("undo of") && !limited.contains("done 1-2"),
        "{limited}"
    );
}
