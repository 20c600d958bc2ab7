//! Where a command's document goes: standard output, or a file named with
//! `--output`. `export` and `cohort` write theirs the same way, so that a
//! mentor's report is as safe to write over a file as a learner's export.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::atomic_file::{Durability, write_atomically};
use crate::cmd::Context;
use crate::control::quoted_path;
use crate::error::Error;
use crate::i18n::{Key, tr};

/// Prints `document`, or writes it to `output` and says so.
pub(super) fn write_output(
    ctx: &Context,
    output: Option<&Path>,
    document: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    match output {
        None => write!(out, "{document}").map_err(Error::Output)?,
        Some(path) => {
            if is_own_file(ctx, path) {
                return Err(Error::ExportOwnFile {
                    path: path.to_path_buf(),
                });
            }
            write_document(path, document.as_bytes()).map_err(|error| Error::ExportWrite {
                path: path.to_path_buf(),
                source: error,
            })?;
            say!(
                out,
                "{}",
                tr(ctx.lang, Key::Exported, &[("path", &quoted_path(path))])
            )?;
        }
    }
    Ok(())
}

/// Whether `path` is one of smm-path's own progress files, which a
/// document must never replace.
fn is_own_file(ctx: &Context, path: &Path) -> bool {
    let own = [
        ctx.store.path(),
        ctx.store.history_path(),
        ctx.store.backup_path(),
    ];
    let same = |a: &Path, b: &Path| match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    own.iter().any(|file| same(path, file))
}

/// Writes a document to `path`: a regular file is replaced atomically; a
/// device, a FIFO or a terminal (`/dev/stdout`, `>(cmd)`) is written
/// through, never replaced.
fn write_document(path: &Path, document: &[u8]) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => fs::OpenOptions::new()
            .write(true)
            .open(path)?
            .write_all(document),
        _ => write_atomically(path, document, Durability::Synced),
    }
}
