//! The exports as the programs people open them with read them: cmark-gfm
//! (GitHub's renderer), pandoc, a CSV reader, an HTML parser. A hostile
//! note must stay text, a web address must stay one working link, and each
//! step must stay one checklist item.
//!
//! cmark-gfm and pandoc are installed by `.ci/run`; elsewhere a test that
//! needs one and cannot find it says so and passes.

use std::io::Write;
use std::process::{Command, Stdio};

use scraper::{Html, Selector};

use crate::support::{Smm, csv_export_of_roadmap, headless_chromium, run_chromium};

const PROFILE_URL: &str = "https://www.linkedin.com/in/my_name/?a=1&b=2";

/// Runs `program` with `input` on stdin; `None` (after saying so) when it is not installed.
fn render(program: &str, args: &[&str], input: &str) -> Option<String> {
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("skipped {program}: not installed here (.ci/run installs it)");
        return None;
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write to the renderer");
    let output = child.wait_with_output().expect("renderer output");
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).expect("UTF-8 from the renderer"))
}

fn select(css: &str) -> Selector {
    Selector::parse(css).expect("selector")
}

/// A learner with a profile link, a hostile note and a skipped step.
fn learner() -> Smm {
    let smm = Smm::new();
    smm.ok(&["done", "1", "5"]);
    // Given as evidence, and a resource marked used, so that the portfolio shows them too.
    smm.ok(&[
        "note",
        "1",
        "--evidence",
        &format!("my profile: {PROFILE_URL}"),
    ]);
    smm.ok(&[
        "note",
        "5",
        "--evidence",
        "<img src=x onerror=alert(1)> [x](javascript:alert(1)) *not bold*",
    ]);
    smm.ok(&["used", "1.1"]);
    smm.ok(&["skip", "12", "--reason", "no ad budget <yet>"]);
    smm
}

/// What the rendered checklist shows: items with a checkbox at the top
/// level, which of them are ticked, and whether any holds a numbered list.
fn check_checklist(renderer: &str, html: &str) {
    let page = Html::parse_fragment(html);
    let items: Vec<_> = page
        .select(&select("body > ul > li, html > ul > li"))
        .filter(|item| {
            item.select(&select("input[type=checkbox]"))
                .next()
                .is_some()
        })
        .collect();
    assert_eq!(
        items.len(),
        20,
        "{renderer}: one checklist item per step\n{html}"
    );
    let ticked: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            item.select(&select("input[type=checkbox][checked]"))
                .next()
                .is_some()
        })
        .map(|(index, _)| index + 1)
        .collect();
    assert_eq!(ticked, [1, 5], "{renderer}\n{html}");
    // `- [x] 1. Title` read as a checkbox holding a numbered list was the bug.
    assert_eq!(
        page.select(&select("ol")).count(),
        0,
        "{renderer} made a numbered list\n{html}"
    );
    let first: String = items[0].text().collect();
    assert!(
        first.contains("1. Understand Social Media Platforms"),
        "{renderer}: {first}"
    );
    let links: Vec<&str> = page
        .select(&select("a[href]"))
        .filter_map(|link| link.value().attr("href"))
        .collect();
    assert_eq!(links, [PROFILE_URL], "{renderer}: the only link, intact");
    assert_eq!(
        page.select(&select("img, script")).count(),
        0,
        "{renderer}\n{html}"
    );
    assert!(
        html.contains("*not bold*") && !html.contains("<em>"),
        "{renderer}: a note's markup was read\n{html}"
    );
}

#[test]
fn the_markdown_export_is_one_checklist_with_working_links_in_cmark_gfm_and_pandoc() {
    let smm = learner();
    for format in ["markdown", "portfolio"] {
        let markdown = smm.ok(&["export", "--format", format]).stdout;
        let renderers: [(&str, &[&str]); 3] = [
            ("cmark-gfm", &["-e", "tasklist", "-e", "autolink"]),
            ("pandoc", &["-f", "gfm", "-t", "html"]),
            ("pandoc", &["-f", "markdown", "-t", "html"]),
        ];
        for (program, args) in renderers {
            let Some(html) = render(program, args, &markdown) else {
                continue;
            };
            let renderer = format!("{program} {} ({format})", args.join(" "));
            if format == "markdown" {
                check_checklist(&renderer, &html);
            } else {
                let page = Html::parse_fragment(&html);
                let links: Vec<&str> = page
                    .select(&select("a[href]"))
                    .filter_map(|link| link.value().attr("href"))
                    .collect();
                // The evidence link intact, beside the resource marked used.
                assert!(links.contains(&PROFILE_URL), "{renderer}\n{html}");
                assert_eq!(links.len(), 2, "{renderer}: {links:?}");
                assert!(
                    links.iter().all(|link| link.starts_with("https://")),
                    "{renderer}: {links:?}"
                );
                assert_eq!(page.select(&select("img, script")).count(), 0, "{renderer}");
            }
        }
    }
}

