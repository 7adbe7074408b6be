//! Times as people read them: a stored time (RFC 3339, UTC) shown in the local time zone.
//! Files, JSON and reports keep UTC.

/// A stored time (RFC 3339, UTC) as a person reads it: in the local time zone (`TZ`, else the
/// system's), to the minute, with the zone's name: `2026-11-21 11:00 CET`. Files keep UTC;
/// only what is shown is local. Text that is not such a time is given back as it is.
pub fn local_time(rfc3339: &str) -> String {
    time_in(rfc3339, &jiff::tz::TimeZone::system())
}

/// [`local_time`] in a given zone.
fn time_in(rfc3339: &str, zone: &jiff::tz::TimeZone) -> String {
    match rfc3339.parse::<jiff::Timestamp>() {
        Ok(t) => t
            .to_zoned(zone.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string(),
        Err(_) => rfc3339.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Times are shown in the local zone, with its name, to the minute; other text is kept.
    #[test]
    fn stored_times_are_shown_in_local_time() {
        let berlin = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
        assert_eq!(
            time_in("2026-11-21T10:00:00Z", &berlin),
            "2026-11-21 11:00 CET"
        );
        assert_eq!(
            time_in("2026-07-01T10:00:00Z", &berlin),
            "2026-07-01 12:00 CEST"
        );
        assert_eq!(
            time_in("2026-11-21T10:00:00Z", &jiff::tz::TimeZone::UTC),
            "2026-11-21 10:00 UTC"
        );
        assert_eq!(time_in("yesterday", &berlin), "yesterday");
    }
}
