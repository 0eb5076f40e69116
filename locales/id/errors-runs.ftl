# Masalah shard, penggabungan dan sapuan (tepat run --shard, tepat merge, tepat sweep), kode E861-E899.
# Aturan sama dengan errors.ftl: kuncinya kode dalam huruf kecil, petunjuk menambah -help.

## Membaca hasil bagian (tepat merge)

not-partial = { $path } bukan hasil bagian tepat: { $why }
e861 = itu { $kind }, bukan berkas biasa; sebut berkas partial.json yang tersimpan di disk
file-kind-char-device = perangkat karakter
file-kind-block-device = perangkat blok
file-kind-fifo = pipa bernama (FIFO)
file-kind-socket = soket
file-kind-other = berkas khusus
e861-folder = itu folder, bukan berkas; sebut berkas partial.json atau folder bagiannya
e862 = ukurannya lebih dari { $max } byte, batas terbesar yang dibaca tepat dari hasil bagian
e863 = isinya bukan JSON yang sah (baris { $line }, kolom { $column })
e864 = isinya berakhir terlalu cepat (terpotong?) (baris { $line }, kolom { $column })
e865 = ada nilai yang hilang, salah jenis atau di luar rentang (baris { $line }, kolom { $column })
e866 = { $path } memakai format hasil bagian { $format }; tepat ini membaca format { $ours }
e867 = { $path } ditulis oleh tepat { $version } (versi bilangan acak { $stream }); ini tepat { $tool } (versi { $our_stream }): jalankan semua bagian dengan tepat yang sama
e867-unreadable = (tidak terbaca)
e868 = `scenario_sha256`-nya bukan SHA-256
e869 = bagiannya { $k }/{ $n } bukan K/N dengan 1 <= K <= N <= { $max }
e870 = jumlah simulasinya { $runs }, bukan dari 1 sampai { $max }
e871 = isinya tidak menyebut berkas skenario
partial-named-by = `scenario_file` di hasil bagian

## Menggabungkan bagian-bagian

e872 = penggabungan perlu paling sedikit satu hasil bagian
e873 = sebuah simulasi dibagi menjadi 1 sampai { $max } bagian, bukan { $n }
e874 = { $count } hasil bagian untuk simulasi yang dibagi menjadi { $n }: beri setiap bagian sekali saja
e875 = hasil-hasil bagian ini bukan dari simulasi yang sama: bagian { $k }/{ $n } memakai skenario { $sha }, benih { $seed }, { $runs } simulasi; bagian { $k2 }/{ $n2 } memakai skenario { $sha2 }, benih { $seed2 }, { $runs2 } simulasi
e876 = bagian { $k }/{ $n } di luar rentang
e877 = bagian { $k }/{ $n } diberikan dua kali
e878 = bagian { $k }/{ $n } berisi simulasi [{ $from }, { $to }) ({ $counted } terhitung), bukan [{ $a }, { $b })
e879 = bagian { $k }/{ $n } punya lama waktu atau jumlah utas yang tidak masuk akal
e880 = bagian yang belum ada: { $list }{ $more }
e880-more = {" "}dan { $count } lagi
e881 = bagian { $k }/{ $n } tidak cocok dengan skenarionya: { $why }
e881-runs = isinya menghitung { $runs } simulasi, tetapi rentangnya { $range }
e881-bins = histogram kedatangannya memakai lebar kelas yang lain dari skenario ini
e881-list = daftar '{ $name }'-nya berisi { $got } nilai; skenario ini perlu { $want }
e881-entry = nilai ke-{ $i } di '{ $name }' adalah { $v }, lebih dari { $max } yang mungkin
e881-node = tempat { $i } tepat waktu di { $ok } dan terlambat di { $late } simulasi, bukan { $counted } seluruhnya
e881-node-late = tempat { $i } terlambat lebih lama daripada yang mungkin dalam simulasi terlambatnya
e881-node-hist = histogram kedatangan tempat { $i } menghitung { $total } simulasi, bukan { $runs }
e881-kec = kecamatan { $k } punya lebih banyak TPS terlambat daripada jumlah TPS-nya
e881-tps = TPS { $i } terlambat lebih lama daripada yang mungkin dalam simulasi terlambatnya
e881-all = 'all_on_time' bernilai { $v }, lebih dari { $runs }
e881-late-hist-overflow = jumlah 'late_hist' melampaui batas bilangan
e881-late-hist = 'late_hist' menghitung { $total } simulasi, bukan { $runs }
e881-block = catatan kekonvergenan { $j } untuk blok { $block } berisi { $runs } simulasi, bukan blok { $want_block } berisi { $want_runs }
e881-block-count = catatan kekonvergenan { $j } menghitung lebih banyak daripada simulasinya
shard-says = bagian { $k }/{ $n }: { $why }
e882 = hitungannya tidak bisa dijumlahkan (jumlahnya melampaui batas bilangan)
e883 = { $path } punya SHA-256 { $found }, tetapi bagian-bagiannya dijalankan pada { $expected }: berkas skenario sudah berubah
e884 = --shard perlu --runs: setiap bagian harus tahu jumlah seluruhnya

