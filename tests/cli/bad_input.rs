//! Bad input: a clear one-line error, exit code 2, and nothing written; and
//! every exit code the help documents.

use crate::support::{SEP, Smm};

/// Runs `args` against a home with some progress, and checks that it ends
/// with exit code 2, says `error: {message}` and nothing else, and leaves
/// the progress files byte for byte as they were.
#[track_caller]
fn rejects(args: &[&str], message: &str) {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["note", "1", "first note"]);
    smm.test(args)
        .expected_status(2)
        .expected_stderr(format!("error: {message}\n"))
        .writes_nothing()
        .run();
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
    rejects(
        &["done", "3-25"],
        "step 25 does not exist: this roadmap has steps 1 to 20",
    );
    rejects(
        &["done", "99999999999999999999999"],
        "step 99999999999999999999999 does not exist: this roadmap has steps 1 to 20",
    );
}

#[test]
fn words_that_are_not_steps() {
    rejects(&["done", "abc"], "no step has the id `abc`");
    rejects(
        &["done", "5!"],
        "`5!` is not a step: use a number (5), a range (1-3), a list (1,4,7) or a step id",
    );
    rejects(
        &["done", "1,"],
        "`1,` is not a step: use a number (5), a range (1-3), a list (1,4,7) or a step id",
    );
    rejects(
        &["start", ""],
        "`` is not a step: use a number (5), a range (1-3), a list (1,4,7) or a step id",
    );
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
        "no step has the id `content-stratgy`; did you mean `content-strategy`?",
    );
    rejects(
        &["show", "portfolio"],
        "no step has the id `portfolio`; did you mean `build-a-personal-portfolio`?",
    );
}

#[test]
fn a_bad_or_future_date() {
    rejects(
        &["done", "2", "--on", "2026-12-06"],
        "2026-12-06 is in the future: --on records a day that has already come",
    );
    rejects(
        &["done", "2", "--on", "5/12/2026"],
        "`5/12/2026` is not a date: use YYYY-MM-DD, like 2026-03-14",
    );
    rejects(
        &["done", "2", "--on", "2026-02-30"],
        "`2026-02-30` is not a date: use YYYY-MM-DD, like 2026-03-14",
    );
}

#[test]
fn one_bad_step_among_good_ones_changes_nothing() {
    rejects(
        &["done", "2", "3", "42"],
        "step 42 does not exist: this roadmap has steps 1 to 20",
    );
}

#[test]
fn an_empty_note_and_a_note_on_a_range() {
    rejects(
        &["note", "2", "  "],
        "the note is empty: write some text after the step",
    );
    rejects(
        &["note", "2-3", "text"],
        "`2-3` names 2 steps, and this command takes one: give a number (5) or a step id",
    );
    rejects(
        &["show", "1,5,9"],
        "`1,5,9` names 3 steps, and this command takes one: give a number (5) or a step id",
    );
}

#[test]
fn bad_input_on_a_fresh_home_creates_no_file() {
    let smm = Smm::new();
    smm.test(&["done", "21"])
        .expected_status(2)
        .expected_stderr("error: step 21 does not exist: this roadmap has steps 1 to 20\n")
        .expected_no_file("progress.yaml")
        .expected_no_file("progress.yaml.lock")
        .run();
}

#[test]
fn clap_usage_errors_exit_with_two() {
    let smm = Smm::new();
    smm.test(&["frobnicate"])
        .expected_status(2)
        .expected_stderr(
            "
            error: unrecognized subcommand 'frobnicate'

            Usage: smm-path [OPTIONS] [COMMAND]

            For more information, try 'smm-path --help'.
            ",
        )
        .run();
    smm.test(&["done"])
        .expected_status(2)
        .expected_stderr(
            "
            error: the following required arguments were not provided:
              <STEP>...

            Usage: smm-path done <STEP>...

            For more information, try 'smm-path done --help'.
            ",
        )
        .run();
    smm.test(&["reset", "1", "--all"])
        .expected_status(2)
        .expected_stderr(
            "
            error: the argument '[STEP]...' cannot be used with '--all'

            Usage: smm-path reset <STEP>...

            For more information, try 'smm-path reset --help'.
            ",
        )
        .run();
    smm.test(&["status", "--lang", "fr"])
        .expected_status(2)
        .expected_stderr(
            "
            error: invalid value 'fr' for '--lang <LANG>'
              [possible values: id, en]

            Usage: smm-path status [OPTIONS]

            For more information, try 'smm-path status --help'.
            ",
        )
        .run();
    // What was typed is quoted back without its escape sequences: the
    // terminal's title is not set by an English usage error either.
    let hostile = smm
        .test(&["\u{1b}]2;PWNED\u{7}", "status"])
        .expected_status(2)
        .any_stderr()
        .run();
    assert!(
        !hostile.stderr.contains('\u{1b}') && !hostile.stderr.contains('\u{7}'),
        "{:?}",
        hostile.stderr
    );
    assert!(
        hostile.stderr.starts_with("error: unrecognized subcommand"),
        "{}",
        hostile.stderr
    );
    // A bad value shows the subcommand's usage and points at its help, in
    // English as in Indonesian.
    smm.test(&["export", "-f", "pdf"])
        .expected_status(2)
        .expected_stderr(
            "
            error: invalid value 'pdf' for '--format <FORMAT>'
              [possible values: markdown, json, csv, html, portfolio, ics]

            Usage: smm-path export [OPTIONS]

            For more information, try 'smm-path export --help'.
            ",
        )
        .writes_nothing()
        .run();
    smm.test(&["--lang", "id", "export", "-f", "pdf"])
        .expected_status(2)
        .expected_stderr(
            "
            kesalahan: `pdf` bukan nilai yang diterima `--format <FORMAT>`; pilihannya: markdown, json, csv, html, portfolio, ics

            Penggunaan: smm-path export [OPSI]

            Untuk informasi lebih lanjut, jalankan `smm-path export --help`.
            ",
        )
        .writes_nothing()
        .run();
}

