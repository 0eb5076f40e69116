# Masalah dalam daftar TPS untuk `tepat import` (docs/import.md), kode E910-E959.
# Aturan sama dengan errors.ftl: kuncinya kode dalam huruf kecil, petunjuk menambah -help.
