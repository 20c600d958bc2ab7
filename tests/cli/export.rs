//! `export`: every format (Markdown, JSON, CSV, HTML, portfolio), its
//! whole text stated or snapshotted, and each read back with a real parser.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::support::{Smm, assert_matches_schema, builtin_roadmap, csv_export_of_roadmap};

/// One task-list item as a Markdown renderer sees it.
#[derive(Debug)]
struct Task {
    checked: bool,
    /// The item's own text, without nested lists.
    text: String,
    /// The nested task items (the practical actions): ticked, and text.
    actions: Vec<(bool, String)>,
    /// Text of the nested items without a checkbox (the notes).
    notes: Vec<String>,
}

/// A nested item while it is read: whether it has a checkbox, and its text.
struct Nested {
    checked: Option<bool>,
    text: String,
}

/// Parses with GitHub's extensions and returns the top-level task items.
fn tasks(markdown: &str) -> Vec<Task> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut tasks: Vec<Task> = Vec::new();
    let mut nested: Option<Nested> = None;
    let mut depth = 0;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth == 2 {
                    nested = Some(Nested {
                        checked: None,
                        text: String::new(),
                    });
                }
            }
            Event::End(TagEnd::Item) => {
                if depth == 2
                    && let (Some(item), Some(task)) = (nested.take(), tasks.last_mut())
                {
                    match item.checked {
                        Some(checked) => task.actions.push((checked, item.text)),
                        None => task.notes.push(item.text),
                    }
                }
                depth -= 1;
            }
            Event::TaskListMarker(checked) if depth == 1 => tasks.push(Task {
                checked,
                text: String::new(),
                actions: Vec::new(),
                notes: Vec::new(),
            }),
            Event::TaskListMarker(checked) if depth == 2 => {
                if let Some(item) = nested.as_mut() {
                    item.checked = Some(checked);
                }
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                match (depth, tasks.last_mut(), nested.as_mut()) {
                    (1, Some(task), _) => task.text.push_str(&text),
                    (2, _, Some(item)) => item.text.push_str(&text),
                    _ => {}
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(item) = nested.as_mut() {
                    item.text.push('\n');
                }
            }
            _ => {}
        }
    }
    tasks
}

/// Which actions of each step are ticked, as `(step, action)` numbers.
fn ticked_actions(tasks: &[Task]) -> Vec<(usize, usize)> {
    tasks
        .iter()
        .enumerate()
        .flat_map(|(step, task)| {
            task.actions
                .iter()
                .enumerate()
                .filter(|(_, (checked, _))| *checked)
                .map(move |(action, _)| (step + 1, action + 1))
        })
        .collect()
}

#[test]
fn checked_items_match_the_done_steps_and_actions_the_ticked_ones() {
    let smm = Smm::new();
    smm.ok(&["done", "1-3", "7"]);
    smm.ok(&["start", "4"]);
    smm.ok(&["skip", "12"]);
    smm.ok(&["check", "4.1,4.3"]);
    smm.ok(&["check", "20.2"]);
    let markdown = smm.ok(&["export"]).stdout;
    let tasks = tasks(&markdown);
    assert_eq!(tasks.len(), 20, "{markdown}");
    let checked: Vec<usize> = (1..=20).filter(|n| tasks[n - 1].checked).collect();
    assert_eq!(checked, vec![1, 2, 3, 7]);
    assert_eq!(
        tasks[0].text,
        "1. Understand Social Media Platforms — done Dec 5, 2026"
    );
    // Every action of the roadmap, under its own step, ticked as it was ticked.
    let actions: usize = tasks.iter().map(|task| task.actions.len()).sum();
    assert_eq!(
        actions,
        builtin_roadmap().matches("\n      - key: ").count()
    );
    assert_eq!(tasks[3].actions.len(), 4, "{markdown}");
    assert_eq!(ticked_actions(&tasks), [(4, 1), (4, 3), (20, 2)]);
    assert_eq!(
        tasks[3].actions[0].1,
        "Write down three industries that interest you and why."
    );
    assert!(tasks.iter().all(|task| task.notes.is_empty()));
    assert!(
        markdown.starts_with(
            "# A Career in Social Media Management\n\n**4/19 done (21%)** · 1 skipped\n"
        ),
        "{markdown}"
    );
    assert!(markdown.contains(
        "- [ ] 4\\. Choose a Niche or Industry — in progress Dec 5, 2026\n  \
         - [x] Write down three industries that interest you and why.\n  - [ ] "
    ));
    insta::assert_snapshot!("export_markdown", markdown);
}

