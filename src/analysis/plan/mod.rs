//! `tepat plan`: the latest planned dispatch of every consignment that keeps the kecamatan's
//! TPS safe.
//!
//! The measure (by default) is P(every TPS of the kecamatan supplied by its deadline, H-1).
//! Both levels are planned together: the hub (PPK) dispatch from the depot and the PPS
//! dispatch of every village that has a planned dispatch. The PPK-only measure (the hub by its
//! own deadline, TPS not looked at) stays available and is named as such wherever printed.
//!
//! One pass, replication by replication (common random numbers). Arrival is first in, first
//! out in the dispatch time (a consignment that leaves later never arrives earlier, see
//! `Scratch::cross`), and a station's last mile does not depend on when its village was
//! supplied. So in replication r each consignment n has a latest dispatch `L[n][r]` at which
//! every TPS below it is still on time, computed from the leaves up:
//! - `R[n]` (latest arrival at n) is the smallest of: the TPS deadline minus the longest last
//!   mile of n's own TPS, and, for each child c, `L[c]` minus n's handling;
//! - `L[n]` is the latest `t` with arrival(n dispatched at t) ≤ `R[n]`, found by bisection
//!   (to the minute) on the replication's own weather, timetables, disruptions and draws.
//!
//! The kecamatan is then on time in replication r exactly when every planned dispatch t_n is at
//! most `L[n][r]` (and the hub can leave when its materials are ready). The plan gives every
//! consignment of a kecamatan the same risk allowance: its dispatch is the whole local hour at
//! or before the a-quantile of its `L[n][·]`, with the largest a for which the joint
//! P(every TPS of the kecamatan on time) still meets the target.
//!
//! Exceptions to the one-pass law, and how they are handled: a consignment that waits for an
//! escort team (its wait depends on the other consignments of the pool), a fallback route
//! chosen at dispatch, and a later start that sails in calmer weather. The one pass ignores
//! them; the whole plan is then simulated as it stands (every recommended dispatch applied
//! together, escorts and all) on the same replications, and any kecamatan that falls below the
//! target gets a smaller risk allowance until it meets it. What is reported is that simulated
//! figure.
//!
//! Where those exceptions make the one pass too early (it never makes it too late: the plan is
//! simulated), each hub's dispatch is then searched upwards by bisection of full simulations of
//! the whole plan, all hubs at once, and kept later only where every kecamatan still meets the
//! target (`later`): the brute-force search, run only from the one pass's answer upwards.

mod later;
mod pass;

use std::time::Instant;

use serde::Serialize;

use self::pass::{OnePass, one_pass};
use super::{pool, simulate};
use crate::error::Result;
use crate::model::{CAUSES, Model, N_CAUSES, cause};
use crate::summary::Prob;

/// What a plan keeps at or above the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// P(every TPS of the kecamatan on time): plans hub and village dispatches.
    Tps,
    /// PPK only: P(the hub arrives by its own deadline); TPS are not looked at.
    Ppk,
}

impl Measure {
    /// How the measure is named in every output.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Tps => "every TPS of the kecamatan by H-1",
            Measure::Ppk => "PPK only: hub by its deadline (TPS not checked)",
        }
    }
}

/// One consignment's answer.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    /// Kecamatan (hub) name.
    pub kecamatan: String,
    /// "PPK" (depot → hub dispatch) or "PPS" (hub → village dispatch).
    pub level: String,
    /// The node the consignment goes to.
    pub node: String,
    /// The planned dispatch in the scenario, hours from start.
    pub current_h: Option<f64>,
    /// The latest safe dispatch, hours from start; `None` when there is no time to print
    /// (see `status`).
    pub latest_h: Option<f64>,
    /// What the answer is: "latest safe dispatch", "as soon as the materials are ready",
    /// "not reachable by dispatch: ..." or "no TPS deadline below".
    pub status: String,
    /// P(measure) of the kecamatan with the whole plan applied (simulated).
    pub p_at_latest: Prob,
    /// P(measure) of the kecamatan with this dispatch one hour later than the plan, the rest
    /// of the plan as it is (one-pass estimate).
    pub p_hour_later: Option<Prob>,
    /// The deadline the measure uses below this consignment, hours from start.
    pub deadline_h: Option<f64>,
    /// The measure's name.
    pub measure: String,
}

