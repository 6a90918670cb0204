//! The desktop entry written for one program: the shipped entry with `Exec` and `TryExec`
//! naming it, quoted and escaped as the Desktop Entry Specification says.

use super::{APP_ID, DESKTOP_ENTRY, DesktopError};
use std::fmt::Write as _;
use std::path::Path;

/// The desktop entry that opens files with `program`: [`DESKTOP_ENTRY`] with its `Exec`
/// naming the program by its absolute path, and a `TryExec`, so that menus hide the entry
/// once the program is gone.
pub fn desktop_entry_for(program: &Path) -> Result<String, DesktopError> {
    let program_text = program_text(program)?;
    let mut entry = format!(
        "# Written by `{APP_ID} install-desktop`; `{APP_ID} uninstall-desktop` removes it.\n"
    );
    for line in DESKTOP_ENTRY.lines() {
        if line.starts_with("Exec=") {
            let _ = writeln!(entry, "TryExec={}", escape_string_value(program_text));
            let _ = writeln!(entry, "{}", exec_line(program_text));
        } else {
            let _ = writeln!(entry, "{line}");
        }
    }
    Ok(entry)
}

/// The `Exec=` line that runs `program` on one file.
pub(super) fn exec_line(program: &str) -> String {
    format!(
        "Exec={} %f",
        escape_string_value(&quote_exec_argument(program))
    )
}

/// The program's path as text a desktop entry can hold: absolute, UTF-8 (as the whole file
/// must be), and without control characters, which would need escapes that desktops do not
/// all read back the same way.
pub(super) fn program_text(program: &Path) -> Result<&str, DesktopError> {
    let reject = |reason| DesktopError::Program {
        path: program.to_path_buf(),
        reason,
    };
    if !program.is_absolute() {
        return Err(reject("expected an absolute path"));
    }
    let text = program
        .to_str()
        .ok_or_else(|| reject("a desktop entry is UTF-8, and this path is not"))?;
    if text.chars().any(char::is_control) {
        return Err(reject(
            "the path holds a control character (a line break or a tab); move the program to a plainer folder",
        ));
    }
    Ok(text)
}

/// Characters the Desktop Entry Specification reserves in an `Exec` argument: an argument
/// holding one must be quoted.
const EXEC_RESERVED: &[char] = &[
    ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')',
    '`',
];

/// Quotes one `Exec` argument as the specification says: in double quotes when it holds a
/// reserved character, with `"`, `` ` ``, `$` and `\` escaped by a backslash; and `%`
/// doubled, since a single `%` starts a field code.
fn quote_exec_argument(argument: &str) -> String {
    let mut quoted = String::with_capacity(argument.len() + 2);
    let is_quoted = argument.is_empty() || argument.contains(EXEC_RESERVED);
    if is_quoted {
        quoted.push('"');
    }
    for c in argument.chars() {
        match c {
            '"' | '`' | '$' | '\\' if is_quoted => quoted.push('\\'),
            '%' => quoted.push('%'),
            _ => {}
        }
        quoted.push(c);
    }
    if is_quoted {
        quoted.push('"');
    }
    quoted
}

