//! A cache of parsed YAML, so large files are not parsed again on every run.
//!
//! YAML parsing runs at roughly 15 MB/s; a roadmap of 10,000 steps would cost
//! half a second a run. The cache keeps the parsed value in a binary form
//! (each its own layout: `roadmap::packed`, `progress::store::snapshot_cache`),
//! next to a fingerprint of the exact source bytes
//! (their length and XXH3 hash). Any change to the source (a hand edit,
//! another machine's copy) misses the cache and the YAML is parsed again, so
//! the YAML stays the only truth. A cache that cannot be read or written is
//! simply not used.

use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use crate::atomic_file::{Durability, write_atomically};

/// Identifies source bytes, and the program that cached them: a newer
/// smm-path may shape its data differently, so it starts afresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fingerprint(String);

impl Fingerprint {
    fn new(length: u64, hash: u128) -> Fingerprint {
        Fingerprint(format!("{}{length} {hash:032x}\n", Fingerprint::header()))
    }

    /// What every fingerprint starts with: the program's version and the
    /// caches' layout (2: binary; 1 was JSON), so that neither a newer
    /// smm-path nor a remembered fingerprint of an older layout is taken
    /// for a match.
    fn header() -> String {
        format!("smm-path-cache-2 {} ", env!("CARGO_PKG_VERSION"))
    }

    /// The fingerprint of bytes in memory.
    pub(crate) fn of_bytes(bytes: &[u8]) -> Fingerprint {
        Fingerprint::new(bytes.len() as u64, xxhash_rust::xxh3::xxh3_128(bytes))
    }

    /// The fingerprint of a file, read in small pieces so a large file is
    /// never held in memory just to be recognised.
    pub(crate) fn of_file(path: &Path) -> io::Result<Fingerprint> {
        let opened = crate::plain_file::open(path, u64::MAX, crate::plain_file::Links::Follow);
        let (mut file, size) = match opened {
            Ok(Some(file)) => file,
            Ok(None) => return Err(io::ErrorKind::NotFound.into()),
            Err(crate::plain_file::FileProblem::Io(kind)) => return Err(kind.into()),
            Err(_) => return Err(io::Error::other("not a plain file")),
        };
        let mut hasher = Xxh3::new();
        // Big enough for few reads; small enough that a small file costs no mapping.
        let mut buffer = vec![0; size.clamp(1, 256 * 1024) as usize];
        let mut length = 0;
        loop {
            let read = match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            hasher.update(&buffer[..read]);
            length += read as u64;
        }
        Ok(Fingerprint::new(length, hasher.digest128()))
    }
}

/// What the file system says of a file, to know it again without reading
/// it: its length, modification time and (on Unix) device, inode and
/// change time. Every
/// write smm-path makes replaces the file, so the inode changes too.
fn stat_of(path: &Path) -> Option<(String, std::time::SystemTime)> {
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata.modified().ok()?;
    let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
    #[cfg(unix)]
    let place = {
        use std::os::unix::fs::MetadataExt;
        // The change time too: no tool can set it, so an in-place write
        // that keeps the length and the modification time still shows.
        format!(
            "{} {} {} {}",
            metadata.dev(),
            metadata.ino(),
            metadata.ctime(),
            metadata.ctime_nsec()
        )
    };
    #[cfg(not(unix))]
    let place = String::new();
    Some((
        format!("{} {} {place}", metadata.len(), since.as_nanos()),
        modified,
    ))
}

/// A file's fingerprint without reading it, when `memo` remembers it for
/// the file as it stands now (see [`remember_fingerprint`]).
pub(crate) fn remembered_fingerprint(memo: &Path, path: &Path) -> Option<Fingerprint> {
    let (stat, _) = stat_of(path)?;
    let kept = crate::plain_file::read(memo, 4096, crate::plain_file::Links::Refuse).ok()??;
    let kept = std::str::from_utf8(&kept).ok()?;
    let (kept_stat, fingerprint) = kept.split_once('\n')?;
    (kept_stat == stat && fingerprint.starts_with(&Fingerprint::header()))
        .then(|| Fingerprint(fingerprint.to_string()))
}