/// One kecamatan's answer.
#[derive(Debug, Clone, Serialize)]
pub struct PlanKec {
    /// Name.
    pub name: String,
    /// P(measure) with the scenario's planned dispatches.
    pub p_current: Prob,
    /// P(measure) with the plan applied (simulated; with `reachable` false: every planned
    /// dispatch as early as possible).
    pub p_plan: Prob,
    /// Whether the target can be met by dispatch times alone.
    pub reachable: bool,
    /// When not reachable: what binds (the leading cause of lateness, and the link most often
    /// critical, in the replications that no dispatch time saves).
    pub binds: Option<String>,
}

/// The whole plan.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Scenario name.
    pub scenario: String,
    /// The scenario's clock, for the chart's time axis.
    #[serde(skip)]
    pub clock: crate::time::Clock,
    /// The measure.
    pub measure: Measure,
    /// Target.
    pub target: f64,
    /// Seed.
    pub seed: u64,
    /// Replications.
    pub runs: u64,
    /// As of a time of the distribution week (`--status --as-of`): that time, local
    /// (`2024-02-10 12:00`); `None` for a plan before the week.
    pub as_of: Option<String>,
    /// Per kecamatan.
    pub kecamatan: Vec<PlanKec>,
    /// Rows: per kecamatan, its hub then its villages.
    pub rows: Vec<PlanRow>,
    /// Wall-clock seconds.
    pub elapsed_s: f64,
}

/// `x` rounded down to a whole local hour (infinities kept).
fn floor_hour(m: &Model, x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let off = (60.0 - m.start_minute % 60.0) % 60.0 / 60.0;
    off + (x - off).floor()
}

/// As of a time: `t` no earlier than the as-of time (what has not left cannot leave in the
/// past); `t` itself before the week or when not finite.
fn not_before_now(m: &Model, t: f64) -> f64 {
    match m.observed.as_deref() {
        Some(o) if t.is_finite() => t.max(o.as_of),
        _ => t,
    }
}

/// The dispatch times at risk allowance `a` (replications): each subject's whole hour at or
/// before its a-th smallest latest dispatch (as of a time, no earlier than it: the a-th
/// smallest is then at or after it).
fn times_at(m: &Model, sorted: &[Vec<f64>], a: usize) -> Vec<f64> {
    sorted
        .iter()
        .map(|v| not_before_now(m, floor_hour(m, v[a])))
        .collect()
}

