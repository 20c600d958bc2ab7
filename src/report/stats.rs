//! Pace, streaks and an estimated finish, from the learner's own dates.
//!
//! Pure arithmetic on dates, so every case (no activity, one day of it, a
//! finished roadmap) is tested without a clock or a file.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};

/// What the numbers say about the pace.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pace {
    /// Steps finished per week over the last four weeks, or over the days
    /// since the first activity when that is more recent.
    pub recent_per_week: f64,
    /// The days `recent_per_week` is measured over: [`RECENT_DAYS`], or
    /// fewer for a learner who began less than four weeks ago.
    pub window_days: i64,
    /// The steps finished within that window.
    pub recent_steps: usize,
    /// Steps finished per week since the first activity; `None` before a week has passed.
    pub overall_per_week: Option<f64>,
    /// Consecutive active days up to today (or up to yesterday, when today has none yet).
    pub current_streak: u32,
    pub longest_streak: u32,
    pub estimate: Estimate,
}

/// When the roadmap will be finished at the current pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Estimate {
    /// Nothing left to do.
    Finished,
    /// Too little history to say: steps finished on fewer than two days.
    NotEnoughData,
    On(NaiveDate),
    /// Further away than [`HORIZON_YEARS`]: no date is worth showing.
    BeyondHorizon,
}

/// The furthest estimate worth a date; past it the pace, not a day, is the news.
pub(crate) const HORIZON_YEARS: i64 = 10;

/// How the estimate compares with a target date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetCheck {
    OnTrack {
        days_ahead: i64,
    },
    Behind {
        days_late: i64,
    },
    /// No estimate to compare.
    Unknown,
}

/// The days the recent pace looks back over: four weeks.
pub(crate) const RECENT_DAYS: i64 = 28;

impl Pace {
    /// Whether the numbers rest on less than four weeks of activity, so
    /// that a finish date from them is a first guess (issue 22).
    pub(crate) fn is_early(&self) -> bool {
        self.window_days < RECENT_DAYS
    }
}

