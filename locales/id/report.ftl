# Laporan (report.html) dan daftar isi (index.html). Bahasa Indonesia.

report-title = { $scenario }: apakah logistik tiba tepat waktu?
report-lead = Apakah logistik pemilu tiba tepat waktu? { $runs } simulasi pemilu untuk { $file }, mulai { $start }; target tepat waktu { $target }.
report-warning = Peringatan:
report-basemap-missing = Peta dasar { $path } yang disebut skenario tidak ditemukan, sehingga peta menampilkan tempat-tempat tanpa daratan dan laut. Perbaiki baris basemap pada tabel [scenario] (berkas GeoJSON, jalurnya relatif terhadap berkas skenario) atau hapus baris itu.

answer-title = Jawaban singkat
answer-all = Peluang semua { $stations } TPS menerima logistik sebelum H-1: { $p }.
answer-kec = Peluang semua TPS di Kecamatan { $kecamatan } menerima logistik sebelum H-1: { $p }.
answer-riskiest = Kecamatan { $kecamatan } paling berisiko: peluang semua TPS-nya menerima logistik sebelum H-1 adalah { $p }.
answer-late = Rata-rata { $mean } TPS menerima logistik setelah H-1 (antara { $lo } dan { $hi }); dalam 95 dari 100 simulasi pemilu paling banyak { $p95 } TPS.
answer-opening = Peluang ada TPS yang belum menerima logistik saat pemungutan suara dibuka ({ $at }): { $p }; rata-rata { $mean } TPS.
answer-below =
    { $count ->
        [0] Semua kecamatan mencapai target { $target }.
       *[other] Kecamatan di bawah target { $target }: { $names } ({ $count } dari { $total }).
    }
answer-strategy = Strategi terbaik: { $strategy }, rata-rata { $avoided } TPS terlambat lebih sedikit (antara { $lo } dan { $hi }), dengan biaya { $cost }.
answer-strategy-free = Strategi terbaik: { $strategy }, rata-rata { $avoided } TPS terlambat lebih sedikit (antara { $lo } dan { $hi }).
answer-strategy-none = Tidak ada strategi yang pengaruhnya terukur pada TPS.

how-title = Cara membaca laporan ini
how-runs-term = Simulasi pemilu (ulangan)
how-runs = tepat memainkan seluruh pengiriman { $runs } kali, setiap kali dengan cuaca, feri, penutupan jalan dan penundaan lain yang diundi dari skenario. Setiap angka dihitung dari simulasi-simulasi ini.
how-chance-term = Peluang dan rentangnya
how-chance = “94% (93–95%)” berarti: pada 94% simulasi pemilu. Rentang dalam kurung adalah selang kepercayaan 95% (selang Wilson): dengan keacakan simulasi itu sendiri, peluang sebenarnya berada di dalamnya 95 kali dari 100. Makin banyak simulasi, makin sempit rentangnya.
how-late-term = TPS terlambat
how-late = Sebuah TPS terlambat bila logistiknya tiba setelah tenggat H-1. “Rata-rata 2,3 TPS terlambat” adalah jumlah TPS terlambat yang diharapkan (nilai harapan) atas semua simulasi.
how-times-term = P50, P95
how-times = Waktu ketika logistik sudah tiba pada 50 atau 95 dari 100 simulasi pemilu (persentil). Waktu dalam waktu setempat ({ $zone }).
how-pp-term = Poin persen
how-pp = Selisih dua persentase: dari 90% menjadi 93% adalah +3 poin persen.
how-paired-term = Strategi pada simulasi yang sama
how-paired = Setiap strategi dimainkan dengan cuaca dan penundaan yang sama dengan rencana tanpa strategi itu (bilangan acak bersama), sehingga pengaruhnya terukur langsung; rentangnya adalah selang 95% berpasangan. Rentang yang memuat 0 berarti pengaruhnya tidak terukur.
how-efficient-term = Efisien
how-efficient = Tidak ada strategi lain yang menghindarkan lebih banyak TPS terlambat dengan biaya lebih kecil: bersama-sama strategi ini membentuk batas efisien.

