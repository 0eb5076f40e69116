//! The frame every chart shares (title, reading guide, small print) and the legends drawn
//! beside or below the plot.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{Drawn, HEIGHT, WIDTH, bold, colour, fit, font, size, text, text_width};
use crate::error::Result;
use crate::lang::t;

/// Layout constants of the frame.
pub(crate) mod frame {
    /// Left and right margin.
    pub const SIDE: i32 = 24;
    /// Top of the body (below title and guide).
    pub const TOP: i32 = 96;
    /// Height of the footer strip.
    pub const BOTTOM: i32 = 40;
}

/// Draw the frame (background, title, guide, small print) and return the body area.
pub(crate) fn draw_frame<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    guide: &str,
    footer: &str,
) -> Result<DrawingArea<DB, Shift>> {
    root.fill(&WHITE).drawn()?;
    let w = WIDTH as i32 - 2 * frame::SIDE;
    let tf = bold(size::TITLE);
    root.draw(&Text::new(
        fit(title, &tf, w),
        (frame::SIDE, 14),
        text(tf, colour::BLACK, HPos::Left, VPos::Top),
    ))
    .drawn()?;
    let gf = font(size::GUIDE);
    root.draw(&Text::new(
        fit(guide, &gf, w),
        (frame::SIDE, 58),
        text(gf, colour::TEXT_GREY, HPos::Left, VPos::Top),
    ))
    .drawn()?;
    let sf = font(size::SMALL);
    root.draw(&Text::new(
        fit(footer, &sf, w),
        (frame::SIDE, HEIGHT as i32 - 12),
        text(sf, colour::TEXT_GREY, HPos::Left, VPos::Bottom),
    ))
    .drawn()?;
    Ok(root.clone().shrink(
        (frame::SIDE, frame::TOP),
        (
            WIDTH - 2 * frame::SIDE as u32,
            HEIGHT - (frame::TOP + frame::BOTTOM) as u32,
        ),
    ))
}

/// A centred message in an area (a chart with nothing to show).
pub(crate) fn message<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    msg: &str,
) -> Result<()> {
    let (w, h) = area.dim_in_pixel();
    let f = font(size::AXIS);
    area.draw(&Text::new(
        fit(msg, &f, w as i32 - 20),
        (w as i32 / 2, h as i32 / 2),
        text(f, colour::TEXT_GREY, HPos::Center, VPos::Center),
    ))
    .drawn()
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Mark {
    /// A line, dashed or not.
    Line(RGBColor, bool),
    /// A filled block.
    Block(RGBColor),
    /// A translucent band with a line through it.
    Band(RGBColor),
    /// A filled circle of a radius.
    Dot(RGBColor, i32),
    /// A filled square.
    Square(RGBColor),
    /// An upward triangle.
    Triangle(RGBColor),
    /// A short vertical bar.
    Tick(RGBColor),
    /// A horizontal whisker with end caps.
    Whisker(RGBColor),
}

/// Draw a mark centred at `(x, y)` in pixels of `area`, fitting a 28 × 18 box.
pub(crate) fn draw_mark<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    mark: Mark,
    (x, y): (i32, i32),
) -> Result<()> {
    match mark {
        Mark::Line(c, dashed) => {
            if dashed {
                area.draw(&DashedPathElement::new(
                    vec![(x - 14, y), (x + 14, y)],
                    6,
                    4,
                    c.stroke_width(3),
                ))
                .drawn()
            } else {
                area.draw(&PathElement::new(
                    vec![(x - 14, y), (x + 14, y)],
                    c.stroke_width(3),
                ))
                .drawn()
            }
        }
        Mark::Block(c) => area
            .draw(&Rectangle::new(
                [(x - 12, y - 8), (x + 12, y + 8)],
                c.filled(),
            ))
            .drawn(),
        Mark::Band(c) => {
            area.draw(&Rectangle::new(
                [(x - 14, y - 8), (x + 14, y + 8)],
                c.mix(0.25).filled(),
            ))
            .drawn()?;
            area.draw(&PathElement::new(
                vec![(x - 14, y), (x + 14, y)],
                c.stroke_width(3),
            ))
            .drawn()
        }
        Mark::Dot(c, r) => area.draw(&Circle::new((x, y), r, c.filled())).drawn(),
        Mark::Square(c) => area
            .draw(&Rectangle::new(
                [(x - 7, y - 7), (x + 7, y + 7)],
                c.filled(),
            ))
            .drawn(),
        Mark::Triangle(c) => area
            .draw(&Polygon::new(
                vec![(x, y - 8), (x - 8, y + 7), (x + 8, y + 7)],
                c.filled(),
            ))
            .drawn(),
        Mark::Tick(c) => area
            .draw(&Rectangle::new(
                [(x - 2, y - 10), (x + 2, y + 10)],
                c.filled(),
            ))
            .drawn(),
        Mark::Whisker(c) => {
            let s = c.stroke_width(2);
            area.draw(&PathElement::new(vec![(x - 13, y), (x + 13, y)], s))
                .drawn()?;
            area.draw(&PathElement::new(vec![(x - 13, y - 6), (x - 13, y + 6)], s))
                .drawn()?;
            area.draw(&PathElement::new(vec![(x + 13, y - 6), (x + 13, y + 6)], s))
                .drawn()
        }
    }
}

/// Row height of a legend entry.
pub(crate) const LEGEND_ROW: i32 = 28;

/// A legend in a column: an optional heading, then one entry a row, from `(x, y)` of `area`,
/// texts shortened to fit `width`. Returns the y below the last row.
pub(crate) fn legend_column<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    (x, mut y): (i32, i32),
    width: i32,
    heading: Option<&str>,
    items: &[(Mark, String)],
) -> Result<i32> {
    let f = font(size::LABEL);
    if let Some(h) = heading {
        let bf = bold(size::LABEL);
        area.draw(&Text::new(
            fit(h, &bf, width),
            (x, y + LEGEND_ROW / 2),
            text(bf, colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        y += LEGEND_ROW;
    }
    // Entries that do not fit in the area's height are summarised in the last row.
    let (_, h) = area.dim_in_pixel();
    let room = ((h as i32 - y) / LEGEND_ROW).max(1) as usize;
    let shown = if items.len() > room {
        room - 1
    } else {
        items.len()
    };
    for (mark, label) in &items[..shown] {
        draw_mark(area, *mark, (x + 14, y + LEGEND_ROW / 2))?;
        area.draw(&Text::new(
            fit(label, &f, width - 38),
            (x + 38, y + LEGEND_ROW / 2),
            text(f.clone(), colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        y += LEGEND_ROW;
    }
    if shown < items.len() {
        area.draw(&Text::new(
            t!(super::lang(), "legend-more", n = items.len() - shown),
            (x + 38, y + LEGEND_ROW / 2),
            text(f, colour::TEXT_GREY, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        y += LEGEND_ROW;
    }
    Ok(y)
}

/// A legend in one row, entries side by side from `(x, y)` (the row's vertical centre).
pub(crate) fn legend_row<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    (mut x, y): (i32, i32),
    items: &[(Mark, String)],
) -> Result<()> {
    let f = font(size::LABEL);
    for (mark, label) in items {
        draw_mark(area, *mark, (x + 14, y))?;
        area.draw(&Text::new(
            label.clone(),
            (x + 36, y),
            text(f.clone(), colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        x += 36 + text_width(label, &f) + 28;
    }
    Ok(())
}
