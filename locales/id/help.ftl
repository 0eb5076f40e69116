# Bantuan baris perintah (`tepat --help`, `tepat run --help`): guna setiap perintah dan opsi.
# Kunci: h-<perintah>-about (keterangan satu baris), h-<perintah>-after (contoh),
# h-<perintah>-<opsi> (opsi satu perintah), selain itu h-arg-<opsi> (opsi yang dipakai
# beberapa perintah). Nama opsi (`--runs`), nama berkas dan nilai ditulis apa adanya.

# Kata-kata pengurai di sekitar teks bantuan.
h-usage = Cara pakai:
h-commands = Perintah
h-arguments = Argumen
h-options = Opsi
h-default = bawaan: { $value }
h-possible = pilihan: { $values }
h-arg-help = Tampilkan bantuan ini
h-arg-version = Tampilkan versi

h-tepat-about = Apakah logistik pemilu tiba tepat waktu? Simulasi Monte Carlo distribusi logistik pemilu (KPU Bengkalis).
h-tepat-long = tepat: apakah logistik pemilu tiba tepat waktu?

    Menjalankan simulasi Monte Carlo yang paralel dan dapat diulang atas satu skenario distribusi logistik pemilu, lalu melaporkan seberapa besar peluang setiap kecamatan, desa dan TPS menerima logistik tepat waktu. Kode keluar: 0 berhasil, 1 gagal, 2 masukan tidak sah.
h-tepat-after =
    Contoh:
      tepat run scenarios/bengkalis-2024.toml --runs 10000
      (tanpa perintah: tepat run scenarios/)
h-tepat-lang = Bahasa laporan, grafik dan keluaran terminal: id (Bahasa Indonesia) atau en (Inggris). Bila tidak ditulis: `language` skenario, selain itu Bahasa Indonesia bila LC_ALL, LC_MESSAGES atau LANG diawali "id", selain itu Inggris

# Opsi yang dipakai beberapa perintah.
h-arg-file = Berkas skenario
h-arg-out = Folder keluaran: hasil ditulis ke <OUT>/<nama-berkas-skenario>-<perintah>/
h-arg-runs = Jumlah simulasi untuk setiap ragam yang dinilai (1 sampai { $max_runs })
h-arg-seed = Benih acak (bila tidak ditulis: `seed` skenario, selain itu 2024)
h-arg-threads = Jumlah utas kerja (0: semua inti prosesor; paling banyak sejumlah inti yang ada, dan paling banyak { $max_threads })
h-arg-quiet = Tanpa tabel di terminal
h-arg-force = Timpa berkas bila sudah ada

h-run-about = Simulasikan berkas skenario dan tulis hasil, grafik dan laporan
h-run-after =
    Contoh:
      tepat run scenarios/bengkalis-2024.toml --runs 10000 --seed 7
      tepat run scenarios/ --precision 0.005 --out results
      tepat run scenarios/bengkalis-2024.toml --runs 100000 --shard 3/8   (lalu: tepat merge)
h-run-paths = Berkas atau folder skenario (bila tidak ditulis: scenarios/)
h-run-out = Folder keluaran: setiap skenario ditulis ke <OUT>/<nama-berkas-skenario>/
h-run-basemap = Poligon GeoJSON yang digambar di bawah peta (menggantikan `basemap` skenario); berkas yang tidak dapat dibaca atau bukan poligon GeoJSON adalah kesalahan (kode keluar 2)
h-run-shard = Hitung hanya potongan K dari N (mulai dari 1, 1 <= K <= N) simulasi dan tulis <OUT>/<skenario>-shard-K-of-N/partial.json untuk `tepat merge` (perlu --runs)
h-run-status = Berkas status pekan distribusi (CSV: apa yang sudah tiba, berangkat, tertutup, dan prakiraan cuaca; lihat docs/operations.md): hanya yang belum terjadi yang disimulasikan. Perlu --as-of
h-run-as_of = Waktu yang digambarkan berkas status, misalnya 2024-02-10T12:00+07:00: setiap keluaran menyebut "per" waktu itu dan membandingkannya dengan rencana (simulasi biasa dengan benih yang sama)
h-run-runs = Jumlah simulasi (bila tidak ditulis 10000; 1 sampai { $max_runs })
h-run-precision = Pengganti --runs: simulasi terus sampai setengah lebar selang 95% setiap peluang yang dilaporkan paling besar P
h-run-quiet = Tanpa bilah kemajuan atau tabel di terminal

