//! The last 12 weeks of activity as a grid of days, like a contribution graph.

use std::collections::BTreeMap;

use anstyle::{AnsiColor, Style};
use chrono::{Datelike, Duration, NaiveDate};

use crate::i18n::{Key, Lang, month_short, weekdays_short, word};

const WEEKS: i64 = 12;
const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];

fn shade(changes: usize) -> char {
    SHADES[changes.min(SHADES.len() - 1)]
}

/// Rows are weekdays (Monday first), columns weeks, the last one this week;
/// each day is shaded by how many changes it saw.
pub fn render_calendar(
    changes_per_day: &BTreeMap<NaiveDate, usize>,
    today: NaiveDate,
    lang: Lang,
    color: bool,
) -> String {
    let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let first_monday = this_monday - Duration::weeks(WEEKS - 1);
    let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
    let paint = |glyph: char, changes: usize| {
        if color && changes > 0 {
            format!("{green}{glyph}{green:#}")
        } else {
            glyph.to_string()
        }
    };

    let mut out = String::new();
    // Month names above the week in which each month begins.
    let mut header = String::from("    ");
    let mut week = 0;
    while week < WEEKS {
        let monday = first_monday + Duration::weeks(week);
        let month_starts = week == 0 || (monday - Duration::days(7)).month() != monday.month();
        if month_starts {
            let name = month_short(lang, monday.month0() as usize);
            header.push_str(&format!("{name:<6}"));
            week += 3;
        } else {
            header.push_str("  ");
            week += 1;
        }
    }
    out.push_str(header.trim_end());
    out.push('\n');
    for (weekday, name) in weekdays_short(lang).iter().enumerate() {
        out.push_str(&format!("{name:<4}"));
        for week in 0..WEEKS {
            let day = first_monday + Duration::weeks(week) + Duration::days(weekday as i64);
            if day > today {
                break;
            }
            let changes = changes_per_day.get(&day).copied().unwrap_or(0);
            out.push_str(&paint(shade(changes), changes));
            out.push(' ');
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    let legend: Vec<String> = SHADES
        .iter()
        .enumerate()
        .map(|(level, glyph)| paint(*glyph, level))
        .collect();
    out.push_str(&format!(
        "    {} {} {}",
        word(lang, Key::CalendarLegend),
        legend.join(" "),
        word(lang, Key::CalendarLegendMore)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_shaded_by_their_changes() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let mut changes = BTreeMap::new();
        changes.insert(day("2026-12-02"), 1); // a Wednesday
        changes.insert(day("2026-12-03"), 7);
        let calendar = render_calendar(&changes, day("2026-12-03"), Lang::En, false);
        let rows: Vec<&str> = calendar.lines().collect();
        assert_eq!(rows.len(), 9, "{calendar}");
        assert!(
            rows[3].starts_with("Wed ") && rows[3].ends_with('░'),
            "{calendar}"
        );
        assert!(
            rows[4].starts_with("Thu ") && rows[4].ends_with('█'),
            "{calendar}"
        );
        // Friday has not come yet this week: its row is a week shorter.
        assert_eq!(
            rows[5].chars().filter(|c| *c == '·').count(),
            11,
            "{calendar}"
        );
        assert!(!calendar.contains('\u{1b}'));
    }
}
