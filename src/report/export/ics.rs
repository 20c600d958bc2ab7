//! `export -f ics`: the plan as an iCalendar file (RFC 5545) for the
//! learner's own calendar, which does the reminding: an event with an
//! alarm on each planned day of a step still open, and one on the target.
//!
//! Each event's UID is made of the roadmap's and the step's ids, so that
//! importing a newer export (or a calendar subscribed to the file) updates
//! the events instead of adding copies. Events are at 09:00 in the UTC
//! offset the export was made in, written in UTC, so no reader has to
//! guess a zone.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};

use crate::i18n::{Key, tr, word};
use crate::progress::Timestamp;
use crate::report::{ProgressReport, Renderer, StepReport};

/// The export, with the moment it is made (each event's `DTSTAMP`, and the
/// offset its 09:00 is in).
pub(crate) struct IcsExport {
    pub now: Timestamp,
}

impl Renderer<ProgressReport<'_>> for IcsExport {
    fn render(&self, report: &ProgressReport) -> String {
        render_ics(report, self.now)
    }
}

/// The hour of the day the events are at, in the learner's offset.
const EVENT_HOUR: u32 = 9;

/// The whole calendar, its lines folded and ended with CRLF.
pub(crate) fn render_ics(report: &ProgressReport, now: Timestamp) -> String {
    let lang = report.lang;
    let stamp = now.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!(
            "PRODID:-//smm-path//smm-path {}//{}",
            env!("CARGO_PKG_VERSION"),
            lang.code().to_uppercase()
        ),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", text(report.title)),
    ];
    for step in report.steps.iter().filter(|step| step.is_open()) {
        let Some(day) = step.due.filter(|day| writable(*day)) else {
            continue;
        };
        let summary = tr(
            lang,
            Key::IcsStepSummary,
            &[("number", &step.number), ("title", &step.title)],
        );
        let uid = format!("{}.{}.due@smm-path", report.roadmap_id, step.id);
        let event = Event {
            uid,
            start: at_nine(day, now),
            summary: &summary,
            about: &step_description(report, step),
        };
        event.push_onto(&mut lines, &stamp);
    }
    if let Some(target) = report.target.filter(|day| writable(*day)) {
        let summary = tr(lang, Key::IcsTargetSummary, &[("title", &report.title)]);
        let summary_counts = &report.summary;
        let about = tr(
            lang,
            Key::IcsTargetAbout,
            &[
                ("done", &summary_counts.done),
                ("total", &summary_counts.counted),
                ("percent", &summary_counts.percent),
            ],
        );
        let uid = format!("{}.target@smm-path", report.roadmap_id);
        let event = Event {
            uid,
            start: at_nine(target, now),
            summary: &summary,
            about: &about,
        };
        event.push_onto(&mut lines, &stamp);
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in &lines {
        fold_into(&mut out, line);
    }
    out
}

/// One event: half an hour from `start`, with its reminder.
struct Event<'a> {
    uid: String,
    start: chrono::DateTime<Utc>,
    summary: &'a str,
    about: &'a str,
}

impl Event<'_> {
    /// Its lines, unfolded; `stamp` is the export's `DTSTAMP`.
    fn push_onto(&self, lines: &mut Vec<String>, stamp: &str) {
        let utc = |at: chrono::DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", self.uid),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART:{}", utc(self.start)),
            format!("DTEND:{}", utc(self.start + TimeDelta::minutes(30))),
            format!("SUMMARY:{}", text(self.summary)),
            format!("DESCRIPTION:{}", text(self.about)),
            "TRANSP:TRANSPARENT".to_string(),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("DESCRIPTION:{}", text(self.summary)),
            // The evening before, at 18:00: time to make room for it.
            "TRIGGER:-PT15H".to_string(),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
}

/// Whether a day has the four-digit year RFC 5545 writes: a day from an
/// imported file may not (`plan` refuses them).
fn writable(day: NaiveDate) -> bool {
    (1970..=9999).contains(&day.year())
}

/// 09:00 on `day` in `now`'s offset, in UTC.
fn at_nine(day: NaiveDate, now: Timestamp) -> chrono::DateTime<Utc> {
    let nine = NaiveTime::from_hms_opt(EVENT_HOUR, 0, 0).unwrap_or(NaiveTime::MIN);
    let local = day.and_time(nine);
    // A day at the edge of what a date can be (from an imported file)
    // stays as it is rather than overflowing.
    let utc = local
        .checked_sub_signed(TimeDelta::seconds(i64::from(
            now.offset().local_minus_utc(),
        )))
        .unwrap_or(local);
    utc.and_utc()
}

/// What a step's event says: its next action, and where to learn it.
fn step_description(report: &ProgressReport, step: &StepReport) -> String {
    let lang = report.lang;
    let mut parts = Vec::new();
    if let Some((number, action)) = step.next_action() {
        parts.push(tr(
            lang,
            Key::IcsNextAction,
            &[
                ("number", &format!("{}.{number}", step.number)),
                ("text", &action.text),
            ],
        ));
    }
    if !step.resources.is_empty() {
        let mut links = vec![format!("{}:", word(lang, Key::LabelResources))];
        for resource in step.resources {
            links.push(format!("{}: {}", resource.title.get(lang), resource.url));
        }
        parts.push(links.join("\n"));
    }
    parts.push(format!("smm-path show {}", step.number));
    parts.join("\n\n")
}

/// A TEXT value: backslashes, commas, semicolons and line breaks escaped
/// (RFC 5545 3.3.11), and any other control character left out, as the
/// format allows none.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for character in value.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            other if other.is_control() => {}
            other => out.push(other),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (RFC 5545 3.1): each further piece
/// on a line of its own that starts with a space, never inside a
/// character's bytes; every line ends with CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut room = 75;
    let mut used = 0;
    for character in line.chars() {
        let size = character.len_utf8();
        if used + size > room {
            out.push_str("\r\n ");
            // The leading space is one of the next line's 75 octets.
            room = 74;
            used = 0;
        }
        out.push(character);
        used += size;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        fold_into(&mut out, &line);
        for piece in out.split("\r\n").filter(|piece| !piece.is_empty()) {
            assert!(piece.len() <= 75, "{piece:?}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_values_escape_what_the_format_gives_a_meaning() {
        assert_eq!(
            text("a,b;c\\d\ne\u{1b}[31m"),
            "a\\,b\\;c\\\\d\\ne[31m".to_string()
        );
    }

    #[test]
    fn nine_in_the_morning_is_written_in_utc() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-05T14:30:00+07:00").unwrap();
        let day = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        assert_eq!(
            at_nine(day, now).format("%Y%m%dT%H%M%SZ").to_string(),
            "20270115T020000Z"
        );
    }
}
