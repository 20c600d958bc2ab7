//! `cohort`: a mentor's report over a generated cohort with known answers,
//! in every format, each read back by a real parser; what is skipped and
//! why; one learner on two devices counted once.

use std::path::Path;
use std::time::Duration;

use crate::support::{SEP, Smm, assert_matches_schema, builtin_roadmap};

const TODAY: &str = "2026-11-28T10:00:00+07:00";

/// The built-in roadmap's step ids, in order.
fn step_ids() -> Vec<String> {
    let roadmap = builtin_roadmap();
    // The phases' items (`- id: fondasi`) come after the steps.
    let steps = roadmap.split("\nphases:").next().unwrap_or(roadmap);
    steps
        .lines()
        .filter_map(|line| line.strip_prefix("  - id: "))
        .map(str::to_string)
        .collect()
}

/// An export as `smm-path export -f json` writes it, with the steps given
/// as (number, status, started day, finished day) and the devices its
/// changes came from.
fn export(
    name: &str,
    steps: &[(usize, &str, &str, &str)],
    devices: &[&str],
    target: &str,
) -> String {
    let ids = step_ids();
    let time = |day: &str| {
        if day.is_empty() {
            serde_json::Value::Null
        } else {
            format!("{day}T10:00:00+07:00").into()
        }
    };
    let steps: Vec<serde_json::Value> = ids
        .iter()
        .enumerate()
        .map(|(index, id)| {
            let given = steps.iter().find(|(number, ..)| *number == index + 1);
            let (status, started, finished) = given
                .map_or(("todo", "", ""), |(_, status, started, finished)| {
                    (*status, *started, *finished)
                });
            serde_json::json!({
                "number": index + 1, "id": id, "title": id, "status": status,
                "started": time(started), "finished": time(finished),
                "skip_reason": null, "notes": [],
            })
        })
        .collect();
    let changes: Vec<serde_json::Value> = devices
        .iter()
        .map(|device| serde_json::json!({"device": device, "seq": 1}))
        .collect();
    let mut json = serde_json::json!({
        "format": "smm-path-export", "format_version": 2, "learner": name,
        "roadmap": {"id": "social-media-manager", "version": 2, "title": "x"},
        "steps": steps, "changes": changes,
    });
    if !target.is_empty() {
        json["target"] = target.into();
    }
    json.to_string()
}

/// Four learners with known answers, as of [`TODAY`]:
/// - Ayu: steps 1-4 done, two days each, step 5 in progress since Nov 21; target Jan 31.
/// - Budi: step 1 done in 10 days, step 2 in progress since Oct 12: stuck on a step.
/// - Citra: nothing yet: inactive.
/// - Dewi: every step done, one day each, in September.
fn cohort(dir: &Path) {
    let write = |name: &str, text: String| std::fs::write(dir.join(name), text).expect("write");
    write(
        "ayu.json",
        export(
            "Ayu",
            &[
                (1, "done", "2026-11-01", "2026-11-03"),
                (2, "done", "2026-11-03", "2026-11-05"),
                (3, "done", "2026-11-05", "2026-11-07"),
                (4, "done", "2026-11-18", "2026-11-20"),
                (5, "in-progress", "2026-11-21", ""),
            ],
            &["a1"],
            "2027-01-31",
        ),
    );
    write(
        "budi.json",
        export(
            "Budi",
            &[
                (1, "done", "2026-10-01", "2026-10-11"),
                (2, "in-progress", "2026-10-12", ""),
            ],
            &["b1"],
            "",
        ),
    );
    write("citra.json", export("Citra", &[], &["c1"], ""));
    let all: Vec<(usize, &str, &str, &str)> = (1..=20)
        .map(|number| (number, "done", "2026-09-01", "2026-09-02"))
        .collect();
    write("dewi.json", export("Dewi", &all, &["d1"], ""));
}

fn smm_at_today() -> Smm {
    Smm::new().env("SMM_PATH_NOW", TODAY).env("COLUMNS", "160")
}

#[test]
fn the_table_wraps_whole_words_as_status_does() {
    let smm = smm_at_today();
    let dir = smm.home().join("exports");
    std::fs::create_dir(&dir).expect("dir");
    cohort(&dir);
    let dir_text = dir.to_str().expect("UTF-8");
    for columns in ["100", "120"] {
        let text = smm
            .test(&["cohort", dir_text])
            .env("COLUMNS", columns)
            .env("LANG", "id_ID.UTF-8")
            .any_stdout()
            .run()
            .stdout;
        let table: Vec<&str> = text
            .lines()
            .skip(3)
            .take_while(|line| !line.is_empty())
            .collect();
        assert!(
            table
                .iter()
                .all(|line| line.chars().count() <= 100.max(columns.parse().unwrap_or(0))),
            "{text}"
        );
        // No header is cut inside a word ("Langkah/min" over "ggu").
        assert!(text.contains("Langkah/minggu"), "{text}");
        assert!(
            !table
                .iter()
                .any(|line| line.split_whitespace().any(|w| w == "ggu")),
            "{text}"
        );
    }
}

