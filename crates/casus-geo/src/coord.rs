//! Coordinates: parsing what people type (`39.8153,46.7519`,
//! `39°48'N 46°45'E`, `39.8 N, 46.75 E`) into a validated latitude and
//! longitude in decimal degrees.

use std::fmt;

/// A point on Earth: latitude in -90..=90, longitude in -180..=180, both finite.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Coord {
    pub lat: f64,
    pub lon: f64,
}

/// Why a coordinate could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoordError {
    #[error("cannot read coordinates {input:?}: {reason}")]
    Unparseable { input: String, reason: String },
    #[error("latitude {value} in {input:?} is outside -90..90")]
    LatitudeOutOfRange { input: String, value: f64 },
    #[error("longitude {value} in {input:?} is outside -180..180")]
    LongitudeOutOfRange { input: String, value: f64 },
    #[error("coordinates {input:?} are not finite numbers (NaN or infinity)")]
    NotFinite { input: String },
}

impl Coord {
    /// A validated point.
    pub fn new(lat: f64, lon: f64) -> Result<Coord, CoordError> {
        let input = format!("{lat},{lon}");
        check(lat, lon, &input)
    }
}

impl fmt::Display for Coord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.4}, {:.4}", self.lat, self.lon)
    }
}

fn check(lat: f64, lon: f64, input: &str) -> Result<Coord, CoordError> {
    if !lat.is_finite() || !lon.is_finite() {
        return Err(CoordError::NotFinite {
            input: input.to_string(),
        });
    }
    if !(-90.0..=90.0).contains(&lat) {
        return Err(CoordError::LatitudeOutOfRange {
            input: input.to_string(),
            value: lat,
        });
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(CoordError::LongitudeOutOfRange {
            input: input.to_string(),
            value: lon,
        });
    }
    Ok(Coord { lat, lon })
}

/// Does `input` look like coordinates rather than a place name? True when it
/// has a digit (or says NaN/inf) and its only letters are hemisphere letters
/// N, S, E, W or the words NaN/inf. Such input is parsed with [`parse`], and
/// a malformed one is an error rather than an unknown place name.
pub fn looks_like_coordinates(input: &str) -> bool {
    let has_digit = input.chars().any(|c| c.is_ascii_digit());
    let mut has_special_word = false;
    for word in input
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_ascii_lowercase();
        match w.as_str() {
            "n" | "s" | "e" | "w" => {}
            "nan" | "inf" | "infinity" => has_special_word = true,
            _ => return false,
        }
    }
    has_digit || has_special_word
}

/// Parse coordinates: decimal `LAT,LON` (`39.8153,46.7519`, `39.8153 46.7519`),
/// with hemisphere letters (`39.8 N, 46.75 E`), or degrees, minutes and
/// seconds (`39°48'N 46°45'E`, `39°48′55″N 46°45′7″E`). Latitude comes first
/// unless hemisphere letters say otherwise.
pub fn parse(input: &str) -> Result<Coord, CoordError> {
    let bad = |reason: &str| CoordError::Unparseable {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    let norm: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '′' | '’' | '‘' | '`' | '´' => '\'',
            '″' | '”' | '“' => '"',
            'º' | '˚' => '°',
            _ => c,
        })
        .collect();
    if norm.is_empty() {
        return Err(bad(
            "nothing given; expected LAT,LON such as 39.8153,46.7519",
        ));
    }
    let (a, b) = split_pair(&norm).ok_or_else(|| {
        bad("expected two values, LAT,LON (e.g. 39.8153,46.7519 or 39°48'N 46°45'E)")
    })?;
    let (va, ha) = component(a).map_err(|r| bad(&r))?;
    let (vb, hb) = component(b).map_err(|r| bad(&r))?;
    let is_lat = |h: Option<char>| matches!(h, Some('N' | 'S'));
    let is_lon = |h: Option<char>| matches!(h, Some('E' | 'W'));
    let (lat, lon) = match (ha, hb) {
        (ha, hb) if (ha.is_none() || is_lat(ha)) && (hb.is_none() || is_lon(hb)) => (va, vb),
        (ha, hb) if is_lon(ha) && (hb.is_none() || is_lat(hb)) => (vb, va),
        (ha, None) if is_lon(ha) => (vb, va),
        _ => {
            return Err(bad(
                "the hemisphere letters do not give one latitude (N/S) and one longitude (E/W)",
            ))
        }
    };
    check(lat, lon, input)
}

