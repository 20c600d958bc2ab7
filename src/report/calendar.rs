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
pub(crate) fn render_calendar(
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
    // Month names above the week in which each month begins (the first
    // column counts as a beginning). A name is three letters and a space,
    // two weeks wide: when the next month begins one week after the
    // first column, the first column's month gives way, so no month that
    // begins in view goes unnamed.
    let mut labels: Vec<(i64, &str)> = Vec::new();
    for week in 0..WEEKS {
        let monday = first_monday + Duration::weeks(week);
        let month_starts = week == 0 || (monday - Duration::days(7)).month() != monday.month();
        if !month_starts {
            continue;
        }
        if let Some(&(previous, _)) = labels.last()
            && week - previous < 2
        {
            labels.pop();
        }
        labels.push((week, month_short(lang, monday.month0() as usize)));
    }
    let mut header = String::from("    ");
    for (week, name) in labels {
        let column = 4 + 2 * usize::try_from(week).unwrap_or(0);
        let padding = column.saturating_sub(header.chars().count());
        header.push_str(&" ".repeat(padding));
        header.push_str(name);
    }
    out.push_str(header.trim_end());
    out.push('\n');
    for (weekday, name) in (0_i64..).zip(weekdays_short(lang)) {
        out.push_str(&format!("{name:<4}"));
        for week in 0..WEEKS {
            let day = first_monday + Duration::weeks(week) + Duration::days(weekday);
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

    #[test]
    fn every_month_beginning_in_view_is_named_above_its_first_week() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        // From Aug 24: August for one week, then September, October, November.
        let calendar = render_calendar(&BTreeMap::new(), day("2026-11-10"), Lang::En, false);
        let header = calendar.lines().next().unwrap_or_default();
        for month in ["Sep", "Oct", "Nov"] {
            assert!(header.contains(month), "{month} missing: {header}");
        }
        // Sep 7 is the 3rd column, Oct 5 the 7th, Nov 2 the 11th.
        assert_eq!(header.find("Sep"), Some(4 + 2 * 2), "{header}");
        assert_eq!(header.find("Oct"), Some(4 + 2 * 6), "{header}");
        assert_eq!(header.find("Nov"), Some(4 + 2 * 10), "{header}");
        for today in ["2026-01-01", "2026-03-31", "2026-06-15", "2027-02-28"] {
            let calendar = render_calendar(&BTreeMap::new(), day(today), Lang::Id, false);
            let header = calendar.lines().next().unwrap_or_default();
            let names = header.split_whitespace().count();
            assert!((3..=4).contains(&names), "{today}: {header}");
        }
    }
}
