//! `smm-path completions SHELL`: fitting into the user's shell.
//!
//! For bash, zsh and fish the script is a line that asks the installed
//! smm-path for its registration whenever the shell loads it, so that it
//! completes step numbers and ids (see [`crate::completion`]) and always
//! speaks the protocol of the smm-path it calls. PowerShell and elvish get
//! clap_complete's static script: commands and options, no steps.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::Error;

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

pub(crate) fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let script = match args.shell {
        Shell::Bash => BASH.as_bytes().to_vec(),
        Shell::Zsh => ZSH.as_bytes().to_vec(),
        Shell::Fish => FISH.as_bytes().to_vec(),
        shell => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "smm-path", &mut script);
            script
        }
    };
    out.write_all(&script).map_err(Error::Output)
}
