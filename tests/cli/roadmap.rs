//! The built-in roadmap and custom roadmaps given with `--roadmap` or `SMM_PATH_ROADMAP`.

use crate::support::{Smm, builtin_roadmap};

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
    smm.ok(&["show", "20", "--lang", "id"])
        .stdout_has("Umpan Balik dan Evaluasi");
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

#[test]
fn a_custom_roadmap_is_tracked_apart_from_the_built_in_one() {
    let smm = Smm::new();
    let path = smm.write_file("mine.yaml", TINY);
    let path = path.to_str().expect("UTF-8 path");
    smm.ok(&["--roadmap", path, "done", "second"]);
    smm.ok(&["--roadmap", path, "status"])
        .stdout_has("My own path")
        .stdout_has("1/2 done (50%)");
    smm.ok(&["status"]).stdout_has("0/20 done");
    let env_smm = Smm::new().env("SMM_PATH_ROADMAP", path);
    env_smm.ok(&["status"]).stdout_has("My own path");
    assert!(smm.state_text().contains("my-path:"));
}

#[test]
fn a_malformed_roadmap_names_file_line_and_column_with_a_snippet() {
    let smm = Smm::new();
    let broken = TINY.replace("summary: Go on.", "summary: [unclosed");
    let path = smm.write_file("broken.yaml", &broken);
    let run = smm
        .run(&["--roadmap", path.to_str().expect("UTF-8"), "status"])
        .failure(1);
    assert!(
        run.stderr.contains("broken.yaml is not valid at line"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("[unclosed"),
        "no snippet: {}",
        run.stderr
    );

    let typo = TINY.replace("    summary: Begin.", "    sumary: Begin.");
    let path = smm.write_file("typo.yaml", &typo);
    smm.run(&["--roadmap", path.to_str().expect("UTF-8"), "status"])
        .failure(1)
        .stderr_has("typo.yaml is not valid at line 7, column 5: ");
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
    smm.run(&["--roadmap", path.to_str().expect("UTF-8"), "status"])
        .failure(1)
        .stderr_has("bad.yaml has 4 problems:")
        .stderr_has("step 1 (`first`): `summary` has no `en` text")
        .stderr_has("steps 1 and 2 share the id `first`")
        .stderr_has("step 2 (`first`): `title` is empty")
        .stderr_has("step 3 has the id `Bad_Id`");
}

#[test]
fn a_missing_roadmap_file_is_a_clear_failure() {
    let smm = Smm::new();
    smm.run(&["--roadmap", "/no/such/roadmap.yaml", "status"])
        .failure(1)
        .one_line_error()
        .stderr_has("cannot read the roadmap /no/such/roadmap.yaml");
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
    smm.ok(&["--roadmap", path_text, "status"])
        .stdout_has("First step");
    std::fs::write(&path, TINY.replace("First step", "Renamed step")).expect("edit");
    smm.ok(&["--roadmap", path_text, "status"])
        .stdout_has("Renamed step")
        .stdout_lacks("First step");
}

#[test]
fn the_built_in_roadmap_speaks_for_indonesia_in_2026() {
    let smm = Smm::new();
    smm.ok(&["show", "19", "--lang", "id"])
        .stdout_has("UU No. 27/2022 tentang Pelindungan Data Pribadi (UU PDP)")
        .stdout_has("UU ITE")
        .stdout_has("Etika Pariwara Indonesia")
        .stdout_has("BPOM")
        .stdout_has("OJK")
        .stdout_has("label kemitraan berbayar")
        .stdout_has("pustaka musik komersial")
        .stdout_has("dengan AI");
    smm.ok(&["show", "13", "--lang", "id"])
        .stdout_has("izin Kementerian Sosial (Kemensos)")
        .stdout_has("PPh final");
    smm.ok(&["show", "1", "--lang", "id"])
        .stdout_has("Threads")
        .stdout_has("WhatsApp Business dan WhatsApp Channels")
        .stdout_has("X (dulu Twitter)")
        .stdout_has("TikTok Shop");
    smm.ok(&["show", "11", "--lang", "id"])
        .stdout_has("1–4 jam kerja");
    smm.ok(&["show", "12"])
        .stdout_has("CPM, CTR and CPC")
        .stdout_has("not a statistically valid A/B test")
        .stdout_has("Etika Pariwara Indonesia");
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
        roadmap.contains("version: 2"),
        "the content change raised the version"
    );
}

#[test]
fn resources_and_phases_of_a_custom_roadmap_are_checked() {
    let smm = Smm::new();
    let bad = "\
id: my-path
version: 1
title: Mine
steps:
  - id: first
    title: First
    summary: Begin.
    resources:
      - {title: Click, url: 'javascript:alert(1)', kind: course, language: en}
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
    smm.run(&["roadmap", "validate", path])
        .failure(1)
        .stdout_has("step 1 (`first`): `resources[1]` has the address `javascript:alert(1)`")
        .stdout_has("step 1 (`first`): `resources[2]` has the address `https://exa mple.com`")
        .stdout_has("`resources[2]` has the language `english`")
        .stdout_has("phase 1 (`start`) names the step `missing`")
        .stdout_has("the phase id `start` is used twice")
        .stdout_has("phase 2 (`start`) names the step `first`, which already belongs to a phase")
        .stdout_has("step 2 (`second`) is in no phase");
    let unknown_kind = "\
id: my-path
version: 1
title: Mine
steps:
  - id: first
    title: First
    summary: Begin.
    resources:
      - {title: Book, url: 'https://example.com', kind: book, language: en}
";
    let path = smm.write_file("kind.yaml", unknown_kind);
    smm.run(&["roadmap", "validate", path.to_str().expect("UTF-8")])
        .failure(1)
        .stderr_has(
            "unknown value `book`; known: `course`, `official`, `article`, `video`, `tool`, `law`",
        );
    // Both are optional: the tiny roadmap without them is valid.
    let path = smm.write_file("tiny.yaml", TINY);
    smm.ok(&["roadmap", "validate", path.to_str().expect("UTF-8")]);
}
