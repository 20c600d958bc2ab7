//! Hostile text in every place a user or a roadmap author can put it (a
//! title, a summary, a note, a skip reason), rendered to Markdown, CSV and
//! HTML. Besides never panicking: the CSV reads back as one record per step
//! with no cell a spreadsheet would run as a formula, and the HTML holds no
//! raw markup from the text.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use smm_path::internals::i18n::Lang;
use smm_path::internals::progress::{Note, RoadmapProgress, Status, StepProgress};
use smm_path::internals::report::{ProgressReport, render_csv, render_html, render_markdown};
use smm_path::internals::roadmap::Text;

fuzz_target!(|input: (String, String, String, String, u8)| {
    let (title, summary, note, reason, status) = input;
    // A marker of its own before each text makes its raw form findable in the output.
    let [title, note, reason] = [("T", title), ("N", note), ("R", reason)]
        .map(|(marker, text)| format!("ZQ{marker}{text}"));
    let Ok(now) = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:00:00+07:00") else {
        return;
    };
    let mut roadmap = smm_path::internals::roadmap::load_builtin();
    let mut steps = roadmap.steps.to_vec();
    steps[0].title = Text::Plain(Cow::Owned(title.clone()));
    steps[0].summary = Text::Plain(Cow::Owned(summary));
    roadmap.steps = Cow::Owned(steps);
    let status = [Status::Todo, Status::InProgress, Status::Done, Status::Skipped]
        [usize::from(status % 4)];
    let mut progress = RoadmapProgress::default();
    for id in [roadmap.steps[0].id.to_string(), roadmap.steps[1].id.to_string()] {
        progress.steps.insert(
            id,
            StepProgress {
                status,
                started: Some(now),
                finished: (status == Status::Done).then_some(now),
                skip_reason: (status == Status::Skipped).then(|| reason.clone()),
                set: None,
                notes: vec![Note {
                    at: now,
                    text: note.clone(),
                    id: None,
                }],
            },
        );
    }
    let report = ProgressReport::build(&roadmap, &progress, Lang::En);
    let _ = render_markdown(&report);

    let csv = render_csv(&report);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("the CSV export reads back");
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
        rows += 1;
    }
    assert_eq!(rows, roadmap.steps.len(), "one CSV record per step");

    let html = render_html(&report, now);
    for text in [&title, &note, &reason] {
        if text.contains('<') {
            assert!(!html.contains(text.as_str()), "raw markup in the HTML: {text:?}");
        }
    }
});
