//! Calendar arithmetic for the timestamps in generated records (proleptic Gregorian, UTC).

/// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
#[cfg(test)]
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day count since 1970-01-01 (`civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Unix seconds as an RFC 3339 date-time in UTC: `2021-03-04T05:06:07Z`.
pub fn rfc3339_utc(unix: i64) -> String {
    rfc3339_with_offset(unix, 0)
}

/// Unix seconds as an RFC 3339 date-time in local time at a fixed UTC offset (minutes east of
/// UTC): `2021-03-04T07:06:07+02:00`. An offset of zero is written `Z`.
pub fn rfc3339_with_offset(unix: i64, offset_minutes: i32) -> String {
    let local = unix + i64::from(offset_minutes) * 60;
    let (y, mo, d) = civil_from_days(local.div_euclid(86_400));
    let secs = local.rem_euclid(86_400);
    let (h, mi, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    let offset = if offset_minutes == 0 {
        "Z".to_owned()
    } else {
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let abs = offset_minutes.unsigned_abs();
        format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
    };
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{offset}")
}

/// The UTC calendar date of unix seconds: `2021-03-04`.
pub fn date_utc(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for days in [-719_468, -1, 0, 1, 11_016, 18_690, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn formats() {
        // 2021-03-04T05:06:07Z
        let t = days_from_civil(2021, 3, 4) * 86_400 + 5 * 3600 + 6 * 60 + 7;
        assert_eq!(t, 1_614_834_367);
        assert_eq!(rfc3339_utc(t), "2021-03-04T05:06:07Z");
        assert_eq!(rfc3339_with_offset(t, 120), "2021-03-04T07:06:07+02:00");
        assert_eq!(rfc3339_with_offset(t, -330), "2021-03-03T23:36:07-05:30");
        assert_eq!(date_utc(t), "2021-03-04");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
    }
}
