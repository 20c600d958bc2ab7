//! `status`: the table, the summary line, the next step, JSON, colour and width.

use crate::support::{FRESH_STATUS, Smm, builtin_roadmap};

#[test]
fn a_fresh_home_shows_all_twenty_steps_to_do_and_writes_nothing() {
    let smm = Smm::new();
    smm.test(&["status"])
        .expected_stdout(FRESH_STATUS)
        .expected_no_file("progress.yaml")
        .run();
    // Bare `smm-path` is `status`.
    smm.test(&[])
        .expected_stdout(FRESH_STATUS)
        .expected_no_file("progress.yaml")
        .run();
}

#[test]
fn the_table_snapshot_with_mixed_progress() {
    let smm = Smm::new();
    smm.ok(&["done", "1-3", "5"]);
    smm.ok(&["start", "6"]);
    smm.ok(&["skip", "12", "--reason", "no ad budget yet"]);
    insta::assert_snapshot!("status_en", smm.ok(&["status"]).stdout);
    insta::assert_snapshot!("status_id", smm.ok(&["status", "--lang", "id"]).stdout);
}

#[test]
fn skipped_steps_leave_the_denominator() {
    let smm = Smm::new();
    smm.ok(&["done", "1-7"]);
    smm.ok(&["skip", "8,9"]);
    smm.test(&["status"])
        .expected_stdout(
            "
            A Career in Social Media Management

              #  Step                               Status     Date
            ───────────────────────────────────────────────────────────────
                 Foundations                        5/5 done
              1  Understand Social Media Platforms  ✓ done     Dec 5, 2026
              2  Education and Training             ✓ done     Dec 5, 2026
              3  Develop Your Creativity            ✓ done     Dec 5, 2026
              4  Choose a Niche or Industry         ✓ done     Dec 5, 2026
              5  Build a Personal Portfolio         ✓ done     Dec 5, 2026
                 Production                         2/3 done
              6  Understand the Target Audience     ✓ done     Dec 5, 2026
              7  Analysis and Market Research       ✓ done     Dec 5, 2026
              8  Content Strategy                   ↷ skipped
              9  Create Quality Content             ↷ skipped
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

            7/18 done (38%) ███████░░░░░░░░░░░░░  2 skipped
            Next: 10. A Consistent Posting Schedule
            Mark it done with `smm-path done 10`.
            ",
        )
        .run();
}

#[test]
fn all_done_is_congratulated() {
    let smm = Smm::new();
    smm.ok(&["done", "1-19"]);
    smm.ok(&["skip", "20"]);
    smm.test(&["status"])
        .expected_stdout(
            "
            A Career in Social Media Management

              #  Step                               Status     Date
            ───────────────────────────────────────────────────────────────
                 Foundations                        5/5 done
              1  Understand Social Media Platforms  ✓ done     Dec 5, 2026
              2  Education and Training             ✓ done     Dec 5, 2026
              3  Develop Your Creativity            ✓ done     Dec 5, 2026
              4  Choose a Niche or Industry         ✓ done     Dec 5, 2026
              5  Build a Personal Portfolio         ✓ done     Dec 5, 2026
                 Production                         5/5 done
              6  Understand the Target Audience     ✓ done     Dec 5, 2026
              7  Analysis and Market Research       ✓ done     Dec 5, 2026
              8  Content Strategy                   ✓ done     Dec 5, 2026
              9  Create Quality Content             ✓ done     Dec 5, 2026
             10  A Consistent Posting Schedule      ✓ done     Dec 5, 2026
                 Growth                             5/5 done
             11  Engagement and Responsiveness      ✓ done     Dec 5, 2026
             12  Paid Social Advertising            ✓ done     Dec 5, 2026
             13  Campaigns and Contests             ✓ done     Dec 5, 2026
             14  Measurement and Analytics          ✓ done     Dec 5, 2026
             15  Customer Service                   ✓ done     Dec 5, 2026
                 Professional                       4/4 done
             16  Continuous Learning                ✓ done     Dec 5, 2026
             17  Collaboration and Networking       ✓ done     Dec 5, 2026
             18  Marketing Yourself                 ✓ done     Dec 5, 2026
             19  Compliance and Ethics              ✓ done     Dec 5, 2026
             20  Feedback and Evaluation            ↷ skipped

            19/19 done (100%) ████████████████████  1 skipped
            Congratulations: every step of the roadmap is done!
            ",
        )
        .run();
    smm.test(&["next"])
        .expected_stdout("Congratulations: every step of the roadmap is done!\n")
        .run();
}

