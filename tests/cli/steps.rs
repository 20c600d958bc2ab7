//! `start`, `skip`, `reset`, `show`, `next` and `note`.

use crate::support::{FRESH_STATUS, Smm};

#[test]
fn start_then_done_keeps_the_start_date() {
    let smm = Smm::new().env("SMM_PATH_NOW", "2026-12-01T09:00:00+07:00");
    smm.test(&["start", "6"])
        .expected_stdout("6. Understand the Target Audience: to do → in progress\n")
        .run();
    assert_eq!(
        smm.ok(&["status"]).row(6),
        "  6  Understand the Target Audience     ▶ in progress  Dec 1, 2026"
    );
    let smm = smm.env("SMM_PATH_NOW", "2026-12-04T09:00:00+07:00");
    smm.ok(&["done", "6"]);
    smm.test(&["show", "6"])
        .expected_stdout(
            "
            6. Understand the Target Audience  (understand-target-audience)
            Status: done
            Started: Dec 1, 2026
            Finished: Dec 4, 2026
            Phase: Production
            Content reviewed: Dec 1, 2026

            What it is:
              Identify and understand the target audience: their demographics, interests and behaviour on social media.

            Practical actions (0/3):
              [ ] 6.1  Write two audience personas with age, interests and pain points.
              [ ] 6.2  Interview three people from the target audience about their social media habits.
              [ ] 6.3  Switch your Instagram account to a professional account, then check its Insights; on TikTok, open Analytics in TikTok Studio. Note when your audience is online.

            Evidence it is done:
              An audience persona document backed by data from your account's Insights or analytics.

            Resources:
              6.1  HubSpot: Make My Persona (tool, English): https://www.hubspot.com/make-my-persona
              6.2  Instagram Help Center (official, English): https://help.instagram.com/
              6.3  DataReportal: Digital 2026: Indonesia (article, English): https://datareportal.com/reports/digital-2026-indonesia

            Notes:
              no notes yet
            ",
        )
        .run();
}

#[test]
fn skip_records_the_reason() {
    let smm = Smm::new();
    smm.ok(&["skip", "12", "--reason", "no ad budget yet"]);
    assert_eq!(
        smm.ok(&["status"]).row(12),
        " 12  Paid Social Advertising            ↷ skipped"
    );
    smm.test(&["show", "paid-marketing"])
        .expected_stdout(
            "
            12. Paid Social Advertising  (paid-marketing)
            Status: skipped
            Reason for skipping: no ad budget yet
            Phase: Growth
            Content reviewed: Dec 1, 2026

            What it is:
              Learn about paid advertising on social media platforms to widen reach and raise visibility.

            Practical actions (0/4):
              [ ] 12.1  Learn how ad accounts are structured in Meta Ads Manager (campaign → ad set → ad) and TikTok Ads Manager (campaign → ad group → ad).
              [ ] 12.2  Run a small test ad on a budget you set yourself to learn what CPM, CTR and CPC mean; on a budget that small the results are for learning, not a statistically valid A/B test. Remember that Meta adds PPN (VAT) to ad bills in Indonesia: count the tax in the budget.
              [ ] 12.3  Check your ad against the platform's ad policies and the Etika Pariwara Indonesia (EPI), including BPOM rules for processed food, drugs and cosmetics and OJK rules for financial products.
              [ ] 12.4  Learn click-to-WhatsApp ads and the WhatsApp Business catalogue, the way many small businesses (UMKM) sell.

            Evidence it is done:
              A test ad report with reach, cost (PPN included) and what you learned.

            Resources:
              12.1  Meta Blueprint (course, English): https://www.facebook.com/business/learn
              12.2  TikTok Academy (course, English): https://academy.tiktok.com/
              12.3  TikTok Ads: struktur kampanye, grup iklan, dan iklan (official, English): https://ads.tiktok.com/help/article/tiktok-ads-structure
              12.4  Meta Advertising Standards (official, English): https://transparency.meta.com/policies/ad-standards/

            Notes:
              no notes yet
            ",
        )
        .run();
}

