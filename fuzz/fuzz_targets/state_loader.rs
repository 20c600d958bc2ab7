//! Any bytes as a progress file: an error is fine, a panic or a hang is not.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = smm_path::internals::progress::parse_state(text, Path::new("progress.yaml"));
    }
});
