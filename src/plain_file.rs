//! The one way smm-path reads a file it did not just write: a plain file only, within a size limit.
//!
//! Anything can sit where a file belongs. A sync tool leaves half a file or
//! a link; a careless script leaves a FIFO, which blocks a reader forever;
//! a device never ends. So every file is checked before it is opened (a
//! plain file, no larger than the caller's limit), opened without waiting
//! on a FIFO that appeared meanwhile, checked again once open, and read no
//! further than the limit even if it grows while being read.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

/// Whether a symbolic link where the file belongs is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Links {
    /// Followed to a plain file (a dotfile manager links the state file).
    Follow,
    /// Refused: the file is someone else's to point anywhere (a sync folder).
    Refuse,
}

/// Why a file could not be read, or written; worded through the catalogue
/// so no English operating-system text reaches Indonesian output. It keeps
/// the [`io::ErrorKind`], not the [`io::Error`]: the kind is what the
/// catalogue words, and it can be compared and cloned. Its `Display`, the
/// English wording, is in [`crate::error`], beside its wording in any language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    /// A FIFO, a device or a socket.
    NotPlainFile,
    IsDirectory,
    /// A symbolic link where only a file is accepted.
    IsLink,
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// The operating system's reason, by kind.
    Io(io::ErrorKind),
}

impl From<io::Error> for FileProblem {
    fn from(error: io::Error) -> FileProblem {
        FileProblem::Io(error.kind())
    }
}

/// Checks what is at `path` before it is opened; `None` when nothing is.
pub(crate) fn check(path: &Path, limit: u64, links: Links) -> Result<Option<u64>, FileProblem> {
    let metadata = match links {
        Links::Follow => fs::metadata(path),
        Links::Refuse => fs::symlink_metadata(path),
    };
    let metadata = match metadata {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    let kind = metadata.file_type();
    if kind.is_symlink() {
        return Err(FileProblem::IsLink);
    }
    if kind.is_dir() {
        return Err(FileProblem::IsDirectory);
    }
    plain_within(&metadata, limit).map(Some)
}

/// A plain file's size, when it is one within `limit`.
fn plain_within(metadata: &fs::Metadata, limit: u64) -> Result<u64, FileProblem> {
    if !metadata.is_file() {
        return Err(FileProblem::NotPlainFile);
    }
    if metadata.len() > limit {
        return Err(FileProblem::TooLarge {
            size: metadata.len(),
            limit,
        });
    }
    Ok(metadata.len())
}

/// Opens `path` for reading once [`check`] admits it: the open never waits
/// on a FIFO put there in the meantime, and what was opened is checked
/// again. Returns the file and its size; `None` when there is no file.
pub(crate) fn open(
    path: &Path,
    limit: u64,
    links: Links,
) -> Result<Option<(File, u64)>, FileProblem> {
    if check(path, limit, links)?.is_none() {
        return Ok(None);
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK;
        if links == Links::Refuse {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        // O_NOFOLLOW on a link that appeared since the check.
        #[cfg(unix)]
        Err(error) if error.raw_os_error() == Some(libc::ELOOP) => {
            return Err(FileProblem::IsLink);
        }
        Err(error) => return Err(error.into()),
    };
    let size = plain_within(&file.metadata()?, limit)?;
    Ok(Some((file, size)))
}

/// The bytes of the plain file at `path`, at most `limit` of them; `None`
/// when there is no file.
pub(crate) fn read(path: &Path, limit: u64, links: Links) -> Result<Option<Vec<u8>>, FileProblem> {
    read_from(path, 0, limit, links)
}

/// The bytes of the plain file at `path` from `offset` on; the whole file
/// must be within `limit`.
pub(crate) fn read_from(
    path: &Path,
    offset: u64,
    limit: u64,
    links: Links,
) -> Result<Option<Vec<u8>>, FileProblem> {
    let Some((mut file, size)) = open(path, limit, links)? else {
        return Ok(None);
    };
    if offset > 0 {
        file.seek(SeekFrom::Start(offset))?;
    }
    // Only a hint: a size past what memory can hold starts from nothing.
    let mut bytes = Vec::with_capacity(usize::try_from(size.saturating_sub(offset)).unwrap_or(0));
    // The file may grow while it is read: no more than the limit is taken.
    file.take(limit.saturating_sub(offset).saturating_add(1))
        .read_to_end(&mut bytes)?;
    if offset.saturating_add(bytes.len() as u64) > limit {
        return Err(FileProblem::TooLarge {
            size: offset.saturating_add(bytes.len() as u64),
            limit,
        });
    }
    Ok(Some(bytes))
}

/// The bytes `from..to` of the plain file at `path` (fewer when it is
/// shorter); the whole file must be within `limit`.
pub(crate) fn read_range(
    path: &Path,
    from: u64,
    to: u64,
    limit: u64,
    links: Links,
) -> Result<Option<Vec<u8>>, FileProblem> {
    let Some((mut file, _)) = open(path, limit, links)? else {
        return Ok(None);
    };
    file.seek(SeekFrom::Start(from))?;
    let wanted = to.saturating_sub(from);
    let mut bytes = Vec::with_capacity(usize::try_from(wanted).unwrap_or(0));
    file.take(wanted).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// The text of the plain file at `path`; a file that is not UTF-8 is `Err(None)`.
pub(crate) fn read_text(
    path: &Path,
    limit: u64,
    links: Links,
) -> Result<Option<String>, Option<FileProblem>> {
    match read(path, limit, links) {
        Ok(Some(bytes)) => String::from_utf8(bytes).map(Some).map_err(|_| None),
        Ok(None) => Ok(None),
        Err(problem) => Err(Some(problem)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        fs::write(&file, b"hello").unwrap();
        assert_eq!(
            read(&file, 5, Links::Refuse).unwrap().as_deref(),
            Some(&b"hello"[..])
        );
        assert_eq!(
            read(&file, 4, Links::Refuse),
            Err(FileProblem::TooLarge { size: 5, limit: 4 })
        );
        assert_eq!(read(&dir.path().join("none"), 5, Links::Refuse), Ok(None));
        assert_eq!(
            read(dir.path(), 5, Links::Refuse),
            Err(FileProblem::IsDirectory)
        );
        assert_eq!(
            read_from(&file, 2, 5, Links::Refuse).unwrap().as_deref(),
            Some(&b"llo"[..])
        );
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert_eq!(read(&link, 5, Links::Refuse), Err(FileProblem::IsLink));
            assert!(read(&link, 5, Links::Follow).unwrap().is_some());
            assert_eq!(
                read(Path::new("/dev/zero"), 5, Links::Follow),
                Err(FileProblem::NotPlainFile)
            );
        }
    }
}
