//! Places where a test can make smm-path die in the middle of a write.
//!
//! Compiled in only with the `fault-injection` feature, which the test suite
//! turns on (it is a dev-dependency of the crate on itself) and no other
//! build does. With it, `SMM_PATH_CRASH_AT=<name>` aborts the process at the
//! named point, as a power cut or a `kill -9` would.

/// Aborts here if the test asked for a crash at `name`.
#[cfg(feature = "fault-injection")]
pub(crate) fn crash_point(name: &str) {
    if std::env::var("SMM_PATH_CRASH_AT").is_ok_and(|wanted| wanted == name) {
        std::process::abort();
    }
}

/// Whether the test asked for a crash at `name`, for a crash point that
/// must first do part of its work (write half a line) itself.
#[cfg(feature = "fault-injection")]
pub(crate) fn crash_requested(name: &str) -> bool {
    std::env::var("SMM_PATH_CRASH_AT").is_ok_and(|wanted| wanted == name)
}

#[cfg(not(feature = "fault-injection"))]
#[inline]
pub(crate) fn crash_requested(_name: &str) -> bool {
    false
}

/// Without the feature, crash points cost nothing.
#[cfg(not(feature = "fault-injection"))]
#[inline]
pub(crate) fn crash_point(_name: &str) {}
