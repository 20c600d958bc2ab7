//! `smm-path card`: a picture of your progress to post, as PNG or SVG.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::output::write_output_bytes;
use crate::cli::{CardArgs, CardFormat, CardSize};
use crate::cmd::Context;
use crate::error::Error;
use crate::report::ProgressReport;
use crate::report::card::{self, CardFacts};

pub(crate) fn run(ctx: &Context, args: &CardArgs, out: &mut dyn Write) -> Result<(), Error> {
    // Decided before anything is read: a refused card writes nothing.
    let format = card_format(args.format, args.output.as_deref())?;
    let onto_terminal = match args.output.as_deref() {
        None => std::io::stdout().is_terminal(),
        Some(path) => names_a_terminal(path),
    };
    if format == CardFormat::Png && onto_terminal {
        return Err(Error::CardPngToTerminal);
    }
    let state = ctx.store.load()?;
    let learner = if args.no_name {
        None
    } else {
        ctx.learner_name(None)?
    };
    let report = ProgressReport::build(&ctx.roadmap, state.roadmap(&ctx.roadmap.id), ctx.lang)
        .with_learner(learner.as_deref());
    let times = ctx.store.change_times(&state, &ctx.roadmap.id)?;
    let streak = super::stats::learner_pace(&report, &times, ctx.now()).current_streak;
    let facts = CardFacts::from_report(&report, streak);
    let svg = card::render_svg(&facts, size(args.size));
    let document = match format {
        CardFormat::Svg => svg.into_bytes(),
        CardFormat::Png => card::render_png(&svg).map_err(|reason| Error::CardDraw { reason })?,
    };
    write_output_bytes(
        ctx.lang,
        Some(&ctx.store),
        args.output.as_deref(),
        &document,
        out,
    )
}

fn size(size: CardSize) -> card::CardSize {
    match size {
        CardSize::Linkedin => card::CardSize::LinkedIn,
        CardSize::Square => card::CardSize::Square,
        CardSize::Story => card::CardSize::Story,
    }
}

/// The format asked for with `-f`, else the one the output file's name
/// ends in, else PNG. A name that says the other format, or one that is
/// neither, is refused: `card.jpg` holding a PNG would open nowhere.
fn card_format(given: Option<CardFormat>, output: Option<&Path>) -> Result<CardFormat, Error> {
    let named = match output.and_then(Path::extension) {
        None => None,
        Some(extension) => match extension.to_string_lossy().to_ascii_lowercase().as_str() {
            "png" => Some(CardFormat::Png),
            "svg" => Some(CardFormat::Svg),
            _ if given.is_some() => None,
            _ => {
                return Err(Error::CardFormatUnknown {
                    path: output.map(Path::to_path_buf).unwrap_or_default(),
                });
            }
        },
    };
    let name = |format: CardFormat| match format {
        CardFormat::Png => "png",
        CardFormat::Svg => "svg",
    };
    match (given, named) {
        (Some(given), Some(named)) if given != named => Err(Error::CardFormatMismatch {
            path: output.map(Path::to_path_buf).unwrap_or_default(),
            extension: name(named),
            format: name(given),
        }),
        (Some(format), _) | (None, Some(format)) => Ok(format),
        (None, None) => Ok(CardFormat::Png),
    }
}

/// Whether `path` is a terminal (`-o /dev/tty`, or `/dev/stdout` on one):
/// a character device that is one when opened. Nothing else is opened, so
/// a FIFO with no reader cannot hold the command up.
fn names_a_terminal(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|metadata| metadata.file_type().is_char_device())
            && std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .is_ok_and(|file| file.is_terminal())
    }
    #[cfg(not(unix))]
    {
        // The Windows console devices (`CON`) are not told apart here.
        let _ = path;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_flag_then_the_name_then_is_png() {
        let path = |name: &str| Some(Path::new(name).to_path_buf());
        let format = |given, name: &str| card_format(given, path(name).as_deref());
        assert_eq!(card_format(None, None).ok(), Some(CardFormat::Png));
        assert_eq!(format(None, "a.SVG").ok(), Some(CardFormat::Svg));
        assert_eq!(format(None, "a.png").ok(), Some(CardFormat::Png));
        assert_eq!(format(None, "card").ok(), Some(CardFormat::Png));
        assert_eq!(
            format(Some(CardFormat::Svg), "card.txt").ok(),
            Some(CardFormat::Svg)
        );
        assert!(matches!(
            format(None, "a.jpg"),
            Err(Error::CardFormatUnknown { .. })
        ));
        assert!(matches!(
            format(Some(CardFormat::Svg), "a.png"),
            Err(Error::CardFormatMismatch {
                extension: "png",
                format: "svg",
                ..
            })
        ));
    }
}
