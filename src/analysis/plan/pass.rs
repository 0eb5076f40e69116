//! The one pass of `tepat plan`: in every replication, the latest dispatch of each planned
//! consignment at which every TPS below it is still on time (the law is in the documentation
//! of [`super`]), and why the kecamatan that no dispatch saves are late.

use rayon::prelude::*;

use super::Measure;
use crate::engine::Scratch;
use crate::engine::accum::attribute;
use crate::model::{Model, N_CAUSES, cause};

/// A consignment whose dispatch is planned.
pub(super) struct Subject {
    /// The node that the consignment goes to.
    pub(super) node: usize,
    /// Its kecamatan.
    pub(super) kec: usize,
    /// Whether it is the kecamatan's hub (PPK).
    pub(super) hub: bool,
    /// As of a time: the consignment is reported departed or arrived; its dispatch is not
    /// planned, and a replication counts only if it keeps the TPS below it on time.
    pub(super) fixed: bool,
}

/// Nodes with every supplier before the nodes it supplies.
fn topological(m: &Model) -> Vec<usize> {
    let mut out: Vec<usize> = m.depots.clone();
    let mut i = 0;
    while i < out.len() {
        let n = out[i];
        out.extend(m.nodes[n].children.iter().copied());
        i += 1;
    }
    out
}

