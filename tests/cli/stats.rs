//! `stats` (pace, streaks, estimate, calendar) and `plan --target`.

use crate::support::Smm;

#[test]
fn a_fresh_roadmap_has_not_enough_data() {
    let smm = Smm::new();
    smm.test(&["stats"])
        .expected_stdout(
            "
            0/20 done (0%) ░░░░░░░░░░░░░░░░░░░░
            Steps: 0 done · 0 in progress · 20 to do · 0 skipped
            Pace: 0.0 steps a week over the last 4 weeks
            Streak: 0 active days in a row now; longest 0
            Not enough data yet for a finish date: finish steps on at least two different days.
            ",
        )
        .run();
}

#[test]
fn a_steady_pace_gives_a_date_and_a_verdict_on_the_target() {
    let smm = Smm::new();
    // Two steps a week for four weeks; twelve left, so six more weeks.
    let days = ["04", "06", "11", "13", "18", "20", "25", "27"];
    for (index, day) in days.iter().enumerate() {
        let step = (index + 1).to_string();
        smm.ok_at(&format!("2026-11-{day}T10:00:00+07:00"), &["done", &step]);
    }
    let today = "2026-12-01T09:00:00+07:00";
    smm.test(&["plan", "--target", "2027-03-31"])
        .at(today)
        .expected_stdout("Target set: finish by Mar 31, 2027.\n")
        .run();
    // The snapshot holds the pace, the finish date, the verdict and the calendar.
    let stats = smm.ok_at(today, &["stats", "--calendar"]);
    insta::assert_snapshot!("stats_steady_pace", stats.stdout);
    smm.test(&["plan", "--target", "2027-01-05"])
        .at(today)
        .expected_stdout("Target set: finish by Jan 5, 2027.\n")
        .run();
    smm.test(&["stats", "--lang", "id"])
        .at(today)
        .expected_stdout(
            "
            8/20 selesai (40%) ████████░░░░░░░░░░░░
            Langkah: 8 selesai · 0 sedang dikerjakan · 12 belum dimulai · 0 dilewati
            Laju: 2,0 langkah per minggu dalam 4 minggu terakhir; 2,0 per minggu secara keseluruhan
            Hari aktif beruntun: 1; rekor 1 hari
            Dengan laju ini, Anda akan selesai sekitar 12 Jan 2027.
            Target 5 Jan 2027: terlambat 7 hari dengan laju ini.
            ",
        )
        .run();
}

#[test]
fn plan_without_an_option_shows_the_target_and_the_days_left() {
    let smm = Smm::new();
    // Before any target, it says how to set one, and writes nothing.
    smm.test(&["plan"])
        .expected_stdout("No target set. Set one: smm-path plan --target YYYY-MM-DD\n")
        .expected_no_file("progress.yaml")
        .run();
    smm.ok_at(
        "2026-12-01T09:00:00+07:00",
        &["plan", "--target", "2026-12-31"],
    );
    smm.test(&["plan"])
        .at("2026-12-01T09:00:00+07:00")
        .expected_stdout("Target: finish by Dec 31, 2026, 30 days from today.\n")
        .run();
    smm.test(&["plan", "--lang", "id"])
        .at("2026-12-30T09:00:00+07:00")
        .expected_stdout("Target: selesai paling lambat 31 Des 2026, 1 hari lagi.\n")
        .run();
    smm.test(&["plan"])
        .at("2026-12-31T23:00:00+07:00")
        .expected_stdout("Target: finish by Dec 31, 2026, which is today.\n")
        .run();
    smm.test(&["plan"])
        .at("2027-01-01T09:00:00+07:00")
        .expected_stdout(
            "Target: Dec 31, 2026, 1 day ago. Set a new one: smm-path plan --target YYYY-MM-DD\n",
        )
        .run();
    // Showing is only reading: the state file is as it was.
    let before = smm.state_text();
    smm.ok(&["plan"]);
    assert_eq!(smm.state_text(), before);
}