#[test]
fn a_cohort_with_known_answers_in_every_format() {
    let smm = smm_at_today();
    let dir = smm.home().join("exports");
    std::fs::create_dir(&dir).expect("dir");
    cohort(&dir);
    let dir_text = dir.to_str().expect("UTF-8");

    // The table, sorted by progress: Dewi, Ayu, Budi, Citra.
    smm.test(&["cohort", dir_text])
        .expected_stdout(
            "
            A Career in Social Media Management
            4 learners; 2 stuck (in progress on one step, or inactive, for more than 14 days)

             Learner  Done                   Current step                          Current action     Days inactive  Steps/week  Est. finish   Target          Stuck
            ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
             Dewi     20/20 ██████████ 100%                                                           87             0.0         finished
             Ayu      4/20 ██░░░░░░░░ 20%    5. Build a Personal Portfolio         5.1 tidy-profiles  7              1.0         Mar 20, 2027  48 days behind
             Budi     1/20 ░░░░░░░░░░ 5%     2. Education and Training             2.1 free-course    47             0.0         —                             on one step
             Citra    0/20 ░░░░░░░░░░ 0%     1. Understand Social Media Platforms  1.1 real-accounts                 0.0         —                             inactive

            Learners who finished each step:
              1. Understand Social Media Platform ████████████████████    3  median 2.0 days
              2. Education and Training           █████████████           2  median 1.5 days
              3. Develop Your Creativity          █████████████           2  median 1.5 days
              4. Choose a Niche or Industry       █████████████           2  median 1.5 days
              5. Build a Personal Portfolio       ██████                  1  median 1.0 days
              6. Understand the Target Audience   ██████                  1  median 1.0 days
              7. Analysis and Market Research     ██████                  1  median 1.0 days
              8. Content Strategy                 ██████                  1  median 1.0 days
              9. Create Quality Content           ██████                  1  median 1.0 days
             10. A Consistent Posting Schedule    ██████                  1  median 1.0 days
             11. Engagement and Responsiveness    ██████                  1  median 1.0 days
             12. Paid Social Advertising          ██████                  1  median 1.0 days
             13. Campaigns and Contests           ██████                  1  median 1.0 days
             14. Measurement and Analytics        ██████                  1  median 1.0 days
             15. Customer Service                 ██████                  1  median 1.0 days
             16. Continuous Learning              ██████                  1  median 1.0 days
             17. Collaboration and Networking     ██████                  1  median 1.0 days
             18. Marketing Yourself               ██████                  1  median 1.0 days
             19. Compliance and Ethics            ██████                  1  median 1.0 days
             20. Feedback and Evaluation          ██████                  1  median 1.0 days

            Activity, last 12 weeks:
                Sep     Oct     Nov
            Mon · · · · · ░ · · · · · ·
            Tue · · · · · · · · ░ · · ·
            Wed · · · · · · · · · · ░ ·
            Thu · · · ░ · · · · ░ · · ·
            Fri · · · · · · · · · · ░ ·
            Sat · · · · · · · · ░ · ░ ·
            Sun · · · · ░ · · ░ · · ·
                less · ░ ▒ ▓ █ more
            ",
        )
        .run();

    // In Indonesian the decimals are written with a comma, as `stats` does.
    let indonesian = smm.ok(&["--lang", "id", "cohort", dir_text]).stdout;
    for number in ["median 1,5 hari", "median 2,0 hari", " 1,0 "] {
        assert!(indonesian.contains(number), "{number}:\n{indonesian}");
    }
    assert!(
        !indonesian.contains("1.5") && !indonesian.contains("0.0"),
        "{indonesian}"
    );

    // JSON: valid against its schema, with the funnel's medians.
    let text = smm.ok(&["cohort", dir_text, "--format", "json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_matches_schema(include_str!("../../schema/cohort.schema.json"), &json);
    assert_eq!(json["summary"]["learners"], 4);
    assert_eq!(json["summary"]["stuck"], 2);
    let funnel = &json["funnel"];
    // Step 1: Ayu 2 days, Budi 10, Dewi 1: three finished, median 2.
    assert_eq!(funnel[0]["finished"], 3);
    assert_eq!(funnel[0]["median_days"], 2.0);
    // Step 2: Ayu 2 days, Dewi 1: median 1.5. Step 5: Dewi alone.
    assert_eq!(funnel[1]["finished"], 2);
    assert_eq!(funnel[1]["median_days"], 1.5);
    assert_eq!(funnel[4]["finished"], 1);
    let learner = |name: &str| {
        json["learners"]
            .as_array()
            .expect("learners")
            .iter()
            .find(|learner| learner["name"] == name)
            .cloned()
            .expect("the learner")
    };
    assert_eq!(learner("Ayu")["current_step"], 5);
    assert_eq!(learner("Ayu")["days_inactive"], 7);
    assert_eq!(learner("Ayu")["target"], "2027-01-31");
    assert_eq!(learner("Ayu")["pace_per_week"], 1.0, "4 steps in 4 weeks");
    assert_eq!(learner("Budi")["stuck"], "on_step");
    assert_eq!(learner("Citra")["stuck"], "inactive");
    assert_eq!(learner("Dewi")["stuck"], serde_json::Value::Null);
    assert!(
        learner("Ayu").get("notes").is_none(),
        "notes only with --notes"
    );

    // CSV: one row per learner, read back.
    let text = smm
        .ok(&["cohort", dir_text, "-f", "csv", "--sort", "name"])
        .stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.expect("row")).collect();
    let names: Vec<&str> = rows.iter().map(|row| &row[0]).collect();
    assert_eq!(names, ["Ayu", "Budi", "Citra", "Dewi"]);
    assert_eq!(&rows[0][1], "4");
    assert_eq!(&rows[1][10], "on_step");

    // HTML: the table, the funnel's 20 bars, the activity grid; nothing loaded from elsewhere.
    let html = smm.ok(&["cohort", dir_text, "-f", "html"]).stdout;
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    assert_eq!(page.select(&select("table.learners tbody tr")).count(), 4);
    assert_eq!(page.select(&select("tr.stuck")).count(), 2);
    assert_eq!(page.select(&select("svg.funnel rect.bar")).count(), 20);
    assert!(page.select(&select("svg.activity rect")).count() >= 78);
    assert_eq!(page.select(&select("script, link, img")).count(), 0);
    for forbidden in ["href=", "src=", "url("] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    let page = smm.home().join("cohort.html");
    std::fs::write(&page, &html).expect("write");
    crate::support::assert_draws_in_chromium(&smm, &page);
}

#[test]
fn what_cannot_be_read_is_listed_as_skipped_and_the_rest_still_comes_out() {
    let smm = smm_at_today();
    let dir = smm.home().join("exports");
    std::fs::create_dir(&dir).expect("dir");
    cohort(&dir);
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).expect("write");
    write("notes.json", "{\"hello\": 1}");
    let ayu = std::fs::read_to_string(dir.join("ayu.json")).expect("ayu");
    write("damaged.json", &ayu[..ayu.len() / 2]);
    write(
        "newer.json",
        &ayu.replace("\"format_version\":2", "\"format_version\":99"),
    );
    write(
        "other.json",
        &ayu.replace("social-media-manager", "another-path")
            .replace("a1", "x1"),
    );
    write("ayu-again.json", &ayu);
    let json: serde_json::Value = serde_json::from_str(
        &smm.ok(&["cohort", dir.to_str().expect("UTF-8"), "-f", "json"])
            .stdout,
    )
    .expect("JSON");
    assert_eq!(json["summary"]["learners"], 4);
    let skipped: Vec<(String, String)> = json["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|entry| {
            let path = entry["path"].as_str().unwrap_or_default();
            let name = Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            (
                name.unwrap_or_default(),
                entry["reason"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let reason = |name: &str| {
        skipped.iter().find(|(file, _)| file == name).map_or_else(
            || panic!("{name} not skipped: {skipped:?}"),
            |(_, reason)| reason.clone(),
        )
    };
    assert_eq!(reason("notes.json"), "not an smm-path export");
    // Half an export is one cut short, not something else (issue 22).
    assert_eq!(
        reason("damaged.json"),
        "incomplete: its JSON stops before the end (a copy cut short?)"
    );
    assert_eq!(
        reason("newer.json"),
        "written by a newer smm-path (format 99)"
    );
    assert_eq!(
        reason("other.json"),
        "an export of the roadmap `another-path`, not of this one"
    );
    // `ayu-again.json` sorts first, so `ayu.json` is the copy.
    assert_eq!(
        reason("ayu.json"),
        format!(
            "the same learner as {}",
            dir.join("ayu-again.json").display()
        )
    );

    // Nothing readable: exit 1 with a clear message; an empty folder says so.
    let empty = smm.home().join("empty");
    std::fs::create_dir(&empty).expect("dir");
    smm.test(&["cohort"])
        .arg(&empty)
        .expected_status(1)
        .expected_stdout(
            format!(
                "{home}{SEP}empty: {home}{SEP}empty holds no exports and no sync folder\n",
                home = smm.home().display()
            ),
        )
        .expected_stderr(
            "error: no learner's progress was read: give JSON exports (`smm-path export -f json`), folders of them, or sync folders\n",
        )
        .run();
}

#[test]
fn one_learner_on_two_devices_counts_once() {
    let laptop = Smm::new();
    let phone = Smm::new();
    let outside = tempfile::tempdir().expect("tempdir");
    let folder = outside.path().join("ayu-sync");
    let folder_text = folder.to_str().expect("UTF-8");
    laptop.ok(&["config", "name", "Ayu Lestari"]);
    laptop.ok_at("2026-11-01T10:00:00+07:00", &["done", "1"]);
    phone.ok_at("2026-11-02T10:00:00+07:00", &["done", "2"]);
    laptop.ok(&["sync", folder_text]);
    phone.ok(&["sync", folder_text]);
    laptop.ok(&["sync", folder_text]);
    // The same learner's export, made after the sync, is a duplicate.
    let exports = outside.path().join("exports");
    std::fs::create_dir(&exports).expect("dir");
    let export = exports.join("ayu.json");
    laptop.ok(&[
        "export",
        "-f",
        "json",
        "-o",
        export.to_str().expect("UTF-8"),
    ]);
    let mentor = smm_at_today();
    let json: serde_json::Value = serde_json::from_str(
        &mentor
            .ok(&[
                "cohort",
                folder_text,
                exports.to_str().expect("UTF-8"),
                "-f",
                "json",
            ])
            .stdout,
    )
    .expect("JSON");
    assert_eq!(json["summary"]["learners"], 1, "{json:#}");
    assert_eq!(json["learners"][0]["name"], "Ayu Lestari");
    assert_eq!(json["learners"][0]["done"], 2);
    assert_eq!(
        json["skipped"].as_array().map(Vec::len),
        Some(1),
        "{json:#}"
    );
}

#[test]
fn notes_are_shown_only_when_asked_for() {
    let learner = Smm::new();
    learner.ok(&["note", "1", "private thought"]);
    let export = learner.home().join("ayu.json");
    learner.ok(&[
        "export",
        "-f",
        "json",
        "--name",
        "Ayu",
        "-o",
        export.to_str().expect("UTF-8"),
    ]);
    let mentor = smm_at_today();
    let path = export.to_str().expect("UTF-8");
    let without = mentor.ok(&["cohort", path, "-f", "html"]).stdout;
    assert!(!without.contains("private thought"));
    let with = mentor.ok(&["cohort", path, "-f", "html", "--notes"]).stdout;
    assert!(with.contains("private thought"));
    let json = mentor.ok(&["cohort", path, "-f", "json", "--notes"]).stdout;
    assert!(json.contains("\"text\": \"private thought\""), "{json}");
    // A name that would act on a terminal is refused.
    learner
        .test(&["config", "name", "\u{1b}[2Jx"])
        .expected_status(2)
        .expected_stderr(
            "error: `\\u{1b}[2Jx` cannot be a name: give 1 to 100 characters, with no control characters\n",
        )
        .run();
}

#[test]
fn links_in_the_notes_are_links_as_in_the_learners_page() {
    let learner = Smm::new();
    learner.ok(&[
        "note",
        "1",
        "see https://example.com/post, mailto:ayu@example.com and javascript:alert(1)",
    ]);
    let export = learner.home().join("ayu.json");
    learner.ok(&[
        "export",
        "-f",
        "json",
        "--name",
        "Ayu",
        "-o",
        export.to_str().expect("UTF-8"),
    ]);
    let mentor = smm_at_today();
    let html = mentor
        .ok(&[
            "cohort",
            export.to_str().expect("UTF-8"),
            "-f",
            "html",
            "--notes",
        ])
        .stdout;
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let links: Vec<&str> = page
        .select(&select("tr.notes a[href]"))
        .filter_map(|link| link.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        ["https://example.com/post", "mailto:ayu@example.com"],
        "{html}"
    );
}

#[test]
fn duckdb_computes_the_same_funnel_from_the_exports() {
    let sql = include_str!("../../examples/cohort_funnel.sql");
    assert!(
        include_str!("../../README.md").contains(sql.trim()),
        "the README shows examples/cohort_funnel.sql as it is"
    );
    let probe = std::process::Command::new("python3")
        .args(["-c", "import duckdb"])
        .output();
    if !probe.is_ok_and(|output| output.status.success()) {
        eprintln!("skipped: DuckDB's Python package is not installed (.ci/run installs it)");
        return;
    }
    let smm = smm_at_today();
    let dir = smm.home().join("exports");
    std::fs::create_dir(&dir).expect("dir");
    cohort(&dir);
    let script = "import duckdb, json, sys\n\
        rows = duckdb.connect().execute(sys.stdin.read()).fetchall()\n\
        print(json.dumps([[r[0], r[2], r[3]] for r in rows]))";
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .current_dir(smm.home())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), sql.as_bytes())
        .expect("the SQL");
    let output = child.wait_with_output().expect("DuckDB's answer");
    let duck: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON rows");
    let ours: serde_json::Value = serde_json::from_str(
        &smm.ok(&["cohort", dir.to_str().expect("UTF-8"), "-f", "json"])
            .stdout,
    )
    .expect("JSON");
    let ours: Vec<serde_json::Value> = ours["funnel"]
        .as_array()
        .expect("funnel")
        .iter()
        .map(|step| serde_json::json!([step["number"], step["finished"], step["median_days"]]))
        .collect();
    assert_eq!(duck, serde_json::Value::Array(ours));
}

#[test]
#[cfg_attr(windows, ignore = "Windows has no FIFOs (mkfifo)")]
fn fifos_a_sync_peer_or_a_hostile_share_left_block_nothing() {
    let laptop = Smm::new();
    let outside = tempfile::tempdir().expect("tempdir");
    let folder = outside.path().join("ayu-sync");
    let folder_text = folder.to_str().expect("UTF-8");
    laptop.ok(&["done", "1"]);
    laptop.ok(&["sync", folder_text]);
    let exports = outside.path().join("exports");
    std::fs::create_dir(&exports).expect("dir");
    let mkfifo = |path: &Path| {
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|status| status.success())
    };
    let fifo_arg = outside.path().join("pipe");
    if !(mkfifo(&folder.join("learner.txt"))
        && mkfifo(&exports.join("pipe.json"))
        && mkfifo(&fifo_arg))
    {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    let mentor = smm_at_today();
    let output = mentor
        .test(&[
            "cohort",
            folder_text,
            exports.to_str().expect("UTF-8"),
            fifo_arg.to_str().expect("UTF-8"),
            "-f",
            "json",
        ])
        .time_limit(Duration::from_secs(10))
        .any_stdout()
        .run();
    let json: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    assert_eq!(json["summary"]["learners"], 1);
    // The unreadable name falls back to the folder's.
    assert_eq!(json["learners"][0]["name"], "ayu-sync");
    let reasons: Vec<&str> = json["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .filter_map(|entry| entry["reason"].as_str())
        .collect();
    assert!(
        reasons.contains(&"not a plain file or folder"),
        "{reasons:?}"
    );
    // `sync --name` replaces the FIFO with the name.
    laptop.ok(&["sync", folder_text, "--name", "Ayu"]);
    let name = std::fs::read_to_string(folder.join("learner.txt")).expect("a plain file now");
    assert_eq!(name, "Ayu\n");
    // A FIFO as the home's config.yaml is an error, not a hang.
    std::fs::remove_file(laptop.home().join("config.yaml")).ok();
    if mkfifo(&laptop.home().join("config.yaml")) {
        laptop
            .test(&["export", "-f", "json"])
            .expected_status(1)
            .expected_stderr(
                format!(
                    "error: cannot read the progress file {home}{SEP}config.yaml: not a plain file (a FIFO, a device or a socket); it was left untouched\n",
                    home = laptop.home().display()
                ),
            )
            .run();
    }
}

// One learner, many machines: who is who across files.

/// Copies `from`'s home into `to`'s, as a bootcamp hands out a starter home.
fn copy_home(from: &Smm, to: &Smm) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("dir");
        for entry in std::fs::read_dir(from).expect("read the home") {
            let entry = entry.expect("entry");
            let target = to.join(entry.file_name());
            if entry.file_type().expect("type").is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
    }
    copy(from.home(), to.home());
}

/// The cohort report of `paths` as JSON, read back.
fn cohort_json(paths: &[&Path]) -> serde_json::Value {
    let mut args = vec!["cohort".to_string(), "-f".into(), "json".into()];
    args.extend(paths.iter().map(|path| path.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    serde_json::from_str(&smm_at_today().ok(&args).stdout).expect("JSON")
}

/// The names of the skipped files and their reasons.
fn skipped(json: &serde_json::Value) -> Vec<(String, String)> {
    json["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|entry| {
            let path = Path::new(entry["path"].as_str().unwrap_or_default());
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            (
                name.unwrap_or_default(),
                entry["reason"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn three_learners_from_one_starter_home_count_as_three() {
    let starter = Smm::new();
    starter.ok_at("2026-11-01T10:00:00+07:00", &["done", "1"]);
    let outside = tempfile::tempdir().expect("tempdir");
    let exports = outside.path().join("exports");
    std::fs::create_dir(&exports).expect("dir");
    let learners = [("Ayu", "2"), ("Budi", "2-3"), ("Citra", "2-4")];
    for (index, (name, steps)) in learners.iter().enumerate() {
        let learner = Smm::new();
        copy_home(&starter, &learner);
        learner.ok(&["config", "name", name]);
        let when = format!("2026-11-1{index}T10:00:00+07:00");
        learner.ok_at(&when, &["done", steps]);
        learner.export_to(&exports.join(format!("{name}.json")));
    }
    let json = cohort_json(&[&exports]);
    assert_eq!(json["summary"]["learners"], 3, "{json:#}");
    for (name, done) in [("Ayu", 2), ("Budi", 3), ("Citra", 4)] {
        let row = json["learners"]
            .as_array()
            .expect("learners")
            .iter()
            .find(|row| row["name"] == name)
            .unwrap_or_else(|| panic!("no row for {name}: {json:#}"));
        assert_eq!(row["done"], done, "{name}");
    }
}

#[test]
fn copies_that_kept_the_starters_device_still_count_apart() {
    // Exports an older smm-path wrote (format 2): each copy of the starter
    // home went on as its device, numbering its changes on from the starter's.
    let dir = tempfile::tempdir().expect("tempdir");
    for (index, name) in ["Ayu", "Budi", "Citra"].iter().enumerate() {
        let mut json: serde_json::Value = serde_json::from_str(&export(
            name,
            &[(1, "done", "2026-11-01", "2026-11-01")],
            &[],
            "",
        ))
        .expect("JSON");
        let change = |seq: usize, day: &str, command: &str| {
            serde_json::json!({
                "device": "starter", "seq": seq, "at": format!("{day}T10:00:00+07:00"),
                "roadmap": "social-media-manager", "command": command, "ops": [],
            })
        };
        json["changes"] = serde_json::json!([
            change(1, "2026-11-01", "done 1"),
            change(2, &format!("2026-11-1{index}"), name),
        ]);
        std::fs::write(dir.path().join(format!("{name}.json")), json.to_string()).expect("write");
    }
    let json = cohort_json(&[dir.path()]);
    assert_eq!(json["summary"]["learners"], 3, "{json:#}");
}

#[test]
fn a_learners_older_and_newer_exports_count_once_with_the_newer_state() {
    let ayu = Smm::new();
    ayu.ok(&["config", "name", "Ayu"]);
    let outside = tempfile::tempdir().expect("tempdir");
    let exports = outside.path().join("exports");
    std::fs::create_dir(&exports).expect("dir");
    ayu.ok_at("2026-11-01T10:00:00+07:00", &["done", "1"]);
    // The older file sorts first.
    ayu.export_to(&exports.join("ayu-1-november.json"));
    ayu.ok_at("2026-11-20T10:00:00+07:00", &["done", "2-6"]);
    ayu.export_to(&exports.join("ayu-2-december.json"));
    let json = cohort_json(&[&exports]);
    assert_eq!(json["summary"]["learners"], 1, "{json:#}");
    assert_eq!(json["learners"][0]["done"], 6, "{json:#}");
    assert!(
        json["learners"][0]["source"]
            .as_str()
            .is_some_and(|source| source.ends_with("ayu-2-december.json")),
        "{json:#}"
    );
    let skipped = skipped(&json);
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0].0, "ayu-1-november.json");
    assert_eq!(
        skipped[0].1,
        format!(
            "the same learner as {}",
            exports.join("ayu-2-december.json").display()
        )
    );
}

#[test]
fn two_devices_of_one_learner_count_once_before_and_after_they_sync() {
    let laptop = Smm::new();
    let phone = Smm::new();
    let outside = tempfile::tempdir().expect("tempdir");
    let folder = outside.path().join("ayu-sync");
    let folder_text = folder.to_str().expect("UTF-8");
    let exports = outside.path().join("exports");
    std::fs::create_dir(&exports).expect("dir");
    laptop.ok(&["config", "name", "Ayu"]);
    laptop.ok_at("2026-11-01T10:00:00+07:00", &["done", "1"]);
    // The laptop's export from before the first sync.
    laptop.export_to(&exports.join("ayu-laptop.json"));
    laptop.ok(&["sync", folder_text]);
    phone.ok(&["sync", folder_text]);
    phone.ok_at("2026-11-02T10:00:00+07:00", &["done", "2"]);
    // The phone's, from after it.
    phone.export_to(&exports.join("ayu-phone.json"));
    let json = cohort_json(&[&exports]);
    assert_eq!(json["summary"]["learners"], 1, "{json:#}");
    assert_eq!(json["learners"][0]["done"], 2, "{json:#}");
    assert_eq!(json["learners"][0]["name"], "Ayu", "{json:#}");
    // With the sync folder too, still one learner.
    let json = cohort_json(&[&exports, &folder]);
    assert_eq!(json["summary"]["learners"], 1, "{json:#}");
    assert_eq!(json["learners"][0]["done"], 2, "{json:#}");
    // After both synced and went on apart, still one, with both devices' steps.
    phone.ok(&["sync", folder_text]);
    laptop.ok(&["sync", folder_text]);
    laptop.ok_at("2026-11-03T10:00:00+07:00", &["done", "3"]);
    phone.ok_at("2026-11-04T10:00:00+07:00", &["done", "4"]);
    laptop.export_to(&exports.join("ayu-laptop.json"));
    phone.export_to(&exports.join("ayu-phone.json"));
    let json = cohort_json(&[&exports]);
    assert_eq!(json["summary"]["learners"], 1, "{json:#}");
    assert_eq!(
        json["learners"][0]["done"], 4,
        "the union of both: {json:#}"
    );
}

#[test]
fn a_learner_keeps_the_name_from_whichever_file_carries_it() {
    let ayu = Smm::new();
    let outside = tempfile::tempdir().expect("tempdir");
    let exports = outside.path().join("exports");
    std::fs::create_dir(&exports).expect("dir");
    ayu.ok_at("2026-11-01T10:00:00+07:00", &["done", "1"]);
    let older = exports.join("ayu-old.json");
    ayu.ok(&[
        "export",
        "-f",
        "json",
        "--name",
        "Ayu Lestari",
        "-o",
        older.to_str().expect("UTF-8"),
    ]);
    ayu.ok_at("2026-11-02T10:00:00+07:00", &["done", "2"]);
    // The newer file carries no name, and sorts first.
    ayu.export_to(&exports.join("ayu-new.json"));
    let json = cohort_json(&[&exports]);
    assert_eq!(json["summary"]["learners"], 1, "{json:#}");
    assert_eq!(json["learners"][0]["name"], "Ayu Lestari", "{json:#}");
    assert_eq!(json["learners"][0]["done"], 2, "{json:#}");
}

// Unix only: making a symbolic link on Windows takes Developer Mode or an
// administrator.
#[cfg(unix)]
#[test]
fn a_learner_txt_that_is_a_link_is_not_followed() {
    let laptop = Smm::new();
    let outside = tempfile::tempdir().expect("tempdir");
    let folder = outside.path().join("ayu-sync");
    laptop.ok(&["done", "1"]);
    laptop.ok(&["sync", folder.to_str().expect("UTF-8")]);
    let elsewhere = outside.path().join("secret.txt");
    std::fs::write(&elsewhere, "Someone Else\n").expect("write");
    std::os::unix::fs::symlink(&elsewhere, folder.join("learner.txt")).expect("symlink");
    let json = cohort_json(&[&folder]);
    assert_eq!(json["summary"]["learners"], 1, "{json:#}");
    assert_eq!(json["learners"][0]["name"], "ayu-sync", "{json:#}");
}

#[test]
fn oversized_files_are_skipped_with_their_size_unread() {
    let ayu = Smm::new();
    let outside = tempfile::tempdir().expect("tempdir");
    let exports = outside.path().join("exports");
    std::fs::create_dir(&exports).expect("dir");
    ayu.ok(&["done", "1"]);
    ayu.export_to(&exports.join("ayu.json"));
    // Sparse: 500 MB each on paper, nothing on disk.
    let sparse = |path: &Path| {
        std::fs::File::create(path)
            .and_then(|file| file.set_len(500 * 1024 * 1024))
            .expect("a sparse file");
    };
    for index in 0..16 {
        sparse(&exports.join(format!("huge-{index:02}.json")));
    }
    let huge_sync = exports.join("huge-sync");
    std::fs::create_dir(&huge_sync).expect("dir");
    sparse(&huge_sync.join("0123456789abcdef.jsonl"));
    let json = cohort_json(&[&exports]);
    assert_eq!(json["summary"]["learners"], 1, "{json:#}");
    let skipped = skipped(&json);
    assert_eq!(skipped.len(), 17, "{skipped:?}");
    for (name, reason) in &skipped {
        assert_eq!(reason, "larger than 32 MB (500 MB): not read", "{name}");
    }
    // In Indonesian too.
    let output = smm_at_today()
        .env("LANG", "id_ID.UTF-8")
        .ok(&["cohort", exports.to_str().expect("UTF-8")])
        .stdout;
    let (_, skipped) = output.split_once("\nDilewati:\n").expect("a skipped list");
    let names = (0..16)
        .map(|index| format!("huge-{index:02}.json"))
        .chain(["huge-sync".to_string()]);
    let expected: String = names
        .map(|name| {
            format!(
                "  {}{SEP}{name}: lebih besar dari 32 MB (500 MB): tidak dibaca\n",
                exports.display()
            )
        })
        .collect();
    assert_eq!(skipped, expected);
}

/// Learners who ticked actions, read from their exports (whose format has
/// no per-step actions: the ticks come from the changes) and from a sync
/// folder; an untick and an undo among them.
#[test]
fn ticked_actions_give_each_learner_a_current_action_and_the_funnel_its_counts() {
    let mentor = Smm::new().env("COLUMNS", "160");
    let exports = mentor.home().join("exports");
    std::fs::create_dir(&exports).expect("dir");
    let ayu = Smm::new();
    ayu.ok(&["config", "name", "Ayu"]);
    ayu.ok(&["done", "1-4"]);
    ayu.ok(&["start", "5"]);
    ayu.ok(&["check", "5.1-2"]);
    ayu.export_to(&exports.join("ayu.json"));
    // Budi ticks 1.1-3, takes 1.3 back, ticks 1.4 and undoes that: 1.1 and 1.2 are left.
    let budi = Smm::new();
    budi.ok(&["config", "name", "Budi"]);
    budi.ok(&["start", "1"]);
    budi.ok(&["check", "1.1-3"]);
    budi.ok(&["uncheck", "1.3"]);
    budi.ok(&["check", "1.4"]);
    budi.ok(&["undo"]);
    budi.export_to(&exports.join("budi.json"));
    // Citra syncs instead of exporting: step 1 in progress, 1.1 ticked.
    let citra = Smm::new();
    citra.ok(&["config", "name", "Citra"]);
    citra.ok(&["start", "1"]);
    citra.ok(&["check", "1.1"]);
    let folder = exports.join("citra-sync");
    citra.ok(&["sync", folder.to_str().expect("UTF-8")]);
    // Dewi is on step 2 with its second action ticked: the first is still to do.
    let dewi = Smm::new();
    dewi.ok(&["config", "name", "Dewi"]);
    dewi.ok(&["done", "1"]);
    dewi.ok(&["start", "2"]);
    dewi.ok(&["check", "2.2"]);
    dewi.export_to(&exports.join("dewi.json"));
    let dir = exports.to_str().expect("UTF-8");

    let json: serde_json::Value =
        serde_json::from_str(&mentor.ok(&["cohort", dir, "-f", "json"]).stdout).expect("JSON");
    assert_matches_schema(include_str!("../../schema/cohort.schema.json"), &json);
    assert_eq!(json["summary"]["learners"], 4, "{json}");
    let current: Vec<(String, String, String)> = ["Ayu", "Budi", "Citra", "Dewi"]
        .iter()
        .map(|name| {
            let learner = json["learners"]
                .as_array()
                .expect("learners")
                .iter()
                .find(|learner| learner["name"] == *name)
                .unwrap_or_else(|| panic!("{name} in {json}"));
            let action = &learner["current_action"];
            let text = action["text"].as_str().expect("text");
            (
                action["label"].as_str().expect("label").to_string(),
                action["key"].as_str().expect("key").to_string(),
                text.chars().take(25).collect(),
            )
        })
        .collect();
    let expected = [
        ("5.3", "three-skill-posts", "Publish three posts that "),
        ("1.3", "live-selling", "Watch three LIVE selling "),
        ("1.2", "whatsapp-business", "Learn WhatsApp Business, "),
        ("2.1", "free-course", "Take one free course: Met"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(label, key, text)| (label.to_string(), key.to_string(), text.to_string()))
        .collect();
    assert_eq!(current, expected);
    let ticked = |step: usize| -> Vec<u64> {
        json["funnel"][step - 1]["actions"]
            .as_array()
            .expect("actions")
            .iter()
            .map(|action| action["ticked"].as_u64().expect("count"))
            .collect()
    };
    assert_eq!(ticked(1), [2, 1, 0, 0, 0], "Budi 1.1-2, Citra 1.1");
    assert_eq!(ticked(2), [0, 1, 0, 0, 0], "Dewi 2.2");
    assert_eq!(ticked(5), [1, 1, 0, 0], "Ayu 5.1-2");
    assert_eq!(json["funnel"][4]["actions"][2]["key"], "three-skill-posts");

    // The table: the action column, and the counts after the funnel's steps
    // where anyone ticked, in one column.
    let table = mentor.ok(&["cohort", dir, "--sort", "name"]).stdout;
    let row = |name: &str| {
        table
            .lines()
            .find(|line| line.starts_with(&format!(" {name} ")))
            .unwrap_or_else(|| panic!("{name}:\n{table}"))
            .to_string()
    };
    assert!(row("Budi").contains("  1.3 live-selling  "), "{table}");
    assert!(row("Dewi").contains("  2.1 free-course  "), "{table}");
    let funnel_line = |number: &str| {
        table
            .lines()
            .find(|line| line.starts_with(number))
            .unwrap_or_else(|| panic!("{number}:\n{table}"))
            .to_string()
    };
    let first = funnel_line("  1. ");
    assert!(first.ends_with("  actions ticked: 2 1 0 0 0"), "{table}");
    assert!(funnel_line("  2. ").ends_with("  actions ticked: 0 1 0 0 0"));
    assert!(funnel_line("  5. ").ends_with("  actions ticked: 1 1 0 0"));
    assert!(
        !funnel_line("  3. ").contains("actions"),
        "no one ticked any"
    );
    // Where the counts start, in characters (a bar's cell is three bytes).
    let column = |line: &str| line.find("actions").map(|at| line[..at].chars().count());
    assert_eq!(column(&first), column(&funnel_line("  5. ")), "{table}");
    let indonesian = mentor.ok(&["--lang", "id", "cohort", dir]).stdout;
    assert!(
        indonesian.contains("tindakan dicentang: 2 1 0 0 0"),
        "{indonesian}"
    );
    assert!(indonesian.contains("Tindakan sekarang"), "{indonesian}");

    // CSV: the action by label and by key, read back.
    let text = mentor
        .ok(&["cohort", dir, "-f", "csv", "--sort", "name"])
        .stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (label, key) = (column("current_action"), column("current_action_key"));
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|row| {
            let row = row.expect("row");
            (row[label].to_string(), row[key].to_string())
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("5.3".to_string(), "three-skill-posts".to_string()),
            ("1.3".to_string(), "live-selling".to_string()),
            ("1.2".to_string(), "whatsapp-business".to_string()),
            ("2.1".to_string(), "free-course".to_string()),
        ]
    );

    // The page: the column, and the counts beside the funnel's bars (Ayu and Dewi finished step 1).
    let html = mentor.ok(&["cohort", dir, "-f", "html"]).stdout;
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let headers: Vec<String> = page
        .select(&select("table.learners th"))
        .map(|th| th.text().collect())
        .collect();
    assert!(
        headers.contains(&"Current action".to_string()),
        "{headers:?}"
    );
    let labels: Vec<String> = page
        .select(&select("svg.funnel text"))
        .map(|text| text.text().collect())
        .collect();
    assert!(
        labels.contains(&"2 · actions ticked: 2 1 0 0 0".to_string()),
        "{labels:?}"
    );
}
