//! The progress card (`smm-path card`): one picture of where the learner
//! stands, sized for a LinkedIn post, an Instagram post or a story.
//!
//! The card is drawn as SVG text here, from the same [`ProgressReport`]
//! every other format renders; [`png`] turns it into pixels. Every text is
//! measured with the built-in font ([`font`]) and wrapped or shortened to
//! its box, and the whole layout shrinks until it fits the canvas: a long
//! Indonesian title or name can make the card denser, never overflow it.

mod font;
mod png;

#[cfg(test)]
pub(crate) use png::parse_options;
pub(crate) use png::render_png;

use super::ProgressReport;
use crate::i18n::{Key, Lang, tr, word};
use font::{Weight, shorten, text_width, wrap};

/// The platforms' picture sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CardSize {
    /// A LinkedIn post's picture, 1200×627.
    LinkedIn,
    /// An Instagram post, 1080×1080.
    Square,
    /// An Instagram (or WhatsApp) story, 1080×1920.
    Story,
}

impl CardSize {
    #[cfg(test)]
    pub(crate) const ALL: [CardSize; 3] = [CardSize::LinkedIn, CardSize::Square, CardSize::Story];

    /// Width and height in pixels.
    pub(crate) fn dimensions(self) -> (u32, u32) {
        match self {
            CardSize::LinkedIn => (1200, 627),
            CardSize::Square => (1080, 1080),
            CardSize::Story => (1080, 1920),
        }
    }
}

/// The colours, chosen together so that each text colour on each
/// background it is drawn on passes WCAG AA (the test below computes it).
pub(crate) mod palette {
    /// The canvas.
    pub(crate) const BACKGROUND: &str = "#0f172a";
    /// The phases' panel.
    pub(crate) const PANEL: &str = "#1e293b";
    /// Headings and figures.
    pub(crate) const TEXT: &str = "#f8fafc";
    /// Labels.
    pub(crate) const MUTED: &str = "#cbd5e1";
    /// The big count, the bar, the "next step" label.
    pub(crate) const ACCENT: &str = "#38bdf8";
    /// A finished phase's bar.
    pub(crate) const DONE: &str = "#4ade80";
    /// The empty part of a bar (not text: 3:1 against the panel is not needed).
    pub(crate) const TRACK: &str = "#334155";

    /// Every text colour with every background it is drawn on.
    #[cfg(test)]
    pub(crate) const TEXT_ON: [(&str, &str); 6] = [
        (TEXT, BACKGROUND),
        (MUTED, BACKGROUND),
        (ACCENT, BACKGROUND),
        (TEXT, PANEL),
        (MUTED, PANEL),
        (ACCENT, PANEL),
    ];
}

/// What the card shows, taken from the report and the learner's activity.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CardFacts {
    pub lang: Lang,
    pub title: String,
    pub learner: Option<String>,
    pub done: usize,
    pub counted: usize,
    pub percent: usize,
    /// Each phase's title, steps done and steps counted.
    pub phases: Vec<(String, usize, usize)>,
    /// `8. Write a content calendar`, or what to say when none is left.
    pub current: String,
    /// Whether `current` names a step (rather than saying all is done).
    pub has_next: bool,
    /// Consecutive active days up to today, as `stats` counts them.
    pub streak: u32,
    pub actions_ticked: usize,
    pub actions_total: usize,
    pub evidence: usize,
}

impl CardFacts {
    /// The card's facts from `report` and the learner's current streak.
    pub(crate) fn from_report(report: &ProgressReport, streak: u32) -> CardFacts {
        let summary = &report.summary;
        let (current, has_next) = match report.next_step() {
            Some(step) => (format!("{}. {}", step.number, step.title), true),
            None => (word(report.lang, report.end_key()).to_string(), false),
        };
        CardFacts {
            lang: report.lang,
            title: report.title.to_string(),
            learner: report.learner.map(str::to_string),
            done: summary.done,
            counted: summary.counted,
            percent: summary.percent,
            phases: report
                .phases
                .iter()
                .map(|phase| (phase.title.to_string(), phase.done, phase.counted))
                .collect(),
            current,
            has_next,
            streak,
            actions_ticked: report
                .steps
                .iter()
                .map(super::StepReport::actions_ticked)
                .sum(),
            actions_total: report.steps.iter().map(|step| step.actions.len()).sum(),
            evidence: report
                .steps
                .iter()
                .map(|step| step.evidence_notes().count())
                .sum(),
        }
    }
}

