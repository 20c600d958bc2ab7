//! `check` and `uncheck`: a step's practical actions ticked one by one, by
//! number, range, list or key; the tally in `show`, `status` and `next`; a
//! roadmap that finishes a step with its last action; ticks that travel
//! between homes, that `undo` takes back and that outlive a roadmap version.

use crate::support::Smm;

/// A roadmap of two steps, the first with three keyed actions, the second
/// with two actions given as plain text.
const ROADMAP: &str = "\
id: mine
version: 1
title: Mine
steps:
  - id: first-step
    title: First Step
    summary: The first.
    actions:
      - key: read-guide
        text: Read the guide.
      - key: write-notes
        text: Write notes.
      - key: share-link
        text: Share a link.
    resources:
      - title: A course
        url: https://example.com/course
        kind: course
        language: en
  - id: second-step
    title: Second Step
    summary: The second.
    actions:
      - Plain one.
      - Plain two.
";

fn with_roadmap(text: &str) -> (Smm, String) {
    let smm = Smm::new();
    let path = smm.write_file("mine.yaml", text);
    let path = path.to_str().expect("UTF-8").to_string();
    (smm, path)
}

#[test]
fn numbers_ranges_lists_and_keys_tick_and_untick_actions() {
    let smm = Smm::new();
    smm.test(&["check", "5.2"])
        .expected_stdout(
            "
            Ticked 5.2: Make a simple portfolio page (Notion, Google Sites or Linktree).
            5. Build a Personal Portfolio: 1/4 actions ticked
            ",
        )
        .run();
    // A range and a list in one command, the 5.2 already ticked said so.
    smm.test(&["check", "5.1-2", "6.1,6.3"])
        .expected_stdout(
            "
            Ticked 5.1: Tidy up the bio, profile photo and links on your social accounts.
            5.2 was already ticked, nothing changed: Make a simple portfolio page (Notion, Google Sites or Linktree).
            Ticked 6.1: Write two audience personas with age, interests and pain points.
            Ticked 6.3: Switch your Instagram account to a professional account, then check its Insights; on TikTok, open Analytics in TikTok Studio. Note when your audience is online.
            5. Build a Personal Portfolio: 2/4 actions ticked
            6. Understand the Target Audience: 2/3 actions ticked
            ",
        )
        .run();
    // By step id and action key, in upper case too.
    smm.test(&["check", "build-a-personal-portfolio.THREE-SKILL-POSTS"])
        .expected_stdout(
            "
            Ticked 5.3: Publish three posts that show your skills.
            5. Build a Personal Portfolio: 3/4 actions ticked
            ",
        )
        .run();
    smm.test(&["uncheck", "5.1"])
        .expected_stdout(
            "
            Unticked 5.1: Tidy up the bio, profile photo and links on your social accounts.
            5. Build a Personal Portfolio: 2/4 actions ticked
            ",
        )
        .run();
    let show = smm.ok(&["show", "5"]).stdout;
    assert!(
        show.contains(
            "Practical actions (2/4):
  [ ] 5.1  Tidy up the bio, profile photo and links on your social accounts.
  [x] 5.2  Make a simple portfolio page (Notion, Google Sites or Linktree).
  [x] 5.3  Publish three posts that show your skills.
  [ ] 5.4  Write one short case study"
        ),
        "{show}"
    );
    // The history names each command as typed.
    let log = smm.ok(&["log", "-n", "1"]).stdout;
    assert!(
        log.contains("uncheck 5.1\n    Unticked 5.1: Tidy up the bio"),
        "{log}"
    );
}

#[test]
fn indonesian_words_for_ticks() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.test(&["check", "5.2"])
        .expected_stdout(
            "
            Dicentang 5.2: Buat halaman portofolio sederhana (Notion, Google Sites, atau Linktree).
            5. Bangun Portofolio Pribadi: 1/4 tindakan dicentang
            ",
        )
        .run();
    let show = smm.ok(&["show", "5"]).stdout;
    assert!(
        show.contains("Tindakan praktis (1/4):\n  [ ] 5.1  "),
        "{show}"
    );
}