#[test]
fn evidence_notes_say_so_after_the_actions() {
    let smm = Smm::new();
    smm.ok_at("2026-11-01T10:00:00+07:00", &["note", "5", "a thought"]);
    smm.ok_at(
        "2026-11-02T10:00:00+07:00",
        &[
            "note",
            "5",
            "--evidence",
            "portfolio: https://example.com/me",
        ],
    );
    let markdown = smm.ok(&["export"]).stdout;
    let tasks = tasks(&markdown);
    assert_eq!(tasks[4].actions.len(), 4, "{markdown}");
    assert_eq!(
        tasks[4].notes,
        [
            "Nov 1, 2026: a thought",
            "Nov 2, 2026 (evidence): portfolio: https://example.com/me"
        ]
    );
    // And in Indonesian.
    let markdown = smm
        .test(&["export"])
        .env("LANG", "id_ID.UTF-8")
        .any_stdout()
        .run()
        .stdout;
    assert_eq!(
        tasks_of(&markdown, 5).notes[1],
        "2 Nov 2026 (bukti): portfolio: https://example.com/me"
    );
}

fn tasks_of(markdown: &str, number: usize) -> Task {
    tasks(markdown).remove(number - 1)
}

/// A roadmap whose actions, title and name try to break out of their item.
const HOSTILE_ROADMAP: &str = "id: h\nversion: 1\ntitle: H\nsteps:\n\
    \x20 - id: a\n    title: A\n    summary: S\n    actions:\n\
    \x20     - '- [x] fake'\n\
    \x20     - '1. list <script>alert(1)</script>'\n\
    \x20     - '*bold* `code` [link](javascript:x) | ~~ # h'\n\
    \x20     - '=HYPERLINK(\"https://evil.example\",\"x\")'\n\
    \x20 - id: b\n    title: B\n    summary: S\n    actions: ['+ plus', '> quote']\n";

const HOSTILE_ACTIONS: [&str; 6] = [
    "- [x] fake",
    "1. list <script>alert(1)</script>",
    "*bold* `code` [link](javascript:x) | ~~ # h",
    "=HYPERLINK(\"https://evil.example\",\"x\")",
    "+ plus",
    "> quote",
];

/// A home on [`HOSTILE_ROADMAP`], named with markup, with actions 1.2 and
/// 2.1 ticked.
fn hostile_home() -> (Smm, std::path::PathBuf) {
    let smm = Smm::new();
    let roadmap = smm.write_file("roadmap.yaml", HOSTILE_ROADMAP);
    smm.test(&["--roadmap"])
        .arg(&roadmap)
        .args(&["check", "1.2", "2.1"])
        .any_stdout()
        .run();
    smm.ok(&["config", "name", HOSTILE_NAME]);
    (smm, roadmap)
}

const HOSTILE_NAME: &str = "# *Ayu* <b>x</b> [me](javascript:x) \\";

fn export_of(smm: &Smm, roadmap: &std::path::Path, args: &[&str]) -> String {
    smm.test(&["--roadmap"])
        .arg(roadmap)
        .arg("export")
        .args(args)
        .any_stdout()
        .run()
        .stdout
}

