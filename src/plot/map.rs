//! "Map": the depot, hubs and villages at their coordinates, each coloured by its P(on time),
//! joined to their suppliers by a line styled by the route's mode, over an optional GeoJSON
//! basemap; with a colour legend, a north arrow and a scale bar.
//!
//! The projection is equirectangular with the longitude scaled by cos(mid-latitude), and the
//! plot keeps one scale on both axes, so distances and shapes are geographic (near the
//! equator, as for Bengkalis, the correction is under 0.1%).

use plotters::coord::Shift;
use plotters::coord::cartesian::Cartesian2d;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    Ctx, Drawn, LEGEND_ROW, Mark, Ticked, bold, colour, fit, font, legend_column, size, text,
    text_width,
};
use crate::error::Result;
use crate::lang::t;
use crate::summary::{NodeKind as Kind, RouteMode as Mode, Summary};

/// The reading guide.
pub(super) fn guide(_ctx: &Ctx) -> String {
    t!(super::lang(), "map-guide")
}

/// Colour classes of P(on time): lower bounds, colours, labels.
const CLASSES: [(f64, RGBColor, &str); 5] = [
    (0.99, colour::BLUE, "map-class-99"),
    (0.95, colour::SKY, "map-class-95"),
    (0.90, colour::YELLOW, "map-class-90"),
    (0.80, colour::ORANGE, "map-class-80"),
    (0.0, colour::VERMILLION, "map-class-below"),
];

fn class_colour(p: Option<f64>) -> RGBColor {
    match p {
        Some(p) => CLASSES
            .iter()
            .find(|c| p >= c.0)
            .map(|c| c.1)
            .unwrap_or(colour::VERMILLION),
        None => colour::GREY,
    }
}

/// One place on the map.
struct Place {
    name: String,
    kind: Kind,
    x: f64,
    y: f64,
    p: Option<f64>,
    stations: usize,
}

/// A label's box in pixels.
type BoxPx = (i32, i32, i32, i32);

fn overlaps(a: &BoxPx, b: &BoxPx) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// A round step in degrees for about `n` ticks over `span` degrees.
fn degree_step(span: f64, n: f64) -> f64 {
    let raw = span / n.max(1.0);
    [
        0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 45.0,
    ]
    .into_iter()
    .find(|s| *s >= raw)
    .unwrap_or(90.0)
}

fn degree_ticks(a: f64, b: f64, step: f64) -> Vec<f64> {
    let mut v = Vec::new();
    let mut t = (a / step).ceil() * step;
    while t <= b + 1e-9 && v.len() < 50 {
        v.push(t);
        t += step;
    }
    v
}

fn degrees(v: f64, pos: char, neg: char, step: f64) -> String {
    let d = if step < 0.1 {
        2
    } else if step < 1.0 {
        1
    } else {
        0
    };
    format!("{:.*}°{}", d, v.abs(), if v < 0.0 { neg } else { pos })
}

/// A node's position as (longitude, latitude), if the scenario gives one.
fn lon_lat(s: &Summary, i: usize) -> Option<(f64, f64)> {
    Some((s.nodes[i].lon?, s.nodes[i].lat?))
}

/// The places with coordinates, each with the figure that colours it
/// ([`crate::summary::MapView::colour_p`]); and how many places have no coordinates.
fn places(ctx: &Ctx) -> (Vec<Place>, usize) {
    let s = ctx.s;
    let mut places = Vec::new();
    let mut unplaced = 0usize;
    for (i, nr) in s.nodes.iter().enumerate() {
        let Some((lon, lat)) = lon_lat(s, i) else {
            unplaced += 1;
            continue;
        };
        places.push(Place {
            name: nr.name.clone(),
            kind: nr.kind,
            x: lon,
            y: lat,
            p: s.map.colour_p[i],
            stations: nr.stations,
        });
    }
    (places, unplaced)
}

/// The map's frame: the projected extent (x is longitude × `kx`), the longitude factor and
/// the step of the degree ticks.
struct Frame {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    kx: f64,
    step: f64,
}

impl Frame {
    /// A position (longitude, latitude) in the projection.
    fn pj(&self, lon: f64, lat: f64) -> (f64, f64) {
        (lon * self.kx, lat)
    }
}

/// Label areas and margin of the map's plot, pixels.
const XL: i32 = 52;
const YL: i32 = 92;
const MG: i32 = 10;

