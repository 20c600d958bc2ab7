//! `smm-path card`: the picture as the programs that show it read it. The
//! PNG decodes at each platform's size, tesseract reads its words and
//! numbers back, Chromium draws the SVG, hostile text stays text, and a
//! refused card writes nothing.
//!
//! tesseract and Chromium are installed by `.ci/run`; elsewhere a test that
//! needs one and cannot find it says so and passes.

use std::path::Path;
use std::process::Command;

use resvg::tiny_skia::Pixmap;

use crate::support::{Smm, headless_chromium, run_chromium};

/// The card's background, `#0f172a`.
const BACKGROUND: (u8, u8, u8) = (0x0f, 0x17, 0x2a);

/// A learner seven steps in, active four days running up to today (the
/// pinned clock's 5 December), with two actions ticked and two evidence notes.
fn learner() -> Smm {
    let smm = Smm::new();
    smm.ok(&["config", "name", "Sari Dewi"]);
    smm.ok_at("2026-12-02T09:00:00+07:00", &["done", "1-4"]);
    smm.ok_at("2026-12-03T09:00:00+07:00", &["done", "5", "6"]);
    smm.ok_at(
        "2026-12-03T09:30:00+07:00",
        &["note", "5", "--evidence", "https://example.com/portfolio"],
    );
    smm.ok_at("2026-12-04T09:00:00+07:00", &["done", "7"]);
    smm.ok(&["start", "8"]);
    smm.ok(&["check", "8.1", "8.2"]);
    smm.ok(&["note", "8", "--evidence", "content pillars for a café"]);
    smm
}

#[track_caller]
fn decode(path: &Path) -> Pixmap {
    let bytes = std::fs::read(path).expect("the PNG written");
    Pixmap::decode_png(&bytes).expect("a PNG that decodes")
}

fn rgb(pixmap: &Pixmap, x: u32, y: u32) -> (u8, u8, u8) {
    let pixel = pixmap.pixel(x, y).expect("a pixel inside the picture");
    (pixel.red(), pixel.green(), pixel.blue())
}

#[test]
fn the_png_has_each_platforms_size() {
    let smm = learner();
    for (size, width, height) in [
        (None, 1200, 627),
        (Some("linkedin"), 1200, 627),
        (Some("square"), 1080, 1080),
        (Some("story"), 1080, 1920),
    ] {
        let file = smm.path("card.png");
        let mut args = vec!["card", "-o", file.to_str().expect("UTF-8")];
        args.extend(size.iter().flat_map(|size| ["--size", *size]));
        smm.test(&args)
            .expected_stdout(format!("Exported to {}.\n", file.display()))
            .run();
        let pixmap = decode(&file);
        assert_eq!(
            (pixmap.width(), pixmap.height()),
            (width, height),
            "{size:?}"
        );
        assert_eq!(rgb(&pixmap, width - 3, 3), BACKGROUND, "{size:?}");
    }
}

#[test]
fn the_svg_parses_and_says_what_the_status_says() {
    let smm = learner();
    let svg = smm.ok(&["card", "-f", "svg"]).stdout;
    let document = resvg::usvg::roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("1200"));
    assert_eq!(root.attribute("height"), Some("627"));
    let texts: Vec<&str> = document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .filter_map(|node| node.text())
        .collect();
    for expected in [
        "A Career in Social",
        "Sari Dewi",
        "7/20",
        "steps done · 35%",
        "8. Content Strategy",
        "Foundations",
        "5/5",
        "4",
        "active days in a row",
        "2/86",
        "2",
        "evidence notes",
    ] {
        assert!(texts.contains(&expected), "{expected} not in {texts:?}");
    }
    // The same from the file's name, and without the name.
    let file = smm.path("card.svg");
    smm.ok(&["card", "--no-name", "-o", file.to_str().expect("UTF-8")]);
    let written = std::fs::read_to_string(&file).expect("the SVG written");
    assert!(written.starts_with("<svg"), "{written}");
    assert!(!written.contains("Sari Dewi"), "{written}");
    let id = smm.ok(&["--lang", "id", "card", "-f", "svg"]).stdout;
    assert!(id.contains(">langkah selesai · 35%<"), "{id}");
}

