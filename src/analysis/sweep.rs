//! `tepat sweep`: P(on time) against one parameter, every point on the same random numbers.

use serde::Serialize;

use super::{p_all, p_kec, pool, simulate};
use crate::error::{Error, Result};
use crate::lang::{Msg, msg};
use crate::model::compile_issues;
use crate::scenario::{Loaded, ScenarioFile, apply_set, parser_message};
use crate::summary::{Mean, Prob};

/// The most points a sweep may have.
pub const MAX_POINTS: usize = 200;

/// What kind of values a sweep sets.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum ValueKind {
    /// Plain numbers.
    Number,
    /// Durations (`90min`, `12h`, `2d`), set as hours.
    Duration,
    /// Local datetimes with offset (`2024-02-06T08:00+07:00`); values are seconds since the
    /// Unix epoch, written back with the offset of the first value.
    DateTime(#[serde(skip)] chrono::FixedOffset),
}

/// A parsed `--set KEY=FROM..TO:STEP` or `--set KEY=V1,V2,...`.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepSpec {
    /// The change path, as in a strategy's `set`.
    pub key: String,
    /// The values: numbers, hours (durations) or seconds since the epoch (datetimes).
    pub values: Vec<f64>,
    /// Their kind.
    pub kind: ValueKind,
}

/// One value of a sweep: a number, a duration in hours, or a datetime.
enum Token {
    Num(f64),
    Hours(f64),
    Time(chrono::DateTime<chrono::FixedOffset>),
}

fn token(x: &str) -> Option<Token> {
    let x = x.trim();
    if let Ok(v) = x.parse::<f64>() {
        return v.is_finite().then_some(Token::Num(v));
    }
    for (suffix, h) in [("min", 1.0 / 60.0), ("h", 1.0), ("d", 24.0)] {
        if let Some(n) = x.strip_suffix(suffix)
            && let Ok(v) = n.trim().parse::<f64>()
            && v.is_finite()
        {
            return Some(Token::Hours(v * h));
        }
    }
    chrono::DateTime::parse_from_rfc3339(x)
        .or_else(|_| chrono::DateTime::parse_from_str(x, "%Y-%m-%dT%H:%M%:z"))
        .ok()
        .map(Token::Time)
}

/// Parse a sweep specification.
pub fn parse_spec(s: &str) -> Result<SweepSpec> {
    let usage = || Error::Usage(msg!("e885", v = s));
    let (key, spec) = s.split_once('=').ok_or_else(usage)?;
    let kind_of = |t: &Token| match t {
        Token::Num(_) => ValueKind::Number,
        Token::Hours(_) => ValueKind::Duration,
        Token::Time(d) => ValueKind::DateTime(*d.offset()),
    };
    let value_of = |t: &Token| match t {
        Token::Num(v) | Token::Hours(v) => *v,
        Token::Time(d) => d.timestamp() as f64,
    };
    let same =
        |a: ValueKind, b: ValueKind| std::mem::discriminant(&a) == std::mem::discriminant(&b);
    let (values, kind) = if let Some((range, step)) = spec.rsplit_once(':')
        && range.contains("..")
    {
        let (a, b) = range.split_once("..").ok_or_else(usage)?;
        let (a, b) = (token(a).ok_or_else(usage)?, token(b).ok_or_else(usage)?);
        let kind = kind_of(&a);
        if !same(kind, kind_of(&b)) {
            return Err(Error::Usage(msg!("e886", v = s)));
        }
        // The step: a number, or a duration (for durations and datetimes; a plain number is
        // then hours).
        let step = match (token(step).ok_or_else(usage)?, kind) {
            (Token::Num(v), ValueKind::DateTime(_)) | (Token::Hours(v), ValueKind::DateTime(_)) => {
                v * 3600.0
            }
            (Token::Num(v), _) | (Token::Hours(v), _) => v,
            (Token::Time(_), _) => return Err(usage()),
        };
        let (a, b) = (value_of(&a), value_of(&b));
        if step.is_nan() || step <= 0.0 || b < a {
            return Err(Error::Usage(msg!("e887", v = s)));
        }
        // Counted in floating point first: a step of 1e-300 or a range of 1e300 must not
        // wrap a point count (it once became 0, and an empty sweep.csv).
        let span = (b - a) / step;
        if !span.is_finite() || (span + 1e-9).floor() + 1.0 > MAX_POINTS as f64 {
            return Err(Error::Usage(if span.is_finite() {
                msg!(
                    "e888",
                    v = s,
                    count = format!("{:.0}", (span + 1e-9).floor() + 1.0),
                    max = MAX_POINTS
                )
            } else {
                msg!("e888-many", v = s, max = MAX_POINTS)
            }));
        }
        let n = (span + 1e-9).floor() as usize + 1;
        let values: Vec<f64> = (0..n)
            .map(|i| a + i as f64 * step)
            .map(|v| {
                let r = (v * 1e9).round() / 1e9;
                if r.is_finite() { r } else { v }
            })
            .collect();
        if values.windows(2).any(|w| w[1] <= w[0]) {
            return Err(Error::Usage(msg!("e889", v = s)));
        }
        (values, kind)
    } else {
        let toks: Vec<Token> = spec
            .split(',')
            .map(|x| token(x).ok_or_else(usage))
            .collect::<Result<_>>()?;
        if toks.is_empty() || toks.len() > MAX_POINTS {
            return Err(usage());
        }
        let kind = kind_of(&toks[0]);
        if toks.iter().any(|t| !same(kind, kind_of(t))) {
            return Err(Error::Usage(msg!("e890", v = s)));
        }
        (toks.iter().map(value_of).collect(), kind)
    };
    Ok(SweepSpec {
        key: key.trim().to_string(),
        values,
        kind,
    })
}

