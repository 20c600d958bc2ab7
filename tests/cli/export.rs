//! `export`: every format (Markdown, JSON, CSV, HTML, portfolio), its
//! whole text stated or snapshotted, and each read back with a real parser.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::support::{Smm, assert_matches_schema, csv_export_of_roadmap};

/// One task-list item as a Markdown renderer sees it.
#[derive(Debug)]
struct Task {
    checked: bool,
    /// The item's own text, without nested lists.
    text: String,
    /// Text of the nested list items (the notes).
    notes: Vec<String>,
}

/// Parses with GitHub's extensions and returns the top-level task items.
fn tasks(markdown: &str) -> Vec<Task> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut tasks: Vec<Task> = Vec::new();
    let mut depth = 0;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth == 2
                    && let Some(task) = tasks.last_mut()
                {
                    task.notes.push(String::new());
                }
            }
            Event::End(TagEnd::Item) => depth -= 1,
            Event::TaskListMarker(checked) if depth == 1 => tasks.push(Task {
                checked,
                text: String::new(),
                notes: Vec::new(),
            }),
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                if let Some(task) = tasks.last_mut() {
                    match depth {
                        1 => task.text.push_str(&text),
                        2 => task.notes.last_mut().map_or((), |n| n.push_str(&text)),
                        _ => {}
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(note) = tasks.last_mut().and_then(|t| t.notes.last_mut()) {
                    note.push('\n');
                }
            }
            _ => {}
        }
    }
    tasks
}

#[test]
fn checked_items_match_the_done_steps() {
    let smm = Smm::new();
    smm.ok(&["done", "1-3", "7"]);
    smm.ok(&["start", "4"]);
    smm.ok(&["skip", "12"]);
    let markdown = smm.ok(&["export"]).stdout;
    let tasks = tasks(&markdown);
    assert_eq!(tasks.len(), 20, "{markdown}");
    let checked: Vec<usize> = (1..=20).filter(|n| tasks[n - 1].checked).collect();
    assert_eq!(checked, vec![1, 2, 3, 7]);
    assert_eq!(
        tasks[0].text,
        "1. Understand Social Media Platforms — done Dec 5, 2026"
    );
    smm.test(&["export"])
        .expected_stdout(
            "
            # A Career in Social Media Management

            **4/19 done (21%)** · 1 skipped

            Phases: Foundations 3/5 done · Production 1/5 done · Growth 0/4 done · Professional 0/5 done

            Content reviewed: Dec 1, 2026

            - [x] 1\\. Understand Social Media Platforms — done Dec 5, 2026
            - [x] 2\\. Education and Training — done Dec 5, 2026
            - [x] 3\\. Develop Your Creativity — done Dec 5, 2026
            - [ ] 4\\. Choose a Niche or Industry — in progress Dec 5, 2026
            - [ ] 5\\. Build a Personal Portfolio
            - [ ] 6\\. Understand the Target Audience
            - [x] 7\\. Analysis and Market Research — done Dec 5, 2026
            - [ ] 8\\. Content Strategy
            - [ ] 9\\. Create Quality Content
            - [ ] 10\\. A Consistent Posting Schedule
            - [ ] 11\\. Engagement and Responsiveness
            - [ ] ~~12\\. Paid Social Advertising~~ — skipped
            - [ ] 13\\. Campaigns and Contests
            - [ ] 14\\. Measurement and Analytics
            - [ ] 15\\. Customer Service
            - [ ] 16\\. Continuous Learning
            - [ ] 17\\. Collaboration and Networking
            - [ ] 18\\. Marketing Yourself
            - [ ] 19\\. Compliance and Ethics
            - [ ] 20\\. Feedback and Evaluation

            Next: 4. Choose a Niche or Industry
            ",
        )
        .run();
}

#[test]
fn hostile_notes_stay_text_inside_their_item() {
    let smm = Smm::new();
    smm.ok(&["done", "5"]);
    let hostile =
        "- [x] fake\n# heading\n1. list\n<script>alert(1)</script> *bold* `code` [link](x) | ~~";
    smm.ok(&["note", "5", hostile]);
    smm.ok(&["note", "6", "https://example.com/a_b_c"]);
    let markdown = smm.ok(&["export"]).stdout;
    let tasks = tasks(&markdown);
    assert_eq!(tasks.len(), 20, "a note broke the list:\n{markdown}");
    assert_eq!(tasks.iter().filter(|t| t.checked).count(), 1, "{markdown}");
    assert_eq!(tasks[4].notes.len(), 1, "{markdown}");
    let note = &tasks[4].notes[0];
    assert!(
        note.ends_with(hostile),
        "note changed:\n{note:?}\nexpected to end with\n{hostile:?}"
    );
    assert!(tasks[5].notes[0].ends_with("https://example.com/a_b_c"));
}