/// Escapes a value of type string: a backslash is written twice. (Control characters,
/// which would need `\n`, `\t` or `\r`, are refused earlier.)
fn escape_string_value(value: &str) -> String {
    value.replace('\\', "\\\\")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail by panicking")]

    use super::*;

    /// Undoes what a desktop reads from `Exec`: the string escapes, then the quoting, then
    /// `%%`; the argument list that the specification says `value` stands for.
    fn parse_exec(value: &str) -> Vec<String> {
        let mut unescaped = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('s') => unescaped.push(' '),
                    Some('n') => unescaped.push('\n'),
                    Some('t') => unescaped.push('\t'),
                    Some('r') => unescaped.push('\r'),
                    Some('\\') => unescaped.push('\\'),
                    other => panic!("bad string escape \\{other:?} in {value:?}"),
                },
                (c, false) => unescaped.push(c),
            }
        }
        let mut arguments = Vec::new();
        let mut chars = unescaped.chars().peekable();
        loop {
            while chars.next_if_eq(&' ').is_some() {}
            let Some(&first) = chars.peek() else {
                break;
            };
            let mut argument = String::new();
            if first == '"' {
                chars.next();
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => {
                            let escaped = chars.next().unwrap();
                            assert!(
                                matches!(escaped, '"' | '`' | '$' | '\\'),
                                "only \" ` $ \\ may be escaped in quotes, found \\{escaped} in {value:?}"
                            );
                            argument.push(escaped);
                        }
                        Some(c) => {
                            assert!(
                                !matches!(c, '`' | '$'),
                                "{c} must be escaped in quotes, in {value:?}"
                            );
                            argument.push(c);
                        }
                        None => panic!("unterminated quote in {value:?}"),
                    }
                }
            } else {
                while let Some(c) = chars.next_if(|&c| c != ' ') {
                    assert!(
                        !EXEC_RESERVED.contains(&c),
                        "reserved {c:?} outside quotes in {value:?}"
                    );
                    argument.push(c);
                }
            }
            arguments.push(argument.replace("%%", "%"));
        }
        arguments
    }

    fn exec_arguments(program: &str) -> Vec<String> {
        let line = exec_line(program);
        parse_exec(line.strip_prefix("Exec=").unwrap())
    }

    #[test]
    fn a_plain_path_is_written_as_it_is() {
        assert_eq!(
            exec_line("/home/ana/.cargo/bin/signer-dashboard"),
            "Exec=/home/ana/.cargo/bin/signer-dashboard %f"
        );
    }

    #[test]
    fn a_path_with_reserved_characters_comes_back_whole() {
        for program in [
            "/home/ana/My Apps/signer-dashboard",
            "/opt/\"quoted\"/signer-dashboard",
            "/opt/$HOME/signer-dashboard",
            "/opt/`id`/signer-dashboard",
            r"/opt/back\slash/signer-dashboard",
            r"/opt/two\\slashes/signer-dashboard",
            "/opt/100%/signer-dashboard",
            "/opt/%f/signer-dashboard",
            "/opt/it's (mine) & ~yours; #1 <a|b> *?/signer-dashboard",
            "/opt/Dépôt/signer-dashboard",
        ] {
            assert_eq!(
                exec_arguments(program),
                [program, "%f"],
                "{}",
                exec_line(program)
            );
        }
    }

    #[test]
    fn quoting_follows_the_specification_to_the_letter() {
        assert_eq!(quote_exec_argument("/a b"), "\"/a b\"");
        assert_eq!(quote_exec_argument("/a$b"), "\"/a\\$b\"");
        assert_eq!(quote_exec_argument("/a%b"), "/a%%b");
        // Four backslashes in the file stand for one in the argument.
        assert_eq!(exec_line(r"/a\b"), r#"Exec="/a\\\\b" %f"#);
    }

    #[test]
    fn a_program_that_cannot_be_named_is_refused() {
        for program in [
            "signer-dashboard",
            "/opt/line\nbreak/signer-dashboard",
            "/opt/tab\t/x",
        ] {
            let error = desktop_entry_for(Path::new(program)).unwrap_err();
            assert!(
                matches!(error, DesktopError::Program { .. }),
                "{program:?}: {error}"
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt as _;
            let not_utf8 = Path::new(std::ffi::OsStr::from_bytes(b"/opt/\xff/signer-dashboard"));
            let error = desktop_entry_for(not_utf8).unwrap_err();
            assert!(error.to_string().contains("UTF-8"), "{error}");
        }
    }

    #[test]
    fn the_installed_entry_is_the_shipped_one_pointed_at_the_program() {
        let entry = desktop_entry_for(Path::new("/opt/sd/signer-dashboard")).unwrap();
        let shipped: Vec<&str> = DESKTOP_ENTRY
            .lines()
            .filter(|line| !line.starts_with("Exec="))
            .collect();
        let installed: Vec<&str> = entry
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter(|line| !line.starts_with("Exec=") && !line.starts_with("TryExec="))
            .collect();
        assert_eq!(installed, shipped);
        assert!(
            entry.contains("\nTryExec=/opt/sd/signer-dashboard\n"),
            "{entry}"
        );
        assert!(
            entry.contains("\nExec=/opt/sd/signer-dashboard %f\n"),
            "{entry}"
        );
        assert_eq!(entry.matches("Exec=").count(), 2, "{entry}");
    }

    #[test]
    fn the_shipped_entry_names_the_app_id() {
        for line in [
            "Exec=signer-dashboard %f",
            "Icon=signer-dashboard",
            "StartupWMClass=signer-dashboard",
        ] {
            assert!(DESKTOP_ENTRY.lines().any(|l| l == line), "no {line}");
        }
        assert!(DESKTOP_ENTRY.contains(&format!("Icon={APP_ID}\n")));
    }
}