/// The largest allowance `a` in `[0, cap]` with at least `need` replications on time (`None`
/// if not even `a` = 0 meets it).
fn best_allowance(
    m: &Model,
    op: &OnePass,
    hub: usize,
    js: &[usize],
    sorted: &[Vec<f64>],
    need: u64,
    cap: usize,
) -> Option<usize> {
    let ok = |a: usize| op.count(hub, js, &times_at(m, sorted, a)) >= need;
    if !ok(0) {
        return None;
    }
    let (mut lo, mut hi) = (0usize, cap + 1);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if ok(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

/// P(measure) of kecamatan `k` in a simulation.
fn p_measure(m: &Model, acc: &crate::engine::Acc, k: usize, measure: Measure) -> Prob {
    match measure {
        Measure::Tps => Prob::of(acc.kec_all_on_time[k], acc.runs),
        Measure::Ppk => {
            let h = m.kecamatan[k];
            match m.nodes[h].deadline {
                Some(_) => Prob::of(acc.node_on_time[h], acc.runs),
                None => Prob::of(acc.kec_all_on_time[k], acc.runs),
            }
        }
    }
}

/// What binds a kecamatan that no dispatch time brings to the target.
fn binds(m: &Model, op: &OnePass, k: usize) -> String {
    let c = &op.stuck_causes[k];
    let total: f64 = c.iter().sum();
    let lead = (0..N_CAUSES)
        .filter(|&i| i != cause::PLANNED)
        .max_by(|&a, &b| c[a].total_cmp(&c[b]));
    let link = op.stuck_links[k]
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .max_by_key(|(l, n)| (**n, std::cmp::Reverse(*l)))
        .map(|(l, _)| m.links[l].name.clone());
    let mut s = match lead {
        Some(i) if total > 0.0 && c[i] > 0.0 => format!(
            "{} ({:.0}% of the late hours in the replications no dispatch time saves)",
            CAUSES[i],
            100.0 * c[i] / total
        ),
        _ => "the legs below the dispatch".to_string(),
    };
    if let Some(l) = link {
        s.push_str(&format!("; most often critical: {l}"));
    }
    s
}

/// The subjects of every kecamatan (hub first) with their sorted latest dispatches.
struct Groups<'a> {
    m: &'a Model,
    op: &'a OnePass,
    /// Per kecamatan: its subjects, hub first.
    subjects: Vec<Vec<usize>>,
    /// Per kecamatan, per subject: the latest dispatches of the replications, sorted.
    sorted: Vec<Vec<Vec<f64>>>,
}

impl<'a> Groups<'a> {
    fn new(m: &'a Model, op: &'a OnePass) -> Groups<'a> {
        let mut subjects: Vec<Vec<usize>> = vec![Vec::new(); m.kecamatan.len()];
        for (j, s) in op.subjects.iter().enumerate() {
            if s.hub {
                subjects[s.kec].insert(0, j);
            } else {
                subjects[s.kec].push(j);
            }
        }
        let sorted = subjects
            .iter()
            .map(|js| {
                js.iter()
                    .map(|&j| {
                        let mut v = op.values(j).to_vec();
                        v.sort_by(f64::total_cmp);
                        v
                    })
                    .collect()
            })
            .collect();
        Groups {
            m,
            op,
            subjects,
            sorted,
        }
    }

    /// The times of kecamatan k at allowance a, moved a share `lambda` of the way from the
    /// scenario's planned dispatch (lambda = 1: the one-pass times).
    fn times_of(&self, k: usize, a: Option<usize>, lambda: f64) -> Vec<f64> {
        let m = self.m;
        match a {
            Some(a) => times_at(m, &self.sorted[k], a)
                .into_iter()
                .zip(&self.subjects[k])
                .map(|(t, &j)| match m.nodes[self.op.subjects[j].node].planned {
                    Some(c) if t.is_finite() && lambda < 1.0 => {
                        not_before_now(m, floor_hour(m, c + lambda * (t - c)))
                    }
                    _ => t,
                })
                .collect(),
            // Not reachable: every planned dispatch as early as possible.
            None => vec![f64::NEG_INFINITY; self.subjects[k].len()],
        }
    }

    /// The model with every kecamatan's times applied.
    fn apply(&self, allowance: &[Option<usize>], lambda: &[f64]) -> Model {
        let m = self.m;
        let mut m2 = m.clone();
        for k in 0..m.kecamatan.len() {
            let times = self.times_of(k, allowance[k], lambda[k]);
            for (&j, &t) in self.subjects[k].iter().zip(&times) {
                if self.op.subjects[j].fixed {
                    continue;
                }
                let node = self.op.subjects[j].node;
                m2.nodes[node].planned = if t == f64::NEG_INFINITY {
                    None
                } else if t.is_finite() {
                    Some(t)
                } else {
                    m.nodes[node].planned
                };
            }
        }
        m2
    }
}