#[test]
fn plan_refuses_past_days_and_clears() {
    let smm = Smm::new();
    smm.test(&["plan", "--target", "2026-01-01"])
        .expected_status(2)
        .expected_stderr("error: 2026-01-01 has already passed: a target is a day still to come\n")
        .expected_no_file("progress.yaml")
        .run();
    smm.test(&["plan", "--target", "soon"])
        .expected_status(2)
        .expected_stderr("error: `soon` is not a date: use YYYY-MM-DD, like 2026-03-14\n")
        .expected_no_file("progress.yaml")
        .run();
    smm.test(&["plan", "--clear"])
        .expected_stdout("No target set; nothing changed.\n")
        .expected_no_file("progress.yaml")
        .run();
    smm.ok(&["plan", "--target", "2027-06-30"]);
    assert!(smm.state_text().contains("target: \"2027-06-30\""));
    smm.test(&["plan", "--target", "2027-06-30"])
        .expected_stdout("The target was already Jun 30, 2027; nothing changed.\n")
        .run();
    smm.test(&["plan", "--clear"])
        .expected_stdout("Target removed.\n")
        .run();
    assert!(!smm.state_text().contains("target:"));
}

#[test]
fn the_weeks_before_the_learner_began_do_not_count_against_the_pace() {
    let smm = Smm::new();
    // The learner: a target, then a step on Dec 1, 3 and 5.
    smm.ok_at(
        "2026-12-01T08:00:00+07:00",
        &["plan", "--target", "2027-03-31"],
    );
    for (step, day) in [("1", "01"), ("2", "03"), ("3", "05")] {
        smm.ok_at(&format!("2026-12-{day}T10:00:00+07:00"), &["done", step]);
    }
    // Three steps in the seven days since the start: 3.0 a week, not 0.8
    // over four weeks of which three came before the first step; 17 left
    // at 3.0 a week is 40 days.
    smm.test(&["stats"])
        .at("2026-12-07T09:00:00+07:00")
        .expected_stdout(
            "
            3/20 done (15%) ███░░░░░░░░░░░░░░░░░
            Steps: 3 done · 0 in progress · 17 to do · 0 skipped
            Pace: 3.0 steps a week over the 7 days since you began
            Streak: 0 active days in a row now; longest 1
            At this pace you finish around Jan 16, 2027; a first guess, from only the 7 days since you began.
            Target Mar 31, 2027: on track, 74 days to spare.
            ",
        )
        .run();
    smm.test(&["stats", "--lang", "id"])
        .at("2026-12-07T09:00:00+07:00")
        .expected_stdout(
            "
            3/20 selesai (15%) ███░░░░░░░░░░░░░░░░░
            Langkah: 3 selesai · 0 sedang dikerjakan · 17 belum dimulai · 0 dilewati
            Laju: 3,0 langkah per minggu dalam 7 hari sejak Anda mulai
            Hari aktif beruntun: 0; rekor 1 hari
            Dengan laju ini, Anda akan selesai sekitar 16 Jan 2027; baru perkiraan awal, dari 7 hari sejak Anda mulai saja.
            Target 31 Mar 2027: sesuai rencana, 74 hari lebih cepat dari target.
            ",
        )
        .run();
    // Four weeks on, the window is whole again and the words say so.
    let stats = smm.ok_at("2026-12-28T09:00:00+07:00", &["stats"]).stdout;
    assert!(
        stats.contains("Pace: 0.8 steps a week over the last 4 weeks; 0.8 a week overall\n"),
        "{stats}"
    );
    assert!(!stats.contains("first guess"), "{stats}");
}

#[test]
fn in_the_first_week_the_pace_is_a_count_not_a_rate() {
    let smm = Smm::new();
    smm.ok_at("2026-12-01T10:00:00+07:00", &["done", "1"]);
    smm.ok_at("2026-12-03T10:00:00+07:00", &["done", "2"]);
    let stats = smm.ok_at("2026-12-03T20:00:00+07:00", &["stats"]).stdout;
    assert!(
        stats.contains("\nPace: 2 steps in the 3 days since you began\n"),
        "{stats}"
    );
    assert!(
        stats.contains("; a first guess, from only the 3 days since you began.\n"),
        "{stats}"
    );
    let stats = smm
        .ok_at("2026-12-03T20:00:00+07:00", &["stats", "--lang", "id"])
        .stdout;
    assert!(
        stats.contains("\nLaju: 2 langkah dalam 3 hari sejak Anda mulai\n"),
        "{stats}"
    );
}

