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