section-strategies = Strategi
strategies-lead = Setiap strategi dibandingkan dengan rencana tanpa strategi itu pada { $runs } simulasi pemilu yang sama, diurutkan menurut banyaknya TPS terlambat yang dihindarkan. Angka per kecamatan ada di comparison.csv.
section-kecamatan = Kecamatan
kecamatan-lead = Dua pertanyaan per kecamatan: apakah semua TPS menerima logistik sebelum tenggat H-1 (aturannya), dan apakah masih ada TPS tanpa logistik saat pemungutan suara dibuka ({ $voting }; batas mutlak)? Kolom PPK hanya menjawab tenggat PPK. ⚠ menandai kecamatan di bawah target.
voting-at = pemungutan suara dibuka { $at }
voting-unknown = skenario tidak menyebut kapan pemungutan suara dibuka
section-villages = Desa paling berisiko
villages-lead = Sepuluh desa (PPS) dengan rata-rata TPS terlambat terbanyak.
section-places = Desa dan tempat lain ({ $count })
section-causes = Penyebab keterlambatan
causes-lead = Jam keterlambatan per simulasi pemilu menurut penyebab: untuk setiap PPK, dan dijumlahkan atas TPS kecamatan itu (seperti di causes.csv).
section-links = Jalan dan penyeberangan yang membuat TPS terlambat
links-lead = Sepuluh ruas yang paling sering membuat TPS terlambat (dari links.csv).
section-charts = Grafik
chart-files = Juga sebagai
section-assumptions = Asumsi
assumptions-none = Skenario tidak menyebut asumsi.
section-run = Cara hasil ini dibuat
report-footer = Dibuat oleh { $tool }. Berkas skenario, benih dan jumlah simulasi yang sama memberi angka yang sama. Berkas data di samping laporan ini:

# Judul kolom tabel.
col-village = Desa (PPS)
col-kecamatan = Kecamatan
col-tps = TPS
col-late-tps = TPS terlambat (rata-rata)
col-share-on-time = TPS tepat waktu
col-leading-cause = Penyebab utama
col-all-tps = Semua TPS sebelum H-1
col-opening = Ada TPS tanpa logistik saat dibuka
col-tps-without = TPS tanpa logistik (rata-rata)
col-last-tps-p50 = TPS terakhir menerima, P50
col-last-tps-p95 = P95
col-ppk-on-time = PPK tepat waktu
col-ppk-deadline = Tenggat PPK
col-ppk-p95 = Tiba di PPK, P95
col-place = Tempat
col-kind = Jenis
col-on-time = Tepat waktu
col-deadline = Tenggat
col-arrival-p50 = Tiba P50
col-p80 = P80
col-p95 = P95
col-late-hours = Jam terlambat, bila terlambat
col-scope = Tempat
col-total = jumlah
col-link = Ruas
col-mode = Moda
col-critical = Membuat TPS terlambat
col-delay = Penundaan saat itu terjadi
col-strategy = Strategi, menurut peringkat
col-cost = Biaya
col-avoided = TPS terlambat yang dihindarkan
col-change = Perubahan peluang semua TPS
col-chance = Peluang semua TPS
col-cost-per = Biaya per TPS terlambat yang dihindarkan
col-efficient = Efisien
col-acts-on = Bekerja pada
col-why = Mengapa tidak terukur
below-target-mark = ⚠ { $kecamatan } (di bawah target)
opening-unset = waktu buka tidak ditetapkan
scope-hub = PPK
scope-stations = TPS-nya
no-effect = pengaruh tidak terukur: { $reason }
no-effect-note = Pengaruh tidak terukur: { $reason }. { $description }
makes-worse = membuat TPS lebih buruk
strategy-arrow = { $from } → { $to }

# Cara hasil ini dibuat.
run-version = Versi tepat
run-file = Berkas skenario
run-sha = SHA-256
run-seed = Benih acak
run-runs = Simulasi pemilu (ulangan)
run-range = Rentang ulangan
run-range-value = { $from } sampai { $to }
run-threads = Utas
run-elapsed = Lama perhitungan
run-rate = Simulasi pemilu per detik
run-resolution = Ketelitian waktu persentil

# index.html
index-title = tepat: skenario dalam hasil ini
index-heading = Skenario dalam hasil ini ({ $count })
index-lead = Apakah logistik pemilu tiba tepat waktu? Setiap baris menuju laporan lengkap skenarionya. Rentang dalam kurung adalah selang 95%.
index-scenario = Skenario
index-all = Peluang: semua TPS sebelum H-1
index-late = TPS terlambat (rata-rata)
index-riskiest = Kecamatan paling berisiko
index-below = Kecamatan di bawah target
index-runs = Simulasi pemilu
index-seed = Benih acak
index-none = Tidak ada skenario yang dijalankan.
index-riskiest-value = { $kecamatan }: { $p } (semua TPS sebelum H-1)
index-below-value = { $count } dari { $total } (target { $target })
index-footer = Dibuat oleh { $tool }.

# Ruas dan strategi.
mode-road = jalan
mode-sea = laut
mode-river = sungai
legs-depot-ppk = perjalanan dari gudang KPU ke PPK
legs-ppk-pps = perjalanan dari PPK ke PPS dan jarak terakhir
legs-both = perjalanan dari gudang ke PPK dan dari PPK ke PPS
legs-none = tidak ada yang terlihat oleh simulasi
reason-only = strategi ini hanya mengubah { $legs }; { $late } dari rata-rata { $total } TPS terlambat ({ $hours } dari { $total_hours } jam-TPS terlambat) terjadi di sana
reason-all = strategi ini mengubah { $legs }; { $late } dari rata-rata { $total } TPS terlambat ({ $hours } dari { $total_hours } jam-TPS terlambat) terjadi di sana