/// The extent of the places and the basemap, padded and widened to one scale on both axes
/// for a plot of `pw` × `ph` pixels.
fn frame(places: &[Place], ctx: &Ctx, pw: u32, ph: u32) -> Frame {
    let mut ext = places.iter().fold(
        (
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ),
        |e, p| (e.0.min(p.x), e.1.max(p.x), e.2.min(p.y), e.3.max(p.y)),
    );
    if let Some((rings, _)) = &ctx.basemap {
        for r in rings {
            for &(lon, lat) in r {
                ext = (
                    ext.0.min(lon),
                    ext.1.max(lon),
                    ext.2.min(lat),
                    ext.3.max(lat),
                );
            }
        }
    }
    let (mut lon0, mut lon1, mut lat0, mut lat1) = ext;
    let lat_mid = (lat0 + lat1) / 2.0;
    let kx = lat_mid.to_radians().cos().max(0.05);
    // Pad: 8% and at least 0.03° each side.
    let padx = ((lon1 - lon0) * 0.08).max(0.03);
    let pady = ((lat1 - lat0) * 0.08).max(0.03);
    lon0 -= padx;
    lon1 += padx;
    lat0 -= pady;
    lat1 += pady;
    // One scale on both axes: widen the narrower dimension to the plot's pixel aspect.
    let inner_w = (pw as i32 - YL - 2 * MG).max(50) as f64;
    let inner_h = (ph as i32 - XL - 2 * MG).max(50) as f64;
    let (x0, x1) = (lon0 * kx, lon1 * kx);
    let (y0, y1) = (lat0, lat1);
    let scale = (inner_w / (x1 - x0)).min(inner_h / (y1 - y0));
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (hw, hh) = (inner_w / scale / 2.0, inner_h / scale / 2.0);
    let (x0, x1, y0, y1) = (cx - hw, cx + hw, cy - hh, cy + hh);
    let step =
        degree_step((x1 - x0) / kx, inner_w / 150.0).max(degree_step(y1 - y0, inner_h / 90.0));
    Frame {
        x0,
        x1,
        y0,
        y1,
        kx,
        step,
    }
}

/// The map's coordinate system.
type MapChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Ticked, Ticked>>;

/// The basemap's land polygons with their outlines.
fn draw_basemap<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &mut MapChart<DB>,
    rings: &[Vec<(f64, f64)>],
    fr: &Frame,
) -> Result<()> {
    for r in rings {
        let pts: Vec<(f64, f64)> = r.iter().map(|&(a, b)| fr.pj(a, b)).collect();
        chart
            .draw_series(std::iter::once(Polygon::new(
                pts.clone(),
                RGBColor(240, 237, 226).filled(),
            )))
            .drawn()?;
        let mut closed = pts;
        if let Some(&f) = closed.first() {
            closed.push(f);
        }
        chart
            .draw_series(std::iter::once(PathElement::new(
                closed,
                RGBColor(170, 165, 150).stroke_width(1),
            )))
            .drawn()?;
    }
    Ok(())
}

/// The line from each place to its supplier; returns which modes (road, sea, river) appear.
fn draw_links<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &mut MapChart<DB>,
    s: &Summary,
    fr: &Frame,
) -> Result<[bool; 3]> {
    let pj = |lon: f64, lat: f64| fr.pj(lon, lat);
    // Links from each supplier, styled by the route's mode (its first non-road link).
    let mut modes = [false; 3];
    for line in &s.map.lines {
        let (Some((lon, lat)), Some((slon, slat))) =
            (lon_lat(s, line.node), lon_lat(s, line.supplier))
        else {
            continue;
        };
        let major = s.nodes[line.node].kind != Kind::Village;
        let pts = vec![pj(slon, slat), pj(lon, lat)];
        match line.mode {
            Mode::Road => {
                modes[0] = true;
                let c = RGBColor(90, 90, 90);
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        pts,
                        c.stroke_width(if major { 3 } else { 1 }),
                    )))
                    .drawn()?;
            }
            Mode::Sea => {
                modes[1] = true;
                chart
                    .draw_series(std::iter::once(DashedPathElement::new(
                        pts,
                        10,
                        6,
                        colour::BLUE.stroke_width(if major { 3 } else { 2 }),
                    )))
                    .drawn()?;
            }
            Mode::River => {
                modes[2] = true;
                chart
                    .draw_series(std::iter::once(DashedPathElement::new(
                        pts,
                        3,
                        4,
                        colour::GREEN.stroke_width(if major { 3 } else { 2 }),
                    )))
                    .drawn()?;
            }
        }
    }

    Ok(modes)
}

/// Draw order of the kinds of place: villages first, then hubs, then depots.
fn rank(k: Kind) -> u8 {
    match k {
        Kind::Village => 0,
        Kind::Hub => 1,
        Kind::Depot => 2,
    }
}

