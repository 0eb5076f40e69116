# Masalah dalam catatan pengamatan atau daftar perjalanan (tepat backtest, tepat fit), kode E960-E999.
# Aturan sama dengan errors.ftl: kuncinya kode dalam huruf kecil, petunjuk menambah -help.