/// Split into the two halves: at a single comma or semicolon, else after the
/// first hemisphere letter, else at whitespace between two numbers.
fn split_pair(s: &str) -> Option<(&str, &str)> {
    for sep in [',', ';'] {
        let parts: Vec<&str> = s.split(sep).collect();
        if parts.len() == 2 {
            return Some((parts[0].trim(), parts[1].trim()));
        }
        if parts.len() > 2 {
            return None;
        }
    }
    if let Some(i) = s.find(['N', 'S', 'E', 'W', 'n', 's', 'e', 'w']) {
        // A leading hemisphere letter ("N 39.8 E 46.7") belongs to the first half.
        let first_alpha_at_start = s[..i].trim().is_empty();
        if !first_alpha_at_start {
            let (a, b) = s.split_at(i + 1);
            if !b.trim().is_empty() {
                return Some((a.trim(), b.trim()));
            }
        } else if let Some(j) = s[i + 1..].find(['N', 'S', 'E', 'W', 'n', 's', 'e', 'w']) {
            let (a, b) = s.split_at(i + 1 + j);
            return Some((a.trim(), b.trim()));
        }
    }
    let parts: Vec<&str> = s.split_whitespace().collect();
    match parts.as_slice() {
        [a, b] => Some((a, b)),
        _ => None,
    }
}

/// One value: optional sign, decimal degrees or `D°M'S"`, optional hemisphere
/// letter before or after. Returns the signed value and the hemisphere.
fn component(s: &str) -> Result<(f64, Option<char>), String> {
    if let Ok(v) = s.trim().parse::<f64>() {
        return Ok((v, None));
    }
    let mut body = s.trim().to_string();
    let mut hemi = None;
    for end in [true, false] {
        let c = if end {
            body.chars().last()
        } else {
            body.chars().next()
        };
        if let Some(c) = c.map(|c| c.to_ascii_uppercase()) {
            if matches!(c, 'N' | 'S' | 'E' | 'W') && hemi.is_none() {
                hemi = Some(c);
                body = if end {
                    body[..body.len() - 1].trim().to_string()
                } else {
                    body[1..].trim().to_string()
                };
            }
        }
    }
    if body.is_empty() {
        return Err(format!("{s:?} has no number"));
    }
    let value = if body.contains(['°', '\'', '"']) {
        dms(&body)?
    } else {
        body.parse::<f64>()
            .map_err(|_| format!("{body:?} is not a number"))?
    };
    if let Some(h) = hemi {
        if value.is_sign_negative() && value != 0.0 {
            return Err(format!(
                "{s:?} has both a minus sign and a hemisphere letter"
            ));
        }
        if matches!(h, 'S' | 'W') {
            return Ok((-value, hemi));
        }
    }
    Ok((value, hemi))
}