/// A village's marker radius, pixels, by its TPS.
fn village_r(n: usize) -> i32 {
    (4.0 + 1.5 * (n as f64).sqrt()).min(16.0) as i32
}

/// The places' markers, villages first (smallest on top), then hubs, then depots; returns
/// the places in that order, the pixel boxes the hubs and depots take, and whether a place
/// has no figure (grey).
fn draw_places<'p, DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    chart: &MapChart<DB>,
    places: &'p [Place],
    fr: &Frame,
) -> Result<(Vec<&'p Place>, Vec<BoxPx>, bool)> {
    let pj = |lon: f64, lat: f64| fr.pj(lon, lat);
    let mut order: Vec<&Place> = places.iter().collect();
    order.sort_by(|a, b| {
        rank(a.kind)
            .cmp(&rank(b.kind))
            .then(b.stations.cmp(&a.stations))
            .then(a.name.cmp(&b.name))
    });
    let mut taken: Vec<BoxPx> = Vec::new();
    let mut any_grey = false;
    for p in &order {
        let (px, py) = chart.backend_coord(&pj(p.x, p.y));
        let c = class_colour(p.p);
        any_grey |= p.p.is_none();
        match p.kind {
            Kind::Village => {
                let r = village_r(p.stations);
                root.draw(&Circle::new((px, py), r + 1, colour::BLACK.filled()))
                    .drawn()?;
                root.draw(&Circle::new((px, py), r, c.filled())).drawn()?;
            }
            Kind::Hub => {
                root.draw(&Circle::new((px, py), 13, colour::BLACK.filled()))
                    .drawn()?;
                root.draw(&Circle::new((px, py), 10, c.filled())).drawn()?;
                taken.push((px - 13, py - 13, px + 13, py + 13));
            }
            Kind::Depot => {
                root.draw(&Rectangle::new(
                    [(px - 12, py - 12), (px + 12, py + 12)],
                    colour::BLACK.filled(),
                ))
                .drawn()?;
                root.draw(&Rectangle::new(
                    [(px - 8, py - 8), (px + 8, py + 8)],
                    c.filled(),
                ))
                .drawn()?;
                taken.push((px - 12, py - 12, px + 12, py + 12));
            }
        }
    }

    Ok((order, taken, any_grey))
}

/// The names of depots and hubs, and of villages when there are few, where they do not
/// overlap a marker or another name.
fn draw_labels<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    chart: &MapChart<DB>,
    order: &[&Place],
    mut taken: Vec<BoxPx>,
    fr: &Frame,
) -> Result<()> {
    let pj = |lon: f64, lat: f64| fr.pj(lon, lat);
    let (x0, x1, y0, y1) = (fr.x0, fr.x1, fr.y0, fr.y1);
    // Labels: depots and hubs always; villages too when there are few.
    let (ax, ay) = chart.backend_coord(&(x0, y1));
    let (bx, by) = chart.backend_coord(&(x1, y0));
    let villages = order.iter().filter(|p| p.kind == Kind::Village).count();
    let mut to_label: Vec<&Place> = order
        .iter()
        .rev()
        .filter(|p| p.kind != Kind::Village || villages <= 15)
        .copied()
        .collect();
    to_label.sort_by_key(|p| 2 - rank(p.kind));
    for p in to_label {
        let major = p.kind != Kind::Village;
        let f = if major {
            bold(size::LABEL)
        } else {
            font(size::SMALL)
        };
        let (px, py) = chart.backend_coord(&pj(p.x, p.y));
        let r = match p.kind {
            Kind::Village => village_r(p.stations),
            _ => 13,
        };
        let tw = text_width(&p.name, &f);
        let th = (f.get_size() / 1.24) as i32 + 4;
        let cands = [
            (px + r + 5, py - th / 2),
            (px - r - 5 - tw, py - th / 2),
            (px - tw / 2, py - r - 4 - th),
            (px - tw / 2, py + r + 4),
            (px + r, py - r - th),
            (px + r, py + r),
            (px - r - tw, py - r - th),
            (px - r - tw, py + r),
        ];
        let inside = |b: &BoxPx| b.0 >= ax && b.2 <= bx && b.1 >= ay && b.3 <= by;
        let pick = cands
            .iter()
            .map(|&(x, y)| (x, y, x + tw, y + th))
            .find(|b| inside(b) && !taken.iter().any(|t| overlaps(b, t)))
            .or_else(|| {
                cands
                    .iter()
                    .map(|&(x, y)| (x, y, x + tw, y + th))
                    .find(|b| inside(b))
            });
        let Some(b) = pick else { continue };
        root.draw(&Rectangle::new(
            [(b.0 - 2, b.1), (b.2 + 2, b.3)],
            WHITE.mix(0.75).filled(),
        ))
        .drawn()?;
        root.draw(&Text::new(
            p.name.clone(),
            (b.0, (b.1 + b.3) / 2),
            text(f, colour::BLACK, HPos::Left, VPos::Center),
        ))
        .drawn()?;
        taken.push(b);
    }

    Ok(())
}