h-sweep-about = Peluang tepat waktu terhadap satu parameter: `--set KUNCI=DARI..SAMPAI:LANGKAH` atau `--set KUNCI=N1,N2,...`
h-sweep-after =
    Contoh:
      tepat sweep scenarios/bengkalis-2024.toml --set "link.Ro-Ro Air Putih - Sungai Selari.vessel.wave_limit_m=1.5..3:0.25"
      tepat sweep scenarios/bengkalis-2024.toml --set "node.Rupat.planned_dispatch=2024-02-06T08:00+07:00,2024-02-08T08:00+07:00"
h-sweep-set = Parameter dan nilai-nilainya: KUNCI=DARI..SAMPAI:LANGKAH atau KUNCI=N1,N2,... dengan KUNCI jalur perubahan seperti pada `set` sebuah strategi (misalnya link.ferry.vessel.wave_limit_m)

h-plan-about = Jadwal berangkat paling lambat setiap PPK dan PPS (desa) yang menjaga peluang semua TPS kecamatan tepat waktu pada atau di atas target, semuanya diterapkan bersama
h-plan-after =
    Contoh:
      tepat plan scenarios/bengkalis-2024.toml --target 0.95
      tepat plan scenarios/bengkalis-2024.toml --measure ppk --runs 5000
      tepat plan scenarios/bengkalis-2024.toml --status examples/status/bengkalis-2024-10feb.csv --as-of 2024-02-10T12:00+07:00
h-plan-target = Target peluang tepat waktu (bila tidak ditulis: `target` skenario, selain itu 0.95)
h-plan-measure = Yang dijaga pada target: `tps` (semua TPS kecamatan sebelum H-1; PPK dan desa) atau `ppk` (hanya PPK: tiba sebelum tenggatnya sendiri, TPS tidak diperiksa)
h-plan-status = Berkas status pekan distribusi (lihat docs/operations.md): rencanakan hanya yang belum berangkat, mulai dari waktu --as-of. Perlu --as-of
h-plan-as_of = Waktu rencana, misalnya 2024-02-10T12:00+07:00: yang tidak dilaporkan sudah berangkat atau tiba berangkat paling cepat pada waktu itu; setiap keluaran menyebut "per" waktu itu

h-sensitivity-about = Masukan mana yang paling menentukan peluang semua TPS tepat waktu: grafik tornado nilai rendah/tinggi
h-sensitivity-after =
    Contoh:
      tepat sensitivity scenarios/bengkalis-2024.toml --runs 2000 --out output

h-bench-about = Ukur kecepatan mesin simulasi pada satu skenario: simulasi per detik, nanodetik per ruas per inti, memori puncak
h-bench-after =
    Contoh:
      tepat bench scenarios/bengkalis-2024.toml --runs 20000 --threads 1
      tepat generate --reference --out reference.toml && tepat bench reference.toml --json
h-bench-runs = Jumlah simulasi
h-bench-json = Cetak angka-angkanya sebagai JSON

h-generate-about = Tulis skenario buatan dengan ukuran tertentu, atau jaringan acuan
h-generate-after =
    Contoh:
      tepat generate --hubs 20 --villages 400 --stations 4000 --out big.toml
      tepat generate --reference --out reference.toml
h-generate-hubs = Jumlah PPK (kecamatan)
h-generate-villages = Jumlah desa, dibagi rata ke PPK
h-generate-stations = Jumlah TPS, dibagi rata ke desa
h-generate-seed = Benih pembuat skenario (benih yang sama menulis berkas yang sama)
h-generate-reference = Tulis jaringan acuan docs/performance.md sebagai gantinya
h-generate-out = Berkas keluaran (bila tidak ditulis: keluaran standar)

