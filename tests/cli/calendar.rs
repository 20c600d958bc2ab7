//! `export -f ics`: the plan in the learner's calendar, read back by a real
//! iCalendar parser (Python's `icalendar`, which .ci/run installs).

use std::process::Command;

use crate::support::Smm;

/// A home with steps 1-3 done, a target, and days for steps 3, 4 and 5.
fn planned() -> Smm {
    let smm = Smm::new();
    smm.ok_at("2026-12-01T09:00:00+07:00", &["done", "1-3"]);
    smm.ok_at(
        "2026-12-01T09:00:00+07:00",
        &["plan", "--target", "2027-03-31"],
    );
    smm.ok_at(
        "2026-12-01T09:00:00+07:00",
        &["plan", "3-5", "--by", "2027-01-15"],
    );
    smm
}

/// The events as `icalendar` reads them: one line each, UID, start, the
/// summary, the description and the alarm's trigger, or `None` (with a
/// message) where Python's `icalendar` is not installed.
fn read_back(file: &std::path::Path) -> Option<String> {
    let script = "import sys\n\
        try:\n    import icalendar\nexcept ImportError:\n    print('no icalendar'); sys.exit(0)\n\
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
        assert cal['VERSION'] == '2.0' and 'PRODID' in cal\n\
        for e in cal.walk('VEVENT'):\n\
        \x20   assert e.errors == [], e.errors\n\
        \x20   assert 'DTSTAMP' in e and e['DTSTART'].dt.tzinfo is not None\n\
        \x20   alarms = e.walk('VALARM')\n\
        \x20   print('|'.join([str(e['UID']), e['DTSTART'].dt.isoformat(), str(e['SUMMARY']), str(e['DESCRIPTION']).replace(chr(10), '/'), str(alarms[0]['TRIGGER'].dt), str(alarms[0]['ACTION'])]))\n";
    let Ok(output) = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(file)
        .output()
    else {
        eprintln!("skipped: python3 is not installed here");
        return None;
    };
    assert!(
        output.status.success(),
        "icalendar refused the file: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    if text == "no icalendar\n" {
        eprintln!("skipped: Python's icalendar is not installed here (.ci/run installs it)");
        return None;
    }
    Some(text)
}

/// Every physical line of the file: CRLF-ended and at most 75 octets.
fn assert_folded(bytes: &[u8]) {
    assert!(bytes.ends_with(b"\r\n"));
    for line in bytes.split(|&byte| byte == b'\n') {
        if line.is_empty() {
            continue;
        }
        assert!(line.ends_with(b"\r"), "{:?}", String::from_utf8_lossy(line));
        assert!(line.len() - 1 <= 75, "{:?}", String::from_utf8_lossy(line));
        assert!(
            std::str::from_utf8(line).is_ok(),
            "a line cut inside a character"
        );
    }
}

#[test]
fn the_plan_reads_back_as_events_with_alarms_in_a_real_parser() {
    let smm = planned();
    let out = tempfile::tempdir().expect("tempdir");
    let file = out.path().join("plan.ics");
    smm.ok_at(
        "2026-12-05T14:30:00+07:00",
        &["export", "-f", "ics", "-o", file.to_str().expect("UTF-8")],
    );
    let bytes = std::fs::read(&file).expect("the calendar");
    assert_folded(&bytes);
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("DTSTAMP:20261205T073000Z\r\n").count(), 3);
    let Some(events) = read_back(&file) else {
        return;
    };
    // Step 3 is done: only the open steps and the target have events.
    assert_eq!(
        events,
        "social-media-manager.choose-a-niche.due@smm-path|2027-01-15T02:00:00+00:00|Finish step 4: Choose a Niche or Industry|Next: 4.1 Write down three industries that interest you and why.//Resources:/Google Trends Indonesia: https://trends.google.co.id/trends/?geo=ID/Databoks (Katadata): https://databoks.katadata.co.id//TikTok Creative Center: https://ads.tiktok.com/business/creativecenter///smm-path show 4|-1 day, 9:00:00|DISPLAY\n\
         social-media-manager.build-a-personal-portfolio.due@smm-path|2027-01-15T02:00:00+00:00|Finish step 5: Build a Personal Portfolio|Next: 5.1 Tidy up the bio, profile photo and links on your social accounts.//Resources:/Google Sites: https://sites.google.com//Behance: https://www.behance.net///smm-path show 5|-1 day, 9:00:00|DISPLAY\n\
         social-media-manager.target@smm-path|2027-03-31T02:00:00+00:00|Finish the roadmap: A Career in Social Media Management|3/20 steps done (15%) when this calendar was exported. `smm-path stats` says whether you are on track.|-1 day, 9:00:00|DISPLAY\n"
    );
}