#[test]
fn bad_actions_are_refused_with_exit_two_and_nothing_written() {
    let smm = Smm::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &["check", "5"],
            "error: `5` is a whole step: name one of its actions, 5.1 to 5.4 (or 5.1-4 for all)\n",
        ),
        (
            &["check", "5.9"],
            "error: step 5 has no action 9: its actions are 5.1 to 5.4\n",
        ),
        (
            &["check", "5.0"],
            "error: step 5 has no action 0: its actions are 5.1 to 5.4\n",
        ),
        (
            &["check", "5.portfolio-pag"],
            "error: step 5 has no action with the key `portfolio-pag`; did you mean `5.portfolio-page`?\n",
        ),
        (
            &["check", "21.1"],
            "error: step 21 does not exist: this roadmap has steps 1 to 20\n",
        ),
        (
            &["check", "5.3-1"],
            "error: the range `5.3-1` runs backwards: write it low to high, like `5.1-3`\n",
        ),
        (
            &["uncheck", "5.1..2"],
            "error: `5.1..2` is not an action: use STEP.NUMBER (5.2), a range (5.1-3), a list (5.1,5.4) or STEP.KEY (5.case-study)\n",
        ),
        (
            &["check", "5.1,"],
            "error: `5.1,` is not an action: use STEP.NUMBER (5.2), a range (5.1-3), a list (5.1,5.4) or STEP.KEY (5.case-study)\n",
        ),
        (&["check", "nope.1"], "error: no step has the id `nope`\n"),
        (
            &["used", "5"],
            "error: `5` is a whole step: name one of its resources, 5.1 to 5.2\n",
        ),
        (
            &["used", "5.google-sites"],
            "error: `5.google-sites` is not a resource: use STEP.NUMBER (5.1), a range (5.1-2) or a list (5.1,6.2), numbered as `smm-path show STEP` lists them\n",
        ),
    ];
    for (args, stderr) in cases {
        smm.test(args)
            .expected_status(2)
            .expected_stderr(*stderr)
            .expected_no_file("progress.yaml")
            .expected_no_file("history.jsonl")
            .run();
    }
    // A good action beside a bad one: the whole command is refused.
    smm.ok(&["check", "5.1"]);
    smm.test(&["check", "5.2", "5.7"])
        .expected_status(2)
        .expected_stderr("error: step 5 has no action 7: its actions are 5.1 to 5.4\n")
        .writes_nothing()
        .run();
}

#[test]
fn plain_text_actions_are_keyed_by_position() {
    let (smm, roadmap) = with_roadmap(ROADMAP);
    smm.test(&["--roadmap", &roadmap, "check", "second-step.action-2"])
        .expected_stdout(
            "
            Ticked 2.2: Plain two.
            2. Second Step: 1/2 actions ticked
            ",
        )
        .run();
    let show = smm.ok(&["--roadmap", &roadmap, "show", "2"]).stdout;
    assert!(
        show.contains("Practical actions (1/2):\n  [ ] 2.1  Plain one.\n  [x] 2.2  Plain two.\n"),
        "{show}"
    );
}

#[test]
fn action_keys_are_validated_like_step_ids() {
    let bad = ROADMAP
        .replace("key: write-notes", "key: Write Notes")
        .replace("key: share-link", "key: read-guide");
    let (smm, roadmap) = with_roadmap(&bad);
    let out = smm
        .test(&["roadmap", "validate", &roadmap])
        .expected_status(1)
        .any_stdout()
        .any_stderr()
        .run();
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(said.contains("actions[2].key"), "{said}");
    assert!(said.contains("`Write Notes`"), "{said}");
    assert!(said.contains("actions[3].key"), "{said}");
    // Tracking with it is refused too, and writes nothing.
    smm.test(&["--roadmap", &roadmap, "check", "1.1"])
        .expected_status(1)
        .any_stderr()
        .expected_no_file("progress.yaml")
        .run();
}