/// Markup in a name and in a custom roadmap's titles. (A control character
/// such as ESC never gets this far: `config name` and the roadmap loader
/// refuse it; the card's own unit tests draw one.)
#[test]
fn hostile_names_and_titles_stay_text() {
    let smm = Smm::new();
    smm.ok(&["config", "name", "<script>alert(1)</script>&\"'"]);
    let roadmap = smm.write_file(
        "mine.yaml",
        "id: mine\nversion: 1\ntitle: \"Mine ]]></text><script>x</script>\"\nsteps:\n  \
         - id: first\n    title: \"First <b>&amp;\"\n    summary: The first.\n  \
         - id: second\n    title: \"Second <b>&amp;\"\n    summary: The second.\n",
    );
    let roadmap = roadmap.to_str().expect("UTF-8");
    smm.ok(&["--roadmap", roadmap, "done", "1"]);
    let svg = smm.ok(&["--roadmap", roadmap, "card", "-f", "svg"]).stdout;
    assert!(!svg.contains("<script"), "{svg}");
    let document = resvg::usvg::roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let texts: Vec<&str> = document
        .descendants()
        .filter(|node| node.has_tag_name("text") || node.has_tag_name("title"))
        .filter_map(|node| node.text())
        .collect();
    for hostile in [
        "<script>alert(1)</script>&\"'",
        "Mine ]]></text><script>x</script> — 1/2",
        "2. Second <b>&amp;",
    ] {
        assert!(texts.contains(&hostile), "{hostile} not in {texts:?}");
    }
    let file = smm.path("card.png");
    smm.ok(&[
        "--roadmap",
        roadmap,
        "card",
        "-o",
        file.to_str().expect("UTF-8"),
    ]);
    assert_eq!(decode(&file).width(), 1200);
}

#[test]
fn a_format_the_name_contradicts_or_cannot_tell_is_refused_and_nothing_is_written() {
    let smm = learner();
    smm.test(&["card", "-o", "card.jpg"])
        .current_dir(smm.home())
        .expected_status(2)
        .expected_stderr(
            "error: cannot tell the card's format from card.jpg: end the name in .png or .svg, \
             or give `-f png` or `-f svg`\n",
        )
        .writes_nothing()
        .run();
    smm.test(&["card", "-f", "svg", "-o", "card.png"])
        .current_dir(smm.home())
        .expected_status(2)
        .expected_stderr(
            "error: card.png is named as a .png file but `-f svg` asks for svg: name it .svg, \
             or leave `-f` out\n",
        )
        .writes_nothing()
        .run();
    smm.test(&["card", "--size", "poster"])
        .expected_status(2)
        .any_stderr()
        .writes_nothing()
        .run();
    let folder = smm.path("cards");
    std::fs::create_dir(&folder).expect("a folder");
    smm.test(&["card", "-o", folder.to_str().expect("UTF-8")])
        .expected_status(2)
        .any_stderr()
        .writes_nothing()
        .run();
    assert!(!smm.path("card.jpg").exists() && !smm.path("card.png").exists());
}

/// What tesseract reads in `png`; `None` (after saying so) without it.
fn ocr(png: &Path) -> Option<String> {
    let Ok(output) = Command::new("tesseract").arg(png).arg("stdout").output() else {
        eprintln!("skipped: tesseract is not installed here (.ci/run installs tesseract-ocr)");
        return None;
    };
    assert!(
        output.status.success(),
        "tesseract failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn tesseract_reads_the_counts_and_the_words_back_in_both_languages() {
    let smm = learner();
    for (lang, words) in [
        (
            "en",
            [
                "Career",
                "Sari Dewi",
                "steps done",
                "Content Strategy",
                "Foundations",
                "active days",
            ],
        ),
        (
            "id",
            [
                "Pekerjaan",
                "Sari Dewi",
                "langkah selesai",
                "Strategi Konten",
                "Fondasi",
                "hari aktif",
            ],
        ),
    ] {
        let file = smm.path(&format!("story-{lang}.png"));
        smm.ok(&[
            "--lang",
            lang,
            "card",
            "--size",
            "story",
            "-o",
            file.to_str().expect("UTF-8"),
        ]);
        let Some(text) = ocr(&file) else {
            return;
        };
        // OCR may read `·` as `-` or `.`, and a dot as `@`: the figures and
        // whole words are what must come back.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for figure in ["7/20", "35%", "5/5", "2/5", "0/5", "2/86"] {
            assert!(
                flat.contains(figure),
                "{lang}: {figure} not read in:\n{text}"
            );
        }
        for word in words {
            assert!(flat.contains(word), "{lang}: {word} not read in:\n{text}");
        }
    }
}

