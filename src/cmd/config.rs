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
            Some(name) => say!(out, "{name}")?,
            None => {
                say!(out, "{}", word(ctx.lang, Key::ConfigNoName))?;
            }
        },
        Some(name) => {
            let name = ctx.learner_name(Some(name))?.unwrap_or_default();
            set_learner_name(home, &name)?;
            say!(
                out,
                "{}",
                tr(ctx.lang, Key::ConfigNameSet, &[("name", &name)])
            )?;
        }
    }
    Ok(())
}
