//! Reading timestamps fast: a large state holds tens of thousands of them.
//!
//! smm-path writes every timestamp as `YYYY-MM-DDTHH:MM:SS+HH:MM` (or `Z`);
//! reading that exact shape by hand is about ten times cheaper than chrono's
//! general RFC 3339 parser, which stays the fallback for anything else a
//! person may have typed.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::{Deserialize, Deserializer, Serializer};

use super::Timestamp;

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

/// The shape smm-path writes, or `None` for anything else.
fn parse_common_shape(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if b.len() < 20 || separators.iter().any(|&(index, byte)| b[index] != byte) {
        return None;
    }
    let offset_seconds = match (b.len(), b[19]) {
        (20, b'Z') => 0,
        (25, sign @ (b'+' | b'-')) if b[22] == b':' => {
            let seconds = (digits(&b[20..22])? * 60 + digits(&b[23..25])?) * 60;
            let seconds = i32::try_from(seconds).ok()?;
            if sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    let year = i32::try_from(digits(&b[0..4])?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)?;
    let time = date.and_hms_opt(
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    )?;
    FixedOffset::east_opt(offset_seconds)?
        .from_local_datetime(&time)
        .single()
}

/// Parses RFC 3339, taking the fast road when the text has smm-path's own shape.
pub(crate) fn parse(text: &str) -> Option<Timestamp> {
    parse_common_shape(text).or_else(|| DateTime::parse_from_rfc3339(text).ok())
}

/// Writes smm-path's own shape by hand (chrono's general formatter costs
/// more than the rest of a large snapshot's serialising); a time with a
/// fraction of a second, which only a hand edit makes, goes through chrono.
pub(crate) fn format(value: &Timestamp) -> String {
    use chrono::{Datelike, Offset, Timelike};
    let year = value.year();
    if value.nanosecond() != 0 || !(0..=9999).contains(&year) {
        return value.to_rfc3339();
    }
    let offset = value.offset().fix().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs();
    let mut text = String::with_capacity(25);
    let two = |text: &mut String, value: u32| {
        text.push(char::from(b'0' + (value / 10 % 10) as u8));
        text.push(char::from(b'0' + (value % 10) as u8));
    };
    two(&mut text, year.unsigned_abs() / 100);
    two(&mut text, year.unsigned_abs() % 100);
    text.push('-');
    two(&mut text, value.month());
    text.push('-');
    two(&mut text, value.day());
    text.push('T');
    two(&mut text, value.hour());
    text.push(':');
    two(&mut text, value.minute());
    text.push(':');
    two(&mut text, value.second());
    text.push(sign);
    two(&mut text, offset / 3600);
    text.push(':');
    two(&mut text, offset / 60 % 60);
    text
}

/// A time as the binary caches hold it: seconds since 1970, nanoseconds,
/// and the offset in seconds. Reading a million of these costs a fraction
/// of reading their text.
pub(crate) type Binary = (i64, u32, i32);

pub(crate) fn to_binary(value: &Timestamp) -> Binary {
    use chrono::Offset;
    (
        value.timestamp(),
        value.timestamp_subsec_nanos(),
        value.offset().fix().local_minus_utc(),
    )
}

/// The time [`to_binary`] gave, or `None` for numbers no time has, or
/// that the text form would not give back the same (an offset with
/// seconds, a leap second, a year past 9999): a cache holds nothing its
/// YAML could not.
pub(crate) fn from_binary((seconds, nanoseconds, offset): Binary) -> Option<Timestamp> {
    use chrono::Datelike;
    if offset % 60 != 0 || nanoseconds >= 1_000_000_000 {
        return None;
    }
    let time = FixedOffset::east_opt(offset)?
        .timestamp_opt(seconds, nanoseconds)
        .single()?;
    (0..=9999).contains(&time.year()).then_some(time)
}

/// Text for people (YAML, JSON), [`Binary`] for the caches.
pub(crate) fn serialize<S: Serializer>(
    value: &Timestamp,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        serializer.serialize_str(&format(value))
    } else {
        serde::Serialize::serialize(&to_binary(value), serializer)
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Timestamp, D::Error> {
    if !deserializer.is_human_readable() {
        let binary = Binary::deserialize(deserializer)?;
        return from_binary(binary)
            .ok_or_else(|| serde::de::Error::custom("not a time smm-path wrote"));
    }
    let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{text}` is not an RFC 3339 time, like 2026-03-14T09:30:00+07:00"
        ))
    })
}

/// The same, for optional fields.
pub(crate) mod optional {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Timestamp>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        struct Wrapped<'a>(&'a Timestamp);
        impl serde::Serialize for Wrapped<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                super::serialize(self.0, serializer)
            }
        }
        match value {
            Some(value) => serializer.serialize_some(&Wrapped(value)),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Timestamp>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(deserialize_with = "super::deserialize")] Timestamp);
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(value)| value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_road_agrees_with_chrono() {
        for text in [
            "2026-12-05T14:30:00+07:00",
            "2026-01-01T00:00:00Z",
            "1999-12-31T23:59:59-09:30",
            "2024-02-29T12:00:00+00:00",
        ] {
            assert_eq!(
                parse_common_shape(text),
                DateTime::parse_from_rfc3339(text).ok(),
                "{text}"
            );
        }
        for text in [
            "2026-02-30T10:00:00Z",
            "2026-12-05 14:30:00Z",
            "2026-12-05T14:30:00+0700",
            "x",
        ] {
            assert_eq!(parse_common_shape(text), None, "{text}");
        }
        for text in [
            "2026-12-05T14:30:00+07:00",
            "1970-01-01T00:00:00+00:00",
            "1999-12-31T23:59:59-09:30",
        ] {
            let parsed = DateTime::parse_from_rfc3339(text).unwrap();
            assert_eq!(format(&parsed), text);
            assert_eq!(format(&parsed), parsed.to_rfc3339());
        }
        // The caches' form gives back the same time, and refuses what the
        // text could not hold.
        for text in ["2026-12-05T14:30:00+07:00", "2026-12-05T14:30:00.25-09:30"] {
            let parsed = DateTime::parse_from_rfc3339(text).unwrap();
            assert_eq!(from_binary(to_binary(&parsed)), Some(parsed));
        }
        let (seconds, _, _) =
            to_binary(&DateTime::parse_from_rfc3339("2026-12-05T14:30:00Z").unwrap());
        assert_eq!(from_binary((seconds, 0, 7 * 3600 + 30)), None);
        assert_eq!(from_binary((seconds, 1_000_000_000, 0)), None);
        assert_eq!(from_binary((300_000_000_000, 0, 0)), None);
        // Other valid RFC 3339 forms still parse, through chrono.
        assert!(parse("2026-12-05T14:30:00.123456+07:00").is_some());
        assert!(parse("2026-12-05t14:30:00z").is_some());
    }
}