#[test]
fn chromium_draws_the_svg_on_the_cards_background() {
    let smm = learner();
    let Some(mut chromium) = headless_chromium(&smm, "draw the card") else {
        return;
    };
    let svg = smm.path("card.svg");
    smm.ok(&["card", "-o", svg.to_str().expect("UTF-8")]);
    let shot = smm.path("shot.png");
    run_chromium(
        chromium
            .args(["--hide-scrollbars", "--window-size=1200,627"])
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("file://{}", svg.display())),
    );
    let pixmap = decode(&shot);
    let (width, height) = (pixmap.width(), pixmap.height());
    assert_eq!((width, height), (1200, 627));
    // The background fills the canvas, and the card is drawn on it: the
    // accent of `7/20` and the bar, and the white of the title.
    let mut background = 0;
    let mut accent = 0;
    let mut white = 0;
    for y in (0..height).step_by(3) {
        for x in (0..width).step_by(3) {
            match rgb(&pixmap, x, y) {
                BACKGROUND => background += 1,
                (r, g, b) if r < 0x60 && g > 0xa0 && b > 0xe0 => accent += 1,
                (r, g, b) if r > 0xf0 && g > 0xf0 && b > 0xf0 => white += 1,
                _ => {}
            }
        }
    }
    let total = (width / 3 + 1) * (height / 3 + 1);
    assert!(background > total / 2, "{background} of {total} background");
    assert!(accent > 500, "{accent} accent pixels");
    assert!(white > 200, "{white} white pixels");
}

/// The card the README shows: this learner's, written by the program.
/// `SMM_PATH_UPDATE_CARD=1` writes it anew (the SVG and its PNG); the PNG's
/// bytes may differ between platforms, so only the SVG is compared.
#[test]
fn the_readme_card_is_the_one_the_program_draws() {
    let smm = learner();
    let svg = smm.ok(&["card", "-f", "svg"]).stdout;
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    if std::env::var_os("SMM_PATH_UPDATE_CARD").is_some() {
        std::fs::write(assets.join("card-linkedin.svg"), &svg).expect("write the SVG");
        let png = assets.join("card-linkedin.png");
        smm.ok(&["card", "-o", png.to_str().expect("UTF-8")]);
    }
    let committed = std::fs::read_to_string(assets.join("card-linkedin.svg"))
        .expect("assets/card-linkedin.svg")
        .replace("\r\n", "\n");
    assert_eq!(
        committed, svg,
        "the README's card is out of date: SMM_PATH_UPDATE_CARD=1 cargo test --test cli card"
    );
}

#[cfg(unix)]
#[test]
fn a_png_is_not_written_onto_a_terminal_named_as_the_output() {
    let smm = learner();
    let binary = env!("CARGO_BIN_EXE_smm-path");
    let Ok(terminal) = Command::new("script")
        .args(["-qec", &format!("{binary} card -o /dev/tty"), "/dev/null"])
        .env_clear()
        .env("SMM_PATH_HOME", smm.home())
        .env("LANG", "en_US.UTF-8")
        .env("TERM", "xterm")
        .output()
    else {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    };
    let shown = String::from_utf8_lossy(&terminal.stdout);
    assert!(!shown.contains("IHDR"), "{shown:?}");
    assert!(
        shown.contains("error: a PNG card is an image, not text for the terminal"),
        "{shown:?}"
    );
}