/// The card as an SVG document of `size`.
pub(crate) fn render_svg(facts: &CardFacts, size: CardSize) -> String {
    let (width, height) = size.dimensions();
    let (width, height) = (width as f32, height as f32);
    let (start, margin) = match size {
        CardSize::LinkedIn => (1.0, 48.0),
        CardSize::Square => (1.35, 64.0),
        CardSize::Story => (1.8, 80.0),
    };
    // Shrink until everything, the footer included, fits between the
    // margins: the widths are fitted as each text is laid out, the height
    // only once all of it is.
    let mut scale = start;
    let mut drawing = layout(facts, size, scale, margin);
    while drawing.bottom > height - margin && scale > 0.3 {
        scale *= 0.95;
        drawing = layout(facts, size, scale, margin);
    }
    let title = escape(&format!(
        "{} — {}/{}",
        sanitize(&facts.title),
        facts.done,
        facts.counted
    ));
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"{family}, sans-serif\" role=\"img\">\n\
         <title>{title}</title>\n\
         <rect width=\"{width}\" height=\"{height}\" fill=\"{bg}\"/>\n\
         <rect width=\"{stripe}\" height=\"{height}\" fill=\"{accent}\"/>\n",
        family = font::FAMILY,
        bg = palette::BACKGROUND,
        accent = palette::ACCENT,
        stripe = num(10.0 * scale),
    );
    // A story is tall: its content sits in the middle, not under a void.
    let spare = (height - margin - drawing.bottom).max(0.0);
    if size == CardSize::Story && spare > 1.0 {
        svg.push_str(&format!(
            "<g transform=\"translate(0 {})\">\n",
            num(spare / 2.0)
        ));
        svg.push_str(&drawing.elements);
        svg.push_str("</g>\n");
    } else {
        svg.push_str(&drawing.elements);
    }
    // The program's name, in the bottom corner: where the card comes from.
    let brand_px = 18.0 * scale;
    svg.push_str(&text_element(
        width - margin,
        height - margin * 0.5,
        brand_px,
        Weight::Bold,
        palette::MUTED,
        "end",
        "smm-path",
    ));
    svg.push_str("</svg>\n");
    svg
}

/// The laid-out elements and how far down they reach.
struct Drawing {
    elements: String,
    bottom: f32,
}

/// A column being filled top to bottom.
struct Column {
    x: f32,
    width: f32,
    y: f32,
}

/// Lays the card out at `scale`, in the arrangement of `size`.
fn layout(facts: &CardFacts, size: CardSize, scale: f32, margin: f32) -> Drawing {
    let (width, _) = size.dimensions();
    let width = width as f32;
    let inner = width - 2.0 * margin;
    let gap = 40.0 * scale;
    let mut out = String::new();
    // Room for the footer's name under everything.
    let footer = 30.0 * scale;
    let bottom = match size {
        CardSize::LinkedIn => {
            let half = (inner - gap) / 2.0;
            let mut left = Column {
                x: margin,
                width: half,
                y: margin,
            };
            let mut right = Column {
                x: margin + half + gap,
                width: half,
                y: margin,
            };
            headline(&mut out, &mut left, facts, scale);
            phases(&mut out, &mut right, facts, scale, 4);
            stats(&mut out, &mut right, facts, scale);
            left.y.max(right.y)
        }
        CardSize::Square => {
            let mut top = Column {
                x: margin,
                width: inner,
                y: margin,
            };
            headline(&mut out, &mut top, facts, scale);
            let left_width = (inner - gap) * 0.58;
            let mut left = Column {
                x: margin,
                width: left_width,
                y: top.y + 12.0 * scale,
            };
            let mut right = Column {
                x: margin + left_width + gap,
                width: inner - gap - left_width,
                y: top.y + 12.0 * scale,
            };
            phases(&mut out, &mut left, facts, scale, 4);
            stats(&mut out, &mut right, facts, scale);
            left.y.max(right.y)
        }
        CardSize::Story => {
            let mut column = Column {
                x: margin,
                width: inner,
                y: margin,
            };
            headline(&mut out, &mut column, facts, scale);
            column.y += 12.0 * scale;
            phases(&mut out, &mut column, facts, scale, 6);
            column.y += 8.0 * scale;
            stats(&mut out, &mut column, facts, scale);
            column.y
        }
    };
    Drawing {
        elements: out,
        bottom: bottom + footer,
    }
}

