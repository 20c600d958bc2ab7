//! The command line in the user's language: clap's command tree with the
//! catalogue's words put in, and clap's usage errors rendered through the
//! catalogue. `cli.rs` holds the structure only; every command's and
//! option's text, in both languages, is in `i18n/help.rs`, and clap's own
//! screen words ("Usage", "Options") are catalogue keys. A test checks that
//! no command, option or value lacks its text, and that no text names one
//! that is gone.
//!
//! The language is known before clap parses: `--lang` is read from the
//! arguments, else the locale. The static completion scripts (PowerShell,
//! elvish) are generated from the English tree, the same in both languages;
//! the dynamic completion (bash, zsh, fish) describes options and their
//! values in the user's language, from this tree.

use std::marker::PhantomData;

use clap::builder::{EnumValueParser, PossibleValue, StyledStr, TypedValueParser, ValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, ValueEnum};

use crate::cli::{CardFormat, CardSize, Cli, CohortFormat, CohortSort, ColorChoice, ExportFormat};
use crate::i18n::{Key, Lang, help, tr, word};

/// The language for this run, read before clap parses: `--lang id`,
/// `--lang=id`, else the locale (see [`Lang::from_locale`]). A value clap
/// would refuse is ignored here; clap then reports it.
pub(crate) fn early_language(
    args: &[std::ffi::OsString],
    env: impl Fn(&str) -> Option<String>,
    system: impl FnOnce() -> Option<String>,
) -> Lang {
    let mut args = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().map(std::borrow::Cow::into_owned),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("id") => return Lang::Id,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_locale(env, system)
}

/// The command tree in `lang`.
pub(crate) fn command(lang: Lang) -> Command {
    command_with(lang, |command| command)
}

/// The command tree in `lang`, with `adjust` applied to the tree before
/// clap builds it (the completion attaches its step completers so).
pub(crate) fn command_with(lang: Lang, adjust: impl FnOnce(Command) -> Command) -> Command {
    let command = localized(adjust(Cli::command()), "", lang);
    match lang {
        Lang::En => command,
        Lang::Id => {
            let mut command = command;
            // clap adds its `help` command when the tree is built.
            command.build();
            translate_help_commands(&mut command, lang);
            command
        }
    }
}

/// The command tree in `lang` before clap builds it: each command holds
/// only its own options (the man page lists the shared ones once).
pub(crate) fn command_unbuilt(lang: Lang) -> Command {
    localized(Cli::command(), "", lang)
}

/// The `help` command clap added to each command that has subcommands.
fn translate_help_commands(command: &mut Command, lang: Lang) {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        if let Some(sub) = command.find_subcommand_mut(&name) {
            if name == "help" {
                let about = word(lang, Key::ClapHelpCommand);
                let placeholder = word(lang, Key::ClapCommandPlaceholder);
                let mut translated = sub
                    .clone()
                    .about(about)
                    .override_usage(format!("smm-path help [{placeholder}]..."))
                    .subcommand_help_heading(word(lang, Key::ClapCommands))
                    .help_template(template(lang));
                // `help help` lists the commands again, itself among them.
                if translated.find_subcommand("help").is_some() {
                    translated = translated.mut_subcommand("help", |inner| inner.about(about));
                }
                *sub = translated;
            } else {
                translate_help_commands(sub, lang);
            }
        }
    }
}

/// The help template: clap's own, with the usage heading in `lang`.
fn template(lang: Lang) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        word(lang, Key::ClapUsage)
    )
}

