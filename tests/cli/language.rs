//! Language: chosen by `--lang` or the locale variables, for the UI and the roadmap.

use crate::support::Smm;

#[test]
fn the_locale_picks_indonesian() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.ok(&["done", "1"])
        .stdout_has("1. Pahami Platform Media Sosial: belum dimulai → selesai");
    smm.ok(&["status"])
        .stdout_has("No.  Langkah")
        .stdout_has("1/20 selesai (5%)")
        .stdout_has("Berikutnya: 2. Pendidikan dan Pelatihan");
    smm.run(&["done", "0"])
        .failure(2)
        .stderr_has("galat: langkah 0 tidak ada");
}

#[test]
fn language_variables_are_read_in_order() {
    let smm = Smm::new()
        .env("LANG", "en_US.UTF-8")
        .env("LANGUAGE", "id:en");
    smm.ok(&["status"]).stdout_has("0/20 selesai");
    let smm = Smm::new()
        .env("LANG", "id_ID.UTF-8")
        .env("LC_ALL", "C.UTF-8");
    smm.ok(&["status"]).stdout_has("0/20 done");
    let smm = Smm::new()
        .env("LANG", "id_ID.UTF-8")
        .env("LC_MESSAGES", "en_GB.UTF-8");
    smm.ok(&["status"]).stdout_has("0/20 done");
}

#[test]
fn the_flag_beats_the_locale() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.ok(&["--lang", "en", "status"]).stdout_has("0/20 done");
    let smm = Smm::new();
    smm.ok(&["status", "--lang", "id"])
        .stdout_has("0/20 selesai");
}

#[test]
fn help_teaches_and_lists_exit_codes() {
    let smm = Smm::new();
    smm.ok(&["--help"])
        .stdout_has("Everyday use:")
        .stdout_has("Exit codes:")
        .stdout_has("2  bad usage or input");
    smm.ok(&["done", "--help"])
        .stdout_has("smm-path done 1-3 7");
    smm.ok(&["--version"]).stdout_has("smm-path ");
}
