//! "What matters most": a tornado of P(every TPS on time) when each input is moved to its low
//! and high setting, widest swing on top.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::framed::Body;
use super::{Chart, framed};
use super::{Drawn, Mark, colour, font, legend_row, size, text, text_width};
use crate::analysis::sensitivity::Sensitivity;
use crate::analysis::sensitivity::{input_words, setting_words};
use crate::error::Result;
use crate::lang::t;

/// The chart.
pub(crate) struct Tornado<'a>(pub &'a Sensitivity);

impl Body for Tornado<'_> {
    fn draw<DB: DrawingBackend<ErrorType: 'static>>(
        &self,
        root: &DrawingArea<DB, Shift>,
        body: &DrawingArea<DB, Shift>,
    ) -> Result<()> {
        let s = self.0;
        let n = s.effects.len();
        if n == 0 {
            return super::message(body, &t!(super::lang(), "tornado-none"));
        }
        let (bw, bh) = body.dim_in_pixel();
        let (plot, strip) = body.split_vertically(bh - 44);
        let lf = font(size::LABEL);
        let labels: Vec<String> = s
            .effects
            .iter()
            .map(|e| {
                let l = super::lang();
                format!(
                    "{} ({} / {})",
                    input_words(l, &e.input),
                    setting_words(l, &e.low),
                    setting_words(l, &e.high)
                )
            })
            .collect();
        let name_w = labels
            .iter()
            .map(|l| text_width(l, &lf))
            .max()
            .unwrap_or(0)
            .min(bw as i32 / 2);
        let lo = s
            .effects
            .iter()
            .flat_map(|e| [e.p_low.p, e.p_high.p])
            .fold(s.base.p, f64::min);
        let hi = s
            .effects
            .iter()
            .flat_map(|e| [e.p_low.p, e.p_high.p])
            .fold(s.base.p, f64::max);
        let pad = ((hi - lo) * 0.08).max(0.01);
        let (x0, x1) = ((lo - pad).max(0.0), (hi + pad).min(1.0));
        // Room on the right for the swing written after the longest bar.
        let swing_w = s
            .effects
            .iter()
            .map(|e| text_width(&swing_label(e.swing), &lf))
            .max()
            .unwrap_or(0);
        let mut chart = ChartBuilder::on(&plot)
            .margin_top(8)
            .margin_right(swing_w + 20)
            .x_label_area_size(60)
            .y_label_area_size(name_w + 20)
            .build_cartesian_2d(
                x0..x1,
                super::ticked(-0.5..n as f64 - 0.5, (0..n).map(|i| i as f64).collect()),
            )
            .drawn()?;
        let yl = |y: &f64| super::row_label(&labels, *y, name_w);
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(colour::GRID)
            .x_label_formatter(&|x| format!("{}%", super::num(x * 100.0, 0)))
            .y_label_formatter(&yl)
            .label_style(font(size::LABEL))
            .axis_desc_style(font(size::AXIS))
            .x_desc(t!(super::lang(), "chance-every-tps"))
            .draw()
            .drawn()?;
        for (i, e) in s.effects.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            for (p, c) in [(e.p_low.p, colour::BLUE), (e.p_high.p, colour::VERMILLION)] {
                let (a, b) = if p < s.base.p {
                    (p, s.base.p)
                } else {
                    (s.base.p, p)
                };
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(a, y - 0.3), (b.max(a + 1e-6), y + 0.3)],
                        c.filled(),
                    )))
                    .drawn()?;
            }
            let (px, py) = chart.backend_coord(&(e.p_low.p.max(e.p_high.p), y));
            let lab = swing_label(e.swing);
            root.draw(&Text::new(
                lab,
                (px + 8, py),
                text(font(size::LABEL), colour::BLACK, HPos::Left, VPos::Center),
            ))
            .drawn()?;
        }
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(s.base.p, -0.5), (s.base.p, n as f64 - 0.5)],
                colour::BLACK.stroke_width(2),
            )))
            .drawn()?;
        legend_row(
            &strip,
            (name_w + 20, 22),
            &[
                (Mark::Block(colour::BLUE), t!(super::lang(), "tornado-low")),
                (
                    Mark::Block(colour::VERMILLION),
                    t!(super::lang(), "tornado-high"),
                ),
                (
                    Mark::Line(colour::BLACK, false),
                    t!(super::lang(), "tornado-baseline", p = super::pct(s.base.p)),
                ),
            ],
        )
    }
}

/// The swing of an input, in percentage points: `11,5 poin`.
fn swing_label(swing: f64) -> String {
    t!(
        super::lang(),
        "tornado-swing",
        pts = super::num(swing * 100.0, 1)
    )
}

/// The tornado chart.
pub fn chart(s: &Sensitivity) -> Result<Chart> {
    let c = framed::render(
        "tornado",
        &t!(super::lang(), "tornado-title"),
        &t!(super::lang(), "tornado-guide"),
        &framed::footer(
            &s.scenario,
            s.seed,
            s.runs,
            &t!(super::lang(), "per-setting"),
        ),
        &Tornado(s),
    )?;
    Ok(c)
}