#[test]
fn reset_goes_back_to_to_do_and_keeps_notes() {
    let smm = Smm::new();
    smm.ok(&["done", "3"]);
    smm.ok(&["note", "3", "my first reel"]);
    smm.test(&["reset", "3"])
        .expected_stdout("3. Develop Your Creativity: done → to do\n")
        .run();
    assert_eq!(
        smm.ok(&["status"]).row(3),
        "  3  Develop Your Creativity            ○ to do"
    );
    smm.test(&["show", "3"])
        .expected_stdout(
            "
            3. Develop Your Creativity  (develop-creativity)
            Status: to do
            Phase: Foundations
            Content reviewed: Dec 1, 2026

            What it is:
              Creativity is a key asset in social media management. Build the skill to make engaging visual and written content.

            Practical actions (0/5):
              [ ] 3.1  Make three post designs with Canva or a similar tool.
              [ ] 3.2  Write five caption variations for the same product.
              [ ] 3.3  Collect ten pieces of content you admire and note why each one works.
              [ ] 3.4  Edit one vertical video shorter than 30 seconds with CapCut or a similar tool, with on-screen text.
              [ ] 3.5  Use one generative AI tool for ideas or captions, then edit the result yourself and note what you changed. Never put customers' personal data or a client's confidential information into an AI tool.

            Evidence it is done:
              A folder or link with the designs, captions and video you made.

            Resources:
              3.1  Canva Design School (course, English): https://www.canva.com/designschool/
              3.2  TikTok Creative Center (tool, English): https://ads.tiktok.com/business/creativecenter/
              3.3  CapCut (tool, English): https://www.capcut.com/

            Notes:
              1. Dec 5, 2026 14:30: my first reel
            ",
        )
        .run();
}

#[test]
fn reset_all_refuses_without_a_terminal_unless_told_yes() {
    let smm = Smm::new();
    smm.ok(&["done", "1-4"]);
    // A `y` piped in is no terminal's answer.
    smm.test(&["reset", "--all"])
        .stdin("y\n")
        .expected_status(2)
        .expected_stderr(
            "error: `reset --all` asks for confirmation, and there is no terminal to ask on: add --yes\n",
        )
        .writes_nothing()
        .run();
    smm.test(&["reset", "--all", "--yes"])
        .expected_stdout(
            "
            1. Understand Social Media Platforms: done → to do
            2. Education and Training: done → to do
            3. Develop Your Creativity: done → to do
            4. Choose a Niche or Industry: done → to do
            ",
        )
        .run();
    smm.test(&["status"]).expected_stdout(FRESH_STATUS).run();
    smm.test(&["reset", "--all", "--yes"])
        .expected_stdout("Nothing changed.\n")
        .run();
    // One undo brings back all four.
    smm.ok(&["undo"]);
    smm.test(&["status"])
        .expected_stdout(
            "
            A Career in Social Media Management

              #  Step                               Status    Date
            ──────────────────────────────────────────────────────────────
                 Foundations                        4/5 done
              1  Understand Social Media Platforms  ✓ done    Dec 5, 2026
              2  Education and Training             ✓ done    Dec 5, 2026
              3  Develop Your Creativity            ✓ done    Dec 5, 2026
              4  Choose a Niche or Industry         ✓ done    Dec 5, 2026
              5  Build a Personal Portfolio         ○ to do
                 Production                         0/5 done
              6  Understand the Target Audience     ○ to do
              7  Analysis and Market Research       ○ to do
              8  Content Strategy                   ○ to do
              9  Create Quality Content             ○ to do
             10  A Consistent Posting Schedule      ○ to do
                 Growth                             0/5 done
             11  Engagement and Responsiveness      ○ to do
             12  Paid Social Advertising            ○ to do
             13  Campaigns and Contests             ○ to do
             14  Measurement and Analytics          ○ to do
             15  Customer Service                   ○ to do
                 Professional                       0/5 done
             16  Continuous Learning                ○ to do
             17  Collaboration and Networking       ○ to do
             18  Marketing Yourself                 ○ to do
             19  Compliance and Ethics              ○ to do
             20  Feedback and Evaluation            ○ to do

            4/20 done (20%) ████░░░░░░░░░░░░░░░░
            Next: 5. Build a Personal Portfolio
            Mark it done with `smm-path done 5`.
            ",
        )
        .run();
}