#[test]
fn a_day_planned_for_steps_is_listed_marked_late_and_undone_as_a_change() {
    let smm = Smm::new();
    smm.test(&["plan", "5", "7", "--by", "2026-12-20"])
        .at("2026-12-05T09:00:00+07:00")
        .expected_stdout(
            "
            5. Build a Personal Portfolio: planned for Dec 20, 2026
            7. Analysis and Market Research: planned for Dec 20, 2026
            ",
        )
        .run();
    smm.test(&["plan", "7", "--by", "2026-12-20"])
        .at("2026-12-05T09:10:00+07:00")
        .expected_stdout("Those steps were already planned so; nothing changed.\n")
        .run();
    smm.ok_at("2026-12-06T09:00:00+07:00", &["done", "7"]);
    // A done step is no longer late; an open one is, once its day passed.
    smm.test(&["plan"])
        .at("2026-12-21T09:00:00+07:00")
        .expected_stdout(
            "
            No target set. Set one: smm-path plan --target YYYY-MM-DD
              5. Build a Personal Portfolio: planned for Dec 20, 2026 (late)
            ",
        )
        .run();
    let stats = smm.ok_at("2026-12-21T09:00:00+07:00", &["stats"]).stdout;
    assert!(
        stats.ends_with(
            "Late against your plan: 1 step, 5 (planned for Dec 20, 2026) (`smm-path plan` lists the days).\n"
        ),
        "{stats}"
    );
    let on_time = smm.ok_at("2026-12-19T09:00:00+07:00", &["stats"]).stdout;
    assert!(!on_time.contains("Late"), "{on_time}");
    assert_eq!(smm.status_json()["steps"][4]["due"], "2026-12-20");
    smm.test(&["plan", "5", "--clear"])
        .at("2026-12-07T09:00:00+07:00")
        .expected_stdout("5. Build a Personal Portfolio: planned day cleared\n")
        .run();
    assert!(smm.status_json()["steps"][4].get("due").is_none());
    smm.test(&["undo"])
        .at("2026-12-07T09:10:00+07:00")
        .expected_stdout(
            "
            Undid `plan 5 --clear` from Dec 7, 2026 09:00:
                5. Build a Personal Portfolio: planned for Dec 20, 2026
            ",
        )
        .run();
    let log = smm.ok(&["log", "-n", "2"]).stdout;
    assert!(
        log.contains(
            "plan 5 --clear (undone)\n    5. Build a Personal Portfolio: planned day cleared\n"
        ),
        "{log}"
    );
}

#[test]
fn spread_gives_every_open_step_a_day_up_to_the_target() {
    let smm = Smm::new();
    smm.test(&["plan", "--spread"])
        .expected_status(2)
        .expected_stderr(
            "error: `--spread` spreads the steps left up to the target, and none is set: set one first (`smm-path plan --target 2027-03-31`)\n",
        )
        .expected_no_file("progress.yaml")
        .run();
    smm.ok_at("2026-12-01T09:00:00+07:00", &["done", "1-3"]);
    smm.ok_at("2026-12-01T09:00:00+07:00", &["skip", "12"]);
    smm.ok_at(
        "2026-12-01T09:00:00+07:00",
        &["plan", "--target", "2027-03-31"],
    );
    let said = smm
        .ok_at("2026-12-01T10:00:00+07:00", &["plan", "--spread"])
        .stdout;
    assert_eq!(said.lines().count(), 16, "{said}");
    let json = smm.status_json();
    let dues: Vec<(usize, String)> = json["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter_map(|step| {
            let number = step["number"].as_u64()? as usize;
            Some((number, step["due"].as_str()?.to_string()))
        })
        .collect();
    let numbers: Vec<usize> = dues.iter().map(|(number, _)| *number).collect();
    let expected: Vec<usize> = (4..=20).filter(|&number| number != 12).collect();
    assert_eq!(numbers, expected, "done and skipped steps get no day");
    let days: Vec<&str> = dues.iter().map(|(_, day)| day.as_str()).collect();
    assert!(days.windows(2).all(|pair| pair[0] < pair[1]), "{days:?}");
    assert!(days[0] > "2026-12-01", "{days:?}");
    assert_eq!(days.last(), Some(&"2027-03-31"));
    // 120 days over 16 steps: 7 or 8 days apart.
    assert_eq!(days[0], "2026-12-08");
    // One change: one undo takes every day back.
    smm.ok_at("2026-12-01T11:00:00+07:00", &["undo"]);
    let json = smm.status_json();
    assert!(
        json["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .all(|step| step.get("due").is_none()),
        "{json}"
    );
}

