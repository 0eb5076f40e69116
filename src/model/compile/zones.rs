//! `[[zone]]`: weather zones, their states and chains, and which zone follows which.

use std::collections::HashMap;

use super::check::{Ck, Index, name_help, name_problem};
use super::{MAX_STATES, MAX_WEATHER_STEPS, MIN_STEP_H, SUM_TOLERANCE};
use crate::lang::{Msg, msg};
use crate::model::source_key as key;
use crate::model::{State, Zone};
use crate::scenario::{self, KeyPath, ScenarioFile};

/// Check and compile the zones, in file order (see [`leaders_first`] for the model's order).
pub(super) fn zones(ck: &mut Ck, f: &ScenarioFile, horizon: f64) -> (Vec<Zone>, Index) {
    let root = KeyPath::root();
    let index = Index::new(ck, "zone", f.zone.iter().map(|z| z.name.as_str()));
    let mut zones: Vec<Zone> = f
        .zone
        .iter()
        .enumerate()
        .map(|(i, z)| zone(ck, root.key("zone").index(i), z))
        .collect();
    let weather_steps: f64 = zones.iter().map(|z| horizon / z.step.max(MIN_STEP_H)).sum();
    if weather_steps > MAX_WEATHER_STEPS {
        ck.err(
            root.key("zone"),
            msg!(
                "e208",
                n = format!("{weather_steps:.0}"),
                max = format!("{MAX_WEATHER_STEPS:.0}")
            ),
            Some(msg!("e208-help")),
        );
    }
    for (i, z) in f.zone.iter().enumerate() {
        if let Some(fo) = &z.follow {
            let p = root.key("zone").index(i).key("follow");
            zones[i].follow = follow(ck, f, &index, p, i, fo);
        }
    }
    (zones, index)
}

/// One zone, without its leader.
fn zone(ck: &mut Ck, zp: KeyPath, z: &scenario::Zone) -> Zone {
    let step = ck.positive(zp.key("step_h"), z.step_h, "step_h");
    if step < MIN_STEP_H {
        ck.err(
            zp.key("step_h"),
            msg!(
                "e201",
                step = step,
                min = crate::lang::MsgArg::Num(format!("{MIN_STEP_H:.4}").parse().unwrap_or(0.0))
            ),
            Some(msg!("e201-help")),
        );
    }
    let n = z.states.len();
    if n == 0 {
        ck.err(zp.key("states"), msg!("e202"), None);
    }
    if n > MAX_STATES {
        ck.err(
            zp.key("states"),
            msg!("e203", n = n, max = MAX_STATES),
            None,
        );
    }
    let states = states(ck, &zp, z);
    let initial_cdf = cdf(
        ck,
        zp.key("initial"),
        &z.initial,
        Msg::verbatim("initial"),
        n,
    );
    if z.transition.len() != n {
        ck.err(
            zp.key("transition"),
            msg!("e207", rows = z.transition.len(), n = n),
            Some(msg!("e207-help")),
        );
    }
    let trans_cdf = z
        .transition
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let what = msg!("transition-row", r = r);
            cdf(ck, zp.key("transition").index(r), row, what, n)
        })
        .collect();
    Zone {
        name: z.name.clone(),
        key: key(&format!("zone:{}", z.name)),
        step,
        states,
        initial_cdf,
        trans_cdf,
        follow: None,
    }
}

/// The weather states of a zone.
fn states(ck: &mut Ck, zp: &KeyPath, z: &scenario::Zone) -> Vec<State> {
    let mut states = Vec::new();
    let mut seen = HashMap::new();
    for (j, s) in z.states.iter().enumerate() {
        let p = zp.key("states").index(j);
        if let Some(problem) = name_problem(&s.name) {
            ck.err(p.key("name"), problem, Some(name_help()));
        }
        if seen.insert(s.name.clone(), j).is_some() {
            ck.err(
                p.key("name"),
                msg!("e204", state = &s.name, zone = &z.name),
                None,
            );
        }
        let wave_m = ck.nonneg(p.key("wave_m"), s.wave_m, "wave_m");
        let mut factor = |key: &str, v: Option<f64>, positive: bool| {
            ck.factor(p.key(key), v.unwrap_or(1.0), key, positive)
        };
        let sail_factor = factor("sail_factor", s.sail_factor, true);
        let road_factor = factor("road_factor", s.road_factor, true);
        let disruption_factor = factor("disruption_factor", s.disruption_factor, false);
        let damage_factor = factor("damage_factor", s.damage_factor, false);
        states.push(State {
            name: s.name.clone(),
            wave_m,
            sail_factor,
            road_factor,
            disruption_factor,
            damage_factor,
        });
    }
    states
}