/// The command at `path` (and the commands under it) with its texts from
/// the catalogue in `lang`.
fn localized(mut command: Command, path: &str, lang: Lang) -> Command {
    if let Some(text) = help::command(path) {
        let about = text.about.get(lang);
        let more = text.more.get(lang);
        command = command.about(about);
        command = match (lang, more.is_empty()) {
            // Nothing more to say: English `--help` then keeps clap's
            // plain "Print help" and the compact layout.
            (Lang::En, true) => command.long_about(None),
            // The Indonesian tree always has long texts (its lines are
            // longer): `--help` puts each option's text under it.
            (Lang::Id, true) => command.long_about(about),
            (_, false) => command.long_about(format!("{about}\n\n{more}")),
        };
    }
    if path.is_empty() {
        command = command.after_help(help::everyday(lang));
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in &ids {
        let text = help::arg(path, id).map(|text| text.get(lang));
        let values = described_values(path, id, lang);
        command = command.mut_arg(id, |mut arg| {
            if let Some(text) = text {
                arg = arg.help(text);
                if lang == Lang::Id {
                    arg = arg.long_help(text);
                }
            }
            if let Some(values) = values {
                arg = arg.value_parser(values);
            }
            arg
        });
    }
    if lang == Lang::Id {
        command = indonesian_screen(command, path, lang);
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(&name, |sub| localized(sub, &sub_path, lang));
    }
    command
}

/// An option's parser with its values described in `lang`: the values of
/// a `ValueEnum` come with the derive's (empty) help, so each option that
/// takes named values is listed here with its type.
fn described_values(path: &str, id: &str, lang: Lang) -> Option<ValueParser> {
    match (path, id) {
        ("", "lang") => Some(Described::<Lang>::parser(path, id, lang)),
        ("", "color") => Some(Described::<ColorChoice>::parser(path, id, lang)),
        ("export", "format") => Some(Described::<ExportFormat>::parser(path, id, lang)),
        ("cohort", "sort") => Some(Described::<CohortSort>::parser(path, id, lang)),
        ("cohort", "format") => Some(Described::<CohortFormat>::parser(path, id, lang)),
        ("card", "size") => Some(Described::<CardSize>::parser(path, id, lang)),
        ("card", "format") => Some(Described::<CardFormat>::parser(path, id, lang)),
        _ => None,
    }
}

/// clap's parser of the enum `E`, with the values' help from the catalogue.
#[derive(Clone)]
struct Described<E> {
    values: Vec<PossibleValue>,
    parsed: PhantomData<E>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> Described<E> {
    fn parser(path: &str, id: &str, lang: Lang) -> ValueParser {
        let values = E::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value)
            .map(|value| match help::value(path, id, value.get_name()) {
                Some(text) => value.help(text.get(lang)),
                None => value,
            })
            .collect();
        ValueParser::new(Described::<E> {
            values,
            parsed: PhantomData,
        })
    }
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Described<E> {
    type Value = E;

    fn parse_ref(
        &self,
        command: &Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<E, clap::Error> {
        EnumValueParser::<E>::new().parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().cloned()))
    }
}

/// clap's own words in the Indonesian tree: headings, the usage line, and
/// the help and version flags, whose English texts clap writes itself.
fn indonesian_screen(mut command: Command, path: &str, lang: Lang) -> Command {
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(usize::MAX)
                .help(word(lang, Key::ClapVersionFlag)),
        );
    }
    command = command
        .help_template(template(lang))
        .subcommand_help_heading(word(lang, Key::ClapCommands))
        .subcommand_value_name(word(lang, Key::ClapCommandPlaceholder))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(usize::MAX)
                .help(word(lang, Key::ClapHelpFlag)),
        );
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                Key::ClapArguments
            } else {
                Key::ClapOptions
            };
            // The help text says the values and the default in Indonesian.
            let mut arg = arg.help_heading(word(lang, heading));
            if arg.get_action().takes_values() {
                arg = arg
                    .hide_possible_values(true)
                    .hide_default_value(true)
                    .hide_env(true);
            }
            if let Some(names) = arg.get_value_names() {
                let names: Vec<clap::builder::Str> = names
                    .iter()
                    .map(|name| {
                        help::value_name(lang, name.as_str())
                            .map_or_else(|| name.clone(), Into::into)
                    })
                    .collect();
                arg = arg.value_names(names);
            }
            arg
        });
    }
    let usage = usage_line(&command, path, lang);
    command.override_usage(usage)
}