#[test]
fn output_file_is_written_and_matches_stdout() {
    let smm = Smm::new();
    smm.ok(&["done", "2"]);
    let path = smm.home().join("progress.md");
    let path_text = path.to_str().expect("UTF-8 path");
    smm.test(&["export", "-o", path_text])
        .expected_stdout(format!("Exported to {path_text}.\n"))
        .run();
    let written = std::fs::read_to_string(&path).expect("export file");
    assert_eq!(written, smm.ok(&["export", "--format", "markdown"]).stdout);
    assert!(written.starts_with("# A Career in Social Media Management\n"));
}

#[test]
fn export_to_a_missing_directory_fails_cleanly() {
    let smm = Smm::new();
    let path = smm.home().join("no/such/dir/out.md");
    smm.test(&["export", "-o"])
        .arg(&path)
        .expected_status(1)
        .expected_stderr(format!(
            "error: cannot write {}: the folder it would go in does not exist\n",
            path.display()
        ))
        .run();
    // In Indonesian too, with no English word from the system.
    smm.test(&["export", "-o"])
        .arg(&path)
        .env("LANG", "id_ID.UTF-8")
        .expected_status(1)
        .expected_stderr(format!(
            "kesalahan: {} tidak bisa ditulis: folder tujuannya tidak ada\n",
            path.display()
        ))
        .run();
}

#[test]
fn export_speaks_indonesian() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.ok(&["done", "1"]);
    smm.test(&["export"])
        .expected_stdout(
            "
            # Pekerjaan Manajemen Media Sosial

            **1/20 selesai (5%)**

            Fase: Fondasi 1/5 selesai · Produksi 0/5 selesai · Pertumbuhan 0/5 selesai · Profesional 0/5 selesai

            Isi ditinjau: 1 Des 2026

            - [x] 1\\. Pahami Platform Media Sosial — selesai 5 Des 2026
            - [ ] 2\\. Pendidikan dan Pelatihan
            - [ ] 3\\. Kembangkan Kreativitas
            - [ ] 4\\. Pilih Niche atau Industri
            - [ ] 5\\. Bangun Portofolio Pribadi
            - [ ] 6\\. Pahami Target Audiens
            - [ ] 7\\. Analisis dan Riset Pasar
            - [ ] 8\\. Strategi Konten
            - [ ] 9\\. Buat Konten Berkualitas
            - [ ] 10\\. Jadwal Posting yang Konsisten
            - [ ] 11\\. Interaksi dan Responsif
            - [ ] 12\\. Pemasaran Berbayar
            - [ ] 13\\. Kampanye dan Kontes
            - [ ] 14\\. Pengukuran dan Analisis
            - [ ] 15\\. Pelayanan Pelanggan
            - [ ] 16\\. Pendidikan Kontinu
            - [ ] 17\\. Kolaborasi dan Jaringan
            - [ ] 18\\. Pemasaran Diri
            - [ ] 19\\. Kepatuhan dan Etika
            - [ ] 20\\. Umpan Balik dan Evaluasi

            Berikutnya: 2. Pendidikan dan Pelatihan
            ",
        )
        .run();
}

/// A fixed history: four steps done on three days, one skipped, notes, one hostile.
fn progress() -> Smm {
    let smm = Smm::new();
    let run = |when: &str, args: &[&str]| {
        smm.test(args).at(when).any_stdout().run();
    };
    run("2026-11-01T10:00:00+07:00", &["done", "1"]);
    run("2026-11-05T10:00:00+07:00", &["done", "2-3"]);
    run(
        "2026-11-05T11:00:00+07:00",
        &[
            "note",
            "2",
            "<script>alert('x')</script> & certificate, \"signed\"",
        ],
    );
    run("2026-11-12T10:00:00+07:00", &["done", "4"]);
    run("2026-11-13T10:00:00+07:00", &["start", "5"]);
    run(
        "2026-11-14T10:00:00+07:00",
        &["skip", "12", "--reason", "no ad budget"],
    );
    smm
}

