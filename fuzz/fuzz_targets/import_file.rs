//! Any bytes as a file given to `import`: parsed, checked, replayed and
//! rendered in every export format. An error is fine; a panic or a hang is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smm_path::internals::i18n::Lang;
use smm_path::internals::progress::{Incoming, parse_incoming, replay};
use smm_path::internals::report::{ProgressReport, render_csv, render_html, render_json, render_markdown};

fuzz_target!(|data: &[u8]| {
    let roadmap = smm_path::internals::roadmap::load_builtin();
    let Ok(incoming) = parse_incoming(data, &roadmap.id, Lang::En) else {
        return;
    };
    let Ok(now) = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:00:00+07:00") else {
        return;
    };
    if incoming.check(&roadmap.id, now).is_err() {
        return;
    }
    let progress = match &incoming {
        Incoming::Changes(changes) => replay(changes, &roadmap.id),
        Incoming::Snapshot(state) => state.roadmap(&roadmap.id).clone(),
    };
    let report = ProgressReport::build(&roadmap, &progress, Lang::En);
    let _ = render_markdown(&report);
    let _ = render_csv(&report);
    let _ = render_html(&report, now);
    let _ = render_json(&report);
});