/// Remembers, in `memo`, the fingerprint of the file at `path` for as
/// long as the file system reports it unchanged. Not for a file changed in
/// the last two seconds: a second change within the same tick of a coarse
/// clock could keep its length and time (git's "racy" files), so such a
/// file is read again until it is older.
pub(crate) fn remember_fingerprint(memo: &Path, path: &Path, fingerprint: &Fingerprint) {
    let Some((stat, modified)) = stat_of(path) else {
        return;
    };
    let settled = std::time::SystemTime::now()
        .duration_since(modified)
        .is_ok_and(|age| age >= std::time::Duration::from_secs(2));
    if !settled {
        return;
    }
    let text = format!("{stat}\n{}", fingerprint.0);
    if let Some(directory) = memo.parent() {
        let _ = std::fs::create_dir_all(directory);
    }
    let _ = write_atomically(memo, text.as_bytes(), Durability::Cache);
}

/// The cache file in `directory` for the roadmap file at `source_path`.
pub(crate) fn path_for(directory: &Path, source_path: &Path) -> PathBuf {
    let absolute = std::path::absolute(source_path).unwrap_or_else(|_| source_path.to_path_buf());
    let mut hasher = DefaultHasher::new();
    hasher.write(absolute.as_os_str().as_encoded_bytes());
    directory.join(format!("roadmap-{:016x}.bin", hasher.finish()))
}

/// No cache of anything smm-path reads is larger.
const MAX_CACHE_BYTES: u64 = 1024 * 1024 * 1024;

/// The cached bytes, if `cache_path` holds bytes made from source bytes
/// with this fingerprint.
pub(crate) fn read_bytes(cache_path: &Path, fingerprint: &Fingerprint) -> Option<Vec<u8>> {
    // Only a plain file: a FIFO planted here would block the read forever,
    // and a link could point anywhere.
    let mut cached = crate::plain_file::read(
        cache_path,
        MAX_CACHE_BYTES,
        crate::plain_file::Links::Refuse,
    )
    .ok()??;
    if !cached.starts_with(fingerprint.0.as_bytes()) {
        return None;
    }
    cached.drain(..fingerprint.0.len());
    Some(cached)
}

/// Caches `body` as made from the source with this fingerprint. Best
/// effort: a cache that cannot be written costs speed, never correctness,
/// so errors are dropped.
pub(crate) fn write_bytes(cache_path: &Path, fingerprint: &Fingerprint, body: &[u8]) {
    let mut contents = Vec::with_capacity(fingerprint.0.len() + body.len());
    contents.extend_from_slice(fingerprint.0.as_bytes());
    contents.extend_from_slice(body);
    if let Some(directory) = cache_path.parent() {
        let _ = std::fs::create_dir_all(directory);
    }
    let _ = write_atomically(cache_path, &contents, Durability::Cache);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_serves_only_the_bytes_it_was_made_from() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("cache/value.bin");
        let one = Fingerprint::of_bytes(b"source one");
        write_bytes(&path, &one, &[1, 2, 3]);
        assert_eq!(read_bytes(&path, &one), Some(vec![1, 2, 3]));
        assert_eq!(
            read_bytes(&path, &Fingerprint::of_bytes(b"source two")),
            None
        );
        std::fs::write(&path, b"garbage").unwrap();
        assert_eq!(read_bytes(&path, &one), None);
    }

    #[test]
    fn a_file_and_its_bytes_have_the_same_fingerprint() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("source.yaml");
        let bytes: Vec<u8> = (0..700_000u32).map(|n| (n % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(
            Fingerprint::of_file(&path).unwrap(),
            Fingerprint::of_bytes(&bytes)
        );
    }
}