/// The north arrow (top right), the scale bar (bottom left) and the basemap's credit
/// (bottom right), inside the map's plotting area `(ax, ay)`–`(bx, by)`.
fn draw_furniture<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
    (ax, ay, bx, by): BoxPx,
    fr: &Frame,
) -> Result<()> {
    let (x0, x1) = (fr.x0, fr.x1);
    // North arrow, top right inside the map.
    let (nx, ny) = (bx - 30, ay + 16);
    root.draw(&Polygon::new(
        vec![
            (nx, ny + 6),
            (nx - 11, ny + 40),
            (nx, ny + 32),
            (nx + 11, ny + 40),
        ],
        colour::BLACK.filled(),
    ))
    .drawn()?;
    root.draw(&Text::new(
        "N",
        (nx, ny + 44),
        text(bold(size::LABEL), colour::BLACK, HPos::Center, VPos::Top),
    ))
    .drawn()?;

    // Scale bar, bottom left inside the map: a round length near a fifth of the width.
    let km_per_px = (x1 - x0) * 111.32 / (bx - ax).max(1) as f64;
    let target_km = km_per_px * (bx - ax) as f64 / 5.0;
    let km = [
        1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0,
    ]
    .into_iter()
    .rev()
    .find(|k| *k <= target_km)
    .unwrap_or(1.0);
    let len = (km / km_per_px).round() as i32;
    let (sx, sy) = (ax + 16, by - 18);
    root.draw(&Rectangle::new(
        [(sx - 6, sy - 30), (sx + len + 6, sy + 8)],
        WHITE.mix(0.75).filled(),
    ))
    .drawn()?;
    root.draw(&Rectangle::new(
        [(sx, sy - 4), (sx + len, sy)],
        colour::BLACK.filled(),
    ))
    .drawn()?;
    for x in [sx, sx + len] {
        root.draw(&Rectangle::new(
            [(x - 1, sy - 9), (x + 1, sy)],
            colour::BLACK.filled(),
        ))
        .drawn()?;
    }
    root.draw(&Text::new(
        format!("{km:.0} km"),
        (sx + len / 2, sy - 10),
        text(font(size::SMALL), colour::BLACK, HPos::Center, VPos::Bottom),
    ))
    .drawn()?;

    // The basemap's credit, bottom right inside the map.
    if let Some((_, credit)) = &ctx.basemap {
        let f = font(size::SMALL);
        let c = fit(credit, &f, (bx - ax) - len - 60);
        let tw = text_width(&c, &f);
        root.draw(&Rectangle::new(
            [(bx - tw - 12, by - 30), (bx - 2, by - 2)],
            WHITE.mix(0.8).filled(),
        ))
        .drawn()?;
        root.draw(&Text::new(
            c,
            (bx - 7, by - 16),
            text(f, colour::TEXT_GREY, HPos::Right, VPos::Center),
        ))
        .drawn()?;
    }

    Ok(())
}

