//! "Arrival curves": for each kecamatan, the share of replications in which its hub (PPK)
//! has been supplied by each local time (the CDF of hub arrival), with the deadlines marked.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::{
    Ctx, Drawn, LEGEND_ROW, Mark, colour, font, legend_column, pct_short, series_style, size,
    time_tick_label, time_ticks_px, when,
};
use crate::error::Result;

/// At most this many points per curve (the CDF is sampled at bin ends, so thinning is exact at
/// the points kept).
const MAX_POINTS: usize = 600;

/// The reading guide.
pub(super) fn guide(_ctx: &Ctx) -> String {
    "Share of replications in which each PPK has its materials by a given time; where a curve crosses the deadline is its P(on time)."
        .to_string()
}

/// One kecamatan's curve.
struct Curve {
    name: String,
    /// (hours from start, cumulative share).
    points: Vec<(f64, f64)>,
    never: f64,
    deadline: Option<f64>,
}

/// The cumulative share arrived by `t` hours.
fn cdf_at(hist: &[u32], bin_h: f64, runs: u64, t: f64) -> f64 {
    let upto = ((t / bin_h).floor().max(0.0) as usize).min(hist.len().saturating_sub(1));
    let c: u64 = hist[..upto].iter().map(|&x| x as u64).sum();
    c as f64 / runs.max(1) as f64
}