#[test]
fn html_export_links_only_web_and_mail_addresses_and_shows_skip_reasons() {
    let smm = learner();
    smm.ok(&[
        "note",
        "2",
        "write to mailto:ayu@example.com, not javascript:alert(1) or data:text/html,x",
    ]);
    let html = smm.ok(&["export", "--format", "html"]).stdout;
    let page = Html::parse_document(&html);
    let mut links: Vec<&str> = page
        .select(&select(".notes a[href]"))
        .filter_map(|link| link.value().attr("href"))
        .collect();
    links.sort_unstable();
    assert_eq!(
        links,
        [
            "https://www.linkedin.com/in/my_name/?a=1&b=2",
            "mailto:ayu@example.com"
        ]
    );
    // The roadmap's resources are links too, every one a web address.
    let resources: Vec<&str> = page
        .select(&select("details.resources a[href]"))
        .filter_map(|link| link.value().attr("href"))
        .collect();
    assert!(resources.len() >= 40, "{resources:?}");
    assert!(resources.iter().all(|link| link.starts_with("https://")));
    assert_eq!(
        page.select(&select("a[href]")).count(),
        links.len() + resources.len(),
        "a link outside the notes and the resources"
    );
    assert_eq!(page.select(&select("img, script")).count(), 0, "{html}");
    let skipped: String = page
        .select(&select("tr.skipped"))
        .flat_map(|row| row.text())
        .collect();
    assert!(skipped.contains("no ad budget <yet>"), "{skipped}");
}

#[test]
fn csv_cells_that_would_run_as_formulas_read_back_as_text() {
    let roadmap = "id: f\nversion: 1\ntitle: F\nsteps:\n\
        \x20 - {id: a, title: '=HYPERLINK(\"https://evil.example\",\"x\")', summary: s}\n\
        \x20 - {id: b, title: '+1+2', summary: s}\n\
        \x20 - {id: c, title: '-3', summary: s}\n\
        \x20 - {id: d, title: '@SUM(A1)', summary: s}\n\
        \x20 - {id: e, title: 'Plain, \"quoted\"', summary: s}\n";
    let titles: Vec<String> = csv_export_of_roadmap(roadmap)
        .iter()
        .map(|row| row[2].to_string())
        .collect();
    assert_eq!(
        titles,
        [
            "'=HYPERLINK(\"https://evil.example\",\"x\")",
            "'+1+2",
            "'-3",
            "'@SUM(A1)",
            "Plain, \"quoted\""
        ]
    );
}

#[test]
fn the_chart_target_label_stays_inside_the_picture() {
    let smm = Smm::new();
    // A target set early and now long past sits near the chart's left edge.
    smm.ok_at("2026-01-01T10:00:00+07:00", &["done", "1"]);
    smm.ok_at(
        "2026-01-01T10:00:00+07:00",
        &["plan", "--target", "2026-01-03"],
    );
    smm.ok_at("2026-11-01T10:00:00+07:00", &["done", "2"]);
    for now in ["2026-11-20T09:00:00+07:00", "2026-01-02T09:00:00+07:00"] {
        let html = smm.ok_at(now, &["export", "-f", "html"]).stdout;
        let page = Html::parse_document(&html);
        let label = page
            .select(&select("svg text.target-label"))
            .next()
            .expect("a target label");
        let x: f64 = label
            .value()
            .attr("x")
            .and_then(|x| x.parse().ok())
            .expect("x");
        let text: String = label.text().collect();
        // 11px text: no glyph here is wider than 7px.
        let width = text.chars().count() as f64 * 7.0;
        let (left, right) = match label.value().attr("text-anchor") {
            Some("end") => (x - width, x),
            _ => (x, x + width),
        };
        assert!(
            left >= 0.0 && right <= 640.0,
            "{now}: {text} spans {left}..{right}"
        );
    }
}

