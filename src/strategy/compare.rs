//! Paired comparison of strategies with the baseline under common random numbers.
//!
//! Replication `r` of the baseline and of every strategy uses the same seed and replication
//! index, so each pair sees the same weather, disruptions and draws wherever the strategy did
//! not change them. The differences are computed per replication, which makes their intervals
//! far narrower than those of two independent runs. Counts are integers: exact to merge.

use serde::Serialize;

use super::Compiled;
use crate::engine::{Observer, RangeOptions, Scratch, run_range};
use crate::error::Result;
use crate::export::{csv_bytes, p4};
use crate::model::Model;
use crate::stats::Z95;
use crate::summary::{Mean, Prob};

/// Paired counts for one scope (the whole scenario, or one kecamatan).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairCounts {
    /// Replications.
    pub n: u64,
    /// Baseline: every station on time.
    pub base_ok: u64,
    /// Strategy: every station on time.
    pub strat_ok: u64,
    /// Baseline late, strategy on time.
    pub n01: u64,
    /// Baseline on time, strategy late.
    pub n10: u64,
    /// Sum of late stations, baseline.
    pub base_late: u64,
    /// Sum of squares, baseline.
    pub base_late_sq: u64,
    /// Sum of late stations, strategy.
    pub strat_late: u64,
    /// Sum of squares, strategy.
    pub strat_late_sq: u64,
    /// Sum of (baseline late - strategy late).
    pub avoided: i64,
    /// Sum of squares of that difference.
    pub avoided_sq: u64,
    /// Replications with fewer late stations under the strategy.
    pub better: u64,
    /// Replications with more late stations under the strategy.
    pub worse: u64,
}

impl PairCounts {
    fn add(&mut self, base_late: u32, strat_late: u32) {
        let (b, s) = (base_late as u64, strat_late as u64);
        self.n += 1;
        self.base_ok += (b == 0) as u64;
        self.strat_ok += (s == 0) as u64;
        self.n01 += (b > 0 && s == 0) as u64;
        self.n10 += (b == 0 && s > 0) as u64;
        self.base_late += b;
        self.base_late_sq += b * b;
        self.strat_late += s;
        self.strat_late_sq += s * s;
        let d = b as i64 - s as i64;
        self.avoided += d;
        self.avoided_sq += (d * d) as u64;
        self.better += (s < b) as u64;
        self.worse += (s > b) as u64;
    }

    fn merge(&mut self, o: &PairCounts) {
        self.n += o.n;
        self.base_ok += o.base_ok;
        self.strat_ok += o.strat_ok;
        self.n01 += o.n01;
        self.n10 += o.n10;
        self.base_late += o.base_late;
        self.base_late_sq += o.base_late_sq;
        self.strat_late += o.strat_late;
        self.strat_late_sq += o.strat_late_sq;
        self.avoided += o.avoided;
        self.avoided_sq += o.avoided_sq;
        self.better += o.better;
        self.worse += o.worse;
    }
}

/// Figures of one strategy in one scope.
#[derive(Debug, Clone, Serialize)]
pub struct PairStat {
    /// Scope: "overall" or a kecamatan name.
    pub scope: String,
    /// Stations in scope.
    pub stations: usize,
    /// Baseline P(every station on time).
    pub p_base: Prob,
    /// Strategy P(every station on time).
    pub p_strategy: Prob,
    /// Paired difference strategy − baseline, with its 95% interval.
    pub diff: Mean,
    /// Half-width the difference would have from two independent runs of the same size.
    pub diff_unpaired_half: f64,
    /// P(the strategy has fewer late stations in a replication).
    pub p_better: f64,
    /// P(the strategy has more late stations in a replication).
    pub p_worse: f64,
    /// Expected late stations, baseline.
    pub late_base: f64,
    /// Expected late stations, strategy.
    pub late_strategy: f64,
    /// Expected late stations avoided (baseline − strategy), paired 95% interval.
    pub avoided: Mean,
    /// Half-width of `avoided` from two independent runs.
    pub avoided_unpaired_half: f64,
    /// Rupiah per late station avoided (when avoided > 0 and a cost is given).
    pub cost_per_avoided: Option<f64>,
}

/// One strategy's results.
#[derive(Debug, Clone, Serialize)]
pub struct StrategyResult {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Cost, rupiah.
    pub cost_idr: Option<f64>,
    /// Whole scenario.
    pub overall: PairStat,
    /// Per kecamatan of the baseline.
    pub kecamatan: Vec<PairStat>,
    /// On the efficient frontier of cost against late stations avoided (only strategies that
    /// measurably avoid late TPS can be).
    pub efficient: bool,
    /// Whether its effect is measurable: the 95% interval of late TPS avoided or of the change
    /// in P(every TPS on time) excludes 0.
    pub significant: bool,
    /// Which legs its changes touch, in words.
    pub touches: String,
    /// Without a measurable effect: why, in one line.
    pub reason: Option<String>,
}