/// `39°48'55"` (minutes and seconds optional, each below 60).
fn dms(s: &str) -> Result<f64, String> {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.trim()),
        None => (false, s.strip_prefix('+').unwrap_or(s).trim()),
    };
    let mut rest = s;
    let mut parts = [0.0f64; 3];
    for (i, mark) in ['°', '\'', '"'].into_iter().enumerate() {
        if rest.is_empty() {
            break;
        }
        match rest.split_once(mark) {
            Some((num, tail)) => {
                let num = num.trim();
                parts[i] = num
                    .parse::<f64>()
                    .map_err(|_| format!("{num:?} is not a number"))?;
                if !parts[i].is_finite() || parts[i] < 0.0 {
                    return Err(format!(
                        "{num:?} is not a valid count of degrees, minutes or seconds"
                    ));
                }
                rest = tail.trim();
            }
            None if i > 0 => {
                return Err(format!("cannot read {rest:?} after the degrees"));
            }
            None => return Err(format!("{s:?} lacks the degree sign")),
        }
    }
    if !rest.is_empty() {
        return Err(format!("unexpected {rest:?}"));
    }
    if parts[1] >= 60.0 || parts[2] >= 60.0 {
        return Err("minutes and seconds must be below 60".into());
    }
    let v = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
    Ok(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(c: Coord, lat: f64, lon: f64) -> bool {
        (c.lat - lat).abs() < 1e-4 && (c.lon - lon).abs() < 1e-4
    }

    #[test]
    fn decimal_forms() {
        assert!(close(parse("39.8153,46.7519").unwrap(), 39.8153, 46.7519));
        assert!(close(
            parse(" 39.8153 , 46.7519 ").unwrap(),
            39.8153,
            46.7519
        ));
        assert!(close(parse("39.8153 46.7519").unwrap(), 39.8153, 46.7519));
        assert!(close(
            parse("21.3069,-157.8583").unwrap(),
            21.3069,
            -157.8583
        ));
        assert!(close(parse("-33.86; 151.21").unwrap(), -33.86, 151.21));
    }

    #[test]
    fn hemisphere_and_dms_forms() {
        assert!(close(parse("39.8 N, 46.75 E").unwrap(), 39.8, 46.75));
        assert!(close(parse("39.8N 46.75E").unwrap(), 39.8, 46.75));
        assert!(close(parse("39°48'N 46°45'E").unwrap(), 39.8, 46.75));
        assert!(close(
            parse("39°48′55″N 46°45′7″E").unwrap(),
            39.815_28,
            46.751_94
        ));
        assert!(close(parse("21°18'N, 157°51'W").unwrap(), 21.3, -157.85));
        assert!(close(parse("46.75 E, 39.8 N").unwrap(), 39.8, 46.75));
        assert!(close(parse("S 33.86 E 151.21").unwrap(), -33.86, 151.21));
    }

    #[test]
    fn errors_name_the_problem() {
        assert!(matches!(
            parse("91,0"),
            Err(CoordError::LatitudeOutOfRange { .. })
        ));
        assert!(matches!(
            parse("0,181"),
            Err(CoordError::LongitudeOutOfRange { .. })
        ));
        assert!(matches!(parse("NaN,5"), Err(CoordError::NotFinite { .. })));
        assert!(matches!(parse("5,inf"), Err(CoordError::NotFinite { .. })));
        assert!(matches!(
            parse("1,2,3"),
            Err(CoordError::Unparseable { .. })
        ));
        assert!(matches!(
            parse("39°75'N 46°E"),
            Err(CoordError::Unparseable { .. })
        ));
        assert!(matches!(
            parse("39 N, 46 N"),
            Err(CoordError::Unparseable { .. })
        ));
        assert!(matches!(
            parse("-39 S, 46 E"),
            Err(CoordError::Unparseable { .. })
        ));
        assert!(matches!(parse(""), Err(CoordError::Unparseable { .. })));
        let msg = parse("91,0").unwrap_err().to_string();
        assert!(msg.contains("latitude 91"), "{msg}");
    }

    #[test]
    fn coordinates_are_told_from_names() {
        assert!(looks_like_coordinates("39.8,46.7"));
        assert!(looks_like_coordinates("39°48'N 46°45'E"));
        assert!(looks_like_coordinates("NaN,5"));
        assert!(!looks_like_coordinates("Stepanakert"));
        assert!(!looks_like_coordinates("Nuuk"));
        assert!(!looks_like_coordinates("Route 66"));
    }
}
