//! `causes.csv`: expected lateness hours per replication by cause, per kecamatan: for its
//! hub (PPK) and summed over its stations (TPS).

use super::{csv_bytes, h2};
use crate::error::Result;
use crate::model::CAUSES;
use crate::summary::Summary;

/// Serialise.
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    let mut header = vec!["kecamatan", "scope"];
    header.extend(CAUSES.iter());
    header.push("total");
    let mut rows = Vec::new();
    for k in &s.kecamatan {
        for (scope, v) in [
            ("hub", &s.nodes[k.hub].cause_h),
            ("stations", &k.station_cause_h),
        ] {
            let mut r = vec![k.name.clone(), scope.to_string()];
            r.extend(v.iter().map(|&x| h2(x)));
            r.push(h2(v.iter().sum()));
            rows.push(r);
        }
    }
    csv_bytes(&header, rows)
}
