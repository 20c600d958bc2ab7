//! Any text as STEP arguments, parsed and resolved against the built-in roadmap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smm_path::internals::progress::StepSelector;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = StepSelector::parse(text);
        let roadmap = smm_path::internals::roadmap::load_builtin();
        let arguments: Vec<String> = text.split(' ').map(str::to_string).collect();
        let _ = StepSelector::resolve_all(&arguments, &roadmap);
    }
});
