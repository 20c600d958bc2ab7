//! `export -f portfolio`: the document a learner sends to an employer shows
//! only what they marked for it (notes given as evidence, resources marked
//! used, actions ticked), and `--no-progress` leaves the percent out.

use pulldown_cmark::{Event, Parser, TagEnd};

use crate::support::Smm;

const PRIVATE: &str = "Jujur saya masih bingung soal UU PDP";

/// Steps 1 and 2 done; step 1 with a private note, an evidence note, two
/// actions ticked and one resource marked used; step 2 with no marks at all.
fn learner() -> Smm {
    let smm = Smm::new();
    smm.ok_at("2026-11-01T10:00:00+07:00", &["start", "1"]);
    smm.ok_at("2026-11-02T10:00:00+07:00", &["check", "1.1-2"]);
    smm.ok_at("2026-11-02T11:00:00+07:00", &["used", "1.2"]);
    smm.ok_at("2026-11-03T10:00:00+07:00", &["note", "1", PRIVATE]);
    smm.ok_at(
        "2026-11-03T11:00:00+07:00",
        &[
            "note",
            "1",
            "--evidence",
            "Platform table: <https://example.com/table> & notes",
        ],
    );
    smm.ok_at("2026-11-04T10:00:00+07:00", &["done", "1"]);
    smm.ok_at("2026-11-05T10:00:00+07:00", &["done", "2"]);
    smm.ok_at("2026-11-05T11:00:00+07:00", &["note", "2", "only for me"]);
    smm
}

/// The text a Markdown reader shows of `markdown`, without its markup.
fn rendered_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(&part),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => text.push('\n'),
            _ => {}
        }
    }
    text
}

#[test]
fn the_portfolio_shows_only_what_the_learner_marked_for_it() {
    let smm = learner();
    smm.test(&["export", "-f", "portfolio"])
        .expected_stdout(
            "
            # Portfolio: A Career in Social Media Management

            **2/20 done (10%)**

            ## 1. Understand Social Media Platforms

            Finished on Nov 4, 2026.

            Practical actions done (2/5):

            - Use your own real personal account. To practise as a brand, create a Facebook Page, switch your Instagram account to a professional (creator or business) account, and open a TikTok Business account. Do not make a fake Facebook profile: Meta allows one authentic account per person, removes dummy profiles, and the Pages and ad accounts managed from them can be lost with them. Explore YouTube (Shorts included), Threads, X (formerly Twitter) and LinkedIn too.
            - Learn WhatsApp Business, the main customer service channel in Indonesia (catalogue, quick replies, labels), and WhatsApp Channels, a one-way broadcast channel for sending news to followers.

            Learned with: [APJII: Survei Penetrasi Internet Indonesia](<https://survei.apjii.or.id/>)

            *Evidence asked for:* A platform comparison table and per-platform notes saved in your portfolio.

            Evidence:

            - Nov 3, 2026: Platform table: \\<<https://example.com/table>\\> \\& notes

            ## 2. Education and Training

            Finished on Nov 5, 2026.

            *Evidence asked for:* A course certificate, or one page on what you would apply for a client from the course.

            *No evidence yet.*

            ",
        )
        .run();
    // In either language, as a reader shows it, the private notes never appear.
    for lang in ["en", "id"] {
        let markdown = smm
            .ok(&["--lang", lang, "export", "-f", "portfolio"])
            .stdout;
        let text = rendered_text(&markdown);
        assert!(!text.contains(PRIVATE), "{text}");
        assert!(!text.contains("only for me"), "{text}");
        assert!(
            text.contains("Platform table: <https://example.com/table> & notes\n"),
            "{text}"
        );
    }
    let indonesian = smm
        .ok(&["--lang", "id", "export", "-f", "portfolio"])
        .stdout;
    assert!(indonesian.contains("\nBukti:\n"), "{indonesian}");
    assert!(
        indonesian.contains("\nDipelajari melalui: [APJII"),
        "{indonesian}"
    );
    assert_eq!(indonesian.matches("Dipelajari melalui").count(), 1);
}

#[test]
fn no_progress_leaves_the_percent_line_out_of_the_portfolio_only() {
    let smm = learner();
    let with = smm.ok(&["export", "-f", "portfolio"]).stdout;
    let without = smm
        .ok(&["export", "-f", "portfolio", "--no-progress"])
        .stdout;
    assert!(with.contains("**2/20 done (10%)**"), "{with}");
    assert_eq!(without, with.replace("**2/20 done (10%)**\n\n", ""));
    assert!(!without.contains('%'), "{without}");
    // The other formats are the progress itself: refused, and nothing written.
    let file = smm.path("progress.md");
    for format in ["markdown", "json", "csv", "html"] {
        smm.test(&["export", "-f", format, "--no-progress", "-o"])
            .arg(&file)
            .expected_status(2)
            .expected_stderr(format!(
                "error: `--no-progress` is for `--format portfolio` only: the {format} export shows the progress as it is\n"
            ))
            .expected_no_file(&file)
            .run();
    }
    smm.test(&["--lang", "id", "export", "--no-progress"])
        .expected_status(2)
        .expected_stderr(
            "kesalahan: `--no-progress` hanya untuk `--format portfolio`: ekspor markdown menampilkan kemajuan apa adanya\n",
        )
        .run();
}