/// Draw the chart into `body`.
pub(super) fn draw<DB: DrawingBackend>(
    _root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<()> {
    let acc = &ctx.run.outcome.acc;
    let s = ctx.s;
    if s.kecamatan.is_empty() {
        return super::message(body, "No kecamatan (hub) in this scenario.");
    }
    let runs = acc.runs.max(1);
    let bin_h = acc.bin_h;
    // The time span from the first arrival at any hub to the last hub's P99.5 (the far tail
    // would squeeze the curves into a corner), widened to show every deadline.
    let (mut t0, mut t1) = (f64::INFINITY, f64::NEG_INFINITY);
    for k in &s.kecamatan {
        let h = acc.hist(k.hub);
        let arrived = &h[..h.len().saturating_sub(1)];
        if let Some(i0) = arrived.iter().position(|&c| c > 0) {
            t0 = t0.min(i0 as f64 * bin_h);
        }
        let total: u64 = arrived.iter().map(|&c| c as u64).sum();
        let mut cum = 0u64;
        for (i, &c) in arrived.iter().enumerate() {
            cum += c as u64;
            if c > 0 && cum as f64 >= 0.995 * total as f64 {
                t1 = t1.max((i + 1) as f64 * bin_h);
                break;
            }
        }
        if let Some(d) = s.nodes[k.hub].deadline_h {
            t0 = t0.min(d);
            t1 = t1.max(d);
        }
    }
    if !t0.is_finite() || !t1.is_finite() || t1 <= t0 {
        t0 = 0.0;
        t1 = s.horizon_h.max(1.0);
    }
    let pad = (t1 - t0) * 0.04;
    let (t0, t1) = (t0 - pad, t1 + pad);
    // Each curve runs from its first arrival to its last (or the edge of the chart).
    let curves: Vec<Curve> = s
        .kecamatan
        .iter()
        .map(|k| {
            let h = acc.hist(k.hub);
            let nb = h.len().saturating_sub(1);
            let first = h[..nb].iter().position(|&c| c > 0).unwrap_or(0);
            let last = h[..nb]
                .iter()
                .rposition(|&c| c > 0)
                .map(|i| i + 1)
                .unwrap_or(0);
            let i_from = first.max(((t0 / bin_h).floor().max(0.0) as usize).min(nb));
            let i_to = last.min(((t1 / bin_h).ceil().max(0.0) as usize).min(nb));
            let mut cum: u64 = h[..i_from.min(nb)].iter().map(|&x| x as u64).sum();
            let mut pts = Vec::new();
            if i_from < i_to {
                let stride = (i_to - i_from).div_ceil(MAX_POINTS).max(1);
                pts.push(((i_from as f64 * bin_h).max(t0), cum as f64 / runs as f64));
                for (i, &c) in h.iter().enumerate().take(i_to).skip(i_from) {
                    cum += c as u64;
                    if (i - i_from + 1) % stride == 0 || i + 1 == i_to {
                        let t = ((i + 1) as f64 * bin_h).min(t1);
                        pts.push((t, cum as f64 / runs as f64));
                    }
                }
            }
            Curve {
                name: k.name.clone(),
                points: pts,
                never: s.nodes[k.hub].never,
                deadline: s.nodes[k.hub].deadline_h,
            }
        })
        .collect();

    let (bw, _) = body.dim_in_pixel();
    let legend_w = 310;
    let (plot, side) = body.split_horizontally(bw - legend_w);
    let plot_w = (bw - legend_w) as i32 - 84 - 24;
    let (tick_list, step) = time_ticks_px(ctx.m, t0, t1, plot_w);
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_right(24)
        .x_label_area_size(64)
        .y_label_area_size(84)
        .build_cartesian_2d(
            super::ticked(t0..t1, tick_list.clone()),
            super::ticked(0.0..1.0f64, (0..=5).map(|i| i as f64 * 0.2).collect()),
        )
        .drawn()?;
    let m = ctx.m;
    let xlab = |x: &f64| time_tick_label(m, *x, step, &tick_list);
    let ylab = |y: &f64| format!("{:.0}%", y * 100.0);
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(colour::GRID)
        .x_label_formatter(&xlab)
        .y_label_formatter(&ylab)
        .label_style(font(size::LABEL))
        .axis_desc_style(font(size::AXIS))
        .x_desc(format!(
            "Local time, {} ({})",
            m.start.format("%Y"),
            super::zone_name(m)
        ))
        .y_desc("PPK supplied (% of replications)")
        .draw()
        .drawn()?;
    let target = s.target;
    chart
        .draw_series(std::iter::once(DashedPathElement::new(
            vec![(t0, target), (t1, target)],
            2,
            5,
            colour::GREY.stroke_width(2),
        )))
        .drawn()?;
    // Deadlines: one dashed line when all hubs share it; else a marker on each curve.
    let mut deadlines: Vec<f64> = curves.iter().filter_map(|c| c.deadline).collect();
    deadlines.sort_by(f64::total_cmp);
    deadlines.dedup_by(|a, b| (*a - *b).abs() < 1.0 / 60.0);
    for &d in &deadlines {
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                vec![(d, 0.0), (d, 1.0)],
                8,
                6,
                colour::BLACK.stroke_width(2),
            )))
            .drawn()?;
    }
    for (i, c) in curves.iter().enumerate() {
        let (col, dashed) = series_style(i);
        let st = col.stroke_width(3);
        if dashed {
            chart
                .draw_series(std::iter::once(DashedPathElement::new(
                    c.points.clone(),
                    10,
                    6,
                    st,
                )))
                .drawn()?;
        } else {
            chart
                .draw_series(LineSeries::new(c.points.clone(), st))
                .drawn()?;
        }
    }
    if deadlines.len() > 1 {
        for (i, c) in curves.iter().enumerate() {
            if let Some(d) = c.deadline {
                let (col, _) = series_style(i);
                let h = acc.hist(s.kecamatan[i].hub);
                let f = cdf_at(h, bin_h, runs, d);
                chart
                    .draw_series([
                        Circle::new((d, f), 7, colour::BLACK.filled()),
                        Circle::new((d, f), 5, col.filled()),
                    ])
                    .drawn()?;
            }
        }
    }
    let items: Vec<(Mark, String)> = curves
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (col, dashed) = series_style(i);
            let label = if c.never >= 0.0005 {
                format!("{} ({} never)", c.name, super::pct(c.never))
            } else {
                c.name.clone()
            };
            (Mark::Line(col, dashed), label)
        })
        .collect();
    let y = legend_column(&side, (12, 8), legend_w as i32 - 16, Some("PPK"), &items)?;
    let mut more = Vec::new();
    match deadlines.len() {
        0 => {}
        1 => more.push((
            Mark::Line(colour::BLACK, true),
            format!("deadline {}", when(m, deadlines[0])),
        )),
        _ => {
            more.push((Mark::Line(colour::BLACK, true), "PPK deadlines".to_string()));
            more.push((
                Mark::Dot(colour::GREY, 6),
                "P(on time) at deadline".to_string(),
            ));
        }
    }
    more.push((
        Mark::Line(colour::GREY, true),
        format!("target {}", pct_short(target)),
    ));
    legend_column(
        &side,
        (12, y + LEGEND_ROW / 2),
        legend_w as i32 - 16,
        None,
        &more,
    )?;
    Ok(())
}