#[test]
fn hostile_actions_and_names_stay_text_in_markdown() {
    let (smm, roadmap) = hostile_home();
    for format in ["markdown", "portfolio"] {
        let markdown = export_of(&smm, &roadmap, &["-f", format]);
        let heading = markdown.lines().next().expect("a heading");
        let parsed: String = Parser::new(heading)
            .filter_map(|event| match event {
                Event::Text(text) => Some(text.to_string()),
                _ => None,
            })
            .collect();
        assert!(
            parsed.ends_with(&format!(" — {HOSTILE_NAME}")),
            "{format}: {heading}"
        );
        assert!(
            !Parser::new(heading).any(|event| matches!(
                event,
                Event::Start(Tag::Emphasis | Tag::Link { .. }) | Event::InlineHtml(_)
            )),
            "{format}: {heading}"
        );
    }
    let markdown = export_of(&smm, &roadmap, &[]);
    let tasks = tasks(&markdown);
    assert_eq!(tasks.len(), 2, "{markdown}");
    let actions: Vec<&str> = tasks
        .iter()
        .flat_map(|task| task.actions.iter().map(|(_, text)| text.as_str()))
        .collect();
    assert_eq!(actions, HOSTILE_ACTIONS, "{markdown}");
    assert_eq!(ticked_actions(&tasks), [(1, 2), (2, 1)]);
    assert!(
        tasks
            .iter()
            .all(|task| !task.checked && task.notes.is_empty())
    );
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
fn export_to_a_folder_asks_for_a_file_name() {
    let smm = Smm::new();
    let folder = smm.home().join("ex");
    std::fs::create_dir(&folder).expect("folder");
    let new_folder = format!(
        "{}{}",
        smm.home().join("new").display(),
        std::path::MAIN_SEPARATOR
    );
    let existing_with_separator = format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR);
    for path in [
        folder.display().to_string(),
        existing_with_separator,
        new_folder,
    ] {
        smm.test(&["export", "-o", &path])
            .expected_status(2)
            .expected_stderr(format!(
                "error: cannot write {path}: that is a folder; --output needs a file name, such as progress.md inside it\n"
            ))
            .writes_nothing()
            .run();
        smm.test(&["export", "-o", &path])
            .env("LANG", "id_ID.UTF-8")
            .expected_status(2)
            .expected_stderr(format!(
                "kesalahan: {path} tidak bisa ditulis: itu sebuah folder; --output perlu nama berkas, misalnya progress.md di dalamnya\n"
            ))
            .writes_nothing()
            .run();
    }
    assert!(std::fs::read_dir(&folder).expect("folder").next().is_none());
    assert!(!smm.home().join("new").exists());
}

#[test]
fn export_speaks_indonesian() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.ok(&["done", "1"]);
    smm.ok(&["check", "2.1"]);
    let markdown = smm.ok(&["export"]).stdout;
    assert!(
        markdown.starts_with(
            "# Pekerjaan Manajemen Media Sosial\n\n**1/20 selesai (5%)**\n\n\
             Fase: Fondasi 1/5 selesai · Produksi 0/5 selesai · Pertumbuhan 0/5 selesai · Profesional 0/5 selesai\n\n\
             Isi ditinjau: 1 Des 2026\n\n\
             - [x] 1\\. Pahami Platform Media Sosial — selesai 5 Des 2026\n"
        ),
        "{markdown}"
    );
    let tasks = tasks(&markdown);
    assert_eq!(tasks[1].text, "2. Pendidikan dan Pelatihan");
    assert_eq!(
        tasks[1].actions[0],
        (
            true,
            "Ikuti satu kursus gratis: Meta Blueprint (kursusnya gratis, ujian sertifikasinya \
             berbayar), Google Skillshop, atau HubSpot Academy."
                .to_string()
        )
    );
    assert!(markdown.ends_with("\nBerikutnya: 2. Pendidikan dan Pelatihan\n"));
    insta::assert_snapshot!("export_markdown_id", markdown);
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
    // Progress within steps: two actions of 5 ticked, one resource used,
    // evidence for 5.
    run("2026-11-15T10:00:00+07:00", &["check", "5.1-2"]);
    run("2026-11-15T11:00:00+07:00", &["used", "5.1"]);
    run(
        "2026-11-15T12:00:00+07:00",
        &["note", "5", "--evidence", "niche: beauty, =1+1"],
    );
    smm
}