/// The legend beside the map: colour classes, kinds of place, routes, and notes.
fn draw_legend<DB: DrawingBackend<ErrorType: 'static>>(
    side: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
    places: &[Place],
    (modes, any_grey, unplaced): ([bool; 3], bool, usize),
    legend_w: u32,
) -> Result<()> {
    let villages = places.iter().filter(|p| p.kind == Kind::Village).count();
    let side = side.clone();
    // Legend.
    let lw = legend_w as i32 - 16;
    let mut items: Vec<(Mark, String)> = CLASSES
        .iter()
        .map(|c| (Mark::Dot(c.1, 8), crate::lang::tr(super::lang(), c.2, &[])))
        .collect();
    if any_grey {
        items.push((Mark::Dot(colour::GREY, 8), t!(super::lang(), "map-no-tps")));
    }
    let mut y = legend_column(
        &side,
        (12, 8),
        lw,
        Some(&t!(super::lang(), "map-share-legend")),
        &items,
    )?;
    let mut shapes = Vec::new();
    if places.iter().any(|p| p.kind == Kind::Depot) {
        shapes.push((Mark::Square(colour::GREY), t!(super::lang(), "map-depot")));
    }
    if places.iter().any(|p| p.kind == Kind::Hub) {
        shapes.push((Mark::Dot(colour::GREY, 11), t!(super::lang(), "map-ppk")));
    }
    if villages > 0 {
        shapes.push((Mark::Dot(colour::GREY, 6), t!(super::lang(), "map-village")));
    }
    y = legend_column(
        &side,
        (12, y + LEGEND_ROW / 2),
        lw,
        Some(&t!(super::lang(), "map-places")),
        &shapes,
    )?;
    let mut routes = Vec::new();
    if modes[0] {
        routes.push((
            Mark::Line(RGBColor(90, 90, 90), false),
            t!(super::lang(), "map-road"),
        ));
    }
    if modes[1] {
        routes.push((Mark::Line(colour::BLUE, true), t!(super::lang(), "map-sea")));
    }
    if modes[2] {
        routes.push((
            Mark::Line(colour::GREEN, true),
            t!(super::lang(), "map-river"),
        ));
    }
    if !routes.is_empty() {
        y = legend_column(
            &side,
            (12, y + LEGEND_ROW / 2),
            lw,
            Some(&t!(super::lang(), "map-routes")),
            &routes,
        )?;
    }
    if let Some(p) = &ctx.basemap_missing {
        let f = font(size::SMALL);
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| p.display().to_string());
        for line in [t!(super::lang(), "map-basemap-missing"), name] {
            side.draw(&Text::new(
                fit(&line, &f, lw),
                (12, y + LEGEND_ROW / 2),
                text(f.clone(), colour::VERMILLION, HPos::Left, VPos::Center),
            ))
            .drawn()?;
            y += LEGEND_ROW - 4;
        }
    }
    if unplaced > 0 {
        let f = font(size::SMALL);
        side.draw(&Text::new(
            fit(&t!(super::lang(), "map-unplaced", n = unplaced), &f, lw),
            (12, y + LEGEND_ROW),
            text(f, colour::TEXT_GREY, HPos::Left, VPos::Center),
        ))
        .drawn()?;
    }
    Ok(())
}

/// Draw the chart into `body`.
pub(super) fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<()> {
    let (places, unplaced) = places(ctx);
    let (bw, _) = body.dim_in_pixel();
    let legend_w = 300;
    let (plot, side) = body.split_horizontally(bw - legend_w);
    if places.is_empty() {
        return super::message(body, &t!(super::lang(), "map-no-coordinates"));
    }
    let (pw, ph) = plot.dim_in_pixel();
    let fr = frame(&places, ctx, pw, ph);
    let xt: Vec<f64> = degree_ticks(fr.x0 / fr.kx, fr.x1 / fr.kx, fr.step)
        .into_iter()
        .map(|l| l * fr.kx)
        .collect();
    let yt = degree_ticks(fr.y0, fr.y1, fr.step);
    let mut chart = ChartBuilder::on(&plot)
        .margin(MG)
        .x_label_area_size(XL)
        .y_label_area_size(YL)
        .build_cartesian_2d(
            super::ticked(fr.x0..fr.x1, xt),
            super::ticked(fr.y0..fr.y1, yt),
        )
        .drawn()?;
    let xlab = |x: &f64| degrees(x / fr.kx, 'E', 'W', fr.step);
    let ylab = |y: &f64| degrees(*y, 'N', 'S', fr.step);
    if ctx.basemap.is_some() {
        chart
            .plotting_area()
            .fill(&RGBColor(228, 240, 248))
            .drawn()?;
    }
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(235, 235, 235).mix(0.6))
        .x_label_formatter(&xlab)
        .y_label_formatter(&ylab)
        .label_style(font(size::LABEL))
        .draw()
        .drawn()?;
    if let Some((rings, _)) = &ctx.basemap {
        draw_basemap(&mut chart, rings, &fr)?;
    }
    let modes = draw_links(&mut chart, ctx.s, &fr)?;
    let (order, taken, any_grey) = draw_places(root, &chart, &places, &fr)?;
    draw_labels(root, &chart, &order, taken, &fr)?;
    let (ax, ay) = chart.backend_coord(&(fr.x0, fr.y1));
    let (bx, by) = chart.backend_coord(&(fr.x1, fr.y0));
    draw_furniture(root, ctx, (ax, ay, bx, by), &fr)?;
    draw_legend(&side, ctx, &places, (modes, any_grey, unplaced), legend_w)
}