/// The comparison of every strategy with the baseline.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Replications per strategy.
    pub runs: u64,
    /// Seed.
    pub seed: u64,
    /// Strategies, in file order.
    pub strategies: Vec<StrategyResult>,
    /// Baseline: expected late TPS per replication, and late TPS-hours, by where the lateness
    /// arises: [depot → PPK legs, PPK → PPS legs and the last mile].
    pub base_late_by_level: [f64; 2],
    /// The same in late TPS-hours.
    pub base_late_h_by_level: [f64; 2],
}

/// Where a late TPS's lateness arises: 0 on the depot → PPK legs (its village left later than
/// planned because the hub's materials were late), 1 on the PPK → PPS legs or the last mile.
fn origin_level(m: &Model, s: &Scratch, node: usize) -> usize {
    let mut n = node;
    loop {
        if !s.waited_on_supplier(m, n) {
            break;
        }
        match m.nodes[n].supplier {
            Some(p) if m.nodes[p].kind != crate::model::Kind::Depot => n = p,
            _ => break,
        }
    }
    match m.nodes[n].kind {
        crate::model::Kind::Village => 1,
        _ => 0,
    }
}

/// Which legs a strategy changes: [depot → PPK, PPK → PPS and last mile]; with the names of
/// the consignments it touches.
pub fn touched_levels(base: &Model, st: &Model) -> [bool; 2] {
    let link_named = |m: &Model, name: &str| m.links.iter().find(|l| l.name == name).cloned();
    let dbg = |x: &dyn std::fmt::Debug| format!("{x:?}");
    let names = |m: &Model, v: &[usize]| -> Vec<String> {
        v.iter().map(|&l| m.links[l].name.clone()).collect()
    };
    let mut out = [false, false];
    let weather_changed = dbg(&base.zones) != dbg(&st.zones);
    for n in &st.nodes {
        if n.kind == crate::model::Kind::Depot {
            continue;
        }
        let level = if n.kind == crate::model::Kind::Hub {
            0
        } else {
            1
        };
        let Some(b) = base.nodes.iter().position(|x| x.name == n.name) else {
            out[level] = true;
            continue;
        };
        let bn = &base.nodes[b];
        let sup = |m: &Model, x: &crate::model::Node| x.supplier.map(|p| m.nodes[p].name.clone());
        let links_changed = n.route.iter().chain(n.fallback.iter().flatten()).any(|&l| {
            let sl = &st.links[l];
            link_named(base, &sl.name)
                .map(|bl| {
                    dbg(&(
                        &bl.base,
                        &bl.timetable,
                        &bl.window,
                        &bl.vessel,
                        &bl.queue_delay,
                        &bl.queue_missed,
                        &bl.disruption,
                        bl.damage,
                        &bl.extra,
                    )) != dbg(&(
                        &sl.base,
                        &sl.timetable,
                        &sl.window,
                        &sl.vessel,
                        &sl.queue_delay,
                        &sl.queue_missed,
                        &sl.disruption,
                        sl.damage,
                        &sl.extra,
                    ))
                })
                .unwrap_or(true)
        });
        let supplier_changed = match (n.supplier, bn.supplier) {
            (Some(p), Some(q)) => {
                dbg(&(&st.nodes[p].ready, &st.nodes[p].handling))
                    != dbg(&(&base.nodes[q].ready, &base.nodes[q].handling))
            }
            _ => false,
        };
        let pool = |m: &Model, x: &crate::model::Node| x.escort.map(|e| dbg(&m.escorts[e]));
        let fleet = |m: &Model, x: &crate::model::Node| x.fleet.map(|f| dbg(&m.fleets[f]));
        let changed = weather_changed
            || links_changed
            || supplier_changed
            || names(st, &n.route) != names(base, &bn.route)
            || n.fallback.as_ref().map(|f| names(st, f))
                != bn.fallback.as_ref().map(|f| names(base, f))
            || n.planned != bn.planned
            || sup(st, n) != sup(base, bn)
            || pool(st, n) != pool(base, bn)
            || fleet(st, n) != fleet(base, bn)
            || n.load != bn.load
            || dbg(&n.reserve) != dbg(&bn.reserve);
        if changed {
            out[level] = true;
        }
        if dbg(&(&n.last_mile, &n.last_mile_extra, n.station_deadline))
            != dbg(&(&bn.last_mile, &bn.last_mile_extra, bn.station_deadline))
        {
            out[1] = true;
        }
    }
    out
}

