# Perintah "bagaimana jika" (sweep, sensitivity, plan, strategi), backtest, fit, import dan
# simulasi per waktu tertentu: grafik, tabel terminal dan halamannya. Bahasa Indonesia.

chance-every-tps = Peluang semua TPS tepat waktu
per-point = per nilai
per-setting = per pengaturan

# tepat sweep
sweep-title = Peluang semua TPS tepat waktu untuk tiap nilai
sweep-legend = Semua TPS tepat waktu
sweep-guide = Semua TPS tepat waktu (tebal, dengan rentang 95%) dan semua TPS tiap kecamatan, untuk setiap nilai.
sweep-none = Tidak ada nilai untuk ditampilkan.
sweep-axis-time = { $key } (waktu setempat, { $zone })
sweep-band = semua TPS, rentang 95%
sweep-heading = { $scenario }: peluang semua TPS tepat waktu, menurut { $key } ({ $runs } simulasi pemilu per nilai, benih { $seed })
sweep-col-value = nilai
sweep-col-all = semua TPS tepat waktu (rentang 95%)
sweep-col-late = rata-rata TPS telat

# tepat sensitivity
tornado-title = Yang paling menentukan agar semua TPS tepat waktu
tornado-guide = Setiap masukan digeser ke nilai rendah dan tinggi, yang lain sesuai rencana (garis); selisih terbesar di atas.
tornado-none = Skenario ini tidak punya masukan tak pasti untuk digeser.
tornado-swing = { $pts } poin
tornado-low = nilai rendah
tornado-high = nilai tinggi
tornado-baseline = sesuai rencana: { $p }
sens-heading = { $scenario }: peluang semua TPS tepat waktu sesuai rencana: { $p } ({ $runs } simulasi pemilu per pengaturan, benih { $seed })
sens-col-input = masukan
sens-col-low = rendah
sens-col-high = tinggi
sens-col-chance = peluang
sens-col-swing = selisih (poin)
input-road-disruption-rate = seberapa sering jalan putus
input-road-block-duration = lama jalan putus
input-base-travel-time = waktu tempuh
input-vessel-cancellations = pelayaran kapal batal
input-ferry-outage-days = hari tanpa feri
input-vessel-departure-delay = keberangkatan kapal tertunda
input-ferry-queues = antrean feri
input-wave-heights = tinggi gelombang
input-handling-time = waktu bongkar muat
input-warehouse-ready-time = waktu gudang siap
input-last-mile-to-tps = jarak terakhir ke TPS
input-damage-in-transit = kerusakan di jalan
input-escort-teams = tim pengawal
input-planned-dispatch = jadwal berangkat
setting-none = tidak ada
setting-half = separuh
setting-double = dua kali
setting-times = ×{ $x }
setting-earlier = { $h } lebih awal
setting-later = { $h } lebih lambat

# Peringkat strategi di terminal
rank-heading = Strategi dibanding rencana tanpa strategi ({ $runs } simulasi pemilu, sama untuk setiap strategi, benih { $seed }), yang paling banyak mengurangi TPS telat di atas:
rank-col-strategy = strategi
rank-col-cost = biaya
rank-col-avoided = TPS telat berkurang (rentang 95%)
rank-col-change = perubahan semua TPS sblm H-1
rank-col-per = biaya per TPS telat berkurang
rank-col-efficient = efisien
rank-no-effect = tidak ada pengaruh yang terukur: { $reason }
rank-worse = membuat TPS lebih buruk: jangan dipakai

