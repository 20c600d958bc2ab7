//! `done`: selectors, repeated runs, earlier dates, and today's date in the table.

use crate::support::Smm;

#[test]
fn done_five_shows_today_in_each_language_and_undo_brings_it_back() {
    let smm = Smm::new().real_clock();
    let before = chrono::Local::now().date_naive();
    smm.test(&["done", "5"])
        .expected_stdout("5. Build a Personal Portfolio: to do → done\n5. Build a Personal Portfolio: 4 actions are not ticked yet (`smm-path show 5` lists them).\n")
        .run();
    let after = chrono::Local::now().date_naive();
    let en = smm.ok(&["status"]);
    let id = smm.ok(&["status", "--lang", "id"]);
    // The real clock: the day is today, whichever side of midnight the run fell.
    let en_rows = [before, after].map(|day| {
        format!(
            "  5  Build a Personal Portfolio         ✓ done    {}",
            day.format("%b %-d, %Y")
        )
    });
    assert!(en_rows.iter().any(|row| en.row(5) == row), "{}", en.row(5));
    let id_month = |d: chrono::NaiveDate| {
        [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ][chrono::Datelike::month0(&d) as usize]
    };
    let id_rows = [before, after].map(|day| {
        format!(
            "   5  Bangun Portofolio Pribadi      ✓ selesai        {} {} {}",
            day.format("%-d"),
            id_month(day),
            day.format("%Y")
        )
    });
    assert!(id_rows.iter().any(|row| id.row(5) == row), "{}", id.row(5));

    let undo = smm.ok(&["undo"]).stdout;
    assert!(
        undo.starts_with("Undid `done 5` from ")
            && undo.ends_with(":\n    5. Build a Personal Portfolio: done → to do\n"),
        "{undo}"
    );
    assert_eq!(
        smm.ok(&["status"]).row(5),
        "  5  Build a Personal Portfolio         ○ to do"
    );
}

#[test]
fn finishing_many_steps_names_the_first_six_with_actions_left_and_counts_the_rest() {
    let smm = Smm::new();
    let said = smm.ok(&["done", "1-20"]).stdout;
    assert_eq!(
        said.lines().last(),
        Some(
            "Actions not ticked yet, per step: 1 (5 of 5), 2 (5 of 5), 3 (5 of 5), 4 (4 of 4), 5 (4 of 4), 6 (3 of 3), and 14 more (`smm-path show STEP` lists them)."
        )
    );
    let other = Smm::new();
    let said = other.ok(&["--lang", "id", "done", "1-20"]).stdout;
    assert_eq!(
        said.lines().last(),
        Some(
            "Tindakan yang belum dicentang, per langkah: 1 (5 dari 5), 2 (5 dari 5), 3 (5 dari 5), 4 (4 dari 4), 5 (4 dari 4), 6 (3 dari 3), dan 14 lagi (`smm-path show LANGKAH` menampilkannya)."
        )
    );
}

#[test]
fn numbers_ranges_lists_and_ids_select_steps() {
    let smm = Smm::new();
    smm.test(&["done", "1-3", "5,7", "content-strategy"])
        .expected_stdout(
            "
            1. Understand Social Media Platforms: to do → done
            2. Education and Training: to do → done
            3. Develop Your Creativity: to do → done
            5. Build a Personal Portfolio: to do → done
            7. Analysis and Market Research: to do → done
            8. Content Strategy: to do → done
            Actions not ticked yet, per step: 1 (5 of 5), 2 (5 of 5), 3 (5 of 5), 5 (4 of 4), 7 (6 of 6), 8 (4 of 4) (`smm-path show STEP` lists them).
            ",
        )
        .run();
    smm.test(&["status"])
        .expected_stdout(
            "
            A Career in Social Media Management

              #  Step                               Status    Date
            ──────────────────────────────────────────────────────────────
                 Foundations                        4/5 done
              1  Understand Social Media Platforms  ✓ done    Dec 5, 2026
              2  Education and Training             ✓ done    Dec 5, 2026
              3  Develop Your Creativity            ✓ done    Dec 5, 2026
              4  Choose a Niche or Industry         ○ to do
              5  Build a Personal Portfolio         ✓ done    Dec 5, 2026
                 Production                         2/5 done
              6  Understand the Target Audience     ○ to do
              7  Analysis and Market Research       ✓ done    Dec 5, 2026
              8  Content Strategy                   ✓ done    Dec 5, 2026
              9  Create Quality Content             ○ to do
             10  A Consistent Posting Schedule      ○ to do
                 Growth                             0/5 done
             11  Engagement and Responsiveness      ○ to do
             12  Paid Social Advertising            ○ to do
             13  Campaigns and Contests             ○ to do
             14  Measurement and Analytics          ○ to do
             15  Customer Service                   ○ to do
                 Professional                       0/5 done
             16  Continuous Learning                ○ to do
             17  Collaboration and Networking       ○ to do
             18  Marketing Yourself                 ○ to do
             19  Compliance and Ethics              ○ to do
             20  Feedback and Evaluation            ○ to do

            6/20 done (30%) ██████░░░░░░░░░░░░░░
            Next: 4. Choose a Niche or Industry
            Mark it done with `smm-path done 4`.
            ",
        )
        .run();
}