#[test]
fn show_gives_the_whole_step() {
    let smm = Smm::new();
    smm.test(&["show", "8", "--lang", "id"])
        .expected_stdout(
            "
            8. Strategi Konten  (content-strategy)
            Status: belum dimulai
            Fase: Produksi
            Isi ditinjau: 1 Des 2026

            Ringkasan:
              Buat strategi konten yang mencakup jenis konten, jadwal posting, dan gaya komunikasi.

            Tindakan praktis (0/4):
              [ ] 8.1  Tetapkan tiga sampai lima pilar konten untuk satu merek.
              [ ] 8.2  Tentukan peran tiap platform, misalnya TikTok dan YouTube Shorts untuk jangkauan, Instagram untuk komunitas, WhatsApp Channels untuk kabar bagi pelanggan setia.
              [ ] 8.3  Tulis panduan gaya komunikasi (tone of voice) satu halaman.
              [ ] 8.4  Tentukan tujuan yang terukur untuk tiga bulan ke depan.

            Bukti selesai:
              Dokumen strategi konten dengan pilar, tujuan, dan panduan gaya.

            Sumber belajar:
              8.1  HubSpot Academy: Social Media Marketing (kursus, bahasa Inggris): https://academy.hubspot.com/courses/social-media
              8.2  Hootsuite: Social Media Trends (artikel, bahasa Inggris): https://www.hootsuite.com/research/social-trends

            Catatan:
              belum ada catatan
            ",
        )
        .run();
}

#[test]
fn next_is_the_first_step_neither_done_nor_skipped() {
    let smm = Smm::new();
    smm.ok(&["done", "1", "2"]);
    smm.ok(&["skip", "3"]);
    smm.ok(&["start", "5"]);
    smm.test(&["next"])
        .expected_stdout(
            "
            Next: 4. Choose a Niche or Industry

            4. Choose a Niche or Industry  (choose-a-niche)
            Status: to do
            Phase: Foundations
            Content reviewed: Dec 1, 2026

            What it is:
              Decide which kind of business or industry you want to serve. Knowing your niche helps you understand the target audience and the industry's trends.

            Practical actions (0/4):
              [ ] 4.1  Write down three industries that interest you and why.
              [ ] 4.2  Follow ten leading brand and creator (KOL) accounts in each of those industries.
              [ ] 4.3  Check each industry's search trends on Google Trends and its market data on Databoks.
              [ ] 4.4  Pick one niche and write a short statement of who you serve.

            Evidence it is done:
              A one-page niche brief in your portfolio: the industry you chose, three reference brands and what each does well, and three content ideas for that niche.

            Resources:
              4.1  Google Trends Indonesia (tool, Indonesian): https://trends.google.co.id/trends/?geo=ID
              4.2  Databoks (Katadata) (article, Indonesian): https://databoks.katadata.co.id/
              4.3  TikTok Creative Center (tool, English): https://ads.tiktok.com/business/creativecenter/

            Notes:
              no notes yet

            Next action: 4.1 Write down three industries that interest you and why.
            Tick it with `smm-path check 4.1`.
            Mark it done with `smm-path done 4`.
            ",
        )
        .run();
}