/// `smm-path done [OPSI] <LANGKAH>...`: clap writes `[OPTIONS]` and
/// `[COMMAND]` in English whatever the headings, so the line is built here.
fn usage_line(command: &Command, path: &str, lang: Lang) -> String {
    let mut line = if path.is_empty() {
        "smm-path".to_string()
    } else {
        format!("smm-path {path}")
    };
    if command.get_arguments().any(|arg| !arg.is_positional()) {
        line.push_str(&format!(" [{}]", word(lang, Key::ClapOptionsPlaceholder)));
    }
    for arg in command.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(
                || arg.get_id().to_string().to_uppercase(),
                std::string::ToString::to_string,
            );
        let many = matches!(arg.get_num_args(), Some(range) if range.max_values() > 1);
        let dots = if many { "..." } else { "" };
        if arg.is_required_set() {
            line.push_str(&format!(" <{name}>{dots}"));
        } else {
            line.push_str(&format!(" [{name}]{dots}"));
        }
    }
    if command.has_subcommands() {
        let placeholder = word(lang, Key::ClapCommandPlaceholder);
        if command.is_subcommand_required_set() {
            line.push_str(&format!(" <{placeholder}>"));
        } else {
            line.push_str(&format!(" [{placeholder}]"));
        }
    }
    line
}

/// Exits as clap would for `error`, with the message in `lang`: help and
/// version go to standard output, a usage error is one line on standard
/// error, then the usage and where to learn more; exit code 2.
pub(crate) fn exit_with(error: clap::Error, command: &mut Command, lang: Lang) -> ! {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        error.format(command).exit();
    }
    // The subcommand typed, whose usage is shown and whose `--help` is
    // pointed at: a learner who typed `export -f pdf` needs export's.
    let (path, usage) = command_for(command)
        .map(|(path, command)| {
            let usage = command.render_usage().to_string();
            // clap's own prefix, in English whatever the tree's words.
            let usage = usage
                .strip_prefix("Usage: ")
                .map_or(usage.clone(), str::to_string);
            (path, usage)
        })
        .unwrap_or_default();
    let help_command = if path.is_empty() {
        "smm-path --help".to_string()
    } else {
        format!("smm-path {path} --help")
    };
    if lang == Lang::En {
        let code = error.exit_code();
        let rendered = error.format(command).render().to_string();
        eprintln!(
            "{}",
            english_usage_error(&rendered, &usage, &help_command).trim_end()
        );
        std::process::exit(code);
    }
    // What was typed is quoted back: shown, never acted on by the terminal.
    let message = crate::control::escaped(&render_error(&error, lang));
    let help_hint = tr(
        lang,
        Key::ClapMoreInformation,
        &[("command", &help_command)],
    );
    eprintln!(
        "{}: {message}\n\n{}: {usage}\n\n{help_hint}",
        word(lang, Key::ErrorPrefix),
        word(lang, Key::ClapUsage)
    );
    std::process::exit(error.exit_code());
}

/// clap's English usage error, with the usage line it leaves out for some
/// errors (a bad value) and its `--help` hint naming the subcommand's.
fn english_usage_error(rendered: &str, usage: &str, help_command: &str) -> String {
    const HINT: &str = "For more information, try '--help'.";
    let hint = format!("For more information, try '{help_command}'.");
    if rendered.contains("\nUsage: ") || usage.is_empty() {
        return rendered.replace(HINT, &hint);
    }
    rendered.replace(HINT, &format!("Usage: {usage}\n\n{hint}"))
}

/// The subcommand the error is about and its path (`roadmap validate`),
/// found from the arguments typed.
fn command_for(command: &mut Command) -> Option<(String, &mut Command)> {
    // Lossy: an argument that is not UTF-8 must not stop the error from being shown.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let mut current = command;
    let mut path: Vec<String> = Vec::new();
    for arg in args {
        if current.find_subcommand(&arg).is_none() {
            continue;
        }
        current = current.find_subcommand_mut(&arg)?;
        path.push(current.get_name().to_string());
    }
    Some((path.join(" "), current))
}

fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    error.get(kind).map(|value| match value {
        ContextValue::String(text) => text.clone(),
        ContextValue::Strings(texts) => texts.join(", "),
        ContextValue::StyledStr(text) => text.to_string(),
        ContextValue::StyledStrs(texts) => texts
            .iter()
            .map(StyledStr::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(number) => number.to_string(),
        ContextValue::Bool(flag) => flag.to_string(),
        _ => String::new(),
    })
}