#[test]
fn json_has_stable_fields_matching_the_state() {
    let smm = Smm::new();
    smm.ok(&["done", "2", "5"]);
    smm.ok(&["note", "5", "https://example.com/portfolio"]);
    let json = smm.ok(&["status", "--json"]).json();
    assert_eq!(json["roadmap"]["id"], "social-media-manager");
    assert_eq!(json["summary"]["done"], 2);
    assert_eq!(json["summary"]["total"], 20);
    assert_eq!(json["summary"]["percent"], 10);
    assert_eq!(json["next"]["number"], 1);
    let steps = json["steps"].as_array().expect("steps array");
    assert_eq!(steps.len(), 20);
    assert_eq!(steps[4]["id"], "build-a-personal-portfolio");
    assert_eq!(steps[4]["status"], "done");
    assert_eq!(steps[4]["finished"], "2026-12-05T14:30:00+07:00");
    assert_eq!(
        steps[4]["notes"][0]["text"],
        "https://example.com/portfolio"
    );
    assert_eq!(steps[0]["status"], "todo");
    assert!(steps[0]["finished"].is_null());
}

#[test]
fn colour_only_on_request_or_a_terminal() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let plain = smm.ok(&["status"]);
    assert!(!plain.stdout.contains('\x1b'), "colour in a pipe");
    let forced = Smm::new().env("CLICOLOR_FORCE", "1");
    assert!(
        forced.ok(&["status"]).stdout.contains('\x1b'),
        "CLICOLOR_FORCE ignored"
    );
    let no_color = Smm::new().env("CLICOLOR_FORCE", "1").env("NO_COLOR", "1");
    assert!(
        !no_color.ok(&["status"]).stdout.contains('\x1b'),
        "NO_COLOR ignored"
    );
    assert!(
        smm.ok(&["status", "--color", "always"])
            .stdout
            .contains('\x1b')
    );
}

#[test]
fn the_table_fits_the_terminal_width() {
    let smm = Smm::new().env("COLUMNS", "50");
    smm.ok(&["done", "1"]);
    // Wrapped titles still show every word.
    let run = smm
        .test(&["status", "--lang", "id"])
        .expected_stdout(
            "
            Pekerjaan Manajemen Media Sosial

             No.  Langkah              Status     Tanggal
            ─────────────────────────────────────────────────
                  Fondasi              1/5
                                       selesai
               1  Pahami Platform      ✓ selesai  5 Des 2026
                  Media Sosial
               2  Pendidikan dan       ○ belum
                  Pelatihan            dimulai
               3  Kembangkan           ○ belum
                  Kreativitas          dimulai
               4  Pilih Niche atau     ○ belum
                  Industri             dimulai
               5  Bangun Portofolio    ○ belum
                  Pribadi              dimulai
                  Produksi             0/5
                                       selesai
               6  Pahami Target        ○ belum
                  Audiens              dimulai
               7  Analisis dan Riset   ○ belum
                  Pasar                dimulai
               8  Strategi Konten      ○ belum
                                       dimulai
               9  Buat Konten          ○ belum
                  Berkualitas          dimulai
              10  Jadwal Posting yang  ○ belum
                  Konsisten            dimulai
                  Pertumbuhan          0/5
                                       selesai
              11  Interaksi dan        ○ belum
                  Responsif            dimulai
              12  Pemasaran Berbayar   ○ belum
                                       dimulai
              13  Kampanye dan Kontes  ○ belum
                                       dimulai
              14  Pengukuran dan       ○ belum
                  Analisis             dimulai
              15  Pelayanan Pelanggan  ○ belum
                                       dimulai
                  Profesional          0/5
                                       selesai
              16  Pendidikan Kontinu   ○ belum
                                       dimulai
              17  Kolaborasi dan       ○ belum
                  Jaringan             dimulai
              18  Pemasaran Diri       ○ belum
                                       dimulai
              19  Kepatuhan dan Etika  ○ belum
                                       dimulai
              20  Umpan Balik dan      ○ belum
                  Evaluasi             dimulai

            1/20 selesai (5%) █░░░░░░░░░░░░░░░░░░░
            Berikutnya: 2. Pendidikan dan Pelatihan
            Tandai selesai dengan `smm-path done 2`.
            ",
        )
        .run();
    let table_lines = run.stdout.lines().skip(2).take(22);
    for line in table_lines {
        assert!(line.chars().count() <= 50, "too wide: {line:?}");
    }
}

