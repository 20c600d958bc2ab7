//! Where a command's document goes: standard output, or a file named with
//! `--output`. `export`, `cohort`, `completions` and `man` write theirs the
//! same way, so that a mentor's report is as safe to write over a file as a
//! learner's export. `-o` is what the help and the README show, never `>`:
//! Windows PowerShell 5.1 writes what `>` catches as UTF-16, which no shell,
//! man or spreadsheet reading the file expects.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::atomic_file::{Durability, write_atomically};
use crate::control::quoted_path;
use crate::error::Error;
use crate::i18n::{Key, Lang, tr};
use crate::progress::ProgressStore;

/// What a spreadsheet needs to read a file as UTF-8: Excel takes a CSV
/// file without it for the system's legacy code page (`Judul` survives,
/// `Catatan é` does not). LibreOffice, pandas and the csv crate skip it.
const UTF8_BOM: &str = "\u{feff}";

/// A document as it goes to a file a spreadsheet opens: a CSV file written
/// with `-o` starts with the BOM. On standard output it does not: there it
/// goes to a program (`| csvlook`, `pandas.read_csv(sys.stdin)`), for which
/// the BOM would be a stray character glued to the first header.
pub(super) fn csv_for_file(document: String, output: Option<&Path>) -> String {
    match output {
        Some(_) => format!("{UTF8_BOM}{document}"),
        None => document,
    }
}

/// Prints `document`, or writes it to `output` and says so. `store` is the
/// home's, whose files a document must never replace.
pub(super) fn write_output(
    lang: Lang,
    store: Option<&ProgressStore>,
    output: Option<&Path>,
    document: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    write_output_bytes(lang, store, output, document.as_bytes(), out)
}

/// [`write_output`] for a document that is not text (`card`'s PNG), with
/// the same checks and the same atomic write.
pub(super) fn write_output_bytes(
    lang: Lang,
    store: Option<&ProgressStore>,
    output: Option<&Path>,
    document: &[u8],
    out: &mut dyn Write,
) -> Result<(), Error> {
    match output {
        None => out.write_all(document).map_err(Error::Output)?,
        Some(path) => {
            if store.is_some_and(|store| is_own_file(store, path)) {
                return Err(Error::ExportOwnFile {
                    path: path.to_path_buf(),
                });
            }
            if names_a_folder(path) {
                return Err(Error::OutputIsFolder {
                    path: path.to_path_buf(),
                });
            }
            write_document(path, document).map_err(|error| Error::ExportWrite {
                path: path.to_path_buf(),
                source: error,
            })?;
            say!(
                out,
                "{}",
                tr(lang, Key::Exported, &[("path", &quoted_path(path))])
            )?;
        }
    }
    Ok(())
}

/// Whether `path` is one of smm-path's own progress files, which a
/// document must never replace.
fn is_own_file(store: &ProgressStore, path: &Path) -> bool {
    let own = [store.path(), store.history_path(), store.backup_path()];
    let same = |a: &Path, b: &Path| match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    own.iter().any(|file| same(path, file))
}

/// Whether `path` is a folder rather than a file to write: an existing
/// folder, or a path ending in a separator (`ex/`, which the system would
/// answer with a puzzling "not a directory" when `ex` does not exist yet).
/// Either way the user forgot the file name, which is a usage error.
fn names_a_folder(path: &Path) -> bool {
    let ends_in_separator = path
        .as_os_str()
        .to_string_lossy()
        .chars()
        .next_back()
        .is_some_and(std::path::is_separator);
    ends_in_separator || path.is_dir()
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