/// The legs of `levels` in words.
pub fn legs_in_words(levels: [bool; 2]) -> &'static str {
    match levels {
        [true, false] => "depot → PPK legs",
        [false, true] => "PPK → PPS legs and the last mile",
        [true, true] => "depot → PPK and PPK → PPS legs",
        [false, false] => "nothing the simulation sees",
    }
}

fn mean_of(sum: f64, sq: f64, n: u64) -> Mean {
    let (m, lo, hi) = crate::stats::mean_ci(sum, sq, n);
    Mean { mean: m, lo, hi }
}

fn stat(c: &PairCounts, scope: &str, stations: usize, cost: Option<f64>) -> PairStat {
    let n = c.n.max(1);
    let nf = n as f64;
    let pb = c.base_ok as f64 / nf;
    let ps = c.strat_ok as f64 / nf;
    // d in {-1, 0, 1}: sum = n01 - n10, sum of squares = n01 + n10.
    let diff = mean_of(c.n01 as f64 - c.n10 as f64, (c.n01 + c.n10) as f64, n);
    let avoided = mean_of(c.avoided as f64, c.avoided_sq as f64, n);
    let var = |sum: f64, sq: f64| {
        if n > 1 {
            ((sq - sum * sum / nf) / (nf - 1.0)).max(0.0)
        } else {
            0.0
        }
    };
    let vb = var(c.base_late as f64, c.base_late_sq as f64);
    let vs = var(c.strat_late as f64, c.strat_late_sq as f64);
    PairStat {
        scope: scope.to_string(),
        stations,
        p_base: Prob::of(c.base_ok, n),
        p_strategy: Prob::of(c.strat_ok, n),
        diff,
        diff_unpaired_half: Z95 * ((pb * (1.0 - pb) + ps * (1.0 - ps)) / nf).sqrt(),
        p_better: c.better as f64 / nf,
        p_worse: c.worse as f64 / nf,
        late_base: c.base_late as f64 / nf,
        late_strategy: c.strat_late as f64 / nf,
        avoided,
        avoided_unpaired_half: Z95 * ((vb + vs) / nf).sqrt(),
        cost_per_avoided: cost
            .filter(|_| avoided.mean > 0.0)
            .map(|c| c / avoided.mean),
    }
}

/// Per strategy: overall counts and per-kecamatan counts (by baseline kecamatan order).
type Counts = Vec<(PairCounts, Vec<PairCounts>)>;

/// Baseline late TPS and late TPS-seconds by origin level.
type Levels = ([u64; 2], [u64; 2]);

/// A worker of [`compare`]: the baseline's and each strategy's scratch, and the counts of
/// the replications it ran.
struct Pairs<'a> {
    base: &'a Model,
    strategies: &'a [Compiled],
    /// Per strategy, the kecamatan of its model matched to each of the baseline's.
    kmap: &'a [Vec<Option<usize>>],
    sb: Scratch,
    ss: Vec<Scratch>,
    counts: Counts,
    levels: Levels,
}

impl<'a> Pairs<'a> {
    fn new(base: &'a Model, strategies: &'a [Compiled], kmap: &'a [Vec<Option<usize>>]) -> Self {
        let nk = base.kecamatan.len();
        Pairs {
            base,
            strategies,
            kmap,
            sb: Scratch::new(base),
            ss: strategies.iter().map(|s| Scratch::new(&s.model)).collect(),
            counts: strategies
                .iter()
                .map(|_| (PairCounts::default(), vec![PairCounts::default(); nk]))
                .collect(),
            levels: ([0; 2], [0; 2]),
        }
    }
}

impl Observer for Pairs<'_> {
    fn replication(&mut self, seed: u64, r: u64) {
        let (base, sb) = (self.base, &mut self.sb);
        sb.replicate(base, seed, r);
        for &si in &sb.late_stations {
            let st = &base.stations[si as usize];
            let lv = origin_level(base, sb, st.node);
            let dl = base.nodes[st.node].station_deadline.unwrap_or(0.0);
            let late = sb.station_arrival[si as usize].min(base.horizon) - dl;
            self.levels.0[lv] += 1;
            self.levels.1[lv] += (late.max(0.0) * 3600.0).round() as u64;
        }
        for (i, s) in self.strategies.iter().enumerate() {
            let ss = &mut self.ss[i];
            ss.replicate(&s.model, seed, r);
            self.counts[i].0.add(sb.late_total, ss.late_total);
            for (k, km) in self.kmap[i].iter().enumerate() {
                let sl = km.map(|sk| ss.kec_late[sk]).unwrap_or(0);
                self.counts[i].1[k].add(sb.kec_late[k], sl);
            }
        }
    }

    fn merge(&mut self, other: Self) {
        for j in 0..2 {
            self.levels.0[j] += other.levels.0[j];
            self.levels.1[j] += other.levels.1[j];
        }
        for (t, (o, ks)) in self.counts.iter_mut().zip(other.counts.iter()) {
            t.0.merge(o);
            for (k, kc) in ks.iter().enumerate() {
                t.1[k].merge(kc);
            }
        }
    }
}

