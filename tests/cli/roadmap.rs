//! Roadmaps: the built-in one, custom ones given with `--roadmap` or
//! `SMM_PATH_ROADMAP`, `roadmap validate|new|list`, and what progress a new
//! version of a roadmap keeps.

use crate::support::{FRESH_STATUS, SEP, Smm, builtin_roadmap};

/// The twenty titles of the source roadmap, verbatim and in order.
const SEED_TITLES: [&str; 20] = [
    "Pahami Platform Media Sosial",
    "Pendidikan dan Pelatihan",
    "Kembangkan Kreativitas",
    "Pilih Niche atau Industri",
    "Bangun Portofolio Pribadi",
    "Pahami Target Audiens",
    "Analisis dan Riset Pasar",
    "Strategi Konten",
    "Buat Konten Berkualitas",
    "Jadwal Posting yang Konsisten",
    "Interaksi dan Responsif",
    "Pemasaran Berbayar",
    "Kampanye dan Kontes",
    "Pengukuran dan Analisis",
    "Pelayanan Pelanggan",
    "Pendidikan Kontinu",
    "Kolaborasi dan Jaringan",
    "Pemasaran Diri",
    "Kepatuhan dan Etika",
    "Umpan Balik dan Evaluasi",
];

#[test]
fn the_built_in_roadmap_holds_the_seed_titles_in_order() {
    let smm = Smm::new();
    let json = smm.ok(&["status", "--json", "--lang", "id"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let titles: Vec<&str> = json["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|step| step["title"].as_str().expect("title"))
        .collect();
    assert_eq!(titles, SEED_TITLES);
    assert_eq!(json["roadmap"]["title"], "Pekerjaan Manajemen Media Sosial");
}

#[test]
fn the_built_in_roadmap_needs_no_files() {
    // The test home is empty and the binary runs from elsewhere: the roadmap is compiled in.
    let smm = Smm::new();
    assert_eq!(std::fs::read_dir(smm.home()).expect("home").count(), 0);
    smm.test(&["show", "20", "--lang", "id"])
        .expected_stdout(
            "
            20. Umpan Balik dan Evaluasi  (feedback-and-evaluation)
            Status: belum dimulai
            Fase: Profesional
            Isi ditinjau: 1 Des 2026

            Ringkasan:
              Teruslah memperbaiki strategi Anda berdasarkan umpan balik klien dan hasil analisis kinerja.

            Tindakan praktis (0/3):
              [ ] 20.1  Kirim formulir umpan balik singkat kepada klien atau audiens Anda; bila formulir itu mengumpulkan data pribadi, tulis untuk apa data itu dipakai dan minta persetujuannya (UU PDP).
              [ ] 20.2  Adakan evaluasi bulanan yang membandingkan hasil dengan tujuan.
              [ ] 20.3  Catat satu perubahan strategi beserta dampaknya sebulan kemudian.

            Bukti selesai:
              Catatan evaluasi dengan umpan balik, perubahan, dan hasilnya.

            Sumber belajar:
              20.1  Google Forms (alat, bahasa Inggris): https://forms.google.com/
              20.2  Looker Studio (alat, bahasa Inggris): https://lookerstudio.google.com/

            Catatan:
              belum ada catatan
            ",
        )
        .run();
}

const TINY: &str = "\
id: my-path
version: 1
title: My own path
steps:
  - id: first
    title: First step
    summary: Begin.
  - id: second
    title: Second step
    summary: Go on.
";

/// `status` of [`TINY`] with no progress.
const TINY_FRESH_STATUS: &str = "
    My own path

     #  Step         Status   Date
    ───────────────────────────────
     1  First step   ○ to do
     2  Second step  ○ to do

    0/2 done (0%) ░░░░░░░░░░░░░░░░░░░░
    Next: 1. First step
    Mark it done with `smm-path done 1`.
";

#[test]
fn a_custom_roadmap_is_tracked_apart_from_the_built_in_one() {
    let smm = Smm::new();
    let path = smm.write_file("mine.yaml", TINY);
    let path = path.to_str().expect("UTF-8 path");
    smm.ok(&["--roadmap", path, "done", "second"]);
    smm.test(&["--roadmap", path, "status"])
        .expected_stdout(
            "
            My own path

             #  Step         Status   Date
            ──────────────────────────────────────
             1  First step   ○ to do
             2  Second step  ✓ done   Dec 5, 2026

            1/2 done (50%) ██████████░░░░░░░░░░
            Next: 1. First step
            Mark it done with `smm-path done 1`.
            ",
        )
        .run();
    smm.test(&["status"]).expected_stdout(FRESH_STATUS).run();
    let env_smm = Smm::new().env("SMM_PATH_ROADMAP", path);
    env_smm
        .test(&["status"])
        .expected_stdout(TINY_FRESH_STATUS)
        .run();
    assert!(smm.state_text().contains("my-path:"));
}

#[test]
fn a_malformed_roadmap_names_file_line_and_column_with_a_snippet() {
    let smm = Smm::new();
    let broken = TINY.replace("summary: Go on.", "summary: [unclosed");
    let path = smm.write_file("broken.yaml", &broken);
    smm.test(&["--roadmap"])
        .arg(&path)
        .arg("status")
        .expected_status(1)
        .expected_stderr(
            format!(
                "
                error: the roadmap {home}{SEP}broken.yaml is not valid at line 10, column 5: a list where text, or a map of language code to text (id: ..., en: ...) was expected
                  --> {home}{SEP}broken.yaml:10:5
                   |
                 8 |   - id: second
                 9 |     title: Second step
                10 |     summary: [unclosed
                   |     ^ a list where text, or a map of language code to text (id: ..., en: ...) was expected
                ",
                home = smm.home().display()
            ),
        )
        .run();

    let typo = TINY.replace("    summary: Begin.", "    sumary: Begin.");
    let path = smm.write_file("typo.yaml", &typo);
    smm.test(&["--roadmap", path.to_str().expect("UTF-8"), "status"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "
                error: the roadmap {home}{SEP}typo.yaml is not valid at line 7, column 5: unknown field `sumary`; known: `id`, `title`, `summary`, `actions`, `evidence`, `resources`, `reviewed`
                 --> {home}{SEP}typo.yaml:7:5
                  |
                5 |   - id: first
                6 |     title: First step
                7 |     sumary: Begin.
                  |     ^ unknown field `sumary`; known: `id`, `title`, `summary`, `actions`, `evidence`, `resources`, `reviewed`
                8 |   - id: second
                9 |     title: Second step
                  |
                ",
                home = smm.home().display()
            ),
        )
        .run();
}

#[test]
fn semantic_problems_are_all_reported() {
    let smm = Smm::new();
    let bad = "\
id: my-path
version: 1
languages: [id, en]
title: {id: Jalanku, en: My path}
steps:
  - id: first
    title: {id: Pertama, en: First}
    summary: {id: Mulai}
  - id: first
    title: {id: '', en: Again}
    summary: {id: Lagi, en: Again}
  - id: Bad_Id
    title: {id: Tiga, en: Three}
    summary: {id: Tiga, en: Three}
";
    let path = smm.write_file("bad.yaml", bad);
    smm.test(&["--roadmap", path.to_str().expect("UTF-8"), "status"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "
                error: the roadmap {home}{SEP}bad.yaml has 4 problems:
                  - step 1 (`first`): `summary` has no `en` text, which `languages` declares
                  - steps 1 and 2 share the id `first`
                  - step 2 (`first`): `title` is empty
                  - step 3 has the id `Bad_Id`: use lower-case letters, digits and dashes, starting with a letter
                ",
                home = smm.home().display()
            ),
        )
        .run();
}

#[test]
fn a_missing_roadmap_file_is_a_clear_failure() {
    let smm = Smm::new();
    smm.test(&["--roadmap", "/no/such/roadmap.yaml", "status"])
        .expected_status(1)
        .expected_stderr(
            "error: cannot read the roadmap /no/such/roadmap.yaml: it does not exist\n",
        )
        .run();
}

#[test]
fn the_shipped_file_is_the_compiled_one() {
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/roadmap/social-media-manager.yaml"
    ))
    .expect("roadmap file");
    assert_eq!(on_disk, builtin_roadmap());
}

#[test]
fn an_edited_custom_roadmap_is_read_fresh() {
    let smm = Smm::new();
    let path = smm.write_file("mine.yaml", TINY);
    let path_text = path.to_str().expect("UTF-8 path");
    smm.test(&["--roadmap", path_text, "status"])
        .expected_stdout(TINY_FRESH_STATUS)
        .run();
    std::fs::write(&path, TINY.replace("First step", "Renamed step")).expect("edit");
    smm.test(&["--roadmap", path_text, "status"])
        .expected_stdout(
            "
            My own path

             #  Step          Status   Date
            ────────────────────────────────
             1  Renamed step  ○ to do
             2  Second step   ○ to do

            0/2 done (0%) ░░░░░░░░░░░░░░░░░░░░
            Next: 1. Renamed step
            Mark it done with `smm-path done 1`.
            ",
        )
        .run();
}

#[test]
fn the_built_in_roadmap_speaks_for_indonesia_in_2026() {
    let smm = Smm::new();
    smm.test(&["show", "19", "--lang", "id"])
        .expected_stdout(
            "
            19. Kepatuhan dan Etika  (compliance-and-ethics)
            Status: belum dimulai
            Fase: Profesional
            Isi ditinjau: 1 Des 2026

            Ringkasan:
              Pahami aturan dan etika platform media sosial serta hukum yang berlaku dalam pemasaran digital.

            Tindakan praktis (0/9):
              [ ] 19.1  Pelajari UU No. 27/2022 tentang Pelindungan Data Pribadi (UU PDP), yang berlaku penuh sejak 17 Oktober 2024: data pribadi pengikut dan pelanggan apa yang boleh dikumpulkan, atas dasar pemrosesan apa (Pasal 20 memberi enam dasar, misalnya persetujuan eksplisit atau perjanjian), dan berapa lama disimpan. Jangan meminta data pribadi di kolom komentar publik.
              [ ] 19.2  Pahami UU ITE (UU 11/2008 sebagaimana diubah terakhir dengan UU 1/2024), Putusan MK 105/PUU-XXII/2024 (pasal pencemaran nama baik hanya melindungi perseorangan, bukan lembaga atau korporasi), dan KUHP baru (UU 1/2023) yang berlaku sejak 2 Januari 2026, terutama soal pencemaran nama baik, ujaran kebencian, dan berita bohong dalam konten maupun balasan.
              [ ] 19.3  Sebelum menulis klaim promosi, baca Etika Pariwara Indonesia (EPI) Amandemen 2020, kode etik swakelola industri periklanan; aturan BPOM untuk iklan pangan olahan, obat, dan kosmetik (kosmetik: Peraturan BPOM No. 18 Tahun 2024, tanpa klaim medis); serta aturan OJK untuk produk keuangan (POJK 22/2023).
              [ ] 19.4  Sebelum mempromosikan pangan, obat, atau kosmetik, cek nomor izin edar atau notifikasinya di cekbpom.pom.go.id. Sebelum mempromosikan produk keuangan (pinjaman daring, investasi, kripto), cek izinnya di OJK lewat Kontak OJK 157 atau WhatsApp 081-157-157-157. Jangan menulis klaim \"halal\" tanpa sertifikat halal BPJPH, yang wajib bagi pangan dan minuman sejak 18 Oktober 2024 untuk usaha menengah dan besar, dan sejak 18 Oktober 2026 untuk usaha mikro dan kecil.
              [ ] 19.5  Gunakan label kemitraan berbayar (paid partnership, branded content) dari platform untuk setiap konten bersponsor, dan tulis juga \"iklan\" atau \"kerja sama berbayar\" di awal caption. Tidak ada undang-undang yang mewajibkan tagar #iklan: kewajibannya datang dari EPI, UU No. 8/1999 tentang Perlindungan Konsumen (pengiklan dan pembuat iklan ikut bertanggung jawab atas klaimnya), dan aturan platform.
              [ ] 19.6  Pakai musik dari pustaka musik komersial platform untuk akun bisnis (Commercial Music Library TikTok, Meta Sound Collection); musik templat CapCut belum tentu boleh dipakai akun bisnis. Hormati juga hak cipta foto, video, dan font.
              [ ] 19.7  Beri label pada konten yang dibuat atau diubah dengan AI, sesuai aturan tiap platform dan SE Menkominfo No. 9 Tahun 2023 tentang Etika Kecerdasan Artifisial, dan jangan memasukkan data pribadi pelanggan atau data rahasia klien ke alat AI.
              [ ] 19.8  Jika audiens Anda remaja atau anak, jangan membuat profil atau menargetkan data anak, dan batasi usia peserta kontes (PP No. 17 Tahun 2025, PP Tunas).
              [ ] 19.9  Kelola akun klien lewat akses peran (Portofolio Bisnis di Meta Business Suite, TikTok Business Center), aktifkan autentikasi dua faktor, jangan pernah meminta atau membagikan kata sandi, dan cabut akses saat kontrak berakhir.

            Bukti selesai:
              Daftar periksa kepatuhan yang Anda gunakan sebelum menerbitkan konten.

            Sumber belajar:
              19.1  UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi (JDIH BPK) (peraturan, bahasa Indonesia, ditinjau 1 Des 2026): https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022
              19.2  UU No. 1 Tahun 2024, perubahan kedua UU ITE (JDIH BPK) (peraturan, bahasa Indonesia, ditinjau 1 Des 2026): https://peraturan.bpk.go.id/Details/274494/uu-no-1-tahun-2024
              19.3  UU No. 8 Tahun 1999 tentang Perlindungan Konsumen (JDIH BPK) (peraturan, bahasa Indonesia, ditinjau 1 Des 2026): https://peraturan.bpk.go.id/Details/45288/uu-no8-tahun-1999
              19.4  Dewan Periklanan Indonesia: Etika Pariwara Indonesia (Amandemen 2020) (resmi, bahasa Indonesia): https://www.dewanperiklananindonesia.id/
              19.5  Cek Produk BPOM (alat, bahasa Indonesia): https://cekbpom.pom.go.id/
              19.6  Badan POM (resmi, bahasa Indonesia): https://www.pom.go.id/
              19.7  Otoritas Jasa Keuangan (resmi, bahasa Indonesia): https://www.ojk.go.id/
              19.8  OJK: Sikapi Uangmu (cek legalitas dan waspada investasi ilegal) (resmi, bahasa Indonesia): https://sikapiuangmu.ojk.go.id/
              19.9  BPJPH: Sertifikasi Halal (resmi, bahasa Indonesia): https://halal.go.id/
              19.10  TikTok Commercial Music Library (alat, bahasa Inggris): https://ads.tiktok.com/business/creativecenter/music/pc/en
              19.11  Meta Sound Collection (alat, bahasa Inggris): https://www.facebook.com/sound/collection/

            Catatan:
              belum ada catatan
            ",
        )
        .run();
    smm.test(&["show", "13", "--lang", "id"])
        .expected_stdout(
            "
            13. Kampanye dan Kontes  (campaigns-and-contests)
            Status: belum dimulai
            Fase: Pertumbuhan
            Isi ditinjau: 1 Des 2026

            Ringkasan:
              Buat kampanye dan kontes online untuk mendorong interaksi dan keterlibatan lebih lanjut dari audiens Anda.

            Tindakan praktis (0/4):
              [ ] 13.1  Rancang satu kampanye dengan tujuan, tagar, dan durasi yang jelas.
              [ ] 13.2  Tulis syarat dan ketentuan kontes sesuai aturan platform. Undian (pemenang diundi atau dipilih acak, termasuk giveaway) memerlukan izin Undian Gratis Berhadiah (UGB) dari Kemensos menurut Permensos No. 4 Tahun 2021: hanya badan atau lembaga yang dapat mengajukannya, hadiahnya harus sudah tersedia, penyelenggara menyetor sumbangan kesejahteraan sosial paling sedikit 10% dari nilai hadiah, dan permohonan diajukan paling lambat 14 hari kerja sebelum pengundian. Hadiah undian dikenai PPh final 25% dari nilai bruto yang dipotong penyelenggara (PP No. 132 Tahun 2000).
              [ ] 13.3  Jalankan kontes kecil berbasis karya (misalnya lomba foto dengan juri), bukan undian, dan ukur jumlah peserta serta pengikut baru. Lomba berjuri tidak memerlukan izin undian, tetapi hadiahnya tetap kena pajak (PPh 21 untuk pemenang perorangan, PPh 23 untuk badan); cantumkan hal ini di S&K.
              [ ] 13.4  Jika kampanye mengajak donasi publik (open donasi), ketahui bahwa itu memerlukan izin lain, Pengumpulan Uang atau Barang (PUB), bukan izin undian.

            Bukti selesai:
              Ringkasan kampanye atau kontes beserta angka hasilnya dan S&K yang Anda tulis.

            Sumber belajar:
              13.1  Meta: Pages, Groups and Events Policies (Promotions) (resmi, bahasa Inggris): https://www.facebook.com/policies_center/pages_groups_events/
              13.2  PP No. 132 Tahun 2000 tentang Pajak Penghasilan atas Hadiah Undian (peraturan, bahasa Indonesia, ditinjau 1 Des 2026): https://pasal.id/peraturan/pp/pp-no-132-tahun-2000

            Catatan:
              belum ada catatan
            ",
        )
        .run();
    smm.test(&["show", "1", "--lang", "id"])
        .expected_stdout(
            "
            1. Pahami Platform Media Sosial  (understand-platforms)
            Status: belum dimulai
            Fase: Fondasi
            Isi ditinjau: 1 Des 2026

            Ringkasan:
              Pelajari secara mendalam tentang berbagai platform media sosial seperti Facebook, Instagram, Twitter, LinkedIn, TikTok, dan lainnya. Pahami cara kerja, fitur, dan audience setiap platform.

            Tindakan praktis (0/5):
              [ ] 1.1  Pakai akun pribadi Anda yang asli. Untuk berlatih sebagai merek, buat Halaman Facebook, ubah akun Instagram menjadi akun profesional (kreator/bisnis), dan buat akun TikTok Business. Jangan membuat profil Facebook palsu: Meta hanya mengizinkan satu akun asli per orang, profil palsu dihapus, dan Halaman serta akun iklan yang dikelola darinya bisa ikut hilang. Jelajahi juga YouTube (termasuk Shorts), Threads, X (dulu Twitter), dan LinkedIn.
              [ ] 1.2  Pelajari WhatsApp Business, kanal layanan pelanggan utama di Indonesia (katalog, balasan cepat, label), dan WhatsApp Channels, saluran siaran satu arah untuk mengirim kabar ke pengikut.
              [ ] 1.3  Tonton tiga siaran langsung (LIVE) jualan di TikTok Shop by Tokopedia, lalu catat cara penjual menyajikan produk, menjawab penonton, dan memakai keranjang serta voucher. Bandingkan dengan satu siaran Shopee Live.
              [ ] 1.4  Tulis satu halaman catatan per platform tentang cara kerja algoritmanya.
              [ ] 1.5  Catat demografi pengguna internet di Indonesia dari survei APJII terbaru dan jumlah pengguna tiap platform dari laporan DataReportal Digital 2026: Indonesia.

            Bukti selesai:
              Tabel perbandingan platform dan catatan per platform yang tersimpan di portofolio.

            Sumber belajar:
              1.1  DataReportal: Digital 2026: Indonesia (artikel, bahasa Inggris): https://datareportal.com/reports/digital-2026-indonesia
              1.2  APJII: Survei Penetrasi Internet Indonesia (resmi, bahasa Indonesia): https://survei.apjii.or.id/
              1.3  WhatsApp Business (resmi, bahasa Inggris): https://business.whatsapp.com/
              1.4  Tokopedia & TikTok Shop Seller Center: Seller University (kursus, bahasa Indonesia): https://seller-id.tokopedia.com/university
              1.5  Databoks (Katadata) (artikel, bahasa Indonesia): https://databoks.katadata.co.id/

            Catatan:
              belum ada catatan
            ",
        )
        .run();
    smm.test(&["show", "11", "--lang", "id"])
        .expected_stdout(
            "
            11. Interaksi dan Responsif  (engagement-and-responsiveness)
            Status: belum dimulai
            Fase: Pertumbuhan
            Isi ditinjau: 1 Des 2026

            Ringkasan:
              Tanggapi komentar, pesan, dan umpan balik dengan cepat dan profesional. Interaksi yang baik dengan audiens dapat membangun koneksi yang lebih kuat.

            Tindakan praktis (0/3):
              [ ] 11.1  Selama seminggu, balas setiap komentar dan pesan di jam kerja secepat mungkin. Tetapkan target Anda sendiri, misalnya paling lama 1 jam untuk pesan dan 4 jam untuk komentar. Sebagai acuan, lencana \"Sangat responsif\" di Halaman Facebook mensyaratkan 90% pesan dibalas dalam 15 menit selama 7 hari terakhir.
              [ ] 11.2  Siapkan templat balasan untuk lima pertanyaan yang paling sering muncul, juga sebagai balasan cepat di WhatsApp Business.
              [ ] 11.3  Tinggalkan komentar yang berbobot (bukan sekadar emoji) di sepuluh akun lain di niche Anda.

            Bukti selesai:
              Tangkapan layar metrik respons kotak masuk Meta Business Suite (tingkat dan waktu respons) untuk minggu itu, dan templat balasan yang Anda pakai.

            Sumber belajar:
              11.1  WhatsApp Business (resmi, bahasa Inggris): https://business.whatsapp.com/
              11.2  Sprout Social Index (artikel, bahasa Inggris): https://sproutsocial.com/insights/index/
              11.3  Meta Business Suite (alat, bahasa Inggris): https://www.facebook.com/business/tools/meta-business-suite

            Catatan:
              belum ada catatan
            ",
        )
        .run();
    smm.test(&["show", "12"])
        .expected_stdout(
            "
            12. Paid Social Advertising  (paid-marketing)
            Status: to do
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
fn every_built_in_step_has_resources_and_a_phase() {
    let smm = Smm::new();
    let export: serde_json::Value =
        serde_json::from_str(&smm.ok(&["export", "-f", "json"]).stdout).expect("JSON");
    let phases = export["phases"].as_array().expect("phases");
    let titles: Vec<&str> = phases.iter().filter_map(|p| p["title"].as_str()).collect();
    assert_eq!(
        titles,
        ["Foundations", "Production", "Growth", "Professional"]
    );
    let in_phases: Vec<&str> = phases
        .iter()
        .flat_map(|phase| phase["steps"].as_array().expect("steps"))
        .filter_map(|id| id.as_str())
        .collect();
    let steps: Vec<&str> = export["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter_map(|step| step["id"].as_str())
        .collect();
    assert_eq!(
        in_phases, steps,
        "the phases keep the seed's order, each step once"
    );
    let roadmap = builtin_roadmap();
    for number in 1..=20 {
        let shown = smm.ok(&["show", &number.to_string()]).stdout;
        let resources = shown
            .split("\nResources:\n")
            .nth(1)
            .and_then(|rest| rest.split("\n\n").next())
            .unwrap_or_default();
        let lines: Vec<&str> = resources.lines().collect();
        assert!(
            lines.len() >= 2,
            "step {number} has {} resources:\n{shown}",
            lines.len()
        );
        for line in lines {
            assert!(line.contains("): https://"), "step {number}: {line}");
        }
        assert!(
            shown.contains("\nPhase: "),
            "step {number} has no phase:\n{shown}"
        );
    }
    assert!(
        roadmap.contains("\nversion: 4\n"),
        "the keyed actions raised the version"
    );
}

/// The facts the content review of December 2026 found wrong or missing,
/// each as what `show` must now say and what it must no longer say.
#[test]
fn every_fact_the_trainer_corrected_is_in_show() {
    let smm = Smm::new();
    let facts: &[(u32, &[&str], &[&str])] = &[
        (
            1,
            &[
                "Pakai akun pribadi Anda yang asli",
                "Jangan membuat profil Facebook palsu",
                "akun TikTok Business",
                "WhatsApp Channels, saluran siaran satu arah",
                "TikTok Shop by Tokopedia",
                "datareportal.com/reports/digital-2026-indonesia",
            ],
            &["akun uji", "WhatsApp Channels, kanal layanan pelanggan"],
        ),
        (
            2,
            &["uji kompetensi BNSP", "dalam tujuh hari"],
            &["minggu ini"],
        ),
        (3, &["alat AI generatif", "sunting hasilnya sendiri"], &[]),
        (
            7,
            &[
                "(suka + komentar + bagikan + simpan) ÷ jumlah pengikut × 100%",
                "Top Ads di TikTok Creative Center (atur wilayah ke Indonesia)",
                "Pantau penyebutan merek",
            ],
            &["iklan yang sedang dijalankan pesaing di Meta Ad Library dan TikTok"],
        ),
        (9, &["brief kreatif", "alur persetujuan"], &[]),
        (
            10,
            &["tanggal, platform, pilar, format, caption, aset, status, dan tautan"],
            &[],
        ),
        (
            11,
            &[
                "Tetapkan target Anda sendiri",
                "90% pesan dibalas dalam 15 menit selama 7 hari",
                "metrik respons kotak masuk Meta Business Suite",
            ],
            &["standar umum untuk akun merek"],
        ),
        (12, &["kampanye → grup iklan → iklan", "ditambah PPN"], &[]),
        (
            13,
            &[
                "Permensos No. 4 Tahun 2021",
                "hanya badan atau lembaga",
                "paling sedikit 10% dari nilai hadiah",
                "paling lambat 14 hari kerja",
                "PPh final 25%",
                "PP No. 132 Tahun 2000",
                "PPh 21 untuk pemenang perorangan, PPh 23",
                "Pengumpulan Uang atau Barang (PUB)",
                "https://pasal.id/peraturan/pp/pp-no-132-tahun-2000",
            ],
            &["kemensos.go.id", "https://www.pajak.go.id/"],
        ),
        (14, &["versi untuk klien", "Campaign URL Builder"], &[]),
        (15, &["alur eskalasi krisis", "105/PUU-XXII/2024"], &[]),
        (
            18,
            &[
                "tarif per jam",
                "NIK Anda, yang sejak 1 Juli 2024 berfungsi sebagai NPWP",
                "satu penawaran atau proposal yang sudah dikirim",
            ],
            &["yang menghasilkan pertanyaan calon klien"],
        ),
        (
            19,
            &[
                "berlaku penuh sejak 17 Oktober 2024",
                "Pasal 20 memberi enam dasar",
                "UU 1/2024",
                "Putusan MK 105/PUU-XXII/2024",
                "hanya melindungi perseorangan",
                "sejak 2 Januari 2026",
                "Peraturan BPOM No. 18 Tahun 2024",
                "cekbpom.pom.go.id",
                "POJK 22/2023",
                "Kontak OJK 157",
                "Tidak ada undang-undang yang mewajibkan tagar #iklan",
                "sertifikat halal BPJPH",
                "PP No. 17 Tahun 2025, PP Tunas",
                "SE Menkominfo No. 9 Tahun 2023",
                "autentikasi dua faktor",
                "Commercial Music Library TikTok",
                "https://peraturan.bpk.go.id/Details/274494/uu-no-1-tahun-2024",
                "https://www.dewanperiklananindonesia.id/",
                "Etika Pariwara Indonesia (Amandemen 2020)",
            ],
            &[
                "dpi.or.id",
                "dengan persetujuan apa",
                "https://peraturan.bpk.go.id/ ",
            ],
        ),
    ];
    for (number, present, absent) in facts {
        let shown = smm
            .ok(&["--lang", "id", "show", &number.to_string()])
            .stdout;
        for fact in *present {
            assert!(
                shown.contains(fact),
                "show {number} lacks {fact:?}:\n{shown}"
            );
        }
        for wrong in *absent {
            assert!(
                !shown.contains(wrong),
                "show {number} still says {wrong:?}:\n{shown}"
            );
        }
    }
    // Every law links to a page of its own, never a site's home page.
    let roadmap = builtin_roadmap();
    for line in roadmap.lines().filter(|line| line.contains("kind: law")) {
        let url = line
            .split("url: ")
            .nth(1)
            .and_then(|rest| rest.split(',').next());
        let url = url.expect("a law has an address");
        assert!(url.trim_end_matches('/').matches('/').count() > 2, "{url}");
    }
}

#[test]
fn every_built_in_step_and_law_says_when_it_was_reviewed() {
    let smm = Smm::new();
    let export = smm.ok(&["export", "-f", "json"]).json();
    for step in export["steps"].as_array().expect("steps") {
        assert_eq!(step["reviewed"], "2026-12-01", "{step}");
    }
    let mut laws = 0;
    for number in 1..=20 {
        let shown = smm.ok(&["show", &number.to_string()]).stdout;
        assert!(
            shown.contains("\nContent reviewed: Dec 1, 2026\n"),
            "{shown}"
        );
        for line in shown.lines().filter(|line| line.contains("(law, ")) {
            assert!(
                line.contains("(law, Indonesian, reviewed Dec 1, 2026): https://"),
                "{line}"
            );
            laws += 1;
        }
    }
    assert_eq!(laws, 4, "the laws the built-in roadmap links to");
    let markdown = smm.ok(&["--lang", "id", "export", "-f", "markdown"]).stdout;
    assert!(
        markdown.contains("\nIsi ditinjau: 1 Des 2026\n"),
        "{markdown}"
    );
}

#[test]
fn resources_and_phases_of_a_custom_roadmap_are_checked() {
    let smm = Smm::new();
    // Both roadmaps here begin alike: a first step, then its resources.
    let first_step = "\
id: my-path
version: 1
title: Mine
steps:
  - id: first
    title: First
    summary: Begin.
    resources:
";
    let bad = first_step.to_string()
        + "      - {title: Click, url: 'javascript:alert(1)', kind: course, language: en}
      - {title: Spaced, url: 'https://exa mple.com', kind: tool, language: english}
  - id: second
    title: Second
    summary: Go on.
phases:
  - id: start
    title: Start
    steps: [first, missing]
  - id: start
    title: Again
    steps: [first]
";
    let path = smm.write_file("bad.yaml", bad);
    let path = path.to_str().expect("UTF-8");
    smm.test(&["roadmap", "validate", path])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                {home}{SEP}bad.yaml:8:5: step 1 (`first`): `resources[1]` has the address `javascript:alert(1)`: use a plain http:// or https:// address
                7 |     summary: Begin.
                8 |     resources:
                  |     ^
                {home}{SEP}bad.yaml:8:5: step 1 (`first`): `resources[2]` has the address `https://exa mple.com`: use a plain http:// or https:// address
                7 |     summary: Begin.
                8 |     resources:
                  |     ^
                {home}{SEP}bad.yaml:8:5: step 1 (`first`): `resources[2]` has the language `english`: use a language code such as id or en
                7 |     summary: Begin.
                8 |     resources:
                  |     ^
                {home}{SEP}bad.yaml:17:5: phase 1 (`start`) names the step `missing`, which this roadmap does not have
                16 |     title: Start
                17 |     steps: [first, missing]
                   |     ^
                {home}{SEP}bad.yaml:18:5: the phase id `start` is used twice
                17 |     steps: [first, missing]
                18 |   - id: start
                   |     ^
                {home}{SEP}bad.yaml:20:5: phase 2 (`start`) names the step `first`, which already belongs to a phase
                19 |     title: Again
                20 |     steps: [first]
                   |     ^
                {home}{SEP}bad.yaml:11:5: step 2 (`second`) is in no phase: with phases, every step belongs to one
                10 |       - {{title: Spaced, url: 'https://exa mple.com', kind: tool, language: english}}
                11 |   - id: second
                   |     ^
                ",
                home = smm.home().display()
            ),
        )
        .expected_stderr(
            format!(
                "error: {home}{SEP}bad.yaml has 7 problems, listed above\n",
                home = smm.home().display()
            ),
        )
        .run();
    let unknown_kind = first_step.to_string()
        + "      - {title: Book, url: 'https://example.com', kind: book, language: en}
";
    let path = smm.write_file("kind.yaml", unknown_kind);
    smm.test(&["roadmap", "validate", path.to_str().expect("UTF-8")])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                {home}{SEP}kind.yaml:9:57: unknown value `book`; known: `course`, `official`, `article`, `video`, `tool`, `law`
                 8 |     resources:
                 9 |       - {{title: Book, url: 'https://example.com', kind: book, language: en}}
                   |                                                         ^
                ",
                home = smm.home().display()
            ),
        )
        .expected_stderr(format!(
            "error: {home}{SEP}kind.yaml has 1 problem, listed above\n",
            home = smm.home().display()
        ))
        .run();
    // Both are optional: the tiny roadmap without them is valid.
    let path = smm.write_file("tiny.yaml", TINY);
    smm.ok(&["roadmap", "validate", path.to_str().expect("UTF-8")]);
}

/// `roadmap validate` on a fixture, run from the repository so paths stay
/// short: what it printed, stdout then stderr, after checking it failed.
#[track_caller]
fn validate(fixture: &str) -> String {
    let smm = Smm::new();
    let output = smm
        .test(&["roadmap", "validate"])
        .arg(format!("tests/fixtures/roadmaps/{fixture}"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .expected_status(1)
        .any_stdout()
        .any_stderr()
        .run();
    format!("{}{}", output.stdout, output.stderr)
}

#[test]
fn validate_reports_every_problem_with_its_place() {
    for fixture in [
        "syntax-error",
        "unknown-field",
        "unknown-field-and-more",
        "bad-ids",
        "missing-translations",
    ] {
        let report = validate(&format!("{fixture}.yaml"));
        insta::assert_snapshot!(format!("validate_{}", fixture.replace('-', "_")), report);
    }
}

#[test]
fn validate_passes_the_built_in_roadmap() {
    let smm = Smm::new();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/roadmap/social-media-manager.yaml"
    );
    smm.test(&["roadmap", "validate", path])
        .expected_stdout(format!(
            "{path} is a valid roadmap: 20 steps, languages: id, en\n"
        ))
        .run();
}

#[test]
fn a_roadmap_from_roadmap_new_is_tracked_end_to_end() {
    let smm = Smm::new();
    let path = smm.home().join("mine.yaml");
    let path = path.to_str().expect("UTF-8 path");
    smm.test(&["roadmap", "new", path])
        .expected_stdout(
            format!(
                "Wrote a starter roadmap to {home}{SEP}mine.yaml: edit it, then check it with `smm-path roadmap validate {home}{SEP}mine.yaml`.\n",
                home = smm.home().display()
            ),
        )
        .run();
    smm.test(&["roadmap", "new", path])
        .expected_status(2)
        .expected_unchanged(path)
        .expected_stderr(format!(
            "error: {home}{SEP}mine.yaml already exists; nothing was written: choose another name\n",
            home = smm.home().display()
        ))
        .run();
    smm.ok(&["roadmap", "validate", path]);
    smm.ok(&["--roadmap", path, "done", "first-step"]);
    smm.test(&["--roadmap", path, "status"])
        .expected_stdout(
            "
            My Roadmap

             #  Step             Status    Date
            ───────────────────────────────────────────
                Getting Started  1/2 done
             1  First Step       ✓ done    Dec 5, 2026
             2  Second Step      ○ to do

            1/2 done (50%) ██████████░░░░░░░░░░
            Next: 2. Second Step
            Mark it done with `smm-path done 2`.
            ",
        )
        .run();
    smm.ok(&["done", "1-4"]);
    smm.test(&["--roadmap", path, "roadmap", "list"])
        .expected_stdout(
            "
            * my-roadmap: 1/2 done (50%)
              social-media-manager: 4/20 done (20%)
            ",
        )
        .run();
}

/// A home tracking the starter roadmap `roadmap new` writes, with `step`
/// done on it: the home, the roadmap's path and its text.
fn starter_with(step: &str) -> (Smm, std::path::PathBuf, String) {
    let smm = Smm::new();
    let path = smm.path("mine.yaml");
    smm.test(&["roadmap", "new"]).arg(&path).any_stdout().run();
    smm.test(&["--roadmap"])
        .arg(&path)
        .args(&["done", step])
        .any_stdout()
        .run();
    let starter = std::fs::read_to_string(&path).expect("starter");
    (smm, path, starter)
}

#[test]
fn a_new_roadmap_version_is_pointed_out() {
    let (smm, path, starter) = starter_with("second-step");
    let path_text = path.to_str().expect("UTF-8 path");
    let changed = starter
        .replace("version: 1", "version: 2")
        .replace("second-step", "renamed-step");
    std::fs::write(&path, changed).expect("edit");
    smm.test(&["--roadmap", path_text, "status"])
        .expected_stdout(
            "
            My Roadmap

             #  Step             Status    Date
            ────────────────────────────────────
                Getting Started  0/2 done
             1  First Step       ○ to do
             2  Second Step      ○ to do

            0/2 done (0%) ░░░░░░░░░░░░░░░░░░░░
            Next: 1. First Step
            Mark it done with `smm-path done 1`.
            This roadmap is now version 2; your last change was on version 1.
            New in this version: 1 step (renamed-step).
            Kept: progress on 1 step this roadmap no longer has (second-step); `smm-path doctor` lists them.
            ",
        )
        .run();
}

#[test]
fn what_each_newer_version_changed_is_told_until_the_next_change() {
    let (smm, path, starter) = starter_with("first-step");
    let path_text = path.to_str().expect("UTF-8 path");
    // Notes for versions 1 to 3, out of order: the learner was on version 1,
    // so versions 2 and 3 are told, oldest first.
    let grown = format!(
        "{}\nchanges:\n  \
         - {{version: 3, text: {{en: Step two has a new action., id: Langkah dua punya tindakan baru.}}}}\n  \
         - {{version: 1, text: First version.}}\n  \
         - {{version: 2, text: {{en: Clearer summaries., id: Ringkasan lebih jelas.}}}}\n",
        starter.replace("version: 1", "version: 3").trim_end()
    );
    std::fs::write(&path, grown).expect("edit");
    let told = smm.ok(&["--roadmap", path_text, "status"]).stdout;
    assert!(
        told.ends_with(
            "This roadmap is now version 3; your last change was on version 1.\n\
             Clearer summaries.\n\
             Step two has a new action.\n"
        ),
        "{told}"
    );
    let indonesian = smm
        .ok(&["--roadmap", path_text, "--lang", "id", "status"])
        .stdout;
    assert!(
        indonesian.ends_with("Ringkasan lebih jelas.\nLangkah dua punya tindakan baru.\n"),
        "{indonesian}"
    );
    // A change on version 3 means the learner has seen it: no more notes.
    smm.ok(&["--roadmap", path_text, "done", "2"]);
    let after = smm.ok(&["--roadmap", path_text, "status"]).stdout;
    assert!(
        !after.contains("now version") && !after.contains("Clearer"),
        "{after}"
    );
}

#[test]
fn a_note_for_a_version_not_reached_and_a_bad_review_day_are_refused() {
    let smm = Smm::new();
    let path = smm.write_file(
        "notes.yaml",
        "id: notes\nversion: 1\ntitle: Notes\nsteps:\n  - id: first\n    title: First\n    \
         summary: Begin.\n    reviewed: 2026-13-01\n    resources:\n      - {title: A law, \
         url: https://example.org/, kind: law, language: id, reviewed: soon}\n\
         changes:\n  - {version: 2, text: Ahead.}\n",
    );
    let path = path.to_str().expect("UTF-8 path");
    let run = smm
        .test(&["roadmap", "validate", path])
        .expected_status(1)
        .any_stdout()
        .expected_stderr(format!("error: {path} has 3 problems, listed above\n"))
        .run();
    for problem in [
        "`reviewed` is `2026-13-01`: write a calendar day as YYYY-MM-DD",
        "`resources[1].reviewed` is `soon`",
        "`changes` has a note for version 2, but the roadmap is version 1",
    ] {
        assert!(run.stdout.contains(problem), "{problem}:\n{}", run.stdout);
    }
}

#[test]
fn roadmap_list_counts_the_steps_a_new_version_added() {
    let (smm, path, starter) = starter_with("first-step");
    let path_text = path.to_str().expect("UTF-8 path");
    // Version 2 adds a third step after the two of the starter.
    let third = "  - id: third-step\n    title: Third Step\n    summary: One more.\n";
    let (steps, phases) = starter
        .split_once("\n# Optional: phases")
        .expect("the starter's phases");
    let grown = format!(
        "{}\n{third}\n# Optional: phases{}",
        steps.replace("version: 1", "version: 2").trim_end(),
        phases.replace("second-step]", "second-step, third-step]")
    );
    std::fs::write(&path, grown).expect("edit");
    smm.test(&["--roadmap", path_text, "status"])
        .expected_stdout(
            "
            My Roadmap

             #  Step             Status    Date
            ───────────────────────────────────────────
                Getting Started  1/3 done
             1  First Step       ✓ done    Dec 5, 2026
             2  Second Step      ○ to do
             3  Third Step       ○ to do

            1/3 done (33%) ██████░░░░░░░░░░░░░░
            Next: 2. Second Step
            Mark it done with `smm-path done 2`.
            This roadmap is now version 2; your last change was on version 1.
            New in this version: 1 step (third-step).
            ",
        )
        .run();
    smm.test(&["--roadmap", path_text, "roadmap", "list"])
        .expected_stdout("* my-roadmap: 1/3 done (33%)\n")
        .run();
}

#[test]
fn steps_the_roadmap_no_longer_has_are_kept_and_reported() {
    let smm = Smm::new();
    smm.ok(&["done", "1-3"]);
    let state = smm.state_text().replace(
        "    steps:\n",
        "    steps:\n      retired-step:\n        status: done\n        finished: 2026-01-01T00:00:00Z\n",
    );
    smm.write_state(&state);
    smm.test(&["status"])
        .expected_stdout(
            "
            A Career in Social Media Management

              #  Step                               Status    Date
            ──────────────────────────────────────────────────────────────
                 Foundations                        3/5 done
              1  Understand Social Media Platforms  ✓ done    Dec 5, 2026
              2  Education and Training             ✓ done    Dec 5, 2026
              3  Develop Your Creativity            ✓ done    Dec 5, 2026
              4  Choose a Niche or Industry         ○ to do
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

            3/20 done (15%) ███░░░░░░░░░░░░░░░░░
            Next: 4. Choose a Niche or Industry
            Mark it done with `smm-path done 4`.
            Kept: progress on 1 step this roadmap no longer has (retired-step); `smm-path doctor` lists them.
            ",
        )
        .run();
    smm.ok(&["done", "9"]);
    assert!(
        smm.state_text().contains("retired-step:"),
        "an orphaned entry was dropped"
    );
    smm.test(&["doctor"])
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                History:   {home}{SEP}history.jsonl: 3 changes, whole
                Backup:    {home}{SEP}progress.yaml.bak: the state before the last change, format version 7
                Kept:      progress on 1 step this roadmap no longer has: retired-step
                All is well.
                ",
                home = smm.home().display()
            ),
        )
        .run();
}