#[test]
fn status_and_next_follow_the_ticks() {
    let smm = Smm::new();
    smm.ok(&["start", "5"]);
    smm.ok(&["check", "5.1-2"]);
    let status = smm.ok(&["status"]);
    assert_eq!(
        status.row(5),
        "  5  Build a Personal Portfolio         ▶ in progress 2/4  Dec 5, 2026"
    );
    // No tally where nothing is ticked.
    assert_eq!(
        status.row(4),
        "  4  Choose a Niche or Industry         ○ to do"
    );
    // `next` shows the first step not done and points at the step in progress's next action.
    let next = smm.ok(&["next"]).stdout;
    assert!(
        next.starts_with("Next: 1. Understand Social Media Platforms\n"),
        "{next}"
    );
    assert!(
        next.ends_with(
            "Next action, in 5. Build a Personal Portfolio (in progress): 5.3 Publish three posts that show your skills.
Tick it with `smm-path check 5.3`.
Mark it done with `smm-path done 1`.
"
        ),
        "{next}"
    );
    smm.ok(&["done", "1-4"]);
    let next = smm.ok(&["next"]).stdout;
    assert!(
        next.contains("Practical actions (2/4):\n  [x] 5.1  "),
        "{next}"
    );
}

#[test]
fn the_last_tick_names_the_command_that_finishes_the_step() {
    let smm = Smm::new();
    smm.ok(&["check", "5.1-3"]);
    smm.test(&["check", "5.4"])
        .expected_stdout(
            "
            Ticked 5.4: Write one short case study of an account you manage (your own, or a family or friend's small business account with their written permission), with before and after numbers.
            5. Build a Personal Portfolio: 4/4 actions ticked
            Every action of step 5 is ticked: `smm-path done 5` marks the step done.
            ",
        )
        .run();
    // The built-in roadmap does not finish steps by itself.
    assert_eq!(smm.step_status(5), "todo");
    smm.test(&["done", "5"])
        .expected_stdout("5. Build a Personal Portfolio: to do → done\n")
        .run();
}

#[test]
fn done_with_actions_left_says_how_many() {
    let smm = Smm::new();
    smm.ok(&["check", "5.1"]);
    smm.test(&["done", "5"])
        .expected_stdout(
            "
            5. Build a Personal Portfolio: to do → done
            5. Build a Personal Portfolio: 3 actions are not ticked yet (`smm-path show 5` lists them).
            ",
        )
        .run();
    assert_eq!(smm.step_status(5), "done");
}

#[test]
fn a_roadmap_can_finish_a_step_with_its_last_action_and_undo_takes_both_back() {
    let finishing = ROADMAP.replace("title: Mine\n", "title: Mine\nfinish_with_actions: true\n");
    let (smm, roadmap) = with_roadmap(&finishing);
    let run = |args: &[&str]| {
        let mut all = vec!["--roadmap", roadmap.as_str()];
        all.extend_from_slice(args);
        smm.ok(&all).stdout
    };
    run(&["check", "1.1-2"]);
    smm.test(&["--roadmap", &roadmap, "check", "1.3"])
        .expected_stdout(
            "
            Ticked 1.3: Share a link.
            1. First Step: 3/3 actions ticked
            1. First Step: to do → done
            Every action of step 1 is ticked, so the step is done (this roadmap finishes a step with its last action).
            ",
        )
        .run();
    smm.test(&["--roadmap", &roadmap, "undo"])
        .expected_stdout(
            "
            Undid `check 1.3` from Dec 5, 2026 14:30:
                1. First Step: done → to do
                Unticked 1.3: Share a link.
            ",
        )
        .run();
    assert!(run(&["show", "1"]).contains("Status: to do\n"));
    assert!(run(&["show", "1"]).contains("Practical actions (2/3):"));
    // Unticking never finishes anything, and a done step stays done.
    run(&["check", "1.3"]);
    run(&["uncheck", "1.1"]);
    assert!(run(&["show", "1"]).contains("Status: done\n"));
}

#[test]
fn a_roadmap_version_that_drops_an_action_keeps_the_other_ticks_and_reports_it() {
    let (smm, roadmap) = with_roadmap(ROADMAP);
    smm.ok(&["--roadmap", &roadmap, "check", "1.1", "1.3"]);
    // Version 2 drops `share-link` and puts a new action first.
    let v2 = ROADMAP.replace("version: 1", "version: 2").replace(
        "      - key: read-guide",
        "      - key: watch-video\n        text: Watch a video.\n      - key: read-guide",
    );
    let v2 = v2.replace("      - key: share-link\n        text: Share a link.\n", "");
    std::fs::write(&roadmap, v2).expect("write v2");
    let status = smm.ok(&["--roadmap", &roadmap, "status"]).stdout;
    assert!(
        status.ends_with(
            "1 ticked action is no longer in the roadmap (first-step.share-link); its tick is kept.\n"
        ),
        "{status}"
    );
    let show = smm.ok(&["--roadmap", &roadmap, "show", "1"]).stdout;
    assert!(
        show.contains(
            "Practical actions (1/3):\n  [ ] 1.1  Watch a video.\n  [x] 1.2  Read the guide.\n  [ ] 1.3  Write notes.\n"
        ),
        "{show}"
    );
    // The action comes back in version 3, ticked as it was.
    let v3 = ROADMAP.replace("version: 1", "version: 3");
    std::fs::write(&roadmap, v3).expect("write v3");
    let show = smm.ok(&["--roadmap", &roadmap, "show", "1"]).stdout;
    assert!(show.contains("  [x] 1.3  Share a link.\n"), "{show}");
    let status = smm.ok(&["--roadmap", &roadmap, "status"]).stdout;
    assert!(!status.contains("no longer in the roadmap"), "{status}");
}

#[test]
fn ticks_travel_between_homes_and_the_latest_per_action_wins() {
    let laptop = Smm::new();
    let phone = Smm::new();
    laptop.ok_at("2026-11-01T10:00:00+07:00", &["check", "5.1-2"]);
    let file = laptop.path("laptop.json");
    laptop.export_to(&file);
    let took = phone.ok_at(
        "2026-11-01T11:00:00+07:00",
        &["import", file.to_str().expect("UTF-8")],
    );
    assert!(
        took.stdout.contains(
            "    Ticked 5.1: Tidy up the bio, profile photo and links on your social accounts.\n"
        ),
        "{}",
        took.stdout
    );
    // The phone takes 5.1 back later; the laptop ticks 5.3 meanwhile.
    phone.ok_at("2026-11-02T10:00:00+07:00", &["uncheck", "5.1"]);
    laptop.ok_at("2026-11-02T09:00:00+07:00", &["check", "5.3"]);
    let from_phone = phone.path("phone.json");
    phone.export_to(&from_phone);
    laptop.ok_at(
        "2026-11-02T12:00:00+07:00",
        &["import", from_phone.to_str().expect("UTF-8")],
    );
    let from_laptop = laptop.path("laptop2.json");
    laptop.export_to(&from_laptop);
    phone.ok_at(
        "2026-11-02T12:00:00+07:00",
        &["import", from_laptop.to_str().expect("UTF-8")],
    );
    for home in [&laptop, &phone] {
        let show = home.ok(&["show", "5"]).stdout;
        assert!(
            show.contains("Practical actions (2/4):\n  [ ] 5.1  Tidy up")
                && show.contains("  [x] 5.2  ")
                && show.contains("  [x] 5.3  "),
            "{show}"
        );
    }
}

#[test]
fn evidence_notes_and_used_resources_are_marked() {
    let smm = Smm::new();
    smm.test(&[
        "note",
        "5",
        "--evidence",
        "Portfolio:",
        "https://example.com/me",
    ])
    .expected_stdout("Evidence added to 5. Build a Personal Portfolio; the portfolio shows it.\n")
    .run();
    // After the first word the flag would be text: refused, nothing written,
    // so a private thought never turns into evidence (nor the reverse).
    smm.test(&["note", "5", "Case", "study", "--evidence"])
        .expected_status(2)
        .expected_stderr("error: `--evidence` comes after the note's first word, where it is part of the text: put it before the text (`smm-path note 5 --evidence TEXT`)\n")
        .writes_nothing()
        .run();
    smm.test(&["note", "5", "--", "private", "--evidence"])
        .expected_status(2)
        .any_stderr()
        .writes_nothing()
        .run();
    smm.ok(&["note", "5", "--evidence", "Case", "study"]);
    smm.ok(&["note", "5", "Still unsure about the law"]);
    smm.test(&["used", "5.2"])
        .expected_stdout("Marked as used 5.2: Behance\n")
        .run();
    let show = smm.ok(&["show", "5"]).stdout;
    assert!(
        show.contains("  5.1  Google Sites (tool, English): https://sites.google.com/\n  5.2  Behance (tool, English): https://www.behance.net/ [used]\n"),
        "{show}"
    );
    assert!(
        show.contains(
            "  1. Dec 5, 2026 14:30 [evidence]: Portfolio: https://example.com/me\n  2. Dec 5, 2026 14:30 [evidence]: Case study\n  3. Dec 5, 2026 14:30: Still unsure about the law\n"
        ),
        "{show}"
    );
    smm.test(&["unused", "5.2"])
        .expected_stdout("No longer marked as used 5.2: Behance\n")
        .run();
    let log = smm.ok(&["log"]).stdout;
    assert!(
        log.contains("note 5 --evidence\n    5. Build a Personal Portfolio: evidence added\n"),
        "{log}"
    );
}

#[test]
fn ticks_travel_through_a_sync_folder_and_undo_on_either_device() {
    let folder = tempfile::tempdir().expect("sync folder");
    let folder = folder.path().to_str().expect("UTF-8").to_string();
    let laptop = Smm::new();
    let phone = Smm::new();
    laptop.ok_at("2026-11-01T10:00:00+07:00", &["check", "5.1-2"]);
    laptop.ok_at("2026-11-01T10:01:00+07:00", &["sync", &folder]);
    let took = phone
        .ok_at("2026-11-01T11:00:00+07:00", &["sync", &folder])
        .stdout;
    assert!(
        took.contains("    Ticked 5.2: Make a simple portfolio page"),
        "{took}"
    );
    // The phone takes back the laptop's change: the undo travels back.
    let undo = phone.ok_at("2026-11-01T11:05:00+07:00", &["undo"]).stdout;
    assert!(undo.starts_with("Undid `check 5.1-2`"), "{undo}");
    phone.ok_at("2026-11-01T11:06:00+07:00", &["sync", &folder]);
    let back = laptop
        .ok_at("2026-11-01T12:00:00+07:00", &["sync", &folder])
        .stdout;
    assert!(back.contains("    Unticked 5.1: Tidy up"), "{back}");
    assert!(
        laptop
            .ok(&["show", "5"])
            .stdout
            .contains("Practical actions (0/4):\n"),
        "the undo reached the laptop"
    );
}

#[test]
fn tab_completes_the_actions_check_would_tick_and_uncheck_would_untick() {
    let smm = Smm::new();
    smm.ok(&["check", "5.1"]);
    let complete = |words: &[&str]| {
        let mut args = vec!["--", "smm-path"];
        args.extend_from_slice(words);
        smm.test(&args)
            .env("SMM_PATH_COMPLETE", "fish")
            .any_stdout()
            .run()
            .stdout
    };
    let check = complete(&["check", "5."]);
    let labels: Vec<&str> = check
        .lines()
        .filter_map(|line| line.split('\t').next())
        .collect();
    assert_eq!(labels, ["5.2", "5.3", "5.4"], "{check}");
    assert!(
        check.starts_with("5.2\tMake a simple portfolio page"),
        "{check}"
    );
    let uncheck = complete(&["uncheck", "5.2,"]);
    assert!(uncheck.starts_with("5.2,5.1\tTidy up the bio"), "{uncheck}");
    assert_eq!(complete(&["used", "5.2"]), "5.2\tBehance\n");
}

#[test]
fn a_hand_edit_that_unmarks_evidence_is_kept_and_recorded() {
    let smm = Smm::new();
    smm.ok(&["note", "1", "--evidence", "https://example.com/table"]);
    smm.ok(&["note", "1", "Private thought"]);
    smm.ok(&["done", "1"]);
    let edited: String = smm
        .state_text()
        .split_inclusive('\n')
        .filter(|line| line.trim() != "evidence: true")
        .collect();
    assert_ne!(edited, smm.state_text(), "the state marks the note");
    smm.write_state(edited);
    let portfolio = smm.ok(&["export", "-f", "portfolio"]).stdout;
    assert!(!portfolio.contains("example.com/table"), "{portfolio}");
    // The next change records the edit; nothing brings the mark back.
    smm.ok(&["start", "2"]);
    let portfolio = smm.ok(&["export", "-f", "portfolio"]).stdout;
    assert!(!portfolio.contains("example.com/table"), "{portfolio}");
    assert!(
        smm.ok(&["log", "-n", "2"])
            .stdout
            .contains("edited by hand")
    );
    // A ticked action flipped by hand is recorded the same way.
    smm.ok(&["check", "5.1"]);
    let edited = smm
        .state_text()
        .replacen("marked: true", "marked: false", 1);
    smm.write_state(edited);
    smm.ok(&["start", "3"]);
    assert!(
        smm.ok(&["show", "5"])
            .stdout
            .contains("Practical actions (0/4):")
    );
    let log = smm.ok(&["log", "-n", "2"]).stdout;
    assert!(
        log.contains("edited by hand\n    Unticked 5.1: Tidy up"),
        "{log}"
    );
}

#[test]
fn reset_keeps_the_ticks_as_it_keeps_the_notes() {
    let smm = Smm::new();
    smm.ok(&["start", "5"]);
    smm.ok(&["check", "5.1-2"]);
    smm.ok(&["reset", "5"]);
    let show = smm.ok(&["show", "5"]).stdout;
    assert!(show.contains("Status: to do\n"), "{show}");
    assert!(show.contains("Practical actions (2/4):"), "{show}");
}

#[test]
fn next_names_the_step_of_an_action_it_does_not_show() {
    let smm = Smm::new();
    smm.ok(&["start", "5"]);
    smm.ok(&["check", "5.1"]);
    let next = smm.ok(&["next"]).stdout;
    assert!(
        next.starts_with("Next: 1. Understand Social Media Platforms\n"),
        "{next}"
    );
    assert!(
        next.ends_with(
            "Next action, in 5. Build a Personal Portfolio (in progress): 5.2 Make a simple portfolio page (Notion, Google Sites or Linktree).
Tick it with `smm-path check 5.2`.
Mark it done with `smm-path done 1`.
"
        ),
        "{next}"
    );
}

#[test]
fn an_empty_action_key_is_not_taken_for_no_key() {
    let (smm, roadmap) = with_roadmap(&ROADMAP.replace("key: read-guide", "key: \"\""));
    smm.test(&["roadmap", "validate", &roadmap])
        .expected_status(1)
        .any_stdout()
        .stderr_contains("an action key")
        .run();
}

#[test]
fn an_imported_tick_with_an_endless_key_is_refused() {
    let laptop = Smm::new();
    laptop.ok(&["check", "5.1"]);
    let file = laptop.path("laptop.json");
    laptop.export_to(&file);
    let text = std::fs::read_to_string(&file).expect("export");
    let long = "a".repeat(300_000);
    let hostile = text.replace(
        "\"action\": \"tidy-profiles\"",
        &format!("\"action\": \"{long}\""),
    );
    assert!(hostile != text, "the export carries the tick op");
    std::fs::write(&file, hostile).expect("write");
    let phone = Smm::new();
    let out = phone
        .test(&["import", file.to_str().expect("UTF-8")])
        .any_stdout()
        .any_stderr()
        .expected_status(1)
        .run();
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(
        said.len() < 2_000,
        "the key is not printed whole: {} bytes",
        said.len()
    );
    assert!(!phone.ok(&["show", "5"]).stdout.contains("[x]"));
}

#[test]
fn a_mentor_sees_ticking_as_activity() {
    let learner = Smm::new();
    learner.ok_at("2026-11-01T10:00:00+07:00", &["start", "5"]);
    // A month on one step, ticking its actions as the weeks go.
    learner.ok_at("2026-11-20T10:00:00+07:00", &["check", "5.1"]);
    learner.ok_at("2026-12-04T10:00:00+07:00", &["check", "5.2"]);
    let file = learner.path("ayu.json");
    learner.export_to(&file);
    let mentor = Smm::new();
    let report: serde_json::Value = serde_json::from_str(
        &mentor
            .ok(&["cohort", file.to_str().expect("UTF-8"), "--format", "json"])
            .stdout,
    )
    .expect("JSON");
    let row = &report["learners"][0];
    assert_eq!(row["last_activity"], "2026-12-04", "{row}");
    assert_eq!(row["stuck"], serde_json::Value::Null, "{row}");
}
