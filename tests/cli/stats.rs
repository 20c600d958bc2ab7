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
