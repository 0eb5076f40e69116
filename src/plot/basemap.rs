//! The basemap beneath the map: polygons of a GeoJSON file, read with a size limit and
//! checked (every error names the file and, for JSON, the line and column, never the text).

use std::path::Path;

use crate::error::{Error, Result};
use crate::lang::{Msg, msg};

/// The largest basemap read: 16 MiB of GeoJSON (the kecamatan of Bengkalis take 8.5 kB; a
/// detailed province, a few MB). A basemap at the limit, of tiny points, takes about 0.55 GB
/// to read and draw (docs/robustness.md).
pub const MAX_BASEMAP_BYTES: u64 = 16 * 1024 * 1024;

/// Read a GeoJSON file's polygons as rings of (lon, lat): every Polygon and MultiPolygon ring,
/// from a FeatureCollection, a Feature, a GeometryCollection or a bare geometry.
pub fn load_basemap(path: &Path) -> Result<super::Rings> {
    let bytes = crate::input::read_regular_file(path, MAX_BASEMAP_BYTES).map_err(|e| match e {
        crate::input::InputError::Io(e) => Error::read(path, e),
        crate::input::InputError::Folder => unreadable(path, msg!("e895-folder")),
        crate::input::InputError::NotRegular(kind) => unreadable(
            path,
            msg!("e895-device", kind = crate::input::kind_words(kind)),
        ),
        crate::input::InputError::TooLarge { max } => {
            unreadable(path, msg!("e895-too-large", max = max))
        }
    })?;
    // The error names the line and column only: the basemap is named by a scenario file,
    // which may have been received from someone else, so its text is never echoed.
    let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        Error::invalid(
            path,
            "",
            msg!("e896", line = e.line(), column = e.column()),
            Some(msg!("e895-help")),
        )
    })?;
    let mut rings = Vec::new();
    collect(&v, &mut rings).map_err(|why| {
        Error::invalid(path, "", msg!("e897", why = why), Some(msg!("e897-help")))
    })?;
    if rings.is_empty() {
        return Err(Error::invalid(
            path,
            "",
            msg!("e898"),
            Some(msg!("e898-help")),
        ));
    }
    Ok(rings)
}

/// A basemap that is not a regular file of at most [`MAX_BASEMAP_BYTES`] bytes.
fn unreadable(path: &Path, why: Msg) -> Error {
    Error::invalid(path, "", msg!("e895", why = why), Some(msg!("e895-help")))
}

fn collect(v: &serde_json::Value, out: &mut Vec<Vec<(f64, f64)>>) -> std::result::Result<(), Msg> {
    let ty = v.get("type").and_then(|t| t.as_str()).unwrap_or("");
    match ty {
        "FeatureCollection" => {
            for f in v
                .get("features")
                .and_then(|f| f.as_array())
                .ok_or_else(|| msg!("e897-features"))?
            {
                collect(f, out)?;
            }
        }
        "Feature" => {
            if let Some(g) = v.get("geometry").filter(|g| !g.is_null()) {
                collect(g, out)?;
            }
        }
        "GeometryCollection" => {
            for g in v
                .get("geometries")
                .and_then(|g| g.as_array())
                .ok_or_else(|| msg!("e897-geometries"))?
            {
                collect(g, out)?;
            }
        }
        "Polygon" => {
            let c = v.get("coordinates").ok_or_else(|| msg!("e897-polygon"))?;
            polygon(c, out)?;
        }
        "MultiPolygon" => {
            for p in v
                .get("coordinates")
                .and_then(|c| c.as_array())
                .ok_or_else(|| msg!("e897-multipolygon"))?
            {
                polygon(p, out)?;
            }
        }
        // Points and lines are not drawn.
        "Point" | "MultiPoint" | "LineString" | "MultiLineString" => {}
        "" => return Err(msg!("e897-no-type")),
        _ => return Err(msg!("e897-unknown-type")),
    }
    Ok(())
}

fn polygon(c: &serde_json::Value, out: &mut Vec<Vec<(f64, f64)>>) -> std::result::Result<(), Msg> {
    for ring in c.as_array().ok_or_else(|| msg!("e897-coordinates"))? {
        let mut pts = Vec::new();
        for p in ring.as_array().ok_or_else(|| msg!("e897-ring"))? {
            let a = p.as_array().ok_or_else(|| msg!("e897-position-array"))?;
            let lon = a.first().and_then(|x| x.as_f64());
            let lat = a.get(1).and_then(|x| x.as_f64());
            match (lon, lat) {
                (Some(lon), Some(lat))
                    if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) =>
                {
                    pts.push((lon, lat))
                }
                _ => return Err(msg!("e897-position", p = p.to_string())),
            }
        }
        if pts.len() >= 3 {
            out.push(pts);
        }
    }
    Ok(())
}
