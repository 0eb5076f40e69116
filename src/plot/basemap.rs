//! The basemap beneath the map: polygons of a GeoJSON file, read with a size limit and
//! checked (every error names the file and, for JSON, the line and column, never the text).

use std::path::Path;

use crate::error::{Error, Result};

/// The largest basemap read: 16 MiB of GeoJSON (the kecamatan of Bengkalis take 8.5 kB; a
/// detailed province, a few MB). A basemap at the limit, of tiny points, takes about 0.55 GB
/// to read and draw (docs/robustness.md).
pub const MAX_BASEMAP_BYTES: u64 = 16 * 1024 * 1024;

/// Read a GeoJSON file's polygons as rings of (lon, lat): every Polygon and MultiPolygon ring,
/// from a FeatureCollection, a Feature, a GeometryCollection or a bare geometry.
pub fn load_basemap(path: &Path) -> Result<super::Rings> {
    let bytes = crate::input::read_regular_file(path, MAX_BASEMAP_BYTES).map_err(|e| match e {
        crate::input::InputError::Io(e) => Error::read(path, e),
        e => Error::invalid(
            path,
            "",
            format!("the basemap cannot be read: it {e}"),
            Some("give a GeoJSON file of Polygon or MultiPolygon features".into()),
        ),
    })?;
    // The error names the line and column only: the basemap is named by a scenario file,
    // which may have been received from someone else, so its text is never echoed.
    let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        Error::invalid(
            path,
            "",
            format!(
                "the basemap is not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            ),
            Some("give a GeoJSON file of Polygon or MultiPolygon features".into()),
        )
    })?;
    let mut rings = Vec::new();
    collect(&v, &mut rings).map_err(|msg| {
        Error::invalid(
            path,
            "",
            format!("the basemap is not usable GeoJSON: {msg}"),
            Some("coordinates must be [longitude, latitude] numbers".into()),
        )
    })?;
    if rings.is_empty() {
        return Err(Error::invalid(
            path,
            "",
            "the basemap has no Polygon or MultiPolygon geometry",
            Some("give a GeoJSON FeatureCollection of polygons".into()),
        ));
    }
    Ok(rings)
}

fn collect(
    v: &serde_json::Value,
    out: &mut Vec<Vec<(f64, f64)>>,
) -> std::result::Result<(), String> {
    let ty = v.get("type").and_then(|t| t.as_str()).unwrap_or("");
    match ty {
        "FeatureCollection" => {
            for f in v
                .get("features")
                .and_then(|f| f.as_array())
                .ok_or("a FeatureCollection without a \"features\" array")?
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
                .ok_or("a GeometryCollection without a \"geometries\" array")?
            {
                collect(g, out)?;
            }
        }
        "Polygon" => {
            let c = v
                .get("coordinates")
                .ok_or("a Polygon without coordinates")?;
            polygon(c, out)?;
        }
        "MultiPolygon" => {
            for p in v
                .get("coordinates")
                .and_then(|c| c.as_array())
                .ok_or("a MultiPolygon without a coordinates array")?
            {
                polygon(p, out)?;
            }
        }
        // Points and lines are not drawn.
        "Point" | "MultiPoint" | "LineString" | "MultiLineString" => {}
        "" => return Err("an object without a \"type\"".into()),
        _ => return Err("an object of an unknown GeoJSON type".into()),
    }
    Ok(())
}

fn polygon(
    c: &serde_json::Value,
    out: &mut Vec<Vec<(f64, f64)>>,
) -> std::result::Result<(), String> {
    for ring in c
        .as_array()
        .ok_or("polygon coordinates that are not an array")?
    {
        let mut pts = Vec::new();
        for p in ring.as_array().ok_or("a ring that is not an array")? {
            let a = p.as_array().ok_or("a position that is not an array")?;
            let lon = a.first().and_then(|x| x.as_f64());
            let lat = a.get(1).and_then(|x| x.as_f64());
            match (lon, lat) {
                (Some(lon), Some(lat))
                    if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) =>
                {
                    pts.push((lon, lat))
                }
                _ => return Err(format!("the position {p} is not [longitude, latitude]")),
            }
        }
        if pts.len() >= 3 {
            out.push(pts);
        }
    }
    Ok(())
}
