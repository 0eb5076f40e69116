//! `[[zone]]`: weather zones, their states and chains, and which zone follows which.

use std::collections::HashMap;

use super::check::{Ck, Index, NAME_HELP, name_problem};
use super::{MAX_STATES, MAX_WEATHER_STEPS, MIN_STEP_H, SUM_TOLERANCE};
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
            format!(
                "the zones have {weather_steps:.0} weather steps over the horizon together; at most {MAX_WEATHER_STEPS:.0} are simulated"
            ),
            Some("use longer steps (step_h), fewer zones or a shorter horizon_days"),
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
            format!(
                "step_h is {step} h; the shortest weather step is one minute ({MIN_STEP_H:.4} h)"
            ),
            Some("step_h is in hours: write 6 for four steps a day"),
        );
    }
    let n = z.states.len();
    if n == 0 {
        ck.err(zp.key("states"), "a zone needs at least one state", None);
    }
    if n > MAX_STATES {
        ck.err(
            zp.key("states"),
            format!("{n} weather states; a zone may have at most {MAX_STATES}"),
            None,
        );
    }
    let states = states(ck, &zp, z);
    let initial_cdf = cdf(ck, zp.key("initial"), &z.initial, "initial", n);
    if z.transition.len() != n {
        ck.err(
            zp.key("transition"),
            format!(
                "transition has {} rows but the zone has {n} states",
                z.transition.len()
            ),
            Some("give one row per state"),
        );
    }
    let trans_cdf = z
        .transition
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let what = format!("transition row {r}");
            cdf(ck, zp.key("transition").index(r), row, &what, n)
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
            ck.err(p.key("name"), problem, Some(NAME_HELP));
        }
        if seen.insert(s.name.clone(), j).is_some() {
            ck.err(
                p.key("name"),
                format!("state '{}' appears twice in zone '{}'", s.name, z.name),
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
fn cdf(ck: &mut Ck, path: KeyPath, row: &[f64], what: &str, n: usize) -> Vec<f64> {
    if row.len() != n {
        ck.err(
            path.clone(),
            format!(
                "{what} has {} entries but the zone has {n} states",
                row.len()
            ),
            Some("give one probability per state, in the order of `states`"),
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
            format!("{what} sums to {acc}, not 1 (tolerance {SUM_TOLERANCE})"),
            Some("make the probabilities add up to exactly 1"),
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
        ck.err(p.key("zone"), "a zone cannot follow itself", None);
        return None;
    }
    if f.zone[l].follow.is_some() {
        ck.err(
            p.key("zone"),
            format!(
                "zone '{}' follows another zone itself; a leader must not follow",
                fo.zone
            ),
            Some("let every follower follow the same top-level leader"),
        );
        return None;
    }
    if (f.zone[l].step_h - z.step_h).abs() > 1e-9 {
        ck.err(
            p.key("zone"),
            format!(
                "zone '{}' steps every {} h but its leader '{}' every {} h",
                z.name, z.step_h, fo.zone, f.zone[l].step_h
            ),
            Some("give a follower the same step_h as its leader"),
        );
        return None;
    }
    let mut map = Vec::new();
    for ls in &f.zone[l].states {
        match z.states.iter().position(|s| s.name == ls.name) {
            Some(j) => map.push(j),
            None => {
                ck.err(p.key("zone"), format!("leader state '{}' of zone '{}' has no state of the same name in zone '{}'", ls.name, fo.zone, z.name), Some("a follower copies its leader's state by name, so it needs a state for each of the leader's"));
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