/// The title, the name, the big count, the bar and the step to do next.
fn headline(out: &mut String, column: &mut Column, facts: &CardFacts, s: f32) {
    let lang = facts.lang;
    let title_px = 40.0 * s;
    for line in wrap(
        &sanitize(&facts.title),
        title_px,
        Weight::Bold,
        column.width,
        2,
    ) {
        line_of_text(out, column, title_px, Weight::Bold, palette::TEXT, &line);
    }
    if let Some(learner) = &facts.learner {
        let px = 26.0 * s;
        let name = shorten(&sanitize(learner), px, Weight::Regular, column.width, false);
        line_of_text(out, column, px, Weight::Regular, palette::MUTED, &name);
    }
    column.y += 14.0 * s;

    // `7/20`, as large as the column allows.
    let count = format!("{}/{}", facts.done, facts.counted);
    let mut big_px = 112.0 * s;
    let count_width = text_width(&count, big_px, Weight::Bold);
    if count_width > column.width {
        big_px *= column.width / count_width;
    }
    let baseline = column.y + big_px * 0.95;
    out.push_str(&text_element(
        column.x,
        baseline,
        big_px,
        Weight::Bold,
        palette::ACCENT,
        "start",
        &count,
    ));
    column.y += big_px * 1.1;
    let label_px = 26.0 * s;
    let label = tr(lang, Key::CardStepsDone, &[("percent", &facts.percent)]);
    let label = shorten(&label, label_px, Weight::Regular, column.width, false);
    line_of_text(
        out,
        column,
        label_px,
        Weight::Regular,
        palette::MUTED,
        &label,
    );
    column.y += 10.0 * s;
    bar(
        out,
        column,
        22.0 * s,
        facts.done,
        facts.counted,
        palette::ACCENT,
    );
    column.y += 26.0 * s;

    let heading_px = 20.0 * s;
    if facts.has_next {
        let heading = word(lang, Key::CardNext);
        let heading = shorten(heading, heading_px, Weight::Bold, column.width, false);
        line_of_text(
            out,
            column,
            heading_px,
            Weight::Bold,
            palette::ACCENT,
            &heading,
        );
    }
    let step_px = 28.0 * s;
    for line in wrap(
        &sanitize(&facts.current),
        step_px,
        Weight::Bold,
        column.width,
        2,
    ) {
        line_of_text(out, column, step_px, Weight::Bold, palette::TEXT, &line);
    }
    column.y += 18.0 * s;
}

/// The phases on a panel, each with its count and a thin bar; at most
/// `most` of them, and how many more there are.
fn phases(out: &mut String, column: &mut Column, facts: &CardFacts, s: f32, most: usize) {
    if facts.phases.is_empty() {
        return;
    }
    let padding = 22.0 * s;
    let top = column.y;
    let mut inner = Column {
        x: column.x + padding,
        width: column.width - 2.0 * padding,
        y: column.y + padding,
    };
    let mut rows = String::new();
    let heading_px = 20.0 * s;
    let heading = shorten(
        word(facts.lang, Key::CardPhases),
        heading_px,
        Weight::Bold,
        inner.width,
        false,
    );
    line_of_text(
        &mut rows,
        &mut inner,
        heading_px,
        Weight::Bold,
        palette::MUTED,
        &heading,
    );
    inner.y += 6.0 * s;
    let shown = if facts.phases.len() > most {
        most - 1
    } else {
        most
    };
    let row_px = 24.0 * s;
    for (title, done, counted) in facts.phases.iter().take(shown) {
        let count = format!("{done}/{counted}");
        let count_width = text_width(&count, row_px, Weight::Bold);
        let title_width = inner.width - count_width - 16.0 * s;
        let title = shorten(
            &sanitize(title),
            row_px,
            Weight::Regular,
            title_width,
            false,
        );
        let baseline = inner.y + row_px * 0.95;
        rows.push_str(&text_element(
            inner.x,
            baseline,
            row_px,
            Weight::Regular,
            palette::TEXT,
            "start",
            &title,
        ));
        rows.push_str(&text_element(
            inner.x + inner.width,
            baseline,
            row_px,
            Weight::Bold,
            palette::TEXT,
            "end",
            &count,
        ));
        inner.y += row_px * 1.3;
        let colour = if *counted > 0 && done == counted {
            palette::DONE
        } else {
            palette::ACCENT
        };
        bar(&mut rows, &mut inner, 10.0 * s, *done, *counted, colour);
        inner.y += 14.0 * s;
    }
    if facts.phases.len() > shown {
        let more = tr(
            facts.lang,
            Key::CardMorePhases,
            &[("count", &(facts.phases.len() - shown))],
        );
        line_of_text(
            &mut rows,
            &mut inner,
            row_px,
            Weight::Regular,
            palette::MUTED,
            &more,
        );
    }
    let bottom = inner.y - 14.0 * s + padding;
    out.push_str(&format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\"/>\n",
        num(column.x),
        num(top),
        num(column.width),
        num(bottom - top),
        num(16.0 * s),
        palette::PANEL
    ));
    out.push_str(&rows);
    column.y = bottom + 24.0 * s;
}

