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

use crate::support::{Smm, csv_export_of_roadmap};

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