/// The latest `t` in `[lo, hi]` with `ok(t)`, to a minute, given `ok(lo)` and not `ok(hi)`.
fn bisect(lo: f64, hi: f64, mut ok: impl FnMut(f64) -> bool) -> f64 {
    let (mut lo, mut hi) = (lo, hi);
    while hi - lo > 1.0 / 60.0 {
        let mid = 0.5 * (lo + hi);
        if ok(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

/// What one replication tells the plan.
struct RepOut {
    /// Per subject: the latest dispatch (−∞: no dispatch time saves it; +∞: no constraint).
    latest: Vec<f64>,
    /// Per kecamatan that no dispatch saves in this replication: the late-TPS hours by cause,
    /// and the critical link of each late TPS.
    stuck: Vec<(usize, [f64; N_CAUSES], Vec<u32>)>,
}

/// The one pass: every subject's latest dispatch in every replication.
pub(super) struct OnePass {
    /// The consignments planned.
    pub(super) subjects: Vec<Subject>,
    /// `latest[j * runs + r]`.
    latest: Vec<f64>,
    /// Replications.
    pub(super) runs: usize,
    /// Per kecamatan: late-TPS hours by cause and critical-link counts, where stuck.
    pub(super) stuck_causes: Vec<[f64; N_CAUSES]>,
    /// Per kecamatan and link: replications where the link was critical, where stuck.
    pub(super) stuck_links: Vec<Vec<u64>>,
}

/// The latest dispatch of every node in this replication (already simulated in `s`), leaves
/// first: −∞ where no dispatch time keeps the measure, +∞ where nothing constrains it.
fn latest_dispatches(
    m: &Model,
    measure: Measure,
    order: &[usize],
    s: &mut Scratch,
    lat: &mut [f64],
    miles: &mut Vec<(f64, f64)>,
) {
    for &i in order.iter().rev() {
        let n = &m.nodes[i];
        if n.kec.is_none() || n.supplier.is_none() {
            lat[i] = f64::INFINITY;
            continue;
        }
        let mut reach = f64::INFINITY;
        // As of a time: a consignment reported departed or arrived has no dispatch to plan;
        // it keeps its TPS on time in this replication or it does not.
        let seen = m.observed.as_deref().is_some_and(|o| o.node[i].is_some());
        let mut own_ok = true;
        match measure {
            Measure::Ppk => {
                if m.kecamatan[n.kec.unwrap_or(0)] != i {
                    lat[i] = f64::INFINITY;
                    continue;
                }
                if let Some(d) = n.deadline {
                    reach = d;
                }
            }
            Measure::Tps => {
                if seen {
                    let (first, count) = n.stations;
                    own_ok = !s.station_late[first..first + count].iter().any(|&l| l);
                } else if n.stations.1 > 0
                    && let Some(d) = n.station_deadline
                {
                    s.last_miles(m, i, miles);
                    let longest = miles.iter().map(|&(l, x)| l + x).fold(0.0, f64::max);
                    reach = reach.min(d - longest);
                }
                let h = s.handling_h(i);
                for &c in &n.children {
                    if m.nodes[c].kec == n.kec {
                        reach = reach.min(lat[c] - h);
                    }
                }
            }
        }
        if seen {
            lat[i] = if own_ok && s.arrival[i] <= reach {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            };
            continue;
        }
        lat[i] = if reach == f64::INFINITY {
            f64::INFINITY
        } else if reach == f64::NEG_INFINITY {
            f64::NEG_INFINITY
        } else {
            // The hub leaves no earlier than its materials are ready at the
            // depot; a village is bounded below by time 0 (its supplier's
            // constraint is its own).
            let lo = if m.kecamatan[n.kec.unwrap_or(0)] == i {
                let p = n.supplier.unwrap_or(0);
                s.arrival[p] + s.handling_h(p)
            } else {
                0.0
            };
            // As of a time: not before the as-of time (nor a fleet's return).
            let lo = match m.observed.as_deref() {
                Some(o) => lo.max(o.earliest(m, i)),
                None => lo,
            };
            // The escort wait of the plan as it stands is assumed to move with
            // the dispatch (checked by simulating the whole plan below).
            let w = s.escort_wait_h(i);
            let mut ok = |t: f64| s.arrival_if_dispatched(m, i, t + w) <= reach;
            if !lo.is_finite() || !ok(lo) {
                f64::NEG_INFINITY
            } else if ok(reach) {
                reach
            } else {
                bisect(lo, reach, ok)
            }
        };
    }
}

/// The kecamatan that no dispatch time saves in this replication (`lat` of its hub −∞): the
/// late hours of its TPS (or of its PPK) by cause, and the critical link of each.
fn stuck_kecamatan(
    m: &Model,
    measure: Measure,
    s: &Scratch,
    lat: &[f64],
) -> Vec<(usize, [f64; N_CAUSES], Vec<u32>)> {
    let mut stuck = Vec::new();
    for (k, &h) in m.kecamatan.iter().enumerate() {
        if lat[h] != f64::NEG_INFINITY {
            continue;
        }
        let mut by = [0.0; N_CAUSES];
        let mut links = Vec::new();
        match measure {
            Measure::Ppk => {
                if let Some(dl) = m.nodes[h].deadline {
                    let a = s.arrival[h].min(m.horizon);
                    let att = attribute(&s.causes[h], a - dl);
                    for (x, y) in by.iter_mut().zip(att) {
                        *x += y.max(0.0);
                    }
                    links.push(s.worst[h].0);
                }
            }
            Measure::Tps => {
                for &si in &s.late_stations {
                    let st = &m.stations[si as usize];
                    let node = &m.nodes[st.node];
                    if node.kec != Some(k) {
                        continue;
                    }
                    let dl = node.station_deadline.unwrap_or(f64::INFINITY);
                    let arr = s.station_arrival[si as usize].min(m.horizon);
                    let mut c = s.causes[st.node];
                    let na = s.arrival[st.node].min(m.horizon);
                    c[cause::LAST_MILE] += (arr - na).max(0.0);
                    let att = attribute(&c, arr - dl);
                    for (x, y) in by.iter_mut().zip(att) {
                        *x += y.max(0.0);
                    }
                    links.push(s.worst[st.node].0);
                }
            }
        }
        stuck.push((k, by, links));
    }
    stuck
}

/// The one pass over `runs` replications (see the module documentation of [`super`]).
pub(super) fn one_pass(m: &Model, measure: Measure, seed: u64, runs: u64) -> OnePass {
    let subjects: Vec<Subject> = m
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let k = n.kec?;
            let hub = m.kecamatan[k] == i;
            let wanted = match measure {
                Measure::Tps => hub || n.planned.is_some(),
                Measure::Ppk => hub,
            };
            wanted.then_some(Subject {
                node: i,
                kec: k,
                hub,
                fixed: m.observed.as_deref().is_some_and(|o| o.node[i].is_some()),
            })
        })
        .collect();
    let order = topological(m);
    let mut subject_of = vec![usize::MAX; m.nodes.len()];
    for (j, s) in subjects.iter().enumerate() {
        subject_of[s.node] = j;
    }
    let outs: Vec<RepOut> = (0..runs)
        .into_par_iter()
        .map_init(
            || {
                (
                    Scratch::new(m),
                    vec![0.0f64; m.nodes.len()],
                    Vec::<(f64, f64)>::new(),
                )
            },
            |(s, lat, miles), r| {
                s.replicate(m, seed, r);
                latest_dispatches(m, measure, &order, s, lat, miles);
                RepOut {
                    latest: subjects.iter().map(|sj| lat[sj.node]).collect(),
                    stuck: stuck_kecamatan(m, measure, s, lat),
                }
            },
        )
        .collect();
    let n = runs as usize;
    let mut latest = vec![0.0; subjects.len() * n];
    let mut stuck_causes = vec![[0.0; N_CAUSES]; m.kecamatan.len()];
    let mut stuck_links = vec![vec![0u64; m.links.len()]; m.kecamatan.len()];
    for (r, o) in outs.into_iter().enumerate() {
        for (j, v) in o.latest.into_iter().enumerate() {
            latest[j * n + r] = v;
        }
        for (k, by, links) in o.stuck {
            for (x, y) in stuck_causes[k].iter_mut().zip(by) {
                *x += y;
            }
            for l in links {
                if (l as usize) < m.links.len() {
                    stuck_links[k][l as usize] += 1;
                }
            }
        }
    }
    OnePass {
        subjects,
        latest,
        runs: n,
        stuck_causes,
        stuck_links,
    }
}

impl OnePass {
    /// The latest dispatches of subject `j`, one per replication.
    pub(super) fn values(&self, j: usize) -> &[f64] {
        &self.latest[j * self.runs..(j + 1) * self.runs]
    }

    /// Replications on time with dispatch times `t` for the subjects `js` of kecamatan whose
    /// hub is subject `hub`.
    pub(super) fn count(&self, hub: usize, js: &[usize], t: &[f64]) -> u64 {
        let h = self.values(hub);
        (0..self.runs)
            .filter(|&r| {
                h[r] != f64::NEG_INFINITY
                    && js.iter().zip(t).all(|(&j, &tj)| {
                        let l = self.latest[j * self.runs + r];
                        if self.subjects[j].fixed {
                            l != f64::NEG_INFINITY
                        } else {
                            tj <= l
                        }
                    })
            })
            .count() as u64
    }
}
