//! The card laid out by the real renderer: every text inside the canvas and
//! clear of the others, at every size and in both languages, and colours
//! that pass WCAG AA.

use resvg::usvg;

use super::*;
use crate::progress::{Action, Recorder, RoadmapProgress};
use crate::roadmap::load_builtin;

/// The built-in roadmap with steps 1-7 done, in `lang`.
fn builtin_facts(lang: Lang) -> CardFacts {
    let roadmap = load_builtin();
    let mut progress = RoadmapProgress::default();
    let now = chrono::DateTime::parse_from_rfc3339("2026-05-01T10:00:00+07:00").unwrap();
    let ids: Vec<&str> = roadmap.steps.iter().map(|s| s.id.as_ref()).collect();
    let mut recorder = Recorder::new("device", 0, &roadmap.id);
    progress.apply(
        &Action::Done { on: None },
        &ids[..7],
        now,
        "done 1-7",
        &mut recorder,
    );
    let report = ProgressReport::build(&roadmap, &progress, lang).with_learner(Some("Sari Dewi"));
    // The report borrows the roadmap: the facts are owned, so the roadmap may go.
    CardFacts::from_report(&report, 4)
}

/// Everything long at once: a title and a name that cannot fit, words
/// longer than a line, many phases, large numbers.
fn long_facts(lang: Lang) -> CardFacts {
    let long = "Peta Jalan Karier Manajemen Media Sosial untuk Usaha Mikro, Kecil, dan Menengah \
                di Seluruh Nusantara Beserta Strategi Konten Berkelanjutan";
    CardFacts {
        lang,
        title: long.to_string(),
        learner: Some(format!("Raden Ajeng {} Kusumawardhani", "Wiji".repeat(20))),
        done: 1234,
        counted: 99999,
        percent: 1,
        phases: (1..=9)
            .map(|n| (format!("Fase {n}: {long}"), n * 100, n * 1000))
            .collect(),
        current: format!("18. {}", "Mengoptimalkan".repeat(6)),
        has_next: true,
        streak: 365,
        actions_ticked: 12345,
        actions_total: 99999,
        evidence: 9876,
    }
}

fn tree(svg: &str) -> usvg::Tree {
    usvg::Tree::from_str(svg, &parse_options()).unwrap_or_else(|error| panic!("{error}\n{svg}"))
}

/// Every text's box and every shape's box, after the renderer's layout.
fn boxes(group: &usvg::Group, texts: &mut Vec<usvg::Rect>, shapes: &mut Vec<usvg::Rect>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(group) => boxes(group, texts, shapes),
            usvg::Node::Text(text) => texts.push(text.abs_stroke_bounding_box()),
            usvg::Node::Path(path) => shapes.push(path.abs_stroke_bounding_box()),
            usvg::Node::Image(image) => shapes.push(image.abs_bounding_box()),
        }
    }
}

fn overlap(a: &usvg::Rect, b: &usvg::Rect) -> bool {
    // Half a pixel of antialiasing may touch.
    let slack = 0.5;
    a.left() + slack < b.right()
        && b.left() + slack < a.right()
        && a.top() + slack < b.bottom()
        && b.top() + slack < a.bottom()
}