#[test]
fn every_documented_exit_code() {
    let smm = Smm::new();
    smm.ok(&["status"]);
    smm.test(&["done", "99"])
        .expected_status(2)
        .expected_stderr("error: step 99 does not exist: this roadmap has steps 1 to 20\n")
        .run();
    smm.test(&["no-such-command"])
        .expected_status(2)
        .expected_stderr(
            "
            error: unrecognized subcommand 'no-such-command'

            Usage: smm-path [OPTIONS] [COMMAND]

            For more information, try 'smm-path --help'.
            ",
        )
        .run();
    smm.test(&["statsu"])
        .expected_status(2)
        .expected_stderr(
            "
            error: unrecognized subcommand 'statsu'

              tip: some similar subcommands exist: 'start', 'status', 'stats'

            Usage: smm-path [OPTIONS] [COMMAND]

            For more information, try 'smm-path --help'.
            ",
        )
        .run();
    smm.write_state("version: 2\nnot: [valid\n");
    smm.test(&["status"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: the progress file {home}{SEP}progress.yaml is damaged at line 2, column 1: unknown field `not`; known: `version`, `device`, `seq`, `home_identity`, `copied_from`, `history`, `history_length`, `roadmaps`, `sum`, `end`; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
                home = smm.home().display()
            ),
        )
        .run();
}

#[test]
fn a_name_holding_a_tab_or_a_line_break_is_refused() {
    let refused = |shown: &str| {
        format!("`{shown}` cannot be a name: give 1 to 100 characters, with no control characters")
    };
    rejects(
        &["config", "name", "Ayu\tLestari"],
        &refused("Ayu\\tLestari"),
    );
    rejects(
        &["config", "name", "Ayu\nLestari"],
        &refused("Ayu\\nLestari"),
    );
    rejects(
        &["config", "name", "Ayu\rLestari"],
        &refused("Ayu\\u{d}Lestari"),
    );
    rejects(
        &["export", "-f", "json", "--name", "Ayu\tLestari"],
        &refused("Ayu\\tLestari"),
    );
    // Spaces around a name are trimmed, as before.
    let smm = Smm::new();
    smm.test(&["config", "name", " Ayu Lestari "])
        .any_stdout()
        .run();
    smm.test(&["config", "name"])
        .expected_stdout("Ayu Lestari\n")
        .run();
}

#[test]
fn a_note_number_the_step_has_not_or_a_rewrite_with_no_text() {
    // The home `rejects` makes has one note, on step 1.
    let missing = "step 1 has 1 note, so there is no note 2: `smm-path show 1` numbers them";
    rejects(&["note", "1", "--delete", "2"], missing);
    rejects(&["note", "1", "--edit", "2", "new"], missing);
    rejects(
        &["note", "1", "--delete", "0"],
        "step 1 has 1 note, so there is no note 0: `smm-path show 1` numbers them",
    );
    rejects(
        &["note", "3", "--delete", "1"],
        "step 3 has 0 notes, so there is no note 1: `smm-path show 3` numbers them",
    );
    rejects(
        &["note", "1", "--edit", "1", " "],
        "the note is empty: write some text after the step",
    );
    // After the first word they would be text, and add a note unawares.
    rejects(
        &["note", "1", "fixed", "text", "--edit", "1"],
        "`--edit` comes after the note's first word, where it is part of the text: put it before the text (`smm-path note 5 --edit 2 TEXT`)",
    );
    rejects(
        &["note", "1", "gone", "--delete", "1"],
        "`--delete` comes after the note's first word, where it is part of the text: put it before the text (`smm-path note 5 --delete 2 TEXT`)",
    );
    let smm = Smm::new();
    smm.ok(&["note", "1", "first note"]);
    for args in [
        &["note", "1", "--delete", "1", "more", "words"][..],
        &["note", "1", "--edit", "1", "--delete", "1", "x"],
        &["note", "1", "--delete", "one"],
        &["note", "1", "--edit", "1"],
    ] {
        smm.test(args)
            .expected_status(2)
            .stderr_contains("smm-path note --help")
            .writes_nothing()
            .run();
    }
}