# tepat plan di terminal
plan-heading = { $scenario }: keberangkatan paling lambat yang aman untuk peluang { $target } ({ $measure }), semua jadwal anjuran diterapkan bersama ({ $runs } simulasi pemilu, benih { $seed }, { $secs } dtk)
plan-measure-tps = semua TPS di kecamatan sebelum H-1
plan-measure-ppk = hanya PPK: PPK sebelum tenggatnya, TPS tidak diperiksa
plan-col-kecamatan = kecamatan
plan-col-now = peluang sesuai rencana
plan-col-with = peluang dengan jadwal baru
plan-col-answer = jawaban
plan-reachable = tercapai dengan mengubah jadwal berangkat
plan-not-reachable = TIDAK tercapai dengan mengubah jadwal berangkat: { $why }
plan-binds = { $cause } ({ $share } dari jam keterlambatan pada simulasi yang tidak tertolong oleh jadwal mana pun)
plan-binds-legs = perjalanan di bawah titik berangkat
plan-binds-link = { $why }; paling sering menentukan: { $link }
plan-col-level = tingkat
plan-col-to = tujuan
plan-col-planned = rencana
plan-col-latest = paling lambat aman
plan-col-slack = jam cadangan
plan-col-later = peluang 1 jam kemudian
plan-col-deadline = tenggat TPS
plan-status-latest = keberangkatan paling lambat yang aman
plan-status-asap = segera setelah logistik siap
plan-status-unreachable = tidak tercapai dengan mengubah jadwal berangkat
plan-status-no-deadline = tidak ada tenggat TPS di bawahnya
plan-status-leave-now = berangkat sekarang; meski begitu P = { $p }, di bawah target
plan-status-leave-when-ready = berangkat segera setelah logistik tiba di PPK (tidak sebelum sekarang); meski begitu P = { $p }, di bawah target
plan-when-ready = saat siap
plan-ppk-note = Hanya PPK: waktu-waktu ini menjaga tenggat PPK sendiri; TPS tidak diperiksa (jalankan tanpa --measure ppk untuk itu).

# tepat backtest
bt-title = Yang terjadi dibanding model: { $scenario }
bt-guide = Letak setiap nilai yang teramati di antara hasil model. Pita: 95% dan 50% bagian tengah. Merah: di luar 95% ({ $outside } dari { $items }).
bt-none = Catatan kejadian tidak berisi baris.
bt-model = model: { $band }
bt-more = { $n } baris lain di backtest.csv
bt-footer = Skenario “{ $scenario }” · benih { $seed } · { $runs } simulasi pemilu · tepat { $version }
bt-never = tidak pernah
bt-yes = ya
bt-no = tidak
bt-outside-mark = TIDAK
bt-p-yes = peluang ya: { $p }
bt-q-arrival = tiba
bt-q-dispatch = berangkat
bt-q-first-pps = desa pertama tiba
bt-q-last-pps = desa terakhir tiba
bt-q-last-ppk = PPK terakhir tiba
bt-q-damage = kiriman rusak
bt-q-kec-damage = kecamatan dengan kiriman rusak
bt-q-ppk-damage = kiriman PPK rusak
bt-q-kec-ppk-damage = kiriman PPK rusak (jumlah)
bt-q-late-tps = TPS terlambat
bt-q-link-closed = jalan putus
bt-heading = { $scenario }: catatan kejadian dibanding model ({ $runs } simulasi pemilu, benih { $seed })
bt-col-quantity = besaran
bt-col-place = tempat
bt-col-observed = teramati
bt-col-percentile = persentil
bt-col-band = 95% tengah model
bt-col-inside = di dalam 95%
bt-col-source = sumber
bt-calibration = kalibrasi: baris teramati yang jatuh di bagian tengah perkiraan model
bt-cal-row = { $level } tengah: { $inside } dari { $items } baris ({ $share }; model yang terkalibrasi baik: sekitar { $level })
bt-outside = { $n } baris di luar 95% tengah model
bt-page-title = Model dibanding kejadian nyata: { $scenario }
bt-page-intro = Setiap baris adalah kejadian nyata, seperti tertulis di catatan, dibanding perkiraan skenario dari { $runs } simulasi pemilu (benih { $seed }). Persentil menunjukkan letak nilai teramati di antara hasil model: 50% di tengah; di bawah 2,5% atau di atas 97,5% berarti model hampir tidak memperkirakannya. Model yang terkalibrasi baik menempatkan sekitar 95% baris teramati di dalam 95% bagian tengahnya.
bt-page-calibration = Kalibrasi
bt-col-share = bagian tengah
bt-col-items-inside = baris teramati di dalamnya
bt-col-share-inside = persentase
bt-of = { $inside } dari { $items }
bt-page-chart = Nilai teramati pada rentang model