#[test]
fn doing_a_done_step_again_changes_nothing_and_succeeds() {
    let smm = Smm::new();
    smm.ok(&["done", "5"]);
    smm.test(&["done", "5"])
        .expected_stdout("5. Build a Personal Portfolio is already done; nothing changed.\n")
        .writes_nothing()
        .run();
}

#[test]
fn on_records_an_earlier_day() {
    let smm = Smm::new();
    smm.ok(&["done", "4", "--on", "2026-11-02"]);
    assert_eq!(
        smm.ok(&["status"]).row(4),
        "  4  Choose a Niche or Industry         ✓ done    Nov 2, 2026"
    );
    // Today (the pinned clock's day) is allowed too.
    smm.ok(&["done", "6", "--on", "2026-12-05"]);
    assert_eq!(
        smm.ok(&["status"]).row(6),
        "  6  Understand the Target Audience     ✓ done    Dec 5, 2026"
    );
    assert!(smm.state_text().contains("2026-11-02T00:00:00+07:00"));
}

#[test]
fn a_finish_day_before_the_start_is_refused_and_the_start_kept() {
    let smm = Smm::new();
    smm.ok_at("2026-11-20T10:00:00+07:00", &["start", "9"]);
    smm.test(&["done", "9", "--on", "2026-11-01"])
        .expected_status(2)
        .expected_stderr(
            "error: step 9 was started on Nov 20, 2026, after Nov 1, 2026: give a finish day on or after it, or `reset 9` first\n",
        )
        .writes_nothing()
        .run();
    // One message, one way of writing a day, in either language.
    smm.test(&["--lang", "id", "done", "9", "--on", "2026-11-01"])
        .expected_status(2)
        .expected_stderr(
            "kesalahan: langkah 9 dimulai pada 20 Nov 2026, setelah 1 Nov 2026: berikan tanggal selesai yang sama atau sesudahnya, atau jalankan `reset 9` dulu\n",
        )
        .writes_nothing()
        .run();
    // The start day itself is a fine finish day, and the start stays.
    smm.ok(&["done", "9", "--on", "2026-11-20"]);
    smm.test(&["show", "9"])
        .expected_stdout(
            "
            9. Create Quality Content  (create-quality-content)
            Status: done
            Started: Nov 20, 2026
            Finished: Nov 20, 2026
            Phase: Production
            Content reviewed: Dec 1, 2026

            What it is:
              Create engaging visual and written content that is relevant to your audience. Use photos, videos, infographics and other content.

            Practical actions (0/4):
              [ ] 9.1  Write a one-page creative brief (goal, audience, key message, format, deadline) before you make the content, and agree its approval flow: who checks it and who signs it off before it goes out.
              [ ] 9.2  Make one photo, one short video and one infographic on a single theme.
              [ ] 9.3  Ask two people for feedback before you publish.
              [ ] 9.4  Publish the content and record how it did after 48 hours.

            Evidence it is done:
              Links to the published content with its brief and notes on how it performed.

            Resources:
              9.1  Canva Design School (course, English): https://www.canva.com/designschool/
              9.2  YouTube Creators (official, English): https://www.youtube.com/creators/
              9.3  TikTok Creative Center (tool, English): https://ads.tiktok.com/business/creativecenter/

            Notes:
              no notes yet
            ",
        )
        .run();
}

#[test]
fn on_dates_a_start_a_skip_and_a_note_as_it_does_a_finish() {
    let smm = Smm::new();
    smm.ok(&["start", "2", "--on", "2026-11-03"]);
    assert_eq!(
        smm.ok(&["status"]).row(2),
        "  2  Education and Training             ▶ in progress  Nov 3, 2026"
    );
    // A finish on the typed start day is not "before the start".
    smm.ok(&["done", "2", "--on", "2026-11-03"]);
    smm.ok(&["skip", "7", "--on", "2026-11-20", "--reason", "not for me"]);
    assert_eq!(
        smm.ok(&["status"]).row(7),
        "  7  Analysis and Market Research       ↷ skipped  Nov 20, 2026"
    );
    // A skipped step is never counted as finished, whatever its date.
    assert!(smm.ok(&["status"]).stdout.contains("1/19 done"));
    smm.ok(&[
        "note",
        "5",
        "--on",
        "2026-11-15",
        "sketched",
        "the",
        "portfolio",
    ]);
    let show = smm.ok(&["show", "5"]).stdout;
    assert!(show.contains("Nov 15, 2026"), "{show}");
    assert!(smm.state_text().contains("2026-11-15T00:00:00+07:00"));
    // After the note's first word, `--on` would be text: refused.
    smm.test(&["note", "5", "later", "--on", "2026-11-15"])
        .expected_status(2)
        .expected_stderr("error: `--on` comes after the note's first word, where it is part of the text: put it before the text (`smm-path note 5 --on 2026-11-15 TEXT`)\n")
        .writes_nothing()
        .run();
    // The same checks as `done --on`: nothing after today, nothing that is not a day.
    for args in [
        ["start", "3", "--on", "2026-12-06"],
        ["skip", "3", "--on", "yesterday"],
        ["note", "3", "--on", "2026-12-06"],
    ] {
        let mut args = args.to_vec();
        if args[0] == "note" {
            args.push("text");
        }
        smm.test(&args)
            .expected_status(2)
            .any_stderr()
            .writes_nothing()
            .run();
    }
}