#[test]
fn a_narrow_terminal_wraps_between_words_never_inside_one() {
    for lang in ["en", "id"] {
        let smm = Smm::new().env("COLUMNS", "40");
        smm.ok(&["done", "1"]);
        smm.ok(&["skip", "2"]);
        smm.ok(&["start", "11"]);
        let table = smm.ok(&["status", "--lang", lang]).stdout;
        let json: serde_json::Value =
            serde_json::from_str(&smm.ok(&["status", "--json", "--lang", lang]).stdout)
                .expect("JSON");
        let words: std::collections::HashSet<&str> = table.split_whitespace().collect();
        for step in json["steps"].as_array().expect("steps") {
            for word in step["title"].as_str().expect("title").split_whitespace() {
                assert!(words.contains(word), "{lang}: `{word}` was cut:\n{table}");
            }
        }
        for line in table.lines().skip(2).take_while(|line| !line.is_empty()) {
            assert!(line.chars().count() <= 40, "{lang}: too wide: {line:?}");
        }
    }
}

#[test]
fn progress_survives_a_reordered_roadmap() {
    let smm = Smm::new();
    smm.ok(&["done", "5"]);
    smm.ok(&["start", "6"]);
    // The same roadmap with its steps in reverse order.
    let source = builtin_roadmap();
    let (head, steps) = source.split_once("\nsteps:\n").expect("steps section");
    // Phases and version notes are optional: this roadmap has neither. They
    // follow the steps, after a comment at the start of a line.
    let steps = steps.split("\n# ").next().unwrap_or(steps);
    let mut blocks: Vec<&str> = steps.split("\n  - id: ").collect();
    let first = blocks.remove(0).trim_start_matches("  - id: ");
    blocks.insert(0, first);
    blocks.reverse();
    let reversed = format!(
        "{head}\nsteps:\n{}",
        blocks
            .iter()
            .map(|block| format!("  - id: {}\n", block.trim_end()))
            .collect::<String>()
    );
    let path = smm.write_file("reversed.yaml", &reversed);
    let path = path.to_str().expect("UTF-8 path");
    let run = smm.ok(&["--roadmap", path, "status"]);
    assert_eq!(
        run.row(16),
        " 16  Build a Personal Portfolio         ✓ done         Dec 5, 2026"
    );
    assert_eq!(
        run.row(15),
        " 15  Understand the Target Audience     ▶ in progress  Dec 5, 2026"
    );
    assert_eq!(
        run.row(5),
        "  5  Continuous Learning                ○ to do"
    );
}

#[test]
fn short_is_one_line_for_prompts() {
    let smm = Smm::new();
    smm.ok(&["done", "1-7"]);
    smm.test(&["status", "--short"])
        .expected_stdout("smm-path 7/20 (35%) next: 8\n")
        .run();
    smm.test(&["status", "--short", "--lang", "id"])
        .expected_stdout("smm-path 7/20 (35%) berikutnya: 8\n")
        .run();
    smm.ok(&["done", "8-20"]);
    smm.test(&["status", "--short"])
        .expected_stdout("smm-path 20/20 (100%) all done\n")
        .run();
}
