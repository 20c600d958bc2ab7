//! `stats` (pace, streaks, estimate, calendar) and `plan --target`.

use crate::support::Smm;

#[test]
fn a_fresh_roadmap_has_not_enough_data() {
    let smm = Smm::new();
    smm.ok(&["stats"])
        .stdout_has("0/20 done (0%)")
        .stdout_has("Pace: 0.0 steps a week")
        .stdout_has("Not enough data yet for a finish date");
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
    let today = [("SMM_PATH_NOW", "2026-12-01T09:00:00+07:00")];
    smm.run_with_env(&today, &["plan", "--target", "2027-03-31"])
        .success()
        .stdout_has("Target set");
    let stats = smm.run_with_env(&today, &["stats", "--calendar"]).success();
    insta::assert_snapshot!("stats_steady_pace", stats.stdout);
    let stats = stats
        .stdout_has("8/20 done (40%)")
        .stdout_has("Pace: 2.0 steps a week over the last 4 weeks")
        .stdout_has("At this pace you finish around Jan 12, 2027.")
        .stdout_has("Target Mar 31, 2027: on track, 78 days to spare.");
    assert!(stats.stdout.contains("Activity, last 12 weeks:"));
    smm.run_with_env(&today, &["plan", "--target", "2027-01-05"])
        .success();
    smm.run_with_env(&today, &["stats", "--lang", "id"])
        .success()
        .stdout_has("Laju: 2,0 langkah per minggu")
        .stdout_has("Target 5 Jan 2027: terlambat 7 hari dengan laju ini.");
}

#[test]
fn plan_refuses_past_days_and_clears() {
    let smm = Smm::new();
    smm.run(&["plan", "--target", "2026-01-01"])
        .failure(2)
        .one_line_error()
        .stderr_has("has already passed");
    smm.run(&["plan", "--target", "soon"])
        .failure(2)
        .one_line_error()
        .stderr_has("is not a date");
    assert!(smm.state().is_none(), "a refused plan wrote a file");
    smm.ok(&["plan", "--clear"])
        .stdout_has("No target set; nothing changed.");
    assert!(smm.state().is_none(), "clearing nothing wrote a file");
    smm.ok(&["plan", "--target", "2027-06-30"]);
    assert!(smm.state_text().contains("target: \"2027-06-30\""));
    smm.ok(&["plan", "--target", "2027-06-30"])
        .stdout_has("already");
    smm.ok(&["plan", "--clear"]).stdout_has("Target removed.");
    assert!(!smm.state_text().contains("target:"));
}
