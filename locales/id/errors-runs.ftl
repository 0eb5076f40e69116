# Masalah shard, penggabungan dan sapuan (tepat run --shard, tepat merge, tepat sweep), kode E861-E899.
# Aturan sama dengan errors.ftl: kuncinya kode dalam huruf kecil, petunjuk menambah -help.
