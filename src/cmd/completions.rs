//! `smm-path completions SHELL`: fitting into the user's shell.
//!
//! For bash, zsh and fish the script is a line that asks the installed
//! smm-path for its registration whenever the shell loads it, so that it
//! completes step numbers and ids (see [`crate::completion`]) and always
//! speaks the protocol of the smm-path it calls. PowerShell and elvish get
//! clap_complete's static script: commands and options, no steps.

use std::io::Write;

use clap_complete::Shell;

use super::output::write_output;
use crate::cli::CompletionsArgs;
use crate::error::Error;
use crate::i18n::Lang;
use crate::progress::ProgressStore;

/// For `~/.local/share/bash-completion/completions/smm-path`, or `.bashrc`.
const BASH: &str = "eval \"$(SMM_PATH_COMPLETE=bash smm-path)\"\n";

/// For a file `_smm-path` in `$fpath`, loaded by compinit when smm-path is
/// first completed (then it completes at once), or sourced from `.zshrc`.
const ZSH: &str = "#compdef smm-path
source <(SMM_PATH_COMPLETE=zsh smm-path)
if [ \"$funcstack[1]\" = \"_smm-path\" ]; then
    _clap_dynamic_completer_smm_path \"$@\"
fi
";

/// For `~/.config/fish/completions/smm-path.fish`.
const FISH: &str = "SMM_PATH_COMPLETE=fish smm-path | source\n";

/// Prints the script, or writes it to `-o FILE` (never over a file of
/// `store`, the home's) and says so in `lang`.
pub(crate) fn run(
    lang: Lang,
    store: Option<&ProgressStore>,
    args: &CompletionsArgs,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let script = match args.shell {
        Shell::Bash => BASH.to_string(),
        Shell::Zsh => ZSH.to_string(),
        Shell::Fish => FISH.to_string(),
        shell => {
            let mut script = Vec::new();
            // From the English tree, with its texts: the same script in both languages.
            let mut command = crate::cli_lang::command(Lang::En);
            clap_complete::generate(shell, &mut command, "smm-path", &mut script);
            // clap_complete writes its scripts from `&str`s.
            String::from_utf8_lossy(&script).into_owned()
        }
    };
    write_output(lang, store, args.output.as_deref(), &script, out)
}