#[test]
fn json_matches_its_schema_and_carries_the_history() {
    let smm = progress();
    let text = smm.ok(&["export", "--format", "json"]).stdout;
    let export: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let validator = assert_matches_schema(include_str!("../../schema/export.schema.json"), &export);
    // Six commands, six changes, all from this home's one device.
    let changes = export["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 6);
    assert!(
        changes
            .iter()
            .all(|change| change["device"] == changes[0]["device"])
    );
    assert_eq!(
        changes[1]["ops"].as_array().map(Vec::len),
        Some(2),
        "done 2-3"
    );
    assert_eq!(export["summary"]["done"], 4);
    assert_eq!(
        export["steps"][1]["notes"][0]["text"],
        "<script>alert('x')</script> & certificate, \"signed\""
    );
    // The schema rejects what it should: a step with an unknown status.
    let mut broken = export.clone();
    broken["steps"][0]["status"] = "finished".into();
    assert!(!validator.is_valid(&broken));
    // The device id is random, one per home, and so is every change's id.
    let device = changes[0]["device"].as_str().expect("device");
    let mut redacted = text.replace(device, "[device]");
    for change in changes {
        let id = change["id"].as_str().expect("every change has an id");
        assert_eq!(id.len(), 32, "{id}");
        redacted = redacted.replace(id, "[change id]");
    }
    insta::assert_snapshot!("export_json", redacted);
}

#[test]
fn csv_opens_as_one_row_per_step() {
    let smm = progress();
    let text = smm.ok(&["export", "--format", "csv"]).stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["#", "id", "Step", "Status", "Started", "Finished", "Notes"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.expect("row")).collect();
    assert_eq!(rows.len(), 20);
    assert_eq!(&rows[1][1], "education-and-training");
    assert_eq!(&rows[1][3], "done");
    assert_eq!(&rows[1][5], "2026-11-05");
    assert_eq!(&rows[1][6], "1");
    assert_eq!(&rows[4][3], "in progress");
    assert_eq!(&rows[4][4], "2026-11-13");
    assert!(text.contains("\r\n"), "RFC 4180 lines end with CRLF");
    insta::assert_snapshot!("export_csv", text);
}

#[test]
fn csv_quotes_what_needs_quoting() {
    let roadmap = "id: q\nversion: 1\ntitle: Q\nsteps:\n  - id: a\n    title: 'Plan, \"draft\", ship'\n    summary: S\n";
    let rows = csv_export_of_roadmap(roadmap);
    assert_eq!(&rows[0][2], "Plan, \"draft\", ship");
}

#[test]
fn html_is_self_contained_escaped_and_charts_every_completion() {
    let smm = progress();
    let html = smm
        .ok_at("2026-11-20T09:00:00+07:00", &["export", "--format", "html"])
        .stdout;
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    assert_eq!(page.select(&select("table tbody tr[id]")).count(), 20);
    // The four phases head their steps, each with its progress.
    let phases: Vec<String> = page
        .select(&select("tr.phase"))
        .map(|row| row.text().collect())
        .collect();
    assert_eq!(phases.len(), 4, "{phases:?}");
    assert!(
        phases[0].starts_with("Foundations") && phases[0].ends_with("4/5 done"),
        "{phases:?}"
    );
    assert_eq!(page.select(&select("tr.done")).count(), 4);
    assert_eq!(
        page.select(&select("script")).count(),
        0,
        "a note became a script"
    );
    let notes: Vec<String> = page
        .select(&select(".notes li"))
        .map(|li| li.text().collect())
        .collect();
    assert!(
        notes
            .iter()
            .any(|note| note.contains("<script>alert('x')</script>")),
        "{notes:?}"
    );
    assert_eq!(
        page.select(&select("svg circle.completion")).count(),
        4,
        "one point per completion"
    );
    // Links to resources are links, not assets the page loads.
    for forbidden in ["src=", "<link", "@import", "url("] {
        assert!(!html.contains(forbidden), "external asset: {forbidden}");
    }
    insta::assert_snapshot!("export_html", html);

    // With a target, the chart marks it.
    smm.ok(&["plan", "--target", "2027-01-31"]);
    let html = smm.ok(&["export", "--format", "html"]).stdout;
    let page = scraper::Html::parse_document(&html);
    assert_eq!(page.select(&select("svg line.target")).count(), 1);
    let label: String = page
        .select(&select("svg text.target-label"))
        .flat_map(|label| label.text())
        .collect();
    assert_eq!(label, "target Jan 31, 2027", "{html}");
}

#[test]
fn html_looks_right_in_a_browser() {
    let smm = progress();
    let page = smm.home().join("progress.html");
    smm.test(&["export", "-f", "html", "-o"])
        .arg(&page)
        .expected_stdout(format!("Exported to {}.\n", page.display()))
        .run();
    crate::support::assert_draws_in_chromium(&smm, &page);
}

#[test]
fn the_portfolio_groups_evidence_by_step() {
    let smm = progress();
    let markdown = smm.ok(&["export", "--format", "portfolio"]).stdout;
    let headings: Vec<String> = {
        let mut headings = Vec::new();
        let mut in_heading = false;
        for event in pulldown_cmark::Parser::new(&markdown) {
            match event {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { .. }) => {
                    in_heading = true;
                    headings.push(String::new());
                }
                pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                    in_heading = false;
                }
                pulldown_cmark::Event::Text(text) if in_heading => {
                    if let Some(last) = headings.last_mut() {
                        last.push_str(&text);
                    }
                }
                _ => {}
            }
        }
        headings
    };
    assert_eq!(
        headings,
        [
            "Portfolio: A Career in Social Media Management",
            "1. Understand Social Media Platforms",
            "2. Education and Training",
            "3. Develop Your Creativity",
            "4. Choose a Niche or Industry"
        ]
    );
    // Step 2's note was not given as evidence: the portfolio leaves it out.
    assert_eq!(markdown.matches("No evidence yet.").count(), 4);
    assert!(!markdown.contains("script"), "{markdown}");
    insta::assert_snapshot!("export_portfolio", markdown);
}