impl SweepSpec {
    /// Value `v` as written in a scenario: a number, or an RFC 3339 datetime.
    pub fn toml_value(&self, v: f64) -> toml::Value {
        match self.kind {
            ValueKind::DateTime(off) => toml::Value::String(
                chrono::DateTime::from_timestamp(v as i64, 0)
                    .map(|d| {
                        d.with_timezone(&off)
                            .format("%Y-%m-%dT%H:%M:%S%:z")
                            .to_string()
                    })
                    .unwrap_or_default(),
            ),
            _ => toml::Value::Float(v),
        }
    }

    /// Value `v` for people: `2.5`, `12h`, or `2024-02-06 08:00`.
    pub fn label(&self, v: f64) -> String {
        match self.kind {
            ValueKind::Number => format!("{v}"),
            ValueKind::Duration => format!("{v}h"),
            ValueKind::DateTime(off) => chrono::DateTime::from_timestamp(v as i64, 0)
                .map(|d| d.with_timezone(&off).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        }
    }
}

/// One point of a sweep.
#[derive(Debug, Clone, Serialize)]
pub struct SweepPoint {
    /// The parameter value (datetimes: hours from the scenario's start).
    pub value: f64,
    /// The value as written for people.
    pub label: String,
    /// P(every station on time).
    pub all_on_time: Prob,
    /// Expected late stations.
    pub late_stations: Mean,
    /// P(every station of each kecamatan on time), in model order.
    pub kecamatan: Vec<Prob>,
}

/// A sweep's results.
#[derive(Debug, Clone, Serialize)]
pub struct Sweep {
    /// The change path.
    pub key: String,
    /// The scenario's clock, for the time axis of a swept datetime.
    #[serde(skip)]
    pub clock: crate::time::Clock,
    /// Kecamatan names.
    pub kecamatan: Vec<String>,
    /// Points in value order.
    pub points: Vec<SweepPoint>,
    /// Seed.
    pub seed: u64,
    /// Replications per point.
    pub runs: u64,
    /// Scenario name.
    pub scenario: String,
    /// On-time target.
    pub target: f64,
    /// Whether the values are datetimes (hours from the scenario's start).
    pub datetimes: bool,
}

/// The scenario with `key` set to `value` (as an integer where the key takes one). `Err` says
/// why the change cannot be made (a path that names nothing, a value of the wrong type).
pub fn with_value(
    file: &ScenarioFile,
    key: &str,
    value: toml::Value,
) -> std::result::Result<ScenarioFile, Msg> {
    let mut base = file.clone();
    base.strategy.clear();
    base.extends = None;
    let doc = toml::Value::try_from(&base).map_err(|e| Msg::verbatim(e.to_string()))?;
    let try_with = |v: toml::Value| -> std::result::Result<ScenarioFile, Msg> {
        let mut d = doc.clone();
        apply_set(&mut d, key, v)?;
        d.try_into()
            .map_err(|e: toml::de::Error| parser_message(e.message().trim()).0)
    };
    match value {
        toml::Value::Float(v) => match try_with(toml::Value::Float(v)) {
            Ok(f) => Ok(f),
            Err(e) if v.fract() == 0.0 && v.abs() < 1e15 => {
                try_with(toml::Value::Integer(v as i64)).map_err(|_| e)
            }
            Err(e) => Err(e),
        },
        v => try_with(v),
    }
}

/// Run a sweep.
pub fn sweep(
    loaded: &Loaded,
    spec: &SweepSpec,
    seed: u64,
    runs: u64,
    threads: usize,
) -> Result<Sweep> {
    let pool = pool(threads)?;
    let mut points = Vec::new();
    let mut kecamatan = Vec::new();
    let start = crate::time::parse_datetime(&loaded.file.scenario.start)
        .map_err(|_| Error::Usage(msg!("e891", v = &loaded.file.scenario.start)))?;
    // The clock of the scenario as written: the chart's time axis.
    let clock = compile_issues(&loaded.file)
        .map_err(|_| Error::Usage(msg!("e892")))?
        .clock();
    for &v in &spec.values {
        let label = spec.label(v);
        let f = with_value(&loaded.file, &spec.key, spec.toml_value(v))
            .map_err(|m| Error::Usage(msg!("e893", key = &spec.key, value = &label, reason = m)))?;
        let m = compile_issues(&f).map_err(|is| {
            let reason = is
                .into_iter()
                .map(|i| msg!("sweep-issue", path = i.path.to_string(), reason = i.message))
                .reduce(|a, b| msg!("joined", a = a, b = b));
            Error::Usage(msg!(
                "e894",
                key = &spec.key,
                value = &label,
                reason = reason
            ))
        })?;
        kecamatan = m
            .kecamatan
            .iter()
            .map(|&h| m.nodes[h].name.clone())
            .collect();
        let acc = simulate(&pool, &m, seed, runs)?;
        let s = crate::summary::summarise(&m, &acc);
        points.push(SweepPoint {
            value: match spec.kind {
                ValueKind::DateTime(_) => (v - start.timestamp() as f64) / 3600.0,
                _ => v,
            },
            label,
            all_on_time: p_all(&acc),
            late_stations: s.late_stations,
            kecamatan: (0..m.kecamatan.len()).map(|k| p_kec(&acc, k)).collect(),
        });
    }
    Ok(Sweep {
        key: spec.key.clone(),
        clock,
        kecamatan,
        points,
        seed,
        runs,
        scenario: loaded.file.scenario.name.clone(),
        // The baseline's target, as the model sets it (the scenario's, or the default).
        target: crate::model::compile(loaded)?.target,
        datetimes: matches!(spec.kind, ValueKind::DateTime(_)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        let s = parse_spec("link.ferry.vessel.wave_limit_m=1.5..2.5:0.5").unwrap();
        assert_eq!(s.key, "link.ferry.vessel.wave_limit_m");
        assert_eq!(s.values, vec![1.5, 2.0, 2.5]);
        assert_eq!(
            parse_spec("fleet.truck.count=1,2,4").unwrap().values,
            vec![1.0, 2.0, 4.0]
        );
        assert!(parse_spec("x=3..1:1").is_err());
        assert!(parse_spec("x=0..1000:0.001").is_err());
        assert!(parse_spec("nonsense").is_err());
    }

    #[test]
    fn datetime_and_duration_sweeps_parse() {
        let s = parse_spec(
            "node.Rupat.planned_dispatch=2024-02-06T08:00+07:00..2024-02-09T08:00+07:00:12h",
        )
        .unwrap();
        assert_eq!(s.values.len(), 7);
        assert_eq!(s.values[1] - s.values[0], 12.0 * 3600.0);
        assert_eq!(
            s.toml_value(s.values[6]),
            toml::Value::String("2024-02-09T08:00:00+07:00".into())
        );
        assert_eq!(s.label(s.values[0]), "2024-02-06 08:00");
        let l = parse_spec(
            "node.Rupat.planned_dispatch=2024-02-06T08:00:00+07:00,2024-02-07T20:00+07:00",
        )
        .unwrap();
        assert_eq!(l.values[1] - l.values[0], 36.0 * 3600.0);
        let d = parse_spec("node.X.fallback_block_h=2h..1d:6h").unwrap();
        assert_eq!(d.values, vec![2.0, 8.0, 14.0, 20.0]);
        assert_eq!(d.kind, ValueKind::Duration);
        assert_eq!(parse_spec("k=90min,2h").unwrap().values, vec![1.5, 2.0]);
        assert!(parse_spec("k=2024-02-06T08:00+07:00..5:1").is_err());
        assert!(parse_spec("k=1,2h").is_err());
    }
}