#[test]
fn notes_are_timestamped_and_shown() {
    let smm = Smm::new();
    smm.test(&["note", "5", "Portfolio", "live:", "https://example.com/me"])
        .expected_stdout("Note added to 5. Build a Personal Portfolio.\n")
        .run();
    smm.test(&["show", "5"])
        .expected_stdout(
            "
            5. Build a Personal Portfolio  (build-a-personal-portfolio)
            Status: to do
            Phase: Foundations
            Content reviewed: Dec 1, 2026

            What it is:
              Start by managing your own social media or personal brand to build a strong portfolio.

            Practical actions (0/4):
              [ ] 5.1  Tidy up the bio, profile photo and links on your social accounts.
              [ ] 5.2  Make a simple portfolio page (Notion, Google Sites or Linktree).
              [ ] 5.3  Publish three posts that show your skills.
              [ ] 5.4  Write one short case study of an account you manage (your own, or a family or friend's small business account with their written permission), with before and after numbers.

            Evidence it is done:
              A public link to your portfolio page.

            Resources:
              5.1  Google Sites (tool, English): https://sites.google.com/
              5.2  Behance (tool, English): https://www.behance.net/

            Notes:
              1. Dec 5, 2026 14:30: Portfolio live: https://example.com/me
            ",
        )
        .run();
}

#[test]
fn an_older_note_is_rewritten_or_deleted_by_its_number_and_undo_takes_it_back() {
    let smm = Smm::new();
    smm.ok_at("2026-12-01T09:00:00+07:00", &["note", "5", "first draft"]);
    smm.ok_at(
        "2026-12-02T09:00:00+07:00",
        &["note", "5", "--evidence", "https://example.com/old"],
    );
    smm.ok_at("2026-12-03T09:00:00+07:00", &["note", "5", "third"]);
    let notes = |smm: &Smm| {
        let show = smm.ok(&["show", "5"]).stdout;
        show[show.find("Notes:").expect("notes")..].to_string()
    };
    let before = notes(&smm);
    assert_eq!(
        before,
        "Notes:\n  1. Dec 1, 2026 09:00: first draft\n  2. Dec 2, 2026 09:00 [evidence]: https://example.com/old\n  3. Dec 3, 2026 09:00: third\n"
    );
    // A rewrite keeps the note's day, place and evidence mark.
    smm.test(&["note", "5", "--edit", "2", "https://example.com/new"])
        .expected_stdout("Note 2 of 5. Build a Personal Portfolio rewritten.\n")
        .run();
    smm.test(&["note", "5", "--delete", "1"])
        .expected_stdout(
            "Note 1 of 5. Build a Personal Portfolio deleted; `smm-path undo` brings it back.\n",
        )
        .run();
    assert_eq!(
        notes(&smm),
        "Notes:\n  1. Dec 2, 2026 09:00 [evidence]: https://example.com/new\n  2. Dec 3, 2026 09:00: third\n"
    );
    let json = smm.status_json();
    let evidence = &json["steps"][4]["notes"][0];
    assert_eq!(evidence["text"], "https://example.com/new", "{json}");
    assert_eq!(evidence["evidence"], true, "{json}");
    let log = smm.ok(&["log", "-n", "2"]).stdout;
    assert_eq!(
        log,
        "Dec 5, 2026 14:30  note 5 --delete 1\n    5. Build a Personal Portfolio: note removed\nDec 5, 2026 14:30  note 5 --edit 2\n    5. Build a Personal Portfolio: note rewritten\n"
    );
    smm.test(&["undo"])
        .expected_stdout(
            "Undid `note 5 --delete 1` from Dec 5, 2026 14:30:\n    5. Build a Personal Portfolio: note restored\n",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "Undid `note 5 --edit 2` from Dec 5, 2026 14:30:\n    5. Build a Personal Portfolio: note back as it was\n",
        )
        .run();
    assert_eq!(notes(&smm), before);
}

#[test]
fn a_rewrite_can_make_a_note_evidence_and_give_it_another_day() {
    let smm = Smm::new();
    smm.ok_at("2026-12-01T09:00:00+07:00", &["note", "5", "draft"]);
    smm.ok_at("2026-12-02T09:00:00+07:00", &["note", "5", "later"]);
    smm.ok(&[
        "note",
        "5",
        "--edit",
        "1",
        "--evidence",
        "--on",
        "2026-12-04",
        "https://example.com/portfolio",
    ]);
    let show = smm.ok(&["show", "5"]).stdout;
    assert!(
        show.ends_with(
            "Notes:\n  1. Dec 2, 2026 09:00: later\n  2. Dec 4, 2026 00:00 [evidence]: https://example.com/portfolio\n"
        ),
        "{show}"
    );
}

#[test]
fn an_edit_on_one_device_reaches_the_other_and_its_undo_too() {
    let (a, b) = (Smm::new(), Smm::new());
    let outside = tempfile::tempdir().expect("tempdir");
    let exchange = |from: &Smm, to: &Smm| from.send_to(to, outside.path());
    a.ok_at(
        "2026-12-01T09:00:00+07:00",
        &["note", "5", "typo in teh note"],
    );
    exchange(&a, &b);
    a.ok_at(
        "2026-12-02T09:00:00+07:00",
        &["note", "5", "--edit", "1", "no typo in the note"],
    );
    exchange(&a, &b);
    assert_eq!(b.notes_of(5), vec!["no typo in the note"]);
    b.ok_at("2026-12-03T09:00:00+07:00", &["undo"]);
    exchange(&b, &a);
    for smm in [&a, &b] {
        assert_eq!(smm.notes_of(5), vec!["typo in teh note"]);
    }
}
