//! Bad input: a clear one-line error, exit code 2, and nothing written.

use crate::support::Smm;

/// Runs `args` against a home with some progress, and checks the error and
/// that the state file is byte-for-byte what it was.
#[track_caller]
fn rejects(args: &[&str], message: &str) {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["note", "1", "first note"]);
    let before = smm.state();
    smm.run(args)
        .failure(2)
        .one_line_error()
        .stderr_has(message);
    assert_eq!(smm.state(), before, "state changed after {args:?}");
}

#[test]
fn step_zero_and_beyond_the_last_name_the_valid_range() {
    rejects(
        &["done", "0"],
        "step 0 does not exist: this roadmap has steps 1 to 20",
    );
    rejects(
        &["done", "21"],
        "step 21 does not exist: this roadmap has steps 1 to 20",
    );
    rejects(&["done", "3-25"], "step 25 does not exist");
    rejects(
        &["done", "99999999999999999999999"],
        "this roadmap has steps 1 to 20",
    );
}

#[test]
fn words_that_are_not_steps() {
    rejects(&["done", "abc"], "no step has the id `abc`");
    rejects(
        &["done", "5!"],
        "`5!` is not a step: use a number (5), a range (1-3)",
    );
    rejects(&["done", "1,"], "is not a step");
    rejects(&["start", ""], "is not a step");
}

#[test]
fn a_backwards_range_says_how_to_write_it() {
    rejects(
        &["done", "5-2"],
        "the range `5-2` runs backwards: write it low to high, like `2-5`",
    );
}

#[test]
fn an_unknown_id_suggests_the_closest() {
    rejects(
        &["done", "content-stratgy"],
        "did you mean `content-strategy`?",
    );
    rejects(
        &["show", "portfolio"],
        "did you mean `build-a-personal-portfolio`?",
    );
}

#[test]
fn a_bad_or_future_date() {
    rejects(
        &["done", "2", "--on", "2026-12-06"],
        "2026-12-06 is in the future",
    );
    rejects(
        &["done", "2", "--on", "5/12/2026"],
        "`5/12/2026` is not a date: use YYYY-MM-DD",
    );
    rejects(&["done", "2", "--on", "2026-02-30"], "is not a date");
}

#[test]
fn one_bad_step_among_good_ones_changes_nothing() {
    rejects(&["done", "2", "3", "42"], "step 42 does not exist");
}

#[test]
fn an_empty_note_and_a_note_on_a_range() {
    rejects(&["note", "2", "  "], "the note is empty");
    rejects(
        &["note", "2-3", "text"],
        "`2-3` names 2 steps, and this command takes one",
    );
    rejects(&["show", "1,5,9"], "`1,5,9` names 3 steps");
}

#[test]
fn bad_input_on_a_fresh_home_creates_no_file() {
    let smm = Smm::new();
    smm.run(&["done", "21"]).failure(2).one_line_error();
    assert!(!smm.home().join("progress.yaml").exists());
    assert!(!smm.home().join("progress.yaml.lock").exists());
}

#[test]
fn clap_usage_errors_exit_with_two() {
    let smm = Smm::new();
    smm.run(&["frobnicate"])
        .failure(2)
        .stderr_has("unrecognized subcommand");
    smm.run(&["done"]).failure(2).stderr_has("STEP");
    smm.run(&["reset", "1", "--all"]).failure(2);
    smm.run(&["status", "--lang", "fr"]).failure(2);
}