#[test]
fn nothing_is_drawn_outside_the_canvas_and_no_text_overlaps_another() {
    for lang in [Lang::En, Lang::Id] {
        for (case, facts) in [("builtin", builtin_facts(lang)), ("long", long_facts(lang))] {
            for size in CardSize::ALL {
                let svg = render_svg(&facts, size);
                let tree = tree(&svg);
                let (width, height) = size.dimensions();
                let (mut texts, mut shapes) = (Vec::new(), Vec::new());
                boxes(tree.root(), &mut texts, &mut shapes);
                let what = format!("{case} {lang:?} {size:?}");
                // The title, its brand, and the texts of the layout: none lost.
                assert!(texts.len() >= 12, "{what}: {} texts", texts.len());
                for rect in texts.iter().chain(&shapes) {
                    assert!(
                        rect.left() >= 0.0
                            && rect.top() >= 0.0
                            && rect.right() <= width as f32
                            && rect.bottom() <= height as f32,
                        "{what}: {rect:?} outside {width}x{height}\n{svg}"
                    );
                }
                for (index, a) in texts.iter().enumerate() {
                    for b in &texts[index + 1..] {
                        assert!(!overlap(a, b), "{what}: {a:?} overlaps {b:?}\n{svg}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_card_shows_the_counts_the_phases_the_next_step_and_the_streak() {
    let facts = builtin_facts(Lang::En);
    assert_eq!((facts.done, facts.counted), (7, 20));
    assert_eq!(facts.phases.len(), 4);
    let svg = render_svg(&facts, CardSize::LinkedIn);
    for part in [
        "7/20",
        "35%",
        "Sari Dewi",
        "8. ",
        ">4<",
        "active days in a row",
    ] {
        assert!(svg.contains(part), "{part} missing\n{svg}");
    }
    let id = render_svg(&builtin_facts(Lang::Id), CardSize::Story);
    for part in ["langkah selesai", "FASE", "hari aktif berturut-turut"] {
        assert!(id.contains(part), "{part} missing\n{id}");
    }
}

#[test]
fn hostile_text_is_escaped_and_the_svg_still_parses() {
    let mut facts = builtin_facts(Lang::En);
    facts.learner = Some("<script>alert(1)</script>&\"'".to_string());
    facts.title = "Title \u{1b}[31mred\u{7} ]]> <![CDATA[ x".to_string();
    let svg = render_svg(&facts, CardSize::Square);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains('\u{1b}'), "{svg}");
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&apos;"),
        "{svg}"
    );
    tree(&svg);
    let doc = usvg::roxmltree::Document::parse(&svg).expect("well-formed XML");
    let texts: String = doc
        .descendants()
        .filter(usvg::roxmltree::Node::is_text)
        .filter_map(|node| node.text())
        .collect();
    assert!(texts.contains("<script>alert(1)</script>&\"'"), "{texts}");
}

#[test]
fn the_png_decodes_at_each_platform_size() {
    let facts = builtin_facts(Lang::Id);
    for size in CardSize::ALL {
        let png = render_png(&render_svg(&facts, size)).expect("PNG");
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decodes");
        assert_eq!((pixmap.width(), pixmap.height()), size.dimensions());
        // The background, away from the stripe and the text.
        let pixel = pixmap.pixel(pixmap.width() - 3, 3).expect("a pixel");
        assert_eq!(
            (pixel.red(), pixel.green(), pixel.blue(), pixel.alpha()),
            (0x0f, 0x17, 0x2a, 255)
        );
    }
}

/// WCAG 2's relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |at: usize| {
        let value = f64::from(u8::from_str_radix(&hex[at..at + 2], 16).expect("hex")) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn every_text_colour_passes_wcag_aa_on_its_background() {
    // 4.5:1 is AA for normal text; the card's smallest text is normal text.
    for (text, background) in palette::TEXT_ON {
        let ratio = contrast(text, background);
        assert!(ratio >= 4.5, "{text} on {background}: {ratio}");
    }
    // The bars are graphics: 3:1 against what surrounds them.
    for fill in [palette::ACCENT, palette::DONE] {
        for background in [palette::BACKGROUND, palette::PANEL] {
            let ratio = contrast(fill, background);
            assert!(ratio >= 3.0, "{fill} on {background}: {ratio}");
        }
    }
    assert!((contrast("#ffffff", "#000000") - 21.0).abs() < 0.01);
}

#[test]
fn the_same_facts_make_the_same_card() {
    let facts = long_facts(Lang::Id);
    assert_eq!(
        render_svg(&facts, CardSize::Story),
        render_svg(&facts, CardSize::Story)
    );
}