/// Run replications `[0, runs)` of the baseline and every strategy in pairs, with the
/// engine's run over a range (so the comparison has progress and stops on its cancel token).
pub fn compare(
    base: &Model,
    strategies: &[Compiled],
    seed: u64,
    runs: u64,
    opts: &RangeOptions,
) -> Result<Comparison> {
    // Kecamatan of each strategy model matched to the baseline's by hub name.
    let kmap: Vec<Vec<Option<usize>>> = strategies
        .iter()
        .map(|s| {
            base.kecamatan
                .iter()
                .map(|&h| {
                    s.model
                        .kecamatan
                        .iter()
                        .position(|&sh| s.model.nodes[sh].name == base.nodes[h].name)
                })
                .collect()
        })
        .collect();
    let (done, _) = run_range(seed, 0, runs, opts, &|| Pairs::new(base, strategies, &kmap))?;
    let done = done.unwrap_or_else(|| Pairs::new(base, strategies, &kmap));
    let (total, lv) = (done.counts, done.levels);
    let nf = runs.max(1) as f64;
    let base_late_by_level = [lv.0[0] as f64 / nf, lv.0[1] as f64 / nf];
    let base_late_h_by_level = [lv.1[0] as f64 / 3600.0 / nf, lv.1[1] as f64 / 3600.0 / nf];
    let mut results: Vec<StrategyResult> = strategies
        .iter()
        .zip(total.iter())
        .map(|(s, (o, ks))| StrategyResult {
            name: s.name.clone(),
            description: s.description.clone(),
            cost_idr: s.cost_idr,
            overall: stat(o, "overall", base.stations.len(), s.cost_idr),
            kecamatan: ks
                .iter()
                .enumerate()
                .map(|(k, kc)| {
                    stat(
                        kc,
                        &base.nodes[base.kecamatan[k]].name,
                        base.kec_stations[k],
                        None,
                    )
                })
                .collect(),
            efficient: false,
            significant: false,
            touches: String::new(),
            reason: None,
        })
        .collect();
    let total_late: f64 = base_late_by_level.iter().sum();
    let total_h: f64 = base_late_h_by_level.iter().sum();
    for (r, s) in results.iter_mut().zip(strategies) {
        let o = &r.overall;
        r.significant =
            o.avoided.lo > 0.0 || o.avoided.hi < 0.0 || o.diff.lo > 0.0 || o.diff.hi < 0.0;
        let levels = touched_levels(base, &s.model);
        r.touches = legs_in_words(levels).to_string();
        if !r.significant {
            let (a, h) = (0..2).filter(|&j| levels[j]).fold((0.0, 0.0), |(a, h), j| {
                (a + base_late_by_level[j], h + base_late_h_by_level[j])
            });
            r.reason = Some(format!(
                "changes {}{}; {a:.2} of {total_late:.2} expected late TPS ({h:.1} of {total_h:.1} late TPS-hours) arise there",
                if levels[0] != levels[1] { "only " } else { "" },
                r.touches
            ));
        }
    }
    mark_frontier(&mut results);
    Ok(Comparison {
        runs,
        seed,
        strategies: results,
        base_late_by_level,
        base_late_h_by_level,
    })
}

/// Mark the strategies on the efficient frontier: no other strategy avoids at least as many
/// late stations for a lower or equal cost (and strictly better in one of the two).
fn mark_frontier(rs: &mut [StrategyResult]) {
    // Only strategies that measurably avoid late TPS take part.
    let pts: Vec<Option<(f64, f64)>> = rs
        .iter()
        .map(|r| {
            (r.overall.avoided.lo > 0.0 && r.overall.avoided.mean > 0.0)
                .then(|| (r.cost_idr.unwrap_or(0.0), r.overall.avoided.mean))
        })
        .collect();
    for (i, r) in rs.iter_mut().enumerate() {
        let Some((ci, ai)) = pts[i] else {
            r.efficient = false;
            continue;
        };
        r.efficient = !pts.iter().enumerate().any(|(j, p)| match p {
            Some((cj, aj)) => j != i && *cj <= ci && *aj >= ai && (*cj < ci || *aj > ai),
            None => false,
        });
    }
}

