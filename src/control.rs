//! Control characters in text: which ones are refused, and how they are shown.
//!
//! A note, a skip reason or a roadmap title holding `ESC ] 2 ; … BEL` would
//! retitle the terminal that prints it, `ESC [ 2 J` would clear it, a bare
//! carriage return would let text overwrite the line before. smm-path
//! refuses such characters where text comes in (commands, imports,
//! roadmaps), and escapes whatever still reaches a terminal (a hand-edited
//! file), so text is always shown as written and never acted on.

/// Whether `c` is a control character text may not carry: C0 controls but
/// line feed and tab, DEL, and the C1 controls.
pub(crate) fn is_forbidden(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Whether `text` holds a forbidden control character.
pub(crate) fn has_forbidden(text: &str) -> bool {
    text.chars().any(is_forbidden)
}

/// Escapes the forbidden controls of `bytes` (UTF-8 text as it is written
/// out) for a terminal, as `\u{1b}`. What passes: line feed, tab, a
/// carriage return right before a line feed (CSV's line ends), and the
/// colour sequences smm-path writes itself (`ESC [ digits ; … m`). With
/// `more_may_follow`, a sequence cut off at the end is held back: the number
/// of bytes held is returned with the escaped text.
pub(crate) fn escape_for_terminal(bytes: &[u8], more_may_follow: bool) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    let escape = |out: &mut Vec<u8>, value: u32| {
        out.extend_from_slice(format!("\\u{{{value:x}}}").as_bytes());
    };
    while index < bytes.len() {
        let byte = bytes[index];
        let rest = &bytes[index..];
        match byte {
            0x1b => {
                let parameters = rest
                    .iter()
                    .skip(2)
                    .take_while(|b| b.is_ascii_digit() || **b == b';')
                    .count();
                match (rest.get(1), rest.get(2 + parameters)) {
                    (Some(b'['), Some(b'm')) => {
                        out.extend_from_slice(&rest[..3 + parameters]);
                        index += 3 + parameters;
                        continue;
                    }
                    (None, _) | (Some(b'['), None) if more_may_follow => {
                        return (out, rest.len());
                    }
                    _ => escape(&mut out, 0x1b),
                }
            }
            b'\r' => match rest.get(1) {
                Some(b'\n') => out.push(byte),
                None if more_may_follow => return (out, 1),
                _ => escape(&mut out, 0x0d),
            },
            b'\n' | b'\t' => out.push(byte),
            0x00..=0x1f | 0x7f => escape(&mut out, u32::from(byte)),
            // C1 controls, U+0080 to U+009F, are C2 80 to C2 9F in UTF-8.
            0xc2 => match rest.get(1) {
                Some(&next @ 0x80..=0x9f) => {
                    escape(&mut out, u32::from(next));
                    index += 2;
                    continue;
                }
                None if more_may_follow => return (out, 1),
                _ => out.push(byte),
            },
            _ => out.push(byte),
        }
        index += 1;
    }
    (out, 0)
}

/// `text` with its forbidden controls escaped, for a terminal.
pub(crate) fn escaped(text: &str) -> String {
    let (bytes, _) = escape_for_terminal(text.as_bytes(), false);
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// A file name as smm-path prints it, after git's rule for unusual paths:
/// as it is, unless it holds a control character, a double quote, a
/// backslash or bytes that are not UTF-8; then in double quotes with those
/// escaped (`\n`, `\t`, `\"`, `\\`, and `\ooo` in octal for any other
/// byte). On Windows a backslash separates folders: it is neither a reason
/// to quote nor escaped, so `C:\Users\ayu` reads as Windows writes it.
/// Unlike git, letters outside ASCII stay as they are: Indonesian and other
/// names are read, not decoded. So a name can never start a new
/// line of a report or send the terminal a sequence.
pub(crate) fn quoted_path(path: &std::path::Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let text = std::str::from_utf8(bytes).ok();
    let plain = text.is_some_and(|text| {
        !text
            .chars()
            .any(|c| c.is_control() || c == '"' || (c == '\\' && !cfg!(windows)))
    });
    if plain {
        return text.unwrap_or_default().to_string();
    }
    let mut out = String::from("\"");
    let mut rest = bytes;
    while !rest.is_empty() {
        let (valid, invalid) = match std::str::from_utf8(rest) {
            Ok(valid) => (valid, &[][..]),
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                let bad = error.error_len().unwrap_or(after.len());
                (
                    std::str::from_utf8(valid).unwrap_or_default(),
                    &after[..bad],
                )
            }
        };
        for c in valid.chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '"' => out.push_str("\\\""),
                '\\' if !cfg!(windows) => out.push_str("\\\\"),
                c if c.is_control() => {
                    let mut buffer = [0u8; 4];
                    for byte in c.encode_utf8(&mut buffer).bytes() {
                        out.push_str(&format!("\\{byte:03o}"));
                    }
                }
                c => out.push(c),
            }
        }
        for byte in invalid {
            out.push_str(&format!("\\{byte:03o}"));
        }
        rest = &rest[valid.len() + invalid.len()..];
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusual_file_names_are_quoted_as_git_quotes_them() {
        use std::path::Path;
        assert_eq!(
            quoted_path(Path::new("/tmp/a b/catatan é.jsonl")),
            "/tmp/a b/catatan é.jsonl"
        );
        assert_eq!(
            quoted_path(Path::new("/s/x\nSynced 99 changes\u{1b}[2J.jsonl")),
            "\"/s/x\\nSynced 99 changes\\033[2J.jsonl\""
        );
        // A backslash is escaped where it is a character of the name, and
        // kept where it separates folders (Windows).
        let quoted = quoted_path(Path::new("a\"b\\c"));
        if cfg!(windows) {
            assert_eq!(quoted, "\"a\\\"b\\c\"");
            assert_eq!(quoted_path(Path::new(r"C:\Users\ayu")), r"C:\Users\ayu");
        } else {
            assert_eq!(quoted, "\"a\\\"b\\\\c\"");
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let name = std::ffi::OsStr::from_bytes(b"bad\xffname");
            assert_eq!(quoted_path(Path::new(name)), "\"bad\\377name\"");
        }
    }

    #[test]
    fn controls_are_shown_and_colour_passes() {
        assert_eq!(escaped("a\u{1b}]2;PWNED\u{7}b"), "a\\u{1b}]2;PWNED\\u{7}b");
        assert_eq!(escaped("\u{1b}[2J\u{9b}31m"), "\\u{1b}[2J\\u{9b}31m");
        assert_eq!(
            escaped("x\u{1b}[1;32m✓\u{1b}[0m y"),
            "x\u{1b}[1;32m✓\u{1b}[0m y"
        );
        assert_eq!(escaped("a\r\nb\rc\tok\n"), "a\r\nb\\u{d}c\tok\n");
        // A sequence cut at the end of one write waits for the next.
        let (out, held) = escape_for_terminal(b"ok \x1b[3", true);
        assert_eq!((out.as_slice(), held), (&b"ok "[..], 3));
        assert!(has_forbidden("a\u{85}b") && !has_forbidden("line\nnext\ttab é 🎉"));
    }
}