/// Computes the pace from the days steps were finished, the days anything
/// changed, today, and how many counted steps are left.
pub(crate) fn pace(
    finished: &[NaiveDate],
    active: &BTreeSet<NaiveDate>,
    today: NaiveDate,
    remaining: usize,
) -> Pace {
    let first = active
        .iter()
        .next()
        .copied()
        .into_iter()
        .chain(finished.iter().min().copied())
        .min();
    // Dates come from files and other devices' clocks: no arithmetic on them may overflow.
    let four_weeks_back = today
        .checked_sub_signed(Duration::days(RECENT_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    // The weeks before the learner began are not weeks of no progress: the
    // window starts at the first activity at the earliest (one from a clock
    // ahead of today's counts as today).
    let recent_start = first.map_or(four_weeks_back, |first| {
        four_weeks_back.max(first.min(today))
    });
    let window_days = (today - recent_start).num_days() + 1;
    let recent = finished
        .iter()
        .filter(|day| **day >= recent_start && **day <= today)
        .count();
    let recent_per_week = recent as f64 * 7.0 / window_days as f64;
    let overall_per_week = first.and_then(|first| {
        let days = (today - first).num_days() + 1;
        (days >= 7).then(|| finished.len() as f64 * 7.0 / days as f64)
    });
    let (current_streak, longest_streak) = streaks(active, today);
    // Everything done in one sitting says nothing about weeks to come.
    let finishing_days: BTreeSet<&NaiveDate> = finished.iter().collect();
    let estimate = if remaining == 0 {
        Estimate::Finished
    } else if finishing_days.len() < 2 {
        Estimate::NotEnoughData
    } else {
        // The recent pace says most about the next weeks; a pause of a month
        // falls back on the long-run pace rather than on "never".
        let per_week = Some(recent_per_week)
            .filter(|pace| *pace > 0.0)
            .or(overall_per_week);
        match per_week.filter(|pace| *pace > 0.0) {
            Some(per_week) => {
                let days = (remaining as f64 / per_week * 7.0).ceil();
                if days > (HORIZON_YEARS * 366) as f64 {
                    Estimate::BeyondHorizon
                } else {
                    // Within the horizon, checked above: the cast cannot cut.
                    #[allow(clippy::cast_possible_truncation)]
                    let days = days as i64;
                    today
                        .checked_add_signed(Duration::days(days))
                        .map_or(Estimate::BeyondHorizon, Estimate::On)
                }
            }
            None => Estimate::NotEnoughData,
        }
    };
    Pace {
        recent_per_week,
        window_days,
        recent_steps: recent,
        overall_per_week,
        current_streak,
        longest_streak,
        estimate,
    }
}

fn streaks(active: &BTreeSet<NaiveDate>, today: NaiveDate) -> (u32, u32) {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for &day in active.iter().filter(|day| **day <= today) {
        run = match previous {
            Some(previous) if day - previous == Duration::days(1) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(day);
    }
    let yesterday = today.pred_opt().unwrap_or(today);
    let current = match previous {
        Some(last) if last == today || last == yesterday => run,
        _ => 0,
    };
    (current, longest)
}

/// Compares the estimate with the target.
pub(crate) fn check_target(estimate: Estimate, target: NaiveDate, today: NaiveDate) -> TargetCheck {
    let finish = match estimate {
        Estimate::Finished => today,
        Estimate::On(day) => day,
        Estimate::NotEnoughData | Estimate::BeyondHorizon => return TargetCheck::Unknown,
    };
    let margin = (target - finish).num_days();
    if margin >= 0 {
        TargetCheck::OnTrack { days_ahead: margin }
    } else {
        TargetCheck::Behind { days_late: -margin }
    }
}

#[cfg(test)]
// Paces of whole steps over whole weeks are exact in binary.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn days(texts: &[&str]) -> Vec<NaiveDate> {
        texts.iter().map(|text| day(text)).collect()
    }

    #[test]
    fn no_activity_says_not_enough_data() {
        let pace = pace(&[], &BTreeSet::new(), day("2026-12-01"), 20);
        assert_eq!(pace.estimate, Estimate::NotEnoughData);
        assert_eq!((pace.current_streak, pace.longest_streak), (0, 0));
        assert_eq!(pace.recent_per_week, 0.0);
        assert_eq!(pace.overall_per_week, None);
    }

    #[test]
    fn one_day_of_activity_is_still_not_enough() {
        let finished = days(&["2026-12-01", "2026-12-01", "2026-12-01"]);
        let active: BTreeSet<_> = days(&["2026-12-01"]).into_iter().collect();
        let pace = pace(&finished, &active, day("2026-12-01"), 17);
        // Three steps in a day would promise the moon; a week is needed for the long run.
        assert_eq!(pace.overall_per_week, None);
        assert_eq!(pace.current_streak, 1);
        assert_eq!(pace.estimate, Estimate::NotEnoughData);
    }

    #[test]
    fn a_1970_clock_and_a_huge_roadmap_give_no_absurd_date_and_no_panic() {
        // A dead clock battery finished two steps in 1970; 9,998 are left.
        let finished = days(&["1970-01-01", "1970-01-02"]);
        let active: BTreeSet<_> = finished.iter().copied().collect();
        let today = day("2026-11-28");
        let pace = pace(&finished, &active, today, 9_998);
        assert_eq!(pace.estimate, Estimate::BeyondHorizon);
        assert_eq!(
            check_target(pace.estimate, day("2027-01-01"), today),
            TargetCheck::Unknown
        );
        // The slowest pace that still gives a date lands within the horizon.
        let recent = days(&["2026-11-02", "2026-11-27"]);
        let pace = super::pace(&recent, &BTreeSet::new(), today, 18);
        let Estimate::On(finish) = pace.estimate else {
            panic!("expected a date, got {:?}", pace.estimate);
        };
        assert!(finish <= day("2036-11-28"), "{finish}");
    }

    #[test]
    fn the_first_and_last_days_of_the_calendar_do_not_overflow() {
        let active: BTreeSet<_> = [NaiveDate::MIN, NaiveDate::MAX].into_iter().collect();
        for today in [NaiveDate::MIN, NaiveDate::MAX] {
            let pace = pace(&[NaiveDate::MIN, NaiveDate::MAX], &active, today, 5);
            assert_ne!(pace.longest_streak, 0);
        }
    }

    #[test]
    fn a_steady_pace_gives_a_finish_date() {
        // Two steps a week for four weeks, eight left: four more weeks.
        let finished = days(&[
            "2026-11-04",
            "2026-11-06",
            "2026-11-11",
            "2026-11-13",
            "2026-11-18",
            "2026-11-20",
            "2026-11-25",
            "2026-11-27",
        ]);
        let active: BTreeSet<_> = finished.iter().copied().collect();
        let today = day("2026-12-01");
        let pace = pace(&finished, &active, today, 8);
        assert_eq!(pace.recent_per_week, 2.0);
        assert_eq!(pace.estimate, Estimate::On(day("2026-12-29")));
        assert_eq!(
            check_target(pace.estimate, day("2027-01-05"), today),
            TargetCheck::OnTrack { days_ahead: 7 }
        );
        assert_eq!(
            check_target(pace.estimate, day("2026-12-20"), today),
            TargetCheck::Behind { days_late: 9 }
        );
    }

    #[test]
    fn the_window_starts_at_the_first_activity() {
        let finished = days(&["2026-12-01", "2026-12-03", "2026-12-05"]);
        let active: BTreeSet<_> = finished.iter().copied().collect();
        let pace = pace(&finished, &active, day("2026-12-07"), 17);
        assert_eq!((pace.window_days, pace.recent_per_week), (7, 3.0));
        assert!(pace.is_early());
        assert_eq!(pace.estimate, Estimate::On(day("2027-01-16")));
        // Changes dated ahead of today (another device's clock) give a
        // window of one day, not a negative one.
        let ahead: BTreeSet<_> = days(&["2027-01-01"]).into_iter().collect();
        let pace = super::pace(&finished, &ahead, day("2026-12-07"), 17);
        assert_eq!(pace.window_days, 7);
        let pace = super::pace(&[], &ahead, day("2026-12-07"), 17);
        assert_eq!(pace.window_days, 1);
    }

    #[test]
    fn streaks_count_consecutive_active_days() {
        let active: BTreeSet<_> = days(&[
            "2026-11-01",
            "2026-11-02",
            "2026-11-03",
            "2026-11-10",
            "2026-11-29",
            "2026-11-30",
        ])
        .into_iter()
        .collect();
        assert_eq!(streaks(&active, day("2026-12-01")), (2, 3));
        assert_eq!(streaks(&active, day("2026-12-02")), (0, 3));
    }

    #[test]
    fn a_finished_roadmap_is_finished() {
        let finished = days(&["2026-11-01", "2026-11-02"]);
        let pace = pace(&finished, &BTreeSet::new(), day("2026-12-01"), 0);
        assert_eq!(pace.estimate, Estimate::Finished);
        assert_eq!(
            check_target(pace.estimate, day("2026-12-10"), day("2026-12-01")),
            TargetCheck::OnTrack { days_ahead: 9 }
        );
    }
}