# tepat fit
qq-title = Q–Q: { $n } perjalanan { $name }
qq-guide = Lama perjalanan teramati dibanding kuantil sebaran yang dicocokkan: di garis diagonal, sebarannya cocok.
qq-none = Tidak ada perjalanan.
qq-x = kuantil sebaran yang dicocokkan ({ $unit })
qq-y = perjalanan teramati ({ $unit })
qq-diagonal = teramati = dicocokkan
qq-best = { $family } (terbaik)
qq-legend = sebaran, nilai p KS
qq-footer = tepat fit · kemungkinan maksimum, dipilih dengan AIC · tepat { $version }
unit-min = menit
unit-h = jam
unit-day = hari
family-exponential = eksponensial
family-lognormal = lognormal
family-gamma = gamma
family-normal = normal
family-uniform = seragam
fit-toml-comment = dicocokkan oleh tepat fit dari { $n } perjalanan ({ $name }): { $family } dipilih dengan AIC; KS D = { $d }, p = { $p }
fit-heading = { $n } perjalanan dari { $file }
fit-col-family = sebaran
fit-col-params = parameter (jam) ± galat baku

# tepat import
import-written = ditulis: { $file } ({ $kecamatan } kecamatan, { $villages } desa, { $tps } TPS dari { $rows } baris)
    Langkah berikutnya: baca { $todos } komentar TODO, lalu
      tepat check { $file }
      tepat run { $file }

# Simulasi per waktu tertentu dalam minggu distribusi
as-of-name = { $scenario } per { $at }
as-of-note = Keadaan per { $at }: { $facts } fakta dari berkas status { $file }. Hanya yang belum terjadi pada saat itu yang disimulasikan; yang sudah teramati tetap. Dibanding rencana (simulasi biasa dengan benih dan jumlah simulasi yang sama):
as-of-no-file = (tidak ada)
as-of-moved = { $kecamatan }: semua TPS sebelum H-1 { $plan } menurut rencana, { $now } sekarang ({ $change }).
as-of-none-moved = Tidak ada kecamatan yang berubah lebih dari rentang 95%-nya sejak rencana.
as-of-files = Semua kecamatan, rencana dan sekarang, ada di changed.csv; desa paling berisiko di bawah adalah keadaan hari ini.
as-of-terminal = Keadaan per { $at }: { $facts } fakta dari { $file }; rencana adalah simulasi biasa dengan benih dan jumlah simulasi yang sama.
as-of-terminal-no-file = tanpa berkas status
as-of-changed = Berubah sejak rencana (semua TPS sebelum H-1 bergeser lebih dari rentang 95%-nya):
as-of-unchanged = Berubah sejak rencana: tidak ada kecamatan yang bergeser lebih dari rentang 95%-nya.
as-of-col-plan = rencana (rentang 95%)
as-of-col-now = sekarang (rentang 95%)
as-of-col-change = perubahan

# tepat check, tepat run --shard, tepat merge
check-ok = ok  { $file }: { $kecamatan } kecamatan, { $nodes } simpul, { $stations } TPS, { $links } ruas, { $zones } zona
check-strategies = , { $n } strategi
shard-written = { $name }: bagian { $k }/{ $n }, simulasi pemilu { $from }..{ $to } dari { $total }, { $secs } dtk; ditulis: { $path }
merge-written = { $parts } bagian digabung ({ $runs } simulasi pemilu); ditulis: { $path }
