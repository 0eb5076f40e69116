//! The columns of a TPS list: which header means what, in Bahasa Indonesia or English.
//!
//! A header is compared after normalising: lower case, text in brackets removed, every run
//! of characters other than letters and digits turned into one space (`Desa/Kelurahan` ->
//! `desa kelurahan`, `No. TPS` -> `no tps`, `Lintang (LU)` -> `lintang`). The accepted
//! names are listed in docs/import.md; a test keeps that page and [`FIELDS`] in step.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The kecamatan (one PPK each).
    Kecamatan,
    /// The desa or kelurahan (one PPS each).
    Village,
    /// The number of one TPS: the list has one row per TPS.
    TpsNumber,
    /// The number of TPS of a village: the list has one row per village.
    TpsCount,
    /// Registered voters (DPT) of the row.
    Voters,
    /// Latitude of the row's TPS or village.
    Lat,
    /// Longitude of the row's TPS or village.
    Lon,
    /// Latitude of the kecamatan's PPK warehouse.
    HubLat,
    /// Longitude of the kecamatan's PPK warehouse.
    HubLon,
    /// A column that is recognised and not used (row numbers, addresses, codes, notes).
    Ignored,
}

impl Field {
    /// The usual Indonesian header, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Kecamatan => "Kecamatan",
            Field::Village => "Desa/Kelurahan",
            Field::TpsNumber => "No TPS",
            Field::TpsCount => "Jumlah TPS",
            Field::Voters => "DPT",
            Field::Lat => "Lintang",
            Field::Lon => "Bujur",
            Field::HubLat => "Lintang PPK",
            Field::HubLon => "Bujur PPK",
            Field::Ignored => "(not used)",
        }
    }
}

/// Every accepted header (normalised) and its field.
pub const FIELDS: &[(Field, &[&str])] = &[
    (
        Field::Kecamatan,
        &[
            "kecamatan",
            "kec",
            "nama kecamatan",
            "ppk",
            "distrik",
            "district",
            "subdistrict",
            "sub district",
        ],
    ),
    (
        Field::Village,
        &[
            "desa kelurahan",
            "kelurahan desa",
            "desa kel",
            "desa",
            "kelurahan",
            "nama desa",
            "nama desa kelurahan",
            "nama kelurahan",
            "pps",
            "kampung",
            "nagari",
            "gampong",
            "village",
            "village name",
        ],
    ),
    (
        Field::TpsNumber,
        &[
            "no tps",
            "nomor tps",
            "nomer tps",
            "tps",
            "tps no",
            "kode tps",
            "polling station",
            "polling station number",
            "station",
            "station number",
            "tps number",
        ],
    ),
    (
        Field::TpsCount,
        &[
            "jumlah tps",
            "jml tps",
            "total tps",
            "banyak tps",
            "number of tps",
            "tps count",
            "stations",
            "number of stations",
            "polling stations",
        ],
    ),
    (
        Field::Voters,
        &[
            "dpt",
            "jumlah dpt",
            "jml dpt",
            "total dpt",
            "pemilih",
            "jumlah pemilih",
            "voters",
            "registered voters",
        ],
    ),
    (
        Field::Lat,
        &["lintang", "lat", "latitude", "koordinat lintang", "y"],
    ),
    (
        Field::Lon,
        &[
            "bujur",
            "lon",
            "lng",
            "long",
            "longitude",
            "koordinat bujur",
            "x",
        ],
    ),
    (
        Field::HubLat,
        &[
            "lintang ppk",
            "lat ppk",
            "ppk lat",
            "ppk latitude",
            "hub lat",
            "hub latitude",
            "lintang kecamatan",
        ],
    ),
    (
        Field::HubLon,
        &[
            "bujur ppk",
            "lon ppk",
            "ppk lon",
            "ppk longitude",
            "hub lon",
            "hub longitude",
            "bujur kecamatan",
        ],
    ),
    (
        Field::Ignored,
        &[
            "no",
            "nomor",
            "no urut",
            "nomor urut",
            "alamat",
            "alamat tps",
            "lokasi",
            "address",
            "keterangan",
            "ket",
            "catatan",
            "notes",
            "note",
            "remarks",
            "kode",
            "kode desa",
            "kode wilayah",
            "kode kecamatan",
            "code",
            "provinsi",
            "province",
            "kabupaten",
            "kabupaten kota",
            "kota",
            "regency",
            "dpt l",
            "dpt p",
            "dpt laki laki",
            "dpt perempuan",
            "laki laki",
            "perempuan",
            "l",
            "p",
            "male",
            "female",
        ],
    ),
];

/// A header normalised for comparison.
pub fn normalise(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut space = false;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.extend(c.to_lowercase());
            }
            _ => space = true,
        }
    }
    out
}

/// The field of a header, if it is one tepat knows.
pub fn field_of(header: &str) -> Option<Field> {
    let n = normalise(header);
    FIELDS
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(f, _)| *f)
}

/// Whether a row looks like the header row: it names a kecamatan and a village column.
pub fn is_header_row(cells: &[String]) -> bool {
    let fields: Vec<Option<Field>> = cells.iter().map(|c| field_of(c)).collect();
    fields.contains(&Some(Field::Kecamatan)) && fields.contains(&Some(Field::Village))
}

/// The closest accepted header, for a "did you mean" hint.
pub fn suggestion(header: &str) -> Option<crate::lang::Msg> {
    let known: Vec<String> = FIELDS
        .iter()
        .filter(|(f, _)| *f != Field::Ignored)
        .flat_map(|(_, names)| names.iter().map(|n| n.to_string()))
        .collect();
    crate::scenario::suggest(&normalise(header), &known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_normalise_to_their_fields() {
        assert_eq!(normalise("Desa/Kelurahan"), "desa kelurahan");
        assert_eq!(normalise("  No. TPS "), "no tps");
        assert_eq!(normalise("Lintang (LU/LS)"), "lintang");
        assert_eq!(field_of("DESA / KELURAHAN"), Some(Field::Village));
        assert_eq!(field_of("Jumlah TPS"), Some(Field::TpsCount));
        assert_eq!(field_of("No TPS"), Some(Field::TpsNumber));
        assert_eq!(field_of("lat"), Some(Field::Lat));
        assert_eq!(field_of("Bujur"), Some(Field::Lon));
        assert_eq!(field_of("Lintang PPK"), Some(Field::HubLat));
        assert_eq!(field_of("DPT (L+P)"), Some(Field::Voters));
        assert_eq!(field_of("No"), Some(Field::Ignored));
        assert_eq!(field_of("Jumlah Kursi"), None);
    }

    #[test]
    fn no_header_belongs_to_two_fields() {
        let mut seen = std::collections::HashSet::new();
        for (_, names) in FIELDS {
            for n in *names {
                assert!(seen.insert(*n), "{n} twice");
                assert_eq!(normalise(n), *n, "{n} is not normalised");
            }
        }
    }
}
