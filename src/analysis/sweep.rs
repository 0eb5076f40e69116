//! `tepat sweep`: P(on time) against one parameter, every point on the same random numbers.

use serde::Serialize;

use super::{p_all, p_kec, pool, simulate};
use crate::error::{Error, Result};
use crate::export::{csv_bytes, p4};
use crate::model::compile_issues;
use crate::scenario::{Loaded, ScenarioFile, apply_set};
use crate::summary::{Mean, Prob};

/// The most points a sweep may have.
pub const MAX_POINTS: usize = 200;

/// A parsed `--set KEY=FROM..TO:STEP` or `--set KEY=V1,V2,...`.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepSpec {
    /// The change path, as in a strategy's `set`.
    pub key: String,
    /// The values.
    pub values: Vec<f64>,
}

/// Parse a sweep specification.
pub fn parse_spec(s: &str) -> Result<SweepSpec> {
    let usage = || {
        Error::Usage(format!(
            "--set '{s}' is not a sweep; write KEY=FROM..TO:STEP (like link.ferry.vessel.wave_limit_m=1.5..3:0.25) or KEY=V1,V2,V3"
        ))
    };
    let (key, spec) = s.split_once('=').ok_or_else(usage)?;
    let num = |x: &str| -> Result<f64> {
        let v: f64 = x.trim().parse().map_err(|_| usage())?;
        if v.is_finite() { Ok(v) } else { Err(usage()) }
    };
    let values = if let Some((range, step)) = spec.split_once(':') {
        let (a, b) = range.split_once("..").ok_or_else(usage)?;
        let (a, b, step) = (num(a)?, num(b)?, num(step)?);
        if step <= 0.0 || b < a {
            return Err(Error::Usage(format!(
                "--set '{s}': need FROM <= TO and a STEP above 0"
            )));
        }
        // Counted in floating point first: a step of 1e-300 or a range of 1e300 must not
        // wrap a point count (it once became 0, and an empty sweep.csv).
        let span = (b - a) / step;
        if !span.is_finite() || (span + 1e-9).floor() + 1.0 > MAX_POINTS as f64 {
            return Err(Error::Usage(format!(
                "--set '{s}' gives {} points; at most {MAX_POINTS}",
                if span.is_finite() {
                    format!("{:.0}", (span + 1e-9).floor() + 1.0)
                } else {
                    "too many".to_string()
                }
            )));
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
            return Err(Error::Usage(format!(
                "--set '{s}': the step is too small to tell the values apart"
            )));
        }
        values
    } else {
        let v: Vec<f64> = spec.split(',').map(num).collect::<Result<_>>()?;
        if v.is_empty() || v.len() > MAX_POINTS {
            return Err(usage());
        }
        v
    };
    Ok(SweepSpec {
        key: key.trim().to_string(),
        values,
    })
}

/// One point of a sweep.
#[derive(Debug, Clone, Serialize)]
pub struct SweepPoint {
    /// The parameter value.
    pub value: f64,
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
}

/// The scenario with `key` set to `value` (as an integer where the key takes one).
pub fn with_value(
    file: &ScenarioFile,
    key: &str,
    value: f64,
) -> std::result::Result<ScenarioFile, String> {
    let mut base = file.clone();
    base.strategy.clear();
    base.extends = None;
    let doc = toml::Value::try_from(&base).map_err(|e| e.to_string())?;
    let try_with = |v: toml::Value| -> std::result::Result<ScenarioFile, String> {
        let mut d = doc.clone();
        apply_set(&mut d, key, v)?;
        d.try_into()
            .map_err(|e: toml::de::Error| e.message().trim().to_string())
    };
    match try_with(toml::Value::Float(value)) {
        Ok(f) => Ok(f),
        Err(e) if value.fract() == 0.0 && value.abs() < 1e15 => {
            try_with(toml::Value::Integer(value as i64)).map_err(|_| e)
        }
        Err(e) => Err(e),
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
    for &v in &spec.values {
        let f = with_value(&loaded.file, &spec.key, v)
            .map_err(|m| Error::Usage(format!("--set {}={v}: {m}", spec.key)))?;
        let m = compile_issues(&f).map_err(|is| {
            Error::Usage(format!(
                "--set {}={v} makes the scenario invalid: {}",
                spec.key,
                is.iter()
                    .map(|i| format!("{}: {}", i.path, i.message))
                    .collect::<Vec<_>>()
                    .join("; ")
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
            value: v,
            all_on_time: p_all(&acc),
            late_stations: s.late_stations,
            kecamatan: (0..m.kecamatan.len()).map(|k| p_kec(&acc, k)).collect(),
        });
    }
    Ok(Sweep {
        key: spec.key.clone(),
        kecamatan,
        points,
        seed,
        runs,
        scenario: loaded.file.scenario.name.clone(),
        target: loaded.file.scenario.target.unwrap_or(0.95),
    })
}

/// `sweep.csv`: one row per point and scope.
pub fn csv(s: &Sweep) -> Result<Vec<u8>> {
    let mut rows = Vec::new();
    for p in &s.points {
        rows.push(vec![
            s.key.clone(),
            format!("{}", p.value),
            "overall".into(),
            p4(p.all_on_time.p),
            p4(p.all_on_time.lo),
            p4(p.all_on_time.hi),
            format!("{:.3}", p.late_stations.mean),
        ]);
        for (k, name) in s.kecamatan.iter().enumerate() {
            let q = p.kecamatan[k];
            rows.push(vec![
                s.key.clone(),
                format!("{}", p.value),
                name.clone(),
                p4(q.p),
                p4(q.lo),
                p4(q.hi),
                String::new(),
            ]);
        }
    }
    csv_bytes(
        &[
            "key",
            "value",
            "scope",
            "p_all_tps_on_time",
            "p_lo",
            "p_hi",
            "expected_late_tps",
        ],
        rows,
    )
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
}
