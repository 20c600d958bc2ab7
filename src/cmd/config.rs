//! `smm-path config name [NAME]`: the name exports and sync folders carry.

use std::io::Write;

use crate::cli::ConfigNameArgs;
use crate::cmd::Context;
use crate::error::Error;
use crate::i18n::{Key, tr, word};
use crate::progress::config::{learner_name, set_learner_name};

pub(crate) fn run(ctx: &Context, args: &ConfigNameArgs, out: &mut dyn Write) -> Result<(), Error> {
    let home = ctx.store.home();
    match &args.name {
        None => match learner_name(home)? {
            Some(name) => writeln!(out, "{name}").map_err(Error::Output)?,
            None => {
                writeln!(out, "{}", word(ctx.lang, Key::ConfigNoName)).map_err(Error::Output)?;
            }
        },
        Some(name) => {
            let name = ctx.learner_name(Some(name))?.unwrap_or_default();
            set_learner_name(home, &name)?;
            writeln!(
                out,
                "{}",
                tr(ctx.lang, Key::ConfigNameSet, &[("name", &name)])
            )
            .map_err(Error::Output)?;
        }
    }
    Ok(())
}
