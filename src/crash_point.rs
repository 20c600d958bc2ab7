//! Places where a test can make smm-path die in the middle of a write.
//!
//! Compiled in only with the `fault-injection` feature, which the test suite
//! turns on (it is a dev-dependency of the crate on itself) and no other
//! build does. With it, `SMM_PATH_CRASH_AT=<name>` aborts the process at the
//! named point, as a power cut or a `kill -9` would, and
//! `SMM_PATH_REFUSE_RENAMES=<n>` refuses the first `n` renames, as a file
//! held open by another program does on Windows.

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

/// A rename refused by [`refused_rename`]: what an antivirus scanner or a
/// sync tool holding the file open does to a rename on Windows.
#[cfg(feature = "fault-injection")]
#[derive(Debug)]
struct InjectedRefusal;

#[cfg(feature = "fault-injection")]
impl std::fmt::Display for InjectedRefusal {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("the file is in use (SMM_PATH_REFUSE_RENAMES)")
    }
}

#[cfg(feature = "fault-injection")]
impl std::error::Error for InjectedRefusal {}

/// With `SMM_PATH_REFUSE_RENAMES=<n>`, the first `n` renames the process
/// attempts are refused, each as a sharing violation would be: the tests'
/// way to make a file "in use" on every system, Linux included.
#[cfg(feature = "fault-injection")]
pub(crate) fn refused_rename() -> Option<std::io::Error> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static ATTEMPTS: AtomicU64 = AtomicU64::new(0);
    let refusals: u64 = std::env::var("SMM_PATH_REFUSE_RENAMES")
        .ok()?
        .parse()
        .ok()?;
    let attempt = ATTEMPTS.fetch_add(1, Ordering::Relaxed);
    (attempt < refusals)
        .then(|| std::io::Error::new(std::io::ErrorKind::PermissionDenied, InjectedRefusal))
}

/// Whether `error` is a refusal [`refused_rename`] made up.
#[cfg(feature = "fault-injection")]
pub(crate) fn is_injected_refusal(error: &std::io::Error) -> bool {
    matches!(error.get_ref(), Some(inner) if inner.is::<InjectedRefusal>())
}

#[cfg(not(feature = "fault-injection"))]
#[inline]
pub(crate) fn refused_rename() -> Option<std::io::Error> {
    None
}

#[cfg(not(feature = "fault-injection"))]
#[inline]
pub(crate) fn is_injected_refusal(_error: &std::io::Error) -> bool {
    false
}