/// A learner named with markup who ticked actions 1.2, 5.1 and 5.3, and
/// noted step 5 twice, once as evidence.
fn ticking_learner() -> Smm {
    let smm = Smm::new();
    smm.ok(&["config", "name", NAME]);
    smm.ok(&["done", "1", "5"]);
    smm.ok(&["check", "1.2", "5.1,5.3"]);
    smm.ok_at("2026-11-01T10:00:00+07:00", &["note", "5", "a thought"]);
    smm.ok_at(
        "2026-11-02T10:00:00+07:00",
        &["note", "5", "--evidence", "proof: https://example.com/case"],
    );
    smm
}

const NAME: &str = "Ayu <i>R</i> *x*";

/// One top-level checklist item as a renderer drew it: its own checkbox,
/// the nested checkboxes (the actions) with their text, the nested items
/// without one (the notes).
#[derive(Debug)]
struct DrawnStep {
    checked: bool,
    actions: Vec<(bool, String)>,
    notes: Vec<String>,
}

/// Text with its white space as a reader sees it: pandoc wraps long lines.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn drawn_steps(html: &str) -> Vec<DrawnStep> {
    let page = Html::parse_fragment(html);
    let is_checked = |input: scraper::ElementRef| input.value().attr("checked").is_some();
    page.select(&select("body > ul > li, html > ul > li"))
        .filter_map(|item| {
            // The item's own box comes before those of its nested list.
            let own = item.select(&select("input[type=checkbox]")).next()?;
            let mut step = DrawnStep {
                checked: is_checked(own),
                actions: Vec::new(),
                notes: Vec::new(),
            };
            let nested = item
                .children()
                .filter_map(scraper::ElementRef::wrap)
                .filter(|child| child.value().name() == "ul")
                .flat_map(|list| list.children().filter_map(scraper::ElementRef::wrap))
                .filter(|child| child.value().name() == "li");
            for li in nested {
                let text = words(&li.text().collect::<String>());
                match li.select(&select("input[type=checkbox]")).next() {
                    Some(input) => step.actions.push((is_checked(input), text)),
                    None => step.notes.push(text),
                }
            }
            Some(step)
        })
        .collect()
}

#[test]
fn ticked_actions_are_checked_nested_checkboxes_in_cmark_gfm_and_pandoc() {
    let smm = ticking_learner();
    let markdown = smm.ok(&["export"]).stdout;
    let roadmap_actions = crate::support::builtin_roadmap()
        .matches("\n      - key: ")
        .count();
    let renderers: [(&str, &[&str]); 3] = [
        ("cmark-gfm", &["-e", "tasklist", "-e", "autolink"]),
        ("pandoc", &["-f", "gfm", "-t", "html"]),
        ("pandoc", &["-f", "markdown", "-t", "html"]),
    ];
    for (program, args) in renderers {
        let Some(html) = render(program, args, &markdown) else {
            continue;
        };
        let renderer = format!("{program} {}", args.join(" "));
        let steps = drawn_steps(&html);
        assert_eq!(steps.len(), 20, "{renderer}\n{html}");
        let done: Vec<usize> = (1..=20).filter(|n| steps[n - 1].checked).collect();
        assert_eq!(done, [1, 5], "{renderer}: the steps' own boxes\n{html}");
        let actions: usize = steps.iter().map(|step| step.actions.len()).sum();
        assert_eq!(actions, roadmap_actions, "{renderer}\n{html}");
        let ticks = |number: usize| -> Vec<bool> {
            steps[number - 1]
                .actions
                .iter()
                .map(|(checked, _)| *checked)
                .collect()
        };
        assert_eq!(ticks(1), [false, true, false, false, false], "{renderer}");
        assert_eq!(ticks(5), [true, false, true, false], "{renderer}");
        assert!(
            steps
                .iter()
                .enumerate()
                .filter(|(index, _)| ![0, 4].contains(index))
                .all(|(_, step)| step.actions.iter().all(|(checked, _)| !checked)),
            "{renderer}: a tick nobody made\n{html}"
        );
        assert_eq!(
            steps[4].actions[0].1,
            "Tidy up the bio, profile photo and links on your social accounts.",
            "{renderer}"
        );
        assert_eq!(
            steps[4].notes,
            [
                "Nov 1, 2026: a thought",
                "Nov 2, 2026 (evidence): proof: https://example.com/case"
            ],
            "{renderer}\n{html}"
        );
        // The name heads the page as text: no markup of the name's own.
        let page = Html::parse_fragment(&html);
        let h1 = words(
            &page
                .select(&select("h1"))
                .flat_map(|h| h.text())
                .collect::<String>(),
        );
        assert_eq!(
            h1,
            format!("A Career in Social Media Management — {NAME}"),
            "{renderer}"
        );
        assert_eq!(page.select(&select("h1 i, h1 em")).count(), 0, "{renderer}");
    }
    // And none with --no-name.
    let markdown = smm.ok(&["export", "--no-name"]).stdout;
    if let Some(html) = render("cmark-gfm", &["-e", "tasklist"], &markdown) {
        let page = Html::parse_fragment(&html);
        let h1: String = page.select(&select("h1")).flat_map(|h| h.text()).collect();
        assert_eq!(h1, "A Career in Social Media Management");
    }
}