/// Plan every kecamatan: the latest dispatch of each planned consignment that keeps the
/// measure at or above `target`, every recommended dispatch applied together.
pub fn plan(
    m: &Model,
    target: f64,
    seed: u64,
    runs: u64,
    threads: usize,
    measure: Measure,
) -> Result<Plan> {
    let t0 = Instant::now();
    let pool = pool(threads)?;
    let held = hold_what_has_not_left(m, measure);
    let m = &held;
    let op = pool.install(|| one_pass(m, measure, seed, runs));
    let n = op.runs;
    let need = (target * n as f64 - 1e-9).ceil() as u64;
    let cap = n - need.min(n as u64) as usize;
    let nk = m.kecamatan.len();
    let g = Groups::new(m, &op);
    // The allowance of each kecamatan (None: not reachable by dispatch).
    let mut allowance: Vec<Option<usize>> = (0..nk)
        .map(|k| {
            let js = &g.subjects[k];
            if js.is_empty() {
                return None;
            }
            best_allowance(m, &op, js[0], js, &g.sorted[k], need, cap)
        })
        .collect();
    let base = simulate(&pool, m, seed, runs)?;
    // Simulate the plan as it stands. A kecamatan below the target (escort waits, fallback
    // routes, other consignments) first gets a smaller allowance, then its times move back
    // towards the scenario's plan, a quarter of the way at a time.
    let mut lambda = vec![1.0f64; nk];
    let mut acc = simulate(&pool, &g.apply(&allowance, &lambda), seed, runs)?;
    for round in 0..12 {
        let mut changed = false;
        for k in 0..nk {
            if let Some(a) = allowance[k]
                && p_measure(m, &acc, k, measure).p < target
            {
                if round < 6 && a > 0 {
                    allowance[k] = Some(a / 2);
                    changed = true;
                } else if lambda[k] > 0.0 {
                    lambda[k] = (lambda[k] - 0.25).max(0.0);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
        acc = simulate(&pool, &g.apply(&allowance, &lambda), seed, runs)?;
    }
    // The hubs later where full simulations show it is safe (see `later`).
    let hours: Vec<Option<f64>> = (0..nk)
        .map(|k| {
            let hub_fixed = g.subjects[k].first().is_none_or(|&j| op.subjects[j].fixed);
            let t = allowance[k].map(|a| g.times_of(k, Some(a), lambda[k])[0]);
            t.filter(|t| t.is_finite() && !hub_fixed)
        })
        .collect();
    let search = later::Search {
        pool: &pool,
        m,
        planned: g.apply(&allowance, &lambda),
        seed,
        runs,
        target,
        measure,
    };
    let (hub_hours, acc) = later::later_hubs(&search, &hours, acc)?;
    let mut kecamatan = Vec::new();
    let mut rows = Vec::new();
    for k in 0..nk {
        let h = m.kecamatan[k];
        let p_plan = p_measure(m, &acc, k, measure);
        let reachable = allowance[k].is_some() && p_plan.p >= target;
        let bind = (!reachable).then(|| {
            if allowance[k].is_none() {
                binds(m, &op, k)
            } else {
                "escort waits and other consignments of the plan (the simulated plan stays below the target at every allowance)".to_string()
            }
        });
        kecamatan.push(PlanKec {
            name: m.nodes[h].name.clone(),
            p_current: p_measure(m, &base, k, measure),
            p_plan,
            reachable,
            binds: bind.clone(),
        });
        let times = allowance[k].map(|a| {
            let mut v = g.times_of(k, Some(a), lambda[k]);
            if let Some(t) = hub_hours[k] {
                v[0] = t;
            }
            v
        });
        let kec = KecPlan {
            k,
            p_plan,
            bind,
            times,
        };
        kec_rows(&g, &kec, measure, &mut rows);
    }
    let as_of = m
        .observed
        .as_deref()
        .map(|o| o.as_of_local.format("%Y-%m-%d %H:%M").to_string());
    Ok(Plan {
        scenario: match &as_of {
            Some(t) => format!("{} as of {t}", m.name),
            None => m.name.clone(),
        },
        as_of,
        clock: m.clock(),
        measure,
        target,
        seed,
        runs,
        kecamatan,
        rows,
        elapsed_s: t0.elapsed().as_secs_f64(),
    })
}

/// What the plan found for one kecamatan.
struct KecPlan {
    k: usize,
    /// The simulated plan's probability.
    p_plan: Prob,
    /// Why the kecamatan is not reachable by dispatch (`None`: it is).
    bind: Option<String>,
    /// Its subjects' times at its allowance, when it has one.
    times: Option<Vec<f64>>,
}

/// The plan's rows of one kecamatan, one per planned consignment (hub first).
fn kec_rows(g: &Groups, kec: &KecPlan, measure: Measure, rows: &mut Vec<PlanRow>) {
    let (m, op, k) = (g.m, g.op, kec.k);
    let h = m.kecamatan[k];
    let n = op.runs;
    let reachable = kec.bind.is_none();
    let times = &kec.times;
    let groups = &g.subjects;
    let now = m.observed.as_deref();
    for (pos, &j) in groups[k].iter().enumerate() {
        let sj = &op.subjects[j];
        if sj.fixed {
            // Reported departed or arrived: nothing to plan.
            continue;
        }
        let node = &m.nodes[sj.node];
        let t = times.as_ref().map(|v| v[pos]);
        let (latest_h, status) = match (reachable, t) {
            (false, _) if now.is_some() => leave_now(m, sj.node, kec),
            (false, _) => (
                None,
                format!(
                    "not reachable by dispatch: {}",
                    kec.bind.clone().unwrap_or_default()
                ),
            ),
            (true, Some(t)) if t == f64::NEG_INFINITY => {
                (None, "as soon as the materials are ready".to_string())
            }
            (true, Some(t)) if t.is_finite() => (Some(t), "latest safe dispatch".to_string()),
            _ => (None, "no TPS deadline below".to_string()),
        };
        let p_hour_later = match (&times, latest_h) {
            (Some(v), Some(_)) => {
                let mut v = v.clone();
                v[pos] += 1.0;
                Some(Prob::of(op.count(groups[k][0], &groups[k], &v), n as u64))
            }
            _ => None,
        };
        let deadline_h = match measure {
            Measure::Ppk => node.deadline,
            Measure::Tps => node.station_deadline.or_else(|| {
                node.children
                    .iter()
                    .filter_map(|&c| m.nodes[c].station_deadline)
                    .reduce(f64::max)
            }),
        };
        rows.push(PlanRow {
            kecamatan: m.nodes[h].name.clone(),
            level: if sj.hub { "PPK" } else { "PPS" }.to_string(),
            node: node.name.clone(),
            current_h: node.planned,
            latest_h,
            status,
            p_at_latest: kec.p_plan,
            p_hour_later,
            deadline_h,
            measure: measure.label().to_string(),
        });
    }
}

/// As of a time, a kecamatan that no dispatch time brings to the target: its consignments
/// leave now (a village: as soon as its PPK has the materials, not before now), and the
/// probability that gives, simulated, is said plainly.
fn leave_now(m: &Model, node: usize, kec: &KecPlan) -> (Option<f64>, String) {
    let Some(o) = m.observed.as_deref() else {
        return (None, String::new());
    };
    let p = kec.p_plan;
    let even = format!(
        "even so P = {:.3} [{:.3}, {:.3}], below the target: {}",
        p.p,
        p.lo,
        p.hi,
        kec.bind.clone().unwrap_or_default()
    );
    let supplier = m.nodes[node].supplier.unwrap_or(0);
    // The PPK has the materials when it is the depot or reported arrived complete (damaged
    // items are replaced first).
    let ready = m.nodes[supplier].supplier.is_none()
        || matches!(
            o.node[supplier],
            Some(crate::model::observe::Seen::Arrived { damaged: false, .. })
        );
    if ready {
        (Some(o.as_of), format!("leave now; {even}"))
    } else {
        (
            None,
            format!("leave as soon as the materials are at the PPK (not before now); {even}"),
        )
    }
}

/// As of a time (`m.observed`), the model `tepat plan` plans: every consignment it plans
/// (a hub, or a village with a planned dispatch, for the TPS measure) that is not reported
/// departed or arrived has not left yet, so it leaves no earlier than the as-of time (its
/// hold). Before the week, `m` itself.
fn hold_what_has_not_left(m: &Model, measure: Measure) -> Model {
    let mut m2 = m.clone();
    let Some(o) = m.observed.as_deref() else {
        return m2;
    };
    let mut o2 = o.clone();
    for (i, n) in m.nodes.iter().enumerate() {
        let Some(k) = n.kec else { continue };
        let planned = match measure {
            Measure::Tps => m.kecamatan[k] == i || n.planned.is_some(),
            Measure::Ppk => m.kecamatan[k] == i,
        };
        if planned && o.node[i].is_none() && n.supplier.is_some() {
            o2.hold[i] = o2.hold[i].max(o.as_of);
        }
    }
    m2.observed = Some(std::sync::Arc::new(o2));
    m2
}

/// The reference answer for one hub by brute force: a binary search over whole local hours of
/// the hub's planned dispatch, each step a full simulation (all else as planned). Slow; it
/// checks the one-pass plan in the tests.
pub fn search_hub(
    m: &Model,
    k: usize,
    target: f64,
    seed: u64,
    runs: u64,
    threads: usize,
    measure: Measure,
) -> Result<Option<f64>> {
    let pool = pool(threads)?;
    let hub = m.kecamatan[k];
    let off = (60.0 - m.start_minute % 60.0) % 60.0 / 60.0;
    let hours = (later::last_hour(m, hub, measure) - off).round() as i64;
    let eval = |i: i64| -> Result<f64> {
        let mut m2 = m.clone();
        m2.nodes[hub].planned = Some(off + i as f64);
        let acc = simulate(&pool, &m2, seed, runs)?;
        Ok(p_measure(m, &acc, k, measure).p)
    };
    if eval(0)? < target {
        return Ok(None);
    }
    let (mut lo, mut hi) = (0i64, hours + 1);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if eval(mid)? >= target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Some(off + lo as f64))
}