/// The streak, the actions ticked and the evidence: a figure and a label each.
fn stats(out: &mut String, column: &mut Column, facts: &CardFacts, s: f32) {
    let lang = facts.lang;
    let streak_label = if facts.streak == 1 {
        Key::CardStreakOne
    } else {
        Key::CardStreakMany
    };
    let evidence_label = if facts.evidence == 1 {
        Key::CardEvidenceOne
    } else {
        Key::CardEvidenceMany
    };
    let rows = [
        (facts.streak.to_string(), word(lang, streak_label)),
        (
            format!("{}/{}", facts.actions_ticked, facts.actions_total),
            word(lang, Key::CardActions),
        ),
        (facts.evidence.to_string(), word(lang, evidence_label)),
    ];
    let px = 26.0 * s;
    for (figure, label) in rows {
        let dot = 7.0 * s;
        let baseline = column.y + px * 0.95;
        out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>\n",
            num(column.x + dot),
            num(baseline - px * 0.36),
            num(dot),
            palette::ACCENT
        ));
        let figure_x = column.x + dot * 2.0 + 12.0 * s;
        let figure_width = text_width(&figure, px, Weight::Bold);
        out.push_str(&text_element(
            figure_x,
            baseline,
            px,
            Weight::Bold,
            palette::TEXT,
            "start",
            &figure,
        ));
        let label_x = figure_x + figure_width + 10.0 * s;
        // A narrow column (the square card's) takes the label in two lines.
        let lines = wrap(
            label,
            px,
            Weight::Regular,
            column.x + column.width - label_x,
            2,
        );
        for (index, line) in lines.iter().enumerate() {
            out.push_str(&text_element(
                label_x,
                baseline + index as f32 * px * 1.2,
                px,
                Weight::Regular,
                palette::MUTED,
                "start",
                line,
            ));
        }
        column.y += px * (0.25 + 1.2 * lines.len().max(1) as f32);
    }
}

/// A rounded bar across the column, `done` of `counted` filled.
fn bar(
    out: &mut String,
    column: &mut Column,
    height: f32,
    done: usize,
    counted: usize,
    fill: &str,
) {
    let radius = height / 2.0;
    out.push_str(&format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\"/>\n",
        num(column.x),
        num(column.y),
        num(column.width),
        num(height),
        num(radius),
        palette::TRACK
    ));
    // Skipping every step is not finishing: nothing counted, nothing filled.
    let share = if counted == 0 {
        0.0
    } else {
        done.min(counted) as f32 / counted as f32
    };
    if share > 0.0 {
        // At least a round dot, so that one step done shows.
        let filled = (column.width * share).max(height);
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\"/>\n",
            num(column.x),
            num(column.y),
            num(filled),
            num(height),
            num(radius),
            fill
        ));
    }
    column.y += height;
}

/// One line of text at the column's left edge, and the column moved below it.
fn line_of_text(
    out: &mut String,
    column: &mut Column,
    px: f32,
    weight: Weight,
    fill: &str,
    text: &str,
) {
    out.push_str(&text_element(
        column.x,
        column.y + px * 0.95,
        px,
        weight,
        fill,
        "start",
        text,
    ));
    column.y += px * 1.28;
}

/// A `<text>` element; `text` is escaped here.
fn text_element(
    x: f32,
    baseline: f32,
    px: f32,
    weight: Weight,
    fill: &str,
    anchor: &str,
    text: &str,
) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{fill}\" \
         text-anchor=\"{anchor}\">{}</text>\n",
        num(x),
        num(baseline),
        num(px),
        weight.svg(),
        escape(text)
    )
}

/// A coordinate, to a tenth of a pixel.
fn num(value: f32) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// Text from a roadmap or a name as the card can draw it: characters XML
/// cannot hold, even escaped (controls such as ESC), become `�`, and
/// line breaks and tabs spaces.
pub(crate) fn sanitize(text: &str) -> String {
    text.chars()
        .map(|ch| match ch {
            '\t' | '\n' | '\r' => ' ',
            ch if ch.is_control() || ch == '\u{fffe}' || ch == '\u{ffff}' => '\u{fffd}',
            ch => ch,
        })
        .collect()
}

/// `text` escaped for XML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in sanitize(text).chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            ch => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests;