/// What Chromium makes of `page`: the page with a probe appended that
/// writes, into the page, each action checkbox's state as the browser
/// holds it, read back from `--dump-dom`. The probe goes into a copy: the
/// export itself has no script. `None` where Chromium is not installed.
fn action_boxes_in_chromium(smm: &Smm, html: &str) -> Option<serde_json::Value> {
    let mut chromium = headless_chromium(smm, "read the action boxes")?;
    let probe = "<script>document.body.insertAdjacentHTML('beforeend', \
        '<pre id=\"probe\"></pre>'); document.getElementById('probe').textContent = \
        JSON.stringify(Array.from(document.querySelectorAll('ul.actions input')).map(input => ({ \
        step: input.closest('tr').id, checked: input.checked, disabled: input.disabled, \
        matches: input.matches(':checked'), shown: input.getBoundingClientRect().width > 0, \
        text: input.closest('li').textContent.trim() })));</script></body>";
    let page = smm.write_file("probed.html", html.replace("</body>", probe));
    let dom = run_chromium(
        chromium
            .arg("--dump-dom")
            .arg(format!("file://{}", page.display())),
    );
    let dom = String::from_utf8(dom).expect("UTF-8 DOM");
    let dom = Html::parse_document(&dom);
    let probe: String = dom
        .select(&select("#probe"))
        .flat_map(|probe| probe.text())
        .collect();
    Some(serde_json::from_str(&probe).expect("the probe's JSON"))
}

#[test]
fn chromium_shows_a_ticked_action_checked_and_no_other() {
    let smm = ticking_learner();
    let html = smm.ok(&["export", "-f", "html"]).stdout;
    let Some(boxes) = action_boxes_in_chromium(&smm, &html) else {
        return;
    };
    let boxes = boxes.as_array().expect("a list");
    assert_eq!(
        boxes.len(),
        crate::support::builtin_roadmap()
            .matches("\n      - key: ")
            .count()
    );
    assert!(
        boxes
            .iter()
            .all(|b| b["disabled"] == true && b["shown"] == true && b["checked"] == b["matches"]),
        "{boxes:#?}"
    );
    let checked: Vec<(&str, &str)> = boxes
        .iter()
        .filter(|b| b["checked"] == true)
        .map(|b| {
            (
                b["step"].as_str().unwrap_or_default(),
                b["text"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(checked.len(), 3, "{checked:#?}");
    assert_eq!(checked[0].0, "understand-platforms");
    assert!(
        checked[0].1.starts_with("Learn WhatsApp Business"),
        "{checked:?}"
    );
    assert_eq!(
        checked[1],
        (
            "build-a-personal-portfolio",
            "Tidy up the bio, profile photo and links on your social accounts."
        )
    );
    assert_eq!(
        checked[2],
        (
            "build-a-personal-portfolio",
            "Publish three posts that show your skills."
        )
    );
    // The name heads the page, as text.
    let page = Html::parse_document(&html);
    let h1: String = page.select(&select("h1")).flat_map(|h| h.text()).collect();
    assert_eq!(h1, format!("A Career in Social Media Management — {NAME}"));
}