#[test]
fn roadmap_new_comments_the_starter_in_the_output_language() {
    let smm = Smm::new();
    let indonesian = smm.path("jalanku.yaml");
    smm.test(&["--lang", "id", "roadmap", "new"])
        .arg(&indonesian)
        .any_stdout()
        .run();
    let text = std::fs::read_to_string(&indonesian).expect("the starter");
    let comments: Vec<&str> = text
        .lines()
        .filter(|line| line.trim_start().starts_with('#'))
        .collect();
    assert_eq!(comments[0], "# Roadmap untuk smm-path. Lacak dengan:");
    assert!(
        comments
            .iter()
            .any(|line| line.contains("progres Anda disimpan")),
        "{text}"
    );
    for english in ["A roadmap for", "Optional", "stable", "Raise it"] {
        assert!(!text.contains(english), "`{english}` in:\n{text}");
    }
    // It validates and loads, as the English one does.
    smm.test(&["--lang", "id", "roadmap", "validate"])
        .arg(&indonesian)
        .any_stdout()
        .run();
    smm.test(&["--lang", "id", "--roadmap"])
        .arg(&indonesian)
        .args(&["done", "first-step"])
        .any_stdout()
        .run();
    let status = smm
        .test(&["--lang", "id", "--roadmap"])
        .arg(&indonesian)
        .args(&["status", "--short"])
        .any_stdout()
        .run()
        .stdout;
    assert_eq!(status, "smm-path 1/2 (50%) berikutnya: 2\n");
    // English is the English starter, byte for byte.
    let english = smm.path("mine.yaml");
    smm.test(&["--lang", "en", "roadmap", "new"])
        .arg(&english)
        .any_stdout()
        .run();
    assert_eq!(
        std::fs::read_to_string(&english).expect("the starter"),
        include_str!("../../roadmap/starter.yaml")
    );
}