## Sapuan (tepat sweep --set)

e885 = --set '{ $v }' bukan rentang atau daftar nilai; tulis `KEY=FROM..TO:STEP` (misalnya link.ferry.vessel.wave_limit_m=1.5..3:0.25, node.Rupat.planned_dispatch=2024-02-06T08:00+07:00..2024-02-09T08:00+07:00:12h atau lama waktu seperti 2h..12h:2h) atau `KEY=V1,V2,V3`
e886 = --set '{ $v }': `FROM` dan `TO` harus sejenis (dua bilangan, dua lama waktu atau dua tanggal-jam)
e887 = --set '{ $v }': perlu `FROM` <= `TO` dan `STEP` di atas 0
e888 = --set '{ $v }' menghasilkan { $count } titik; paling banyak { $max }
e888-many = --set '{ $v }' menghasilkan terlalu banyak titik; paling banyak { $max }
e889 = --set '{ $v }': langkahnya terlalu kecil sehingga nilai-nilainya tidak dapat dibedakan
e890 = --set '{ $v }': semua nilai harus sejenis (bilangan, lama waktu atau tanggal-jam)
e891 = scenario.start: '{ $v }' bukan tanggal dan jam setempat dengan zona waktu
e892 = skenario tidak sah: jalankan `tepat check` padanya
e893 = --set { $key }={ $value }: { $reason }
e894 = --set { $key }={ $value } membuat skenario tidak sah: { $reason }
sweep-issue = { $path }: { $reason }

## Peta dasar (GeoJSON dari `basemap` dan --basemap; ditampilkan sesudah E810, atau di berkasnya)

e895 = peta dasar tidak dapat dibaca: { $why }
e895-folder = itu folder, bukan berkas
e895-device = itu { $kind }, bukan berkas biasa
e895-too-large = ukurannya lebih dari { $max } byte, batas terbesar yang dibaca tepat dari peta dasar
e895-help = beri berkas GeoJSON berisi fitur `Polygon` atau `MultiPolygon`
e896 = peta dasar bukan JSON yang sah (baris { $line }, kolom { $column })
e897 = peta dasar bukan GeoJSON yang bisa dipakai: { $why }
e897-features = ada `FeatureCollection` tanpa daftar "features"
e897-geometries = ada `GeometryCollection` tanpa daftar "geometries"
e897-polygon = ada `Polygon` tanpa koordinat
e897-multipolygon = ada `MultiPolygon` tanpa daftar koordinat
e897-no-type = ada objek tanpa "type"
e897-unknown-type = ada objek dengan jenis GeoJSON yang tidak dikenal
e897-coordinates = koordinat poligon bukan daftar
e897-ring = ada cincin poligon yang bukan daftar
e897-position-array = ada posisi yang bukan daftar
e897-position = posisi { $p } bukan [bujur, lintang]
e897-help = koordinat harus berupa bilangan [bujur, lintang]
e898 = peta dasar tidak berisi geometri `Polygon` atau `MultiPolygon`
e898-help = beri `FeatureCollection` GeoJSON berisi poligon