h-merge-about = Gabungkan hasil sebagian dari `run --shard K/N` menjadi berkas-berkas simulasi utuh
h-merge-after =
    Contoh:
      for k in 1 2 3 4; do tepat run scenarios/bengkalis-2024.toml --runs 100000 --shard $k/4 --out parts; done
      tepat merge parts/bengkalis-2024-shard-*-of-4 --out output
h-merge-parts = Hasil sebagian: berkas partial.json, atau folder yang memuatnya
h-merge-out = Folder keluaran: hasil gabungan ditulis ke <OUT>/<nama-berkas-skenario>/
h-merge-scenario = Berkas skenario, bila tidak berada di jalur yang tercatat dalam hasil sebagian (SHA-256 harus sama)
h-merge-threads = Jumlah utas kerja untuk perbandingan strategi (0: semua inti prosesor; paling banyak sejumlah inti yang ada, dan paling banyak { $max_threads })

h-new-about = Tulis skenario awal kecil dengan keterangan lengkap, untuk diubah
h-new-after =
    Contoh:
      tepat new --lang id skenario.toml && tepat check skenario.toml
h-new-file = Berkas skenario yang ditulis

h-import-about = Ubah daftar TPS (CSV atau Excel) menjadi kerangka skenario
h-import-after =
    Contoh:
      tepat import daftar-tps.xlsx --depot "KPU Bengkalis" --depot-at 1.4774,102.1318 --election-date 2024-02-14 --out bengkalis.toml
h-import-tps_list = Daftar TPS: .csv (dipisah koma, titik koma atau tab) atau .xlsx (lembar pertama)
h-import-depot = Nama gudang KPU tempat logistik berangkat
h-import-depot_at = Letak gudang: LAT,LON dalam derajat desimal (misalnya 1.4774,102.1318)
h-import-election_date = Hari pemungutan suara; tenggat dihitung mundur dari hari itu (H-1 untuk setiap TPS)
h-import-road_factor = Jarak jalan = jarak garis lurus x faktor ini
h-import-out = Berkas skenario yang ditulis (bila tidak ditulis: nama daftar TPS dengan .toml, di folder saat ini)
h-import-force = Timpa berkas keluaran bila sudah ada

h-backtest-about = Seberapa baik skenario meramalkan kejadian sebenarnya: catatan kejadian (CSV) dibandingkan dengan sebaran ramalan model (docs/backtest.md)
h-backtest-after =
    Contoh:
      tepat backtest scenarios/bengkalis-2024.toml --observed scenarios/bengkalis-2024-record.csv
h-backtest-observed = Catatan kejadian: CSV dengan kolom `quantity`, `place`, `observed`, `source` (docs/backtest.md)
h-backtest-out = Folder keluaran: hasil ditulis ke <OUT>/<nama-berkas-skenario>-backtest/
h-backtest-runs = Jumlah simulasi (1 sampai { $max_backtest })
h-backtest-seed = Benih acak (bila tidak ditulis: `seed` skenario)

h-fit-about = Cocokkan sebaran skenario dengan perjalanan lampau satu ruas (CSV), dipilih dengan AIC, dengan uji Kolmogorov-Smirnov dan grafik Q-Q (docs/backtest.md)
h-fit-after =
    Contoh:
      tepat fit trips.csv --out output
h-fit-trips = Perjalanan lampau satu ruas: CSV dengan kolom `duration_min`, `duration_h` atau `duration_day`, atau dua kolom `departure` dan `arrival` (docs/backtest.md)
h-fit-out = Folder keluaran: hasil ditulis ke <OUT>/<nama-berkas-perjalanan>-fit/

h-check-about = Periksa berkas skenario tanpa menyimulasikan
h-check-after =
    Contoh:
      tepat check scenarios/bengkalis-2024.toml scenarios/bengkalis-2024-wet.toml
h-check-paths = Berkas atau folder skenario