/// A probability row (one entry per state, summing to 1) as a cumulative distribution whose
/// last entry is exactly 1.
fn cdf(ck: &mut Ck, path: KeyPath, row: &[f64], what: Msg, n: usize) -> Vec<f64> {
    if row.len() != n {
        ck.err(
            path.clone(),
            msg!("e205", what = what.clone(), entries = row.len(), n = n),
            Some(msg!("e205-help")),
        );
    }
    let mut acc = 0.0;
    let mut out = Vec::with_capacity(row.len());
    for (k, &p) in row.iter().enumerate() {
        acc += ck.prob(path.index(k), p);
        out.push(acc);
    }
    if (acc - 1.0).abs() > SUM_TOLERANCE && row.len() == n {
        ck.err(
            path,
            msg!("e206", what = what, sum = acc, tol = SUM_TOLERANCE),
            Some(msg!("e206-help")),
        );
    }
    if let Some(last) = out.last_mut() {
        *last = 1.0;
    }
    out
}

/// `zone.follow`: the leader (a top-level zone with the same step), the copy probability,
/// and for each leader state the follower's state of the same name.
fn follow(
    ck: &mut Ck,
    f: &ScenarioFile,
    index: &Index,
    p: KeyPath,
    i: usize,
    fo: &scenario::Follow,
) -> Option<(usize, f64, Vec<usize>)> {
    let z = &f.zone[i];
    let prob = ck.prob(p.key("probability"), fo.probability);
    let l = index.find(ck, p.key("zone"), "zone", &fo.zone)?;
    if l == i {
        ck.err(p.key("zone"), msg!("e209"), None);
        return None;
    }
    if f.zone[l].follow.is_some() {
        ck.err(
            p.key("zone"),
            msg!("e210", zone = &fo.zone),
            Some(msg!("e210-help")),
        );
        return None;
    }
    if (f.zone[l].step_h - z.step_h).abs() > 1e-9 {
        ck.err(
            p.key("zone"),
            msg!(
                "e211",
                zone = &z.name,
                step = z.step_h,
                leader = &fo.zone,
                leader_step = f.zone[l].step_h
            ),
            Some(msg!("e211-help")),
        );
        return None;
    }
    let mut map = Vec::new();
    for ls in &f.zone[l].states {
        match z.states.iter().position(|s| s.name == ls.name) {
            Some(j) => map.push(j),
            None => {
                ck.err(
                    p.key("zone"),
                    msg!("e212", state = &ls.name, leader = &fo.zone, zone = &z.name),
                    Some(msg!("e212-help")),
                );
                break;
            }
        }
    }
    (map.len() == f.zone[l].states.len()).then_some((l, prob, map))
}

/// Reorder zones so that leaders come before their followers; returns the zones and, for each
/// old index, its new index.
pub(super) fn leaders_first(zones: Vec<Zone>) -> (Vec<Zone>, Vec<usize>) {
    let n = zones.len();
    let mut order: Vec<usize> = (0..n).filter(|&i| zones[i].follow.is_none()).collect();
    order.extend((0..n).filter(|&i| zones[i].follow.is_some()));
    let mut pos = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        pos[old] = new;
    }
    let mut slots: Vec<Option<Zone>> = zones.into_iter().map(Some).collect();
    let out = order
        .iter()
        .map(|&i| slots[i].take().expect("each zone once"))
        .collect();
    (out, pos)
}
