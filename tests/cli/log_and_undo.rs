//! `undo` and `log`: changes are reverted as a whole, and the history reads well.

use crate::support::{FRESH_STATUS, Smm};

#[test]
fn undo_reverts_a_multi_step_change_as_a_whole() {
    let smm = Smm::new();
    smm.ok(&["start", "2"]);
    let after_start = smm.ok(&["status", "--json"]).stdout;
    smm.ok(&["done", "1-5"]);
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 1-5` from Dec 5, 2026 14:30:
                1. Understand Social Media Platforms: done → to do
                2. Education and Training: done → in progress
                3. Develop Your Creativity: done → to do
                4. Choose a Niche or Industry: done → to do
                5. Build a Personal Portfolio: done → to do
            ",
        )
        .run();
    assert_eq!(smm.ok(&["status", "--json"]).stdout, after_start);
}

#[test]
fn repeated_undo_walks_back_then_says_there_is_nothing_left() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["note", "1", "certificate: https://example.com/cert"]);
    smm.ok(&["skip", "2"]);
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `skip 2` from Dec 5, 2026 14:30:
                2. Education and Training: skipped → to do
            ",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `note 1` from Dec 5, 2026 14:30:
                1. Understand Social Media Platforms: note removed
            ",
        )
        .run();
    smm.test(&["show", "1"])
        .expected_stdout(
            "
            1. Understand Social Media Platforms  (understand-platforms)
            Status: done
            Finished: Dec 5, 2026
            Phase: Foundations
            Content reviewed: Dec 1, 2026

            What it is:
              Study the social media platforms in depth: Facebook, Instagram, Twitter, LinkedIn, TikTok and others. Understand how each one works, its features and its audience.

            Practical actions (0/5):
              [ ] 1.1  Use your own real personal account. To practise as a brand, create a Facebook Page, switch your Instagram account to a professional (creator or business) account, and open a TikTok Business account. Do not make a fake Facebook profile: Meta allows one authentic account per person, removes dummy profiles, and the Pages and ad accounts managed from them can be lost with them. Explore YouTube (Shorts included), Threads, X (formerly Twitter) and LinkedIn too.
              [ ] 1.2  Learn WhatsApp Business, the main customer service channel in Indonesia (catalogue, quick replies, labels), and WhatsApp Channels, a one-way broadcast channel for sending news to followers.
              [ ] 1.3  Watch three LIVE selling broadcasts on TikTok Shop by Tokopedia (TikTok Shop and Tokopedia now share one seller centre), and note how sellers present products, answer viewers and use the basket and vouchers. Compare one Shopee Live broadcast.
              [ ] 1.4  Write one page of notes per platform on how its algorithm works.
              [ ] 1.5  Record Indonesia's internet user demographics from the latest APJII survey and each platform's users from DataReportal's Digital 2026: Indonesia report.

            Evidence it is done:
              A platform comparison table and per-platform notes saved in your portfolio.

            Resources:
              1.1  DataReportal: Digital 2026: Indonesia (article, English): https://datareportal.com/reports/digital-2026-indonesia
              1.2  APJII: Survei Penetrasi Internet Indonesia (official, Indonesian): https://survei.apjii.or.id/
              1.3  WhatsApp Business (official, English): https://business.whatsapp.com/
              1.4  Tokopedia & TikTok Shop Seller Center: Seller University (course, Indonesian): https://seller-id.tokopedia.com/university
              1.5  Databoks (Katadata) (article, Indonesian): https://databoks.katadata.co.id/

            Notes:
              no notes yet
            ",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 1` from Dec 5, 2026 14:30:
                1. Understand Social Media Platforms: done → to do
            ",
        )
        .run();
    // With nothing to undo, nothing is written.
    smm.test(&["undo"])
        .expected_stdout("Nothing to undo.\n")
        .writes_nothing()
        .run();
    smm.test(&["status"]).expected_stdout(FRESH_STATUS).run();
}

#[test]
fn undo_restores_the_dates_it_overwrote() {
    let smm = Smm::new().env("SMM_PATH_NOW", "2026-11-01T08:00:00+07:00");
    smm.ok(&["done", "3"]);
    let smm = smm.env("SMM_PATH_NOW", "2026-12-01T08:00:00+07:00");
    smm.ok(&["reset", "3"]);
    smm.ok(&["undo"]);
    assert_eq!(
        smm.ok(&["status"]).row(3),
        "  3  Develop Your Creativity            ✓ done    Nov 1, 2026"
    );
}

#[test]
fn log_is_newest_first_and_marks_undone_changes() {
    let smm = Smm::new();
    smm.test(&["log"])
        .expected_stdout("No changes recorded yet.\n")
        .run();
    smm.ok(&["done", "1-2"]);
    smm.ok(&["start", "3"]);
    smm.ok(&["undo"]);
    smm.test(&["log"])
        .expected_stdout(
            "
            Dec 5, 2026 14:30  undo of `start 3`
            Dec 5, 2026 14:30  start 3 (undone)
                3. Develop Your Creativity: to do → in progress
            Dec 5, 2026 14:30  done 1-2
                1. Understand Social Media Platforms: to do → done
                2. Education and Training: to do → done
            ",
        )
        .run();
    smm.test(&["log", "-n", "1"])
        .expected_stdout("Dec 5, 2026 14:30  undo of `start 3`\n")
        .run();
}
