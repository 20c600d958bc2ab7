//! `export`: Markdown that renders as a checklist, checked against a real parser.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::support::Smm;

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
                        2 => task
                            .notes
                            .last_mut()
                            .map(|n| n.push_str(&text))
                            .unwrap_or(()),
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
    assert!(
        tasks[0]
            .text
            .starts_with("1. Understand Social Media Platforms")
    );
    assert!(
        tasks[0].text.contains("done Dec 5, 2026"),
        "{}",
        tasks[0].text
    );
    assert!(markdown.contains("- [x] 7\\. Analysis and Market Research"));
    assert!(markdown.contains("**4/19 done (21%)**"));
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
    smm.ok(&["export", "-o", path_text])
        .stdout_has("Exported to");
    let written = std::fs::read_to_string(&path).expect("export file");
    assert_eq!(written, smm.ok(&["export", "--format", "markdown"]).stdout);
    assert!(written.starts_with("# A Career in Social Media Management\n"));
}

#[test]
fn export_to_a_missing_directory_fails_cleanly() {
    let smm = Smm::new();
    let path = smm.home().join("no/such/dir/out.md");
    smm.run(&["export", "-o", path.to_str().expect("UTF-8 path")])
        .failure(1)
        .one_line_error()
        .stderr_has("cannot write");
}

#[test]
fn export_speaks_indonesian() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.ok(&["done", "1"]);
    smm.ok(&["export"])
        .stdout_has("# Pekerjaan Manajemen Media Sosial")
        .stdout_has("- [x] 1\\. Pahami Platform Media Sosial — selesai 5 Des 2026")
        .stdout_has("**1/20 selesai (5%)**");
}