#[test]
fn a_plan_that_cannot_be_is_refused_and_writes_nothing() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    for (args, message) in [
        (
            &["plan", "5"][..],
            "error: give the day to plan the steps for (`--by YYYY-MM-DD`), or `--clear` to remove their day\n",
        ),
        (
            &["plan", "5", "--by", "2026-12-04"],
            "error: 2026-12-04 has already passed: plan the steps for a day still to come\n",
        ),
        (
            &["plan", "5", "--by", "15-01-2027"],
            "error: `15-01-2027` is not a date: use YYYY-MM-DD, like 2026-03-14\n",
        ),
        (
            &["plan", "5", "--by", "+10000-01-01"],
            "error: `+10000-01-01` is not a date: use YYYY-MM-DD, like 2026-03-14\n",
        ),
        (
            &["plan", "--target", "+10000-01-01"],
            "error: `+10000-01-01` is not a date: use YYYY-MM-DD, like 2026-03-14\n",
        ),
        (
            &["plan", "42", "--by", "2027-01-15"],
            "error: step 42 does not exist: this roadmap has steps 1 to 20\n",
        ),
    ] {
        smm.test(args)
            .expected_status(2)
            .expected_stderr(message)
            .writes_nothing()
            .run();
    }
    for args in [
        &["plan", "--by", "2027-01-15"][..],
        &["plan", "5", "--spread"],
        &["plan", "5", "--by", "2027-01-15", "--clear"],
        &["plan", "--target", "2027-01-15", "--spread"],
    ] {
        smm.test(args)
            .expected_status(2)
            .stderr_contains("smm-path plan --help")
            .writes_nothing()
            .run();
    }
}

#[test]
fn a_planned_day_travels_to_another_device_and_the_later_change_wins() {
    let (a, b) = (Smm::new(), Smm::new());
    let outside = tempfile::tempdir().expect("tempdir");
    let exchange = |from: &Smm, to: &Smm| from.send_to(to, outside.path());
    a.ok_at(
        "2026-12-01T09:00:00+07:00",
        &["plan", "5", "--by", "2027-01-15"],
    );
    exchange(&a, &b);
    assert_eq!(b.status_json()["steps"][4]["due"], "2027-01-15");
    b.ok_at(
        "2026-12-02T09:00:00+07:00",
        &["plan", "5", "--by", "2027-02-01"],
    );
    a.ok_at("2026-12-01T10:00:00+07:00", &["plan", "5", "--clear"]);
    exchange(&a, &b);
    exchange(&b, &a);
    for smm in [&a, &b] {
        assert_eq!(smm.status_json()["steps"][4]["due"], "2027-02-01");
    }
}

#[test]
fn a_format_5_state_is_still_read_and_upgraded_on_the_next_change() {
    let smm = Smm::new();
    smm.ok(&["note", "5", "kept"]);
    smm.ok(&["done", "4"]);
    // The state as smm-path 5 wrote it: the same text, its version 5, its
    // checksum made again over that text.
    let text = smm.state_text();
    let body = text
        .strip_prefix("version: 7\n")
        .and_then(|rest| rest.split_once("sum: \""))
        .map(|(body, _)| format!("version: 5\n{body}"))
        .expect("a snapshot of format 6");
    let sum = xxhash_rust::xxh3::xxh3_64(body.as_bytes());
    smm.write_state(format!("{body}sum: \"{sum:016x}\"\nend: true\n"));
    let doctor = smm.ok(&["doctor"]).stdout;
    assert!(doctor.contains("format version 5, reads fine"), "{doctor}");
    assert_eq!(smm.notes_of(5), vec!["kept"]);
    assert_eq!(smm.step_status(4), "done");
    smm.ok(&["plan", "5", "--by", "2027-01-15"]);
    assert!(smm.state_text().starts_with("version: 7\n"));
    assert_eq!(smm.status_json()["steps"][4]["due"], "2027-01-15");
    assert_eq!(smm.notes_of(5), vec!["kept"]);
}