/// A usage error in words, from its kind and context.
fn render_error(error: &clap::Error, lang: Lang) -> String {
    let get = |kind: ContextKind| context(error, kind).unwrap_or_default();
    let argument = localize_argument(&get(ContextKind::InvalidArg), lang);
    let mut message = match error.kind() {
        ErrorKind::InvalidSubcommand => tr(
            lang,
            Key::ClapUnknownCommand,
            &[("command", &get(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::UnknownArgument => {
            tr(lang, Key::ClapUnknownArgument, &[("argument", &argument)])
        }
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue);
            if value.is_empty() {
                tr(lang, Key::ClapMissingValue, &[("argument", &argument)])
            } else {
                tr(
                    lang,
                    Key::ClapInvalidValue,
                    &[
                        ("value", &value),
                        ("argument", &argument),
                        ("valid", &get(ContextKind::ValidValue)),
                    ],
                )
            }
        }
        ErrorKind::ValueValidation => tr(
            lang,
            Key::ClapNotANumber,
            &[
                ("value", &get(ContextKind::InvalidValue)),
                ("argument", &argument),
            ],
        ),
        ErrorKind::MissingRequiredArgument => {
            tr(lang, Key::ClapMissingArgument, &[("argument", &argument)])
        }
        ErrorKind::ArgumentConflict => {
            let prior = localize_argument(&get(ContextKind::PriorArg), lang);
            if prior.is_empty() || prior == argument {
                tr(lang, Key::ClapRepeated, &[("argument", &argument)])
            } else {
                tr(
                    lang,
                    Key::ClapConflict,
                    &[("argument", &argument), ("other", &prior)],
                )
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => tr(
            lang,
            Key::ClapUnexpectedValue,
            &[("value", &get(ContextKind::InvalidValue))],
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            word(lang, Key::ClapMissingCommand).to_string()
        }
        ErrorKind::InvalidUtf8 => word(lang, Key::ClapInvalidUtf8).to_string(),
        _ => word(lang, Key::ClapOther).to_string(),
    };
    let suggestion = context(error, ContextKind::SuggestedSubcommand)
        .or_else(|| context(error, ContextKind::SuggestedArg));
    if let Some(suggestion) = suggestion {
        message.push_str("; ");
        message.push_str(&tr(
            lang,
            Key::ErrDidYouMean,
            &[("suggestion", &suggestion)],
        ));
    }
    message
}

/// `--on <DATE>` with the placeholder in `lang`.
fn localize_argument(argument: &str, lang: Lang) -> String {
    let mut text = argument.to_string();
    for part in argument.split('<').skip(1) {
        if let Some((name, _)) = part.split_once('>')
            && let Some(local) = help::value_name(lang, name)
        {
            text = text.replace(&format!("<{name}>"), &format!("<{local}>"));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(command: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            paths(sub, &sub_path, out);
        }
    }

    /// The argument `id` of the command at `path` in `command`'s tree.
    fn find_arg<'a>(command: &'a Command, path: &str, id: &str) -> Option<&'a Arg> {
        let mut current = command;
        for name in path.split_whitespace() {
            current = current.find_subcommand(name)?;
        }
        current.get_arguments().find(|arg| arg.get_id() == id)
    }

    #[test]
    fn every_command_option_and_value_has_both_texts_and_no_text_is_left_over() {
        let command = Cli::command();
        let mut all = Vec::new();
        paths(&command, "", &mut all);
        let both = |what: &str, text: &help::Texts| {
            assert!(!text.en.trim().is_empty(), "no English for {what}");
            assert!(!text.id.trim().is_empty(), "no Indonesian for {what}");
        };
        for path in &all {
            let text = help::command(path).unwrap_or_else(|| panic!("no help for `{path}`"));
            both(&format!("the command `{path}`"), &text.about);
            assert_eq!(
                text.more.en.is_empty(),
                text.more.id.is_empty(),
                "`{path}` says more in one language only"
            );
            let mut current = &command;
            for name in path.split_whitespace() {
                current = current.find_subcommand(name).expect("subcommand");
            }
            // cli.rs holds no text of its own: it would reach one language only.
            assert!(current.get_about().is_none(), "`{path}` has a doc comment");
            for arg in current.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(
                    arg.get_help().is_none(),
                    "`{id}` of `{path}` has a doc comment"
                );
                let text =
                    help::arg(path, id).unwrap_or_else(|| panic!("no help for `{id}` of `{path}`"));
                both(&format!("`{id}` of `{path}`"), text);
                let names = arg
                    .get_value_names()
                    .filter(|_| arg.get_action().takes_values());
                for name in names.into_iter().flatten() {
                    assert!(
                        help::value_name(Lang::Id, name.as_str()).is_some(),
                        "no Indonesian for the placeholder {name}"
                    );
                }
                // The shells' names (`completions SHELL`) explain themselves.
                let values = arg.get_possible_values();
                if values.is_empty()
                    || !arg.get_action().takes_values()
                    || (path.as_str(), id) == ("completions", "shell")
                {
                    continue;
                }
                assert!(
                    described_values(path, id, Lang::En).is_some(),
                    "`{id}` of `{path}` takes values that are not described"
                );
                for value in values {
                    let text = help::value(path, id, value.get_name()).unwrap_or_else(|| {
                        panic!("no help for `{}` of `{id}` of `{path}`", value.get_name())
                    });
                    both(&format!("`{}` of `{id}`", value.get_name()), text);
                }
            }
        }
        // No entry is left over from a command, option or value that is gone.
        let (commands, args, values) = help::all();
        for text in commands {
            assert!(
                all.iter().any(|path| path == text.path),
                "`{}` is gone",
                text.path
            );
        }
        for text in args {
            assert!(
                find_arg(&command, text.path, text.id).is_some(),
                "`{}` of `{}` is gone",
                text.id,
                text.path
            );
        }
        for text in values {
            let arg = find_arg(&command, text.path, text.arg).expect("the option");
            assert!(
                arg.get_possible_values()
                    .iter()
                    .any(|value| value.get_name() == text.value),
                "`{}` of `{}` is gone",
                text.value,
                text.arg
            );
        }
        for lang in [Lang::En, Lang::Id] {
            command_unbuilt(lang).debug_assert();
        }
    }

    #[test]
    fn the_values_of_an_option_are_described_in_the_output_language() {
        for (lang, expected) in [
            (Lang::En, "Longest inactive first"),
            (Lang::Id, "Paling lama tidak aktif dulu"),
        ] {
            let tree = command(lang);
            let sort = find_arg(tree.find_subcommand("cohort").expect("cohort"), "", "sort")
                .expect("--sort");
            let activity = sort
                .get_possible_values()
                .into_iter()
                .find(|value| value.get_name() == "activity")
                .expect("activity");
            assert_eq!(
                activity.get_help().map(ToString::to_string).as_deref(),
                Some(expected)
            );
        }
        // And the parser still gives the enum the derive reads.
        let matches = command(Lang::Id)
            .try_get_matches_from(["smm-path", "export", "--format", "html"])
            .expect("parses");
        let cli =
            <Cli as clap::FromArgMatches>::from_arg_matches(&matches).expect("the derive reads it");
        assert!(matches!(
            cli.command,
            Some(crate::cli::Command::Export(crate::cli::ExportArgs {
                format: ExportFormat::Html,
                ..
            }))
        ));
    }

    #[test]
    fn the_language_is_read_before_clap_parses() {
        let args =
            |list: &[&str]| -> Vec<std::ffi::OsString> { list.iter().map(Into::into).collect() };
        let none = |_: &str| None;
        let indonesian_locale = |name: &str| (name == "LANG").then(|| "id_ID.UTF-8".to_string());
        assert_eq!(
            early_language(&args(&["smm-path", "--lang", "id", "x"]), none, || None),
            Lang::Id
        );
        assert_eq!(
            early_language(&args(&["smm-path", "done", "--lang=id"]), none, || None),
            Lang::Id
        );
        assert_eq!(
            early_language(
                &args(&["smm-path", "--lang", "en"]),
                indonesian_locale,
                || None
            ),
            Lang::En
        );
        assert_eq!(
            early_language(
                &args(&["smm-path", "--lang", "xx"]),
                indonesian_locale,
                || None
            ),
            Lang::Id
        );
        assert_eq!(
            early_language(
                &args(&["smm-path", "note", "1", "--", "--lang", "id"]),
                none,
                || None
            ),
            Lang::En
        );
        // With no --lang and no locale variable, the system's language counts.
        assert_eq!(
            early_language(&args(&["smm-path", "status"]), none, || Some(
                "id-ID".into()
            )),
            Lang::Id
        );
    }
}
