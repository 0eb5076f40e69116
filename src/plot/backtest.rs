//! "Observed value on its predictive band": one row per observed item of a backtest, on the
//! scale of the model's percentiles, with the central 50% and 95% of the model shaded and the
//! observed value marked where it falls (a bar when it spans percentiles: a day, a count, a
//! yes/no). Beside each row, the observed value and the model's central 95% in their own unit.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::framed::{Body, render};
use super::{Chart, Drawn, colour, fit, font, size, text};
use crate::backtest::Backtest;
use crate::backtest::words::{self, band, native};
use crate::error::Result;
use crate::lang::t;
use crate::time::Clock;

/// The most rows drawn; the rest are in the table.
const MAX_ROWS: usize = 40;

struct BandChart<'a>(&'a Backtest);

impl Body for BandChart<'_> {
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        _root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()> {
        let (m, b) = (&self.0.clock, self.0);
        if b.items.is_empty() {
            return super::message(body, &t!(super::lang(), "bt-none"));
        }
        let (w, h) = body.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        let n = b.items.len().min(MAX_ROWS);
        let (left, right) = (290, 400);
        let (x0, x1) = (left, w - right);
        let top = 34;
        let row_h = ((h - top - 24) / n as i32).clamp(8, 40);
        let xs = |p: f64| x0 + ((x1 - x0) as f64 * p.clamp(0.0, 1.0)).round() as i32;
        let lf = font(if row_h >= 22 { size::LABEL } else { 13.0 });
        // Axis: percentiles.
        for p in [0.0, 0.025, 0.25, 0.5, 0.75, 0.975, 1.0] {
            let x = xs(p);
            body.draw(&PathElement::new(
                vec![(x, top - 4), (x, top + row_h * n as i32)],
                colour::GRID.stroke_width(1),
            ))
            .drawn()?;
            if p == 0.025 || p == 0.975 {
                continue;
            }
            body.draw(&Text::new(
                format!("{}%", super::num(p * 100.0, 0)),
                (x, top - 8),
                text(
                    font(size::SMALL),
                    colour::TEXT_GREY,
                    HPos::Center,
                    VPos::Bottom,
                ),
            ))
            .drawn()?;
        }
        for (r, ((it, p), s)) in b
            .items
            .iter()
            .zip(&b.predictive)
            .zip(&b.scores)
            .take(n)
            .enumerate()
        {
            let yc = top + row_h * r as i32 + row_h / 2;
            let half = (row_h / 2 - 2).max(2);
            body.draw(&Rectangle::new(
                [(xs(0.025), yc - half), (xs(0.975), yc + half)],
                colour::SKY.mix(0.35).filled(),
            ))
            .drawn()?;
            body.draw(&Rectangle::new(
                [(xs(0.25), yc - half), (xs(0.75), yc + half)],
                colour::BLUE.mix(0.45).filled(),
            ))
            .drawn()?;
            let c = if s.central_95 {
                colour::BLACK
            } else {
                colour::VERMILLION
            };
            let (a, z) = (xs(s.pit_lo), xs(s.pit_hi));
            if z - a >= 4 {
                body.draw(&Rectangle::new(
                    [(a, yc - half / 3), (z, yc + half / 3)],
                    c.filled(),
                ))
                .drawn()?;
            } else {
                body.draw(&Circle::new(
                    (xs(s.pit), yc),
                    (half / 2 + 2).min(7),
                    c.filled(),
                ))
                .drawn()?;
            }
            let label = format!("{} · {}", words::quantity(super::lang(), it), it.place);
            body.draw(&Text::new(
                fit(label.trim_end_matches(" · "), &lf, left - 12),
                (left - 8, yc),
                text(lf.clone(), colour::BLACK, HPos::Right, VPos::Center),
            ))
            .drawn()?;
            let side = format!(
                "{}  |  {}",
                words::observed(super::lang(), m, it),
                t!(super::lang(), "bt-model", band = compact_band(m, it, p))
            );
            body.draw(&Text::new(
                fit(&side, &lf, right - 12),
                (x1 + 10, yc),
                text(lf.clone(), c, HPos::Left, VPos::Center),
            ))
            .drawn()?;
        }
        if b.items.len() > n {
            body.draw(&Text::new(
                t!(
                    super::lang(),
                    "bt-more",
                    n = super::thousands((b.items.len() - n) as u64)
                ),
                (x0, top + row_h * n as i32 + 6),
                text(font(size::SMALL), colour::TEXT_GREY, HPos::Left, VPos::Top),
            ))
            .drawn()?;
        }
        Ok(())
    }
}

/// The model's central 95% in the item's unit, short: `7 Feb 08:45 – 7 Feb 17:05`.
fn compact_band(
    m: &Clock,
    it: &crate::backtest::record::Item,
    p: &crate::backtest::score::Predictive,
) -> String {
    if !it.is_time() {
        return band(super::lang(), m, it, p);
    }
    let t = |v: f64| {
        if v >= m.horizon {
            native(super::lang(), m, it, v)
        } else {
            super::when(m, v)
        }
    };
    let (a, b) = (t(p.quantile(0.025)), t(p.quantile(0.975)));
    // Same day: "7 Feb 08:45–17:05".
    match (a.rsplit_once(' '), b.rsplit_once(' ')) {
        (Some((da, _)), Some((db, hb))) if da == db => format!("{a}–{hb}"),
        _ => format!("{a} – {b}"),
    }
}

/// The chart `backtest.png` / `.svg`.
pub fn chart(b: &Backtest) -> Result<Chart> {
    let outside = b.scores.iter().filter(|s| !s.central_95).count();
    render(
        "backtest",
        &t!(super::lang(), "bt-title", scenario = &b.scenario),
        &t!(
            super::lang(),
            "bt-guide",
            outside = super::thousands(outside as u64),
            items = super::thousands(b.items.len() as u64)
        ),
        &t!(
            super::lang(),
            "bt-footer",
            scenario = &b.scenario,
            seed = b.seed.to_string(),
            runs = super::thousands(b.runs),
            version = env!("CARGO_PKG_VERSION")
        ),
        &BandChart(b),
    )
}