#[test]
fn uids_stay_the_same_so_a_new_export_updates_the_events() {
    let smm = planned();
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix("UID:"))
            .map(|uid| uid.trim_end().to_string())
            .collect()
    };
    let first = smm
        .ok_at("2026-12-05T14:30:00+07:00", &["export", "-f", "ics"])
        .stdout;
    smm.ok_at(
        "2026-12-06T09:00:00+07:00",
        &["plan", "5", "--by", "2027-02-01"],
    );
    smm.ok_at("2026-12-06T09:00:00+07:00", &["check", "4.1"]);
    let second = smm
        .ok_at(
            "2026-12-06T10:00:00+07:00",
            &["export", "-f", "ics", "--lang", "id"],
        )
        .stdout;
    assert_eq!(uids(&first), uids(&second));
    assert!(second.contains("DTSTART:20270201T020000Z\r\n"), "{second}");
    assert!(second.contains("DTSTAMP:20261206T030000Z\r\n"), "{second}");
    // The next action moved on with the tick, in the language asked for.
    assert!(second.contains("DESCRIPTION:Berikutnya: 4.2 "), "{second}");
    // A step done leaves the calendar.
    smm.ok_at("2026-12-07T09:00:00+07:00", &["done", "4"]);
    let third = smm
        .ok_at("2026-12-07T10:00:00+07:00", &["export", "-f", "ics"])
        .stdout;
    assert_eq!(uids(&third), uids(&first)[1..].to_vec());
}

#[test]
fn text_from_a_roadmap_is_escaped_and_a_plan_without_days_is_an_empty_calendar() {
    let smm = Smm::new();
    let roadmap = smm.write_file(
        "mine.yaml",
        "id: mine\nversion: 1\ntitle: 'Kopi, teh; susu \\ gula'\nsteps:\n  - id: first\n    title: 'Satu, dua; tiga'\n    summary: The first.\n    actions:\n      - 'Tulis: a,b;c'\n",
    );
    let roadmap = roadmap.to_str().expect("UTF-8");
    let empty = smm
        .ok(&["--roadmap", roadmap, "export", "-f", "ics"])
        .stdout;
    assert!(!empty.contains("BEGIN:VEVENT"), "{empty}");
    assert!(empty.ends_with("END:VCALENDAR\r\n"));
    smm.ok(&["--roadmap", roadmap, "plan", "1", "--by", "2027-01-15"]);
    let out = tempfile::tempdir().expect("tempdir");
    let file = out.path().join("mine.ics");
    smm.ok(&[
        "--roadmap",
        roadmap,
        "export",
        "-f",
        "ics",
        "-o",
        file.to_str().expect("UTF-8"),
    ]);
    let text = std::fs::read_to_string(&file).expect("the calendar");
    assert!(
        text.contains("X-WR-CALNAME:Kopi\\, teh\\; susu \\\\ gula\r\n"),
        "{text}"
    );
    assert!(
        text.contains("SUMMARY:Finish step 1: Satu\\, dua\\; tiga\r\n"),
        "{text}"
    );
    let Some(events) = read_back(&file) else {
        return;
    };
    assert!(
        events.starts_with("mine.first.due@smm-path|2027-01-15T02:00:00+00:00|Finish step 1: Satu, dua; tiga|Next: 1.1 Tulis: a,b;c//smm-path show 1|"),
        "{events}"
    );
}
