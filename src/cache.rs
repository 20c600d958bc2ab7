//! A cache of parsed YAML, so large files are not parsed again on every run.
//!
//! YAML parsing runs at roughly 15 MB/s; a roadmap of 10,000 steps would cost
//! half a second a run. The cache keeps the parsed value as JSON, which reads
//! about ten times faster, next to a fingerprint of the exact source bytes.
//! Any change to the source (a hand edit, another machine's copy) misses the
//! cache and the YAML is parsed again, so the YAML stays the only truth. A
//! cache that cannot be read or written is simply not used.

use std::hash::{DefaultHasher, Hasher};
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::atomic_file::{Durability, write_atomically};

/// Identifies the source bytes and the program that cached them: a newer
/// smm-path may shape its data differently, so it starts afresh.
fn fingerprint(source: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    hasher.write(source);
    format!(
        "smm-path-cache {} {} {:016x}\n",
        env!("CARGO_PKG_VERSION"),
        source.len(),
        hasher.finish()
    )
}

/// The cache file in `directory` for the source file at `source_path`.
pub(crate) fn path_for(directory: &Path, source_path: &Path) -> std::path::PathBuf {
    let absolute = std::path::absolute(source_path).unwrap_or_else(|_| source_path.to_path_buf());
    let mut hasher = DefaultHasher::new();
    hasher.write(absolute.as_os_str().as_encoded_bytes());
    directory.join(format!("roadmap-{:016x}.json", hasher.finish()))
}

/// The cached value for `source`, if `cache_path` holds one made from exactly these bytes.
pub(crate) fn read<T: DeserializeOwned>(cache_path: &Path, source: &[u8]) -> Option<T> {
    let cached = std::fs::read(cache_path).ok()?;
    let body = cached.strip_prefix(fingerprint(source).as_bytes())?;
    serde_json::from_slice(body).ok()
}

/// Caches `value` as the parsed form of `source`. Best effort: a cache that
/// cannot be written costs speed, never correctness, so errors are dropped.
pub(crate) fn write<T: Serialize>(cache_path: &Path, source: &[u8], value: &T) {
    let Ok(json) = serde_json::to_vec(value) else {
        return;
    };
    if let Some(directory) = cache_path.parent() {
        let _ = std::fs::create_dir_all(directory);
    }
    let mut contents = fingerprint(source).into_bytes();
    contents.extend_from_slice(&json);
    let _ = write_atomically(cache_path, &contents, Durability::Cache);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_serves_only_the_bytes_it_was_made_from() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("cache/value.json");
        write(&path, b"source one", &vec![1, 2, 3]);
        assert_eq!(read::<Vec<i32>>(&path, b"source one"), Some(vec![1, 2, 3]));
        assert_eq!(read::<Vec<i32>>(&path, b"source two"), None);
        assert_eq!(read::<Vec<String>>(&path, b"source one"), None);
        std::fs::write(&path, b"garbage").unwrap();
        assert_eq!(read::<Vec<i32>>(&path, b"source one"), None);
    }
}