/// The strategies in ranking order: measurable effects first, by late TPS avoided (most
/// first), then those without a measurable effect, in file order.
pub fn ranking(c: &Comparison) -> Vec<&StrategyResult> {
    let mut v: Vec<(usize, &StrategyResult)> = c.strategies.iter().enumerate().collect();
    v.sort_by(|(i, a), (j, b)| {
        b.significant
            .cmp(&a.significant)
            .then(if a.significant && b.significant {
                b.overall.avoided.mean.total_cmp(&a.overall.avoided.mean)
            } else {
                std::cmp::Ordering::Equal
            })
            .then(i.cmp(j))
    });
    v.into_iter().map(|(_, r)| r).collect()
}

/// Rupiah in millions, for tables.
pub fn juta(x: f64) -> String {
    format!("Rp {:.0} juta", x / 1e6)
}

/// The ranking on the terminal.
pub fn print_ranking(c: &Comparison) {
    println!(
        "Strategies against the baseline ({} paired replications, seed {}), ranked by late TPS avoided:",
        c.runs, c.seed
    );
    println!(
        "  {:<3} {:<48} {:>12} {:>24} {:>28} {:>20}  efficient",
        "#",
        "strategy",
        "cost",
        "late TPS avoided [95%]",
        "ΔP(every TPS by H-1) [95%]",
        "per late TPS avoided",
    );
    for (i, r) in ranking(c).into_iter().enumerate() {
        let o = &r.overall;
        println!(
            "  {:<3} {:<48} {:>12} {:>24} {:>28} {:>20}  {}",
            i + 1,
            r.name,
            r.cost_idr.map(juta).unwrap_or_else(|| "-".into()),
            format!(
                "{:+.2} [{:+.2}, {:+.2}]",
                o.avoided.mean, o.avoided.lo, o.avoided.hi
            ),
            format!("{:+.4} [{:+.4}, {:+.4}]", o.diff.mean, o.diff.lo, o.diff.hi),
            match (r.significant, o.cost_per_avoided) {
                (true, Some(x)) if o.avoided.lo > 0.0 => juta(x),
                _ => "-".into(),
            },
            if r.efficient { "yes" } else { "" }
        );
        if let Some(reason) = &r.reason {
            println!("      no measurable effect: {reason}");
        } else if o.avoided.hi < 0.0 || o.diff.hi < 0.0 {
            println!("      makes the TPS worse off: do not use");
        }
    }
}

/// `comparison.csv`: per strategy, overall and per kecamatan.
pub fn csv(c: &Comparison, _m: &Model) -> Result<Vec<u8>> {
    let header = [
        "strategy",
        "scope",
        "stations",
        "cost_idr",
        "p_all_tps_on_time_base",
        "p_all_tps_on_time_strategy",
        "diff",
        "diff_lo",
        "diff_hi",
        "p_strategy_better",
        "p_strategy_worse",
        "late_tps_base",
        "late_tps_strategy",
        "late_tps_avoided",
        "late_tps_avoided_lo",
        "late_tps_avoided_hi",
        "cost_per_late_tps_avoided_idr",
        "efficient",
    ];
    let mut rows = Vec::new();
    for s in &c.strategies {
        for st in std::iter::once(&s.overall).chain(s.kecamatan.iter()) {
            let overall = st.scope == "overall";
            rows.push(vec![
                s.name.clone(),
                st.scope.clone(),
                st.stations.to_string(),
                if overall {
                    s.cost_idr.map(|x| format!("{x:.0}")).unwrap_or_default()
                } else {
                    String::new()
                },
                p4(st.p_base.p),
                p4(st.p_strategy.p),
                p4(st.diff.mean),
                p4(st.diff.lo),
                p4(st.diff.hi),
                p4(st.p_better),
                p4(st.p_worse),
                format!("{:.3}", st.late_base),
                format!("{:.3}", st.late_strategy),
                format!("{:.3}", st.avoided.mean),
                format!("{:.3}", st.avoided.lo),
                format!("{:.3}", st.avoided.hi),
                st.cost_per_avoided
                    .map(|x| format!("{x:.0}"))
                    .unwrap_or_default(),
                if overall {
                    s.efficient.to_string()
                } else {
                    String::new()
                },
            ]);
        }
    }
    csv_bytes(&header, rows)
}
