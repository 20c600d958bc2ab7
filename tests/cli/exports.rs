//! The JSON, CSV, HTML and portfolio exports, each read back with a real parser.

use crate::support::Smm;

/// A fixed history: four steps done on three days, one skipped, notes, one hostile.
fn progress() -> Smm {
    let smm = Smm::new();
    let run = |when: &str, args: &[&str]| {
        smm.ok_at(when, args);
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
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schema/export.schema.json"))
            .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&export)
        .map(|error| error.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
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
    let smm = Smm::new();
    let roadmap = "id: q\nversion: 1\ntitle: Q\nsteps:\n  - id: a\n    title: 'Plan, \"draft\", ship'\n    summary: S\n";
    let path = smm.write_file("q.yaml", roadmap);
    let text = smm
        .ok(&[
            "--roadmap",
            path.to_str().expect("UTF-8"),
            "export",
            "-f",
            "csv",
        ])
        .stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().expect("a row").expect("parses");
    assert_eq!(&row[2], "Plan, \"draft\", ship");
}

#[test]
fn html_is_self_contained_escaped_and_charts_every_completion() {
    let smm = progress();
    let html = smm
        .run_with_env(
            &[("SMM_PATH_NOW", "2026-11-20T09:00:00+07:00")],
            &["export", "--format", "html"],
        )
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
    assert!(html.contains("target Jan 31, 2027"), "{html}");
}

#[test]
fn html_looks_right_in_a_browser() {
    let smm = progress();
    let page = smm.home().join("progress.html");
    smm.ok(&["export", "-f", "html", "-o", page.to_str().expect("UTF-8")]);
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
                    in_heading = false
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
    assert_eq!(markdown.matches("No evidence yet.").count(), 3);
    assert!(markdown.contains("\\<script\\>"), "{markdown}");
    insta::assert_snapshot!("export_portfolio", markdown);
}