#[test]
fn json_matches_its_schema_and_carries_the_history() {
    let smm = progress();
    let text = smm.ok(&["export", "--format", "json"]).stdout;
    let export: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let validator = assert_matches_schema(include_str!("../../schema/export.schema.json"), &export);
    // Nine commands, nine changes, all from this home's one device.
    let changes = export["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 9);
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
    assert_eq!(export["format_version"], 6);
    // The progress within the steps: actions ticked, resources used, evidence.
    let step = &export["steps"][4];
    assert_eq!(
        (
            step["actions_ticked"].as_u64(),
            step["actions_total"].as_u64()
        ),
        (Some(2), Some(4))
    );
    let ticked: Vec<(u64, &str, bool)> = step["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|action| {
            (
                action["number"].as_u64().expect("number"),
                action["key"].as_str().expect("key"),
                action["ticked"].as_bool().expect("ticked"),
            )
        })
        .collect();
    assert_eq!(
        ticked,
        [
            (1, "tidy-profiles", true),
            (2, "portfolio-page", true),
            (3, "three-skill-posts", false),
            (4, "case-study", false)
        ]
    );
    assert_eq!(step["actions"][0]["ticked_at"], "2026-11-15T10:00:00+07:00");
    assert_eq!(step["actions"][2]["ticked_at"], serde_json::Value::Null);
    let used: Vec<bool> = step["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .map(|resource| resource["used"] == true)
        .collect();
    assert_eq!(used.iter().filter(|used| **used).count(), 1, "{used:?}");
    assert!(used[0]);
    assert_eq!(export["steps"][4]["notes"][0]["evidence"], true);
    assert_eq!(export["steps"][1]["notes"][0]["evidence"], false);
    // The schema rejects what it should: a step with an unknown status, an
    // action whose tick is not a yes or no, a step without its actions.
    let mut broken = export.clone();
    broken["steps"][0]["status"] = "finished".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = export.clone();
    broken["steps"][4]["actions"][0]["ticked"] = "yes".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = export.clone();
    broken["steps"][4]
        .as_object_mut()
        .expect("a step")
        .remove("actions");
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
        [
            "#",
            "id",
            "Step",
            "Status",
            "Started",
            "Finished",
            "Notes",
            "Actions ticked",
            "Actions",
            "Evidence notes",
            "Resources used",
            "Ticked actions",
            "Note texts",
            "Skip reason"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.expect("row")).collect();
    assert_eq!(rows.len(), 20);
    assert_eq!(&rows[1][1], "education-and-training");
    assert_eq!(&rows[1][3], "done");
    assert_eq!(&rows[1][5], "2026-11-05");
    assert_eq!(&rows[1][6], "1");
    assert_eq!(&rows[4][3], "in progress");
    assert_eq!(&rows[4][4], "2026-11-13");
    // Step 5: two of four actions ticked, one resource used, one note, evidence.
    assert_eq!(cells(&rows[4], 6..11), ["1", "2", "4", "1", "1"]);
    assert_eq!(
        &rows[4][11],
        "Tidy up the bio, profile photo and links on your social accounts.\n\
         Make a simple portfolio page (Notion, Google Sites or Linktree)."
    );
    // Step 2: one note, not evidence.
    assert_eq!(cells(&rows[1], 6..11), ["1", "0", "5", "0", "0"]);
    assert_eq!(&rows[1][11], "");
    // The notes' text, not only their count; a formula-like note is text.
    assert_eq!(
        &rows[1][12],
        "<script>alert('x')</script> & certificate, \"signed\""
    );
    assert_eq!(&rows[4][12], "niche: beauty, =1+1");
    assert_eq!(&rows[0][12], "");
    // The skip reason has its own column, empty for a step not skipped.
    assert_eq!(&rows[11][3], "skipped");
    assert_eq!(&rows[11][13], "no ad budget");
    assert_eq!(&rows[1][13], "");
    assert!(rows.iter().all(|row| row.len() == 14));
    assert!(text.contains("\r\n"), "RFC 4180 lines end with CRLF");
    insta::assert_snapshot!("export_csv", text);

    // A note that a spreadsheet would run is kept as text, as other cells are.
    let smm = Smm::new();
    smm.ok(&["note", "1", "=HYPERLINK(\"http://x\",\"y\")"]);
    let text = smm.ok(&["export", "--format", "csv"]).stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let first = reader.records().next().expect("a row").expect("row");
    assert_eq!(&first[12], "'=HYPERLINK(\"http://x\",\"y\")");
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
    // Each step's actions: a disabled checkbox each, checked where ticked.
    let boxes = |css: &str| page.select(&select(css)).count();
    assert_eq!(
        boxes("tr#build-a-personal-portfolio ul.actions input[type=checkbox][disabled]"),
        4
    );
    assert_eq!(
        boxes("tr#build-a-personal-portfolio ul.actions input[checked]"),
        2
    );
    assert_eq!(boxes("ul.actions input[checked]"), 2, "only step 5's ticks");
    assert_eq!(
        boxes("ul.actions input"),
        builtin_roadmap().matches("\n      - key: ").count()
    );
    let first_action: String = page
        .select(&select("tr#build-a-personal-portfolio ul.actions li"))
        .next()
        .map(|li| li.text().collect())
        .unwrap_or_default();
    assert_eq!(
        first_action.trim(),
        "Tidy up the bio, profile photo and links on your social accounts."
    );
    assert_eq!(boxes("tr#build-a-personal-portfolio details .used"), 1);
    let evidence: Vec<String> = page
        .select(&select(".notes li.evidence"))
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(evidence, ["Nov 15, 2026 (evidence): niche: beauty, =1+1"]);
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
fn html_keeps_dates_on_one_line_and_strikes_only_a_skipped_title() {
    let smm = progress();
    let html = smm.ok(&["export", "--format", "html"]).stdout;
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let style: String = page
        .select(&select("style"))
        .flat_map(|s| s.text())
        .collect();
    // A date ("Nov 14, 2026", "14 Nov 2026") never breaks across lines.
    assert!(style.contains("td.date{white-space:nowrap}"), "{style}");
    let dates: Vec<String> = page
        .select(&select("tr[id] td.date"))
        .map(|cell| cell.text().collect())
        .filter(|text: &String| !text.is_empty())
        .collect();
    assert!(dates.contains(&"Nov 13, 2026".to_string()), "{dates:?}");
    // The line-through is on the title alone, not on the row (whose
    // status cell holds the skip reason).
    assert!(
        style.contains(".skipped .title{text-decoration:line-through}"),
        "{style}"
    );
    assert!(
        !style.contains(".skipped{color:#8c959f;text-decoration"),
        "{style}"
    );
    let row = page
        .select(&select("tr.skipped"))
        .next()
        .expect("a skipped row");
    let struck: String = row
        .select(&select(".title"))
        .flat_map(|title| title.text())
        .collect();
    assert!(!struck.contains("no ad budget"), "{struck}");
    let status: String = row
        .select(&select("td:nth-child(3)"))
        .flat_map(|cell| cell.text())
        .collect();
    assert!(status.contains("no ad budget"), "{status}");
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

#[test]
fn hostile_actions_and_names_stay_text_in_html() {
    let (smm, roadmap) = hostile_home();
    let html = export_of(&smm, &roadmap, &["-f", "html"]);
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let h1: String = page
        .select(&select("h1"))
        .flat_map(|h1| h1.text())
        .collect();
    assert_eq!(h1, format!("H — {HOSTILE_NAME}"));
    let title: String = page
        .select(&select("title"))
        .flat_map(|title| title.text())
        .collect();
    assert_eq!(title, h1);
    let actions: Vec<String> = page
        .select(&select("ul.actions li"))
        .map(|li| li.text().collect::<String>().trim().to_string())
        .collect();
    assert_eq!(actions, HOSTILE_ACTIONS);
    let ticked: Vec<bool> = page
        .select(&select("ul.actions input"))
        .map(|input| input.value().attr("checked").is_some())
        .collect();
    assert_eq!(ticked, [false, true, false, false, true, false]);
    assert_eq!(
        page.select(&select("script, b, a[href]")).count(),
        0,
        "{html}"
    );
}

#[test]
fn csv_ticked_actions_that_would_run_as_formulas_read_back_as_text() {
    let (smm, roadmap) = hostile_home();
    smm.test(&["--roadmap"])
        .arg(&roadmap)
        .args(&["check", "1.4"])
        .any_stdout()
        .run();
    let text = export_of(&smm, &roadmap, &["-f", "csv"]);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|row| row.expect("a CSV row"))
        .collect();
    assert_eq!(rows.len(), 2, "one row per step, however many actions");
    assert_eq!(cells(&rows[0], 7..11), ["2", "4", "0", "0"]);
    assert_eq!(
        &rows[0][11],
        "1. list <script>alert(1)</script>\n=HYPERLINK(\"https://evil.example\",\"x\")"
    );
    // The cell starts with the `+`: it gets its quote, as a title would.
    assert_eq!(&rows[1][11], "'+ plus");
    assert!(!text.contains(HOSTILE_NAME), "a CSV row names no learner");
}

/// The first line's text, as a Markdown renderer reads it.
fn heading(markdown: &str) -> String {
    let line = markdown.lines().next().unwrap_or_default();
    Parser::new(line)
        .filter_map(|event| match event {
            Event::Text(text) => Some(text.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_learners_name_heads_the_exports_unless_left_out() {
    let smm = Smm::new();
    let name = "Ayu <b>&</b> *Rahma*";
    smm.ok(&["config", "name", name]);
    let title = "A Career in Social Media Management";
    let export = |args: &[&str]| smm.test(&["export"]).args(args).any_stdout().run().stdout;
    let html_heading = |html: &str| -> String {
        let page = scraper::Html::parse_document(html);
        let h1 = scraper::Selector::parse("h1").expect("selector");
        assert_eq!(
            page.select(&scraper::Selector::parse("b, em").expect("selector"))
                .count(),
            0,
            "{html}"
        );
        page.select(&h1).flat_map(|h1| h1.text()).collect()
    };

    assert_eq!(heading(&export(&[])), format!("{title} — {name}"));
    assert_eq!(
        heading(&export(&["-f", "portfolio"])),
        format!("Portfolio: {title} — {name}")
    );
    assert_eq!(
        html_heading(&export(&["-f", "html"])),
        format!("{title} — {name}")
    );
    let json: serde_json::Value = serde_json::from_str(&export(&["-f", "json"])).expect("JSON");
    assert_eq!(json["learner"], name);

    // `--name` for this export only.
    assert_eq!(
        heading(&export(&["--name", "Budi"])),
        format!("{title} — Budi")
    );

    // `--no-name`: no name anywhere.
    assert_eq!(heading(&export(&["--no-name"])), title);
    assert_eq!(
        heading(&export(&["-f", "portfolio", "--no-name"])),
        format!("Portfolio: {title}")
    );
    let html = export(&["-f", "html", "--no-name"]);
    assert_eq!(html_heading(&html), title);
    assert!(!html.contains("Ayu"), "{html}");
    let json: serde_json::Value =
        serde_json::from_str(&export(&["-f", "json", "--no-name"])).expect("JSON");
    assert_eq!(json.get("learner"), None);

    // Both at once is a mistake the user is told of.
    smm.test(&["export", "--name", "Budi", "--no-name"])
        .expected_status(2)
        .stderr_contains("'--name <NAME>' cannot be used with '--no-name'")
        .run();
}

/// An export as smm-path wrote it in format version 4, before the actions:
/// step 1 done with a note, by another device.
const VERSION_4_EXPORT: &str = r#"{
  "format": "smm-path-export",
  "format_version": 4,
  "exported_at": "2026-10-02T09:00:00+07:00",
  "device": "old-laptop",
  "learner": "Ayu",
  "roadmap": {"id": "social-media-manager", "version": 3, "title": "A Career in Social Media Management"},
  "language": "en",
  "summary": {"done": 1, "in_progress": 0, "skipped": 0, "todo": 19, "total": 20, "counted": 20, "percent": 5},
  "next": {"number": 2, "id": "education-and-training", "title": "Education and Training"},
  "steps": [
    {"number": 1, "id": "understand-platforms", "title": "Understand Social Media Platforms",
     "status": "done", "started": null, "finished": "2026-10-01T10:00:00+07:00", "skip_reason": null,
     "notes": [{"at": "2026-10-01T11:00:00+07:00", "text": "from the old laptop"}],
     "phase": "foundations", "reviewed": "2026-09-01"}
  ],
  "changes": [
    {"id": "0123456789abcdef0123456789abcdef", "device": "old-laptop", "seq": 1,
     "at": "2026-10-01T10:00:00+07:00", "roadmap": "social-media-manager", "command": "done 1",
     "ops": [{"op": "status", "step": "understand-platforms", "from": "todo", "to": "done",
              "finished": "2026-10-01T10:00:00+07:00"}]},
    {"id": "fedcba9876543210fedcba9876543210", "device": "old-laptop", "seq": 2,
     "at": "2026-10-01T11:00:00+07:00", "roadmap": "social-media-manager", "command": "note 1",
     "ops": [{"op": "note", "step": "understand-platforms", "at": "2026-10-01T11:00:00+07:00",
              "text": "from the old laptop"}]}
  ]
}
"#;

#[test]
fn a_version_4_export_is_still_imported_and_read_by_the_cohort() {
    let smm = Smm::new();
    smm.ok(&["check", "5.1"]);
    let old = smm.write_file("old.json", VERSION_4_EXPORT);
    smm.test(&["import"]).arg(&old).any_stdout().run();
    assert_eq!(smm.step_status(1), "done");
    assert_eq!(smm.notes_of(1), ["from the old laptop"]);
    // What was here stays: the tick made before the import.
    let json: serde_json::Value =
        serde_json::from_str(&smm.ok(&["export", "-f", "json"]).stdout).expect("JSON");
    assert_eq!(json["steps"][4]["actions"][0]["ticked"], true);
    assert_eq!(json["steps"][0]["status"], "done");
    // And a mentor's cohort reads the old file, under its learner's name.
    let cohort = smm.test(&["cohort"]).arg(&old).any_stdout().run().stdout;
    assert!(cohort.contains("Ayu"), "{cohort}");
}

/// The cells of `row` in `range`.
fn cells(row: &csv::StringRecord, range: std::ops::Range<usize>) -> Vec<&str> {
    row.iter()
        .skip(range.start)
        .take(range.end - range.start)
        .collect()
}

/// The README's Markdown sample, made by the commands it describes: every
/// line of it but the `…` that marks a cut is in the export, in order.
#[test]
fn the_readmes_markdown_sample_is_what_export_prints() {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("```markdown\n# A Career in Social Media Management")
        .expect("the README has the Markdown sample");
    let sample = &readme[start + "```markdown\n".len()..];
    let sample = &sample[..sample.find("```").expect("the sample ends")];

    let smm = Smm::new();
    smm.ok(&["done", "1", "--on", "2026-11-01"]);
    smm.ok(&["done", "2", "--on", "2026-11-05"]);
    smm.ok(&[
        "note",
        "2",
        "--on",
        "2026-11-05",
        "<script>alert('x')</script> & certificate, \"signed\"",
    ]);
    smm.ok(&["start", "5", "--on", "2026-11-13"]);
    smm.ok(&["check", "5.1", "5.2"]);
    smm.ok(&[
        "note",
        "5",
        "--evidence",
        "--on",
        "2026-11-15",
        "niche: beauty, =1+1",
    ]);
    smm.ok(&["skip", "12", "--reason", "no ad budget"]);
    let export = smm.ok(&["export"]).stdout;

    let mut lines = export.lines();
    for wanted in sample.lines().filter(|line| line.trim() != "…") {
        assert!(
            lines.any(|line| line == wanted),
            "README line not in the export, or out of order: {wanted:?}\n{export}"
        );
    }
}