#[test]
fn an_unknown_field_or_kind_does_not_hide_the_other_problems() {
    let smm = Smm::new();
    let file = "tests/fixtures/roadmaps/unknown-field-and-more.yaml";
    smm.test(&["roadmap", "validate", file])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .expected_status(1)
        .expected_stdout(format!(
            "
            {file}:7:5: unknown field `colour`; known: `id`, `title`, `summary`, `actions`, `evidence`, `resources`, `reviewed`
            6 |     title: First
            7 |     colour: red
              |     ^
            {file}:12:15: unknown value `podcast`; known: `course`, `official`, `article`, `video`, `tool`, `law`
            11 |         url: https://example.com/podcast
            12 |         kind: podcast
               |               ^
            {file}:5:5: step 1 has the id `Bad_Id`: use lower-case letters, digits and dashes, starting with a letter
            4 | steps:
            5 |   - id: Bad_Id
              |     ^
            {file}:15:5: step 2 (`second`): `title` is empty
            14 |   - id: second
            15 |     title: ''
               |     ^
            "
        ))
        .expected_stderr(format!("error: {file} has 4 problems, listed above\n"))
        .run();
    // Loading it for a command still stops at the first problem, with its snippet.
    let run = smm
        .test(&["--roadmap", file, "status"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .expected_status(1)
        .any_stderr()
        .run();
    assert!(
        run.stderr.contains("unknown field `colour`"),
        "{}",
        run.stderr
    );
}

/// The cache files a custom roadmap left in the home's `cache/`.
fn roadmap_caches(smm: &Smm) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(smm.path("cache"))
        .expect("the cache folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            let name = path
                .file_name()
                .and_then(|name| name.to_str())
                .unwrap_or("");
            name.starts_with("roadmap-") && name.ends_with(".bin")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_custom_roadmaps_cache_cut_short_or_garbled_or_not_a_file_is_not_believed() {
    // The packed cache is read in place; whatever a sync tool or a crash
    // leaves there, the roadmap is read from its YAML again.
    let smm = Smm::new();
    let path = smm.write_file("mine.yaml", TINY);
    let path_text = path.to_str().expect("UTF-8 path");
    let status = || {
        smm.test(&["--roadmap", path_text, "status"])
            .expected_stdout(TINY_FRESH_STATUS)
            .run();
    };
    status();
    let caches = roadmap_caches(&smm);
    assert_eq!(caches.len(), 1, "one packed cache: {caches:?}");
    let cache = &caches[0];
    let whole = std::fs::read(cache).expect("the cache");
    let header = whole
        .iter()
        .position(|&byte| byte == b'\n')
        .expect("a header line")
        + 1;
    // Cut in the middle of its body, then its body garbled behind the
    // right header (lengths that run past the end, text that is not UTF-8).
    std::fs::write(cache, &whole[..header + (whole.len() - header) / 2]).expect("cut");
    status();
    let mut garbled = whole[..header].to_vec();
    garbled.extend(std::iter::repeat_n(0xff, whole.len() - header));
    std::fs::write(cache, &garbled).expect("garble");
    status();
    #[cfg(unix)]
    {
        // A link to another file, then a FIFO, which would block a read.
        std::fs::remove_file(cache).expect("remove");
        std::os::unix::fs::symlink(&path, cache).expect("symlink");
        status();
        std::fs::remove_file(cache).expect("remove");
        let made = std::process::Command::new("mkfifo").arg(cache).status();
        if made.is_ok_and(|made| made.success()) {
            status();
        } else {
            eprintln!("skipped the FIFO: mkfifo is not available here");
        }
    }
}
