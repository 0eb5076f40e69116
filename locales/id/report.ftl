# Laporan (report.html) dan daftar isi (index.html). Bahasa Indonesia.

report-title = { $scenario }: apakah logistik tiba tepat waktu?
