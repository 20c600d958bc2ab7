//! `done`: selectors, repeated runs, earlier dates, and today's date in the table.

use crate::support::Smm;

#[test]
fn done_five_shows_today_in_each_language_and_undo_brings_it_back() {
    let smm = Smm::new().real_clock();
    let before = chrono::Local::now().date_naive();
    smm.ok(&["done", "5"])
        .stdout_has("5. Build a Personal Portfolio: to do → done");
    let after = chrono::Local::now().date_naive();
    let en = smm.ok(&["status"]);
    let id = smm.ok(&["status", "--lang", "id"]);
    let en_dates = [before, after].map(|d| d.format("%b %-d, %Y").to_string());
    assert!(
        en_dates.iter().any(|d| en.row(5).contains(d)),
        "{}",
        en.row(5)
    );
    assert!(en.row(5).contains("done"));
    let id_month = |d: chrono::NaiveDate| {
        [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ][chrono::Datelike::month0(&d) as usize]
    };
    let id_dates =
        [before, after].map(|d| format!("{} {} {}", d.format("%-d"), id_month(d), d.format("%Y")));
    assert!(
        id_dates.iter().any(|d| id.row(5).contains(d)),
        "{}",
        id.row(5)
    );
    assert!(id.row(5).contains("selesai"));

    smm.ok(&["undo"]).stdout_has("Undid `done 5`");
    assert!(smm.ok(&["status"]).row(5).contains("to do"));
}

#[test]
fn numbers_ranges_lists_and_ids_select_steps() {
    let smm = Smm::new();
    smm.ok(&["done", "1-3", "5,7", "content-strategy"]);
    let run = smm.ok(&["status"]);
    for number in [1, 2, 3, 5, 7, 8] {
        assert!(run.row(number).contains("done"), "{}", run.row(number));
    }
    for number in [4, 6, 9, 20] {
        assert!(run.row(number).contains("to do"), "{}", run.row(number));
    }
}

#[test]
fn doing_a_done_step_again_changes_nothing_and_succeeds() {
    let smm = Smm::new();
    smm.ok(&["done", "5"]);
    let before = smm.state();
    smm.ok(&["done", "5"])
        .stdout_has("5. Build a Personal Portfolio is already done; nothing changed.");
    assert_eq!(smm.state(), before, "a no-op must not rewrite the state");
}

#[test]
fn on_records_an_earlier_day() {
    let smm = Smm::new();
    smm.ok(&["done", "4", "--on", "2026-11-02"]);
    assert!(smm.ok(&["status"]).row(4).contains("Nov 2, 2026"));
    // Today (the pinned clock's day) is allowed too.
    smm.ok(&["done", "6", "--on", "2026-12-05"]);
    assert!(smm.ok(&["status"]).row(6).contains("Dec 5, 2026"));
    assert!(smm.state_text().contains("2026-11-02T00:00:00+07:00"));
}

#[test]
fn a_finish_day_before_the_start_is_refused_and_the_start_kept() {
    let smm = Smm::new();
    smm.ok_at("2026-11-20T10:00:00+07:00", &["start", "9"]);
    let before = smm.state_text();
    smm.run(&["done", "9", "--on", "2026-11-01"])
        .failure(2)
        .one_line_error()
        .stderr_has("step 9 was started on Nov 20, 2026, after 2026-11-01")
        .stderr_has("`reset 9`");
    assert_eq!(smm.state_text(), before, "a refused done wrote the state");
    // The start day itself is a fine finish day, and the start stays.
    smm.ok(&["done", "9", "--on", "2026-11-20"]);
    let show = smm.ok(&["show", "9"]).stdout;
    assert!(show.contains("Started: Nov 20, 2026"), "{show}");
    assert!(show.contains("Finished: Nov 20, 2026"), "{show}");
}
