# Pesan kesalahan dan peringatan, satu per kode tetap docs/errors.md (`e101` adalah E101),
# dengan petunjuknya (`-help`) dan ragam sebuah kode (`e005-variant`). Bahasa Indonesia.
# Nama kunci berkas skenario (horizon_days, station_deadline, ...) ditulis apa adanya: itulah
# yang diketik di berkas.

label-error = kesalahan:
label-warning = peringatan:
label-help = petunjuk:
errors-count = { $count } kesalahan

# Potongan yang dipakai pesan lain.
did-you-mean = {" "}(maksudnya '{ $name }'?)
one-of = { $list }
noun-node = tempat
noun-link = ruas
noun-zone = zona cuaca
noun-fleet = armada
noun-escort = regu pengawal
noun-escort-pool = regu pengawal
noun-supplier = pemasok
noun-state = keadaan cuaca
noun-strategy = strategi
each-sample = samples
transition-row = baris transisi { $r }
extends-in = `extends` di { $path }
dist-help = lihat jenis-jenis sebaran di docs/scenario-format.md

## Berkas dan penulisan

e001 = ini folder, bukan berkas skenario
e002 = berkas ini lebih besar dari { $max } byte; berkas skenario di atas { $max } byte ditolak
e002-help = skenario untuk seluruh Indonesia pun hanya sekitar 50 megabyte; periksa apakah berkasnya benar
e003 = berkas ini bukan teks UTF-8 yang sah
e003-help = simpan berkas sebagai teks UTF-8
e004 = penulisan TOML salah di sini (keterangan pengurai TOML: “{ $detail }”)
e005 = kunci { $field } tidak dikenal; kunci yang dikenal di sini: { $known }
e005-variant = nilai { $field } tidak dikenal; nilai yang dikenal di sini: { $known }
e005-help = periksa ejaannya di docs/scenario-format.md; kunci yang tidak dikenal dianggap kesalahan agar salah ketik tidak diam-diam menjadi nilai bawaan
e006 = kunci { $field } wajib ada tetapi tidak ditemukan
e006-help = tambahkan kunci itu; docs/scenario-format.md mencantumkan kunci wajib setiap tabel
e007 = jenis nilai salah: tertulis “{ $found }”, seharusnya “{ $expected }” (istilah pengurai TOML)
e008 = nilai tidak dapat diterima: tertulis “{ $found }”, seharusnya “{ $expected }” (istilah pengurai TOML)
e009 = berkas yang memakai `extends` hanya boleh berisi [scenario] dan [[strategy]], bukan `{ $key }`
e009-help = tulis perubahan terhadap skenario dasar sebagai [[strategy]] dengan `set`, atau ubah berkas dasarnya
e010 = berkas dasar '{ $path }' tidak ada
e010-help = jalur `extends` dihitung dari folder berkas ini
e011 = rantai `extends` lebih dari 8 berkas (berputar?)
e011-help = perpendek rantainya dan pastikan tidak ada berkas yang memperluas dirinya sendiri
e012 = '{ $v }' bukan tanggal dan jam setempat dengan zona waktu ({ $reason }); tulis seperti 2024-02-13T23:59:00+07:00
datetime-out-of-range = angkanya di luar batas
datetime-impossible = tanggal atau jam itu tidak ada
datetime-not-enough = tanggal dan jamnya belum lengkap
datetime-invalid = ada karakter yang tidak semestinya
datetime-too-short = tulisannya terpotong
datetime-too-long = ada tulisan lebih di belakang
e013 = '{ $v }' bukan jam; tulis seperti 07:30
e014 = berkas ini { $kind }, bukan berkas biasa; tepat hanya membaca berkas biasa
e014-help = sebut berkas skenario (.toml) yang tersimpan di disk
e015 = berkas ini memuat { $marks } tanda TOML (= dihitung 2, titik 8, koma, kurung siku atau kurung kurawal 1); berkas dengan lebih dari { $max } tanda hanya dibaca bila skenarionya sah dan setiap tabel utamanya memuat lebih sedikit, dan berkas ini tidak begitu
e015-help = setiap tanda memakan hingga sekitar 190 byte memori bila seluruh berkas diurai untuk menemukan kesalahan; periksa apakah berkasnya benar, atau jalankan `tepat check` pada sebagian berkas untuk menemukan kesalahannya
e016 = berkas ini, yang disebut oleh { $by }, bukan berkas skenario yang sah (isinya tidak ditampilkan karena tepat tidak diminta membacanya langsung)
e016-help = periksa apakah { $by } menyebut berkas yang benar; bila itu skenario, `tepat check` pada berkas itu menunjukkan kesalahannya

## Skenario, nama dan nilai

e101 = horizon_days harus lebih dari 0 dan paling banyak { $max } (tertulis { $v })
e102 = { $v } bukan peluang
e102-help = tulis bilangan dari 0 sampai 1
e103 = tenggat { $v } tidak sesudah awal skenario { $start }
e103-help = tenggat harus lebih lambat dari `scenario.start`
e104 = `{ $what }` harus bilangan terhingga, paling kecil 0 (tertulis { $v })
e105 = `{ $what }` harus bilangan terhingga lebih dari 0 (tertulis { $v })
e106 = nama kosong
e106-help = beri setiap isian nama yang berbeda
e107 = nama '{ $name }' dipakai oleh lebih dari satu { $table }
e107-help = nama harus berbeda-beda: rute dan strategi merujuk isian lewat namanya
e108 = tidak ada { $what } bernama '{ $name }'{ $hint }
e108-help = tambahkan { $what } itu atau perbaiki namanya
e109 = nama '{ $head }…' terdiri dari { $n } huruf; nama paling panjang { $max } huruf
e109-help = nama dicetak di grafik, laporan dan layar: tulis nama pendek yang biasa
e110 = nama '{ $name }' memuat karakter kendali (pindah baris, tab, ESC atau NUL)
e111 = tenggat { $v } jatuh sesudah akhir masa simulasi ({ $days } hari sejak { $start })
e111-help = perpanjang `scenario.horizon_days` agar masa simulasi mencakup semua tenggat, atau majukan tenggatnya
e112 = pemungutan suara dibuka sebelum tenggat TPS di tempat '{ $name }'
e112-help = voting_opens tidak boleh lebih awal dari station_deadline mana pun (H-1 datang sebelum hari pemungutan suara)
e113 = '{ $v }' bukan bahasa yang dipakai tepat
e113-help = tulis language = "id" (Bahasa Indonesia) atau language = "en" (Inggris), atau hapus baris itu

## Zona cuaca

e201 = step_h { $step } jam; langkah cuaca paling pendek satu menit ({ $min } jam)
e201-help = step_h dalam jam: tulis 6 untuk empat langkah sehari
e202 = zona cuaca perlu paling sedikit satu keadaan cuaca
e203 = { $n } keadaan cuaca; satu zona paling banyak { $max }
e204 = keadaan cuaca '{ $state }' tertulis dua kali di zona '{ $zone }'
e205 = { $what } berisi { $entries } nilai, padahal zona ini punya { $n } keadaan cuaca
e205-help = beri satu peluang untuk setiap keadaan cuaca, menurut urutan `states`
e206 = jumlah { $what } adalah { $sum }, bukan 1 (toleransi { $tol })
e206-help = buat jumlah peluangnya tepat 1
e207 = transition berisi { $rows } baris, padahal zona ini punya { $n } keadaan cuaca
e207-help = beri satu baris untuk setiap keadaan cuaca
e208 = semua zona bersama-sama punya { $n } langkah cuaca selama masa simulasi; paling banyak { $max } yang disimulasikan
e208-help = pakai langkah lebih panjang (step_h), zona lebih sedikit, atau horizon_days lebih pendek
e209 = zona tidak bisa mengikuti dirinya sendiri
e210 = zona '{ $zone }' sendiri mengikuti zona lain; zona yang diikuti tidak boleh mengikuti
e210-help = buat semua zona pengikut mengikuti zona utama yang sama
e211 = zona '{ $zone }' melangkah setiap { $step } jam, tetapi zona yang diikutinya '{ $leader }' setiap { $leader_step } jam
e211-help = beri zona pengikut step_h yang sama dengan zona yang diikutinya
e212 = keadaan cuaca '{ $state }' dari zona '{ $leader }' tidak ada padanannya (nama yang sama) di zona '{ $zone }'
e212-help = zona pengikut menyalin keadaan cuaca zona yang diikutinya menurut nama, jadi perlu satu keadaan untuk setiap keadaan zona itu
e213 = `{ $what }` bernilai { $v }; faktor cuaca paling besar { $max }
e213-help = faktor mengalikan nilai saat cuaca tenang: 1,5 berarti 50% lebih lambat atau lebih sering

## Ruas

e301 = ruas '{ $name }' perlu `duration`, atau `distance_km` bersama `speed_kmh`
e301-help = beri tepat satu dari keduanya
e302 = speed_kmh dalam km/jam dan tidak memakai satuan
e302-help = hapus `unit`
e303 = kecepatan paling lambat harus di atas 0 km/jam
e303-help = kecepatan 0 tidak pernah sampai; gambarkan penutupan jalan dengan `disruption`
e304 = jadwal tidak punya keberangkatan
e304-help = cantumkan paling sedikit satu jam berangkat, atau hapus `timetable` untuk ruas yang bisa dilalui kapan saja
e305 = jadwal perlu `times`, atau `every_min` bersama `from` dan `to`
e306 = lebih dari 1.440 keberangkatan sehari
e306-help = every_min dalam menit
e307 = jendela buka dan tutup pada jam yang sama
e307-help = hapus `window` untuk ruas yang berjalan sepanjang hari
e308 = tidak ada keberangkatan dalam jadwal yang jatuh di dalam jendela
e308-help = perlebar jendela atau ubah jadwal
e309 = ruas jalan darat tidak punya kapal
e309-help = pakai mode = "sea" atau "river", atau hapus `vessel`
e310 = antrean perlu jadwal (antrean menunda naik ke keberangkatan terjadwal)
e310-help = tambahkan jadwal atau hapus `queue`
e311 = gangguan (jalan tertutup, jalan memutar) hanya berlaku untuk ruas jalan darat
e311-help = untuk kapal pakai `vessel.cancel_probability` atau `vessel.outage`
e312 = { $rate } kejadian sehari bukan laju gangguan yang masuk akal
e312-help = rate_per_day menghitung kejadian jalan tertutup per hari
e313 = ruas sepanjang { $km } km lebih panjang dari { $max } km
e313-help = distance_km dalam kilometer
e314 = { $rate } kejadian sehari dikali disruption_factor tertinggi zona ({ $worst }) menjadi { $total } kejadian sehari; paling banyak { $max } yang disimulasikan
e314-help = turunkan rate_per_day atau disruption_factor keadaan cuaca terburuk zona itu

## Sebaran

e401 = satuan '{ $v }' tidak dikenal; pakai "min", "h" atau "day"
e402 = `{ $name }` harus bilangan terhingga, bukan { $v }
e403 = `{ $name }` tidak boleh negatif (tertulis { $v })
e404 = `{ $name }` harus lebih dari 0 (tertulis { $v })
e405 = rentang terbalik: max ({ $max }) lebih kecil dari min ({ $min }); tukar keduanya
e406 = min ({ $min }), mode ({ $mode }) dan max ({ $max }) harus memenuhi min <= mode <= max
e407 = `mean` begitu jauh di bawah 0 sehingga hampir semua tarikan terpotong; pakai `mean` >= 0
e408 = `p90` ({ $p }) lebih kecil dari median ({ $m }); `p90` paling kecil sama dengan median
e409 = beri `median` dan `p90`, atau `mean` dan `sd`
e410 = beri `shape` dan `scale`, atau `mean` dan `sd`
e411 = nilai { $x } jam di luar batas; nilai sebaran paling besar { $max } jam (sekitar 114 tahun) setelah diubah dari satuannya
e411-gamma = sebaran gamma dengan rata-rata { $mean } dan simpangan baku { $sd } jam di luar batas; nilai sebaran paling besar { $max } jam
e412 = samples kosong; beri paling sedikit satu nilai
e413 = quantiles perlu paling sedikit dua pasangan [peluang, nilai]
e414 = pasangan kuantil { $i } harus punya peluang lebih tinggi dan nilai tidak lebih rendah dari pasangan sebelumnya
e415 = peluang kuantil harus mulai dari 0 dan berakhir di 1
e416 = beri samples atau quantiles

## Armada dan pengawalan

e501 = armada perlu paling sedikit satu kendaraan
e502 = regu pengawal perlu paling sedikit satu tim
e502-help = hapus `escort` dari tempat-tempat itu bila tidak perlu pengawalan
e503 = lebih dari 100.000 tim pengawal
e504 = kiriman ke '{ $name }' ({ $load } satuan muatan) butuh { $rounds } putaran armada '{ $fleet }' ({ $count } kendaraan berkapasitas { $capacity }); paling banyak { $max } yang disimulasikan
e504-help = periksa muatan serta kapasitas dan jumlah armada (dalam satuan yang sama)

## Tempat dan pohon pasokan

e601 = { $n } tempat; paling banyak { $max } yang diterima
e602 = { $n } TPS; paling banyak { $max } yang diterima
e602-help = Indonesia punya sekitar 820.000 TPS pada 2024; periksa jumlah TPS
e603 = rutenya kosong
e603-help = cantumkan ruas-ruas dari pemasok ke tempat ini, berurutan
e604 = ({ $lat }, { $lon }) bukan lintang dan bujur
e604-help = tulis derajat desimal: lat dari -90 sampai 90, lon dari -180 sampai 180
e605 = beri lat dan lon sekaligus, atau tidak keduanya
e606 = gudang KPU tidak punya pemasok
e606-help = pakai kind = "hub" untuk tempat yang dipasok dari tempat lain
e607 = tempat '{ $name }' tidak punya pemasok
e607-help = setiap tempat selain gudang KPU menyebut tempat yang memasoknya
e608 = gudang KPU tidak punya rute
e609 = tempat '{ $name }' tidak punya rute dari pemasoknya
e609-help = cantumkan ruas-ruasnya, misalnya `route = ["roro-air-putih"]`
e610 = tempat '{ $name }' punya muatan tetapi tidak ada armada yang mengangkutnya
e610-help = sebut armada (jenis kendaraan) untuk kiriman ini
e611 = beri `load` atau `load_per_station`, jangan keduanya
e612 = gudang KPU tidak diberangkatkan, jadi tidak perlu pengawalan
e613 = gudang KPU tidak diberangkatkan, jadi tidak punya jadwal berangkat
e613-help = pakai `ready` untuk saat logistik gudang siap, dan planned_dispatch pada tempat-tempat yang dipasoknya
e614 = jadwal berangkat jatuh di luar masa simulasi
e614-help = harus sesudah `scenario.start` dan sebelum `start` + `horizon_days`
e615 = tempat '{ $name }' melayani TPS, tetapi TPS-nya tidak punya tenggat
e615-help = isi `defaults.station_deadline` (aturan H-1) atau `station_deadline` tempat itu
e616 = hanya gudang KPU yang punya waktu siap
e616-help = pakai planned_dispatch untuk tempat lain
e617 = skenario tidak punya gudang KPU
e617-help = tambahkan tempat dengan kind = "depot" (gudang KPU)
e618 = rantai pemasok berputar: { $chain } -> { $first }
e618-help = setiap rantai pemasok harus berakhir di gudang KPU

## Perubahan strategi

e701 = '{ $path }' bukan jalur perubahan; tulis seperti "node.Rupat.planned_dispatch" atau "defaults.handling"
e702 = '{ $path }' menyebut { $what } tetapi tidak menyebut kuncinya; tulis "{ $table }.<nama>.<kunci>"
e703 = '{ $table }' bukan tabel yang bisa diubah; pakai `node`, `link`, `zone`, `fleet`, `escort`, `defaults` atau `scenario`
e704 = skenario tidak punya tabel [[{ $table }]]
e705 = '{ $key }' di '{ $path }' adalah nilai, bukan tabel
strategy-includes-itself = strategi '{ $name }' memuat dirinya sendiri (lewat { $chain })
strategy-included = di strategi yang dimuat '{ $name }' ({ $path }): { $reason }
strategy-not-applied = tidak dapat diterapkan: { $reason }
strategy-no-baseline = skenario dasar tidak dapat disiapkan: { $reason }
strategy-invalid = skenario yang sudah diubah tidak sah: { $reason }
strategy-name-twice = nama strategi '{ $name }' dipakai dua kali
strategy-name-twice-help = beri setiap strategi nama yang berbeda
strategy-says = strategi '{ $name }': { $reason }
strategy-makes-invalid = strategi '{ $name }' membuat skenario tidak sah di { $path }: { $reason }

## Baris perintah, berkas dan jalannya simulasi

e801 = --runs harus dari 1 sampai { $max } (tertulis { $n }); pakai --precision untuk berhenti begitu jawabannya cukup tepat
e802 = --precision harus setengah lebar selang di atas 0 dan di bawah 0,5, misalnya 0.01 (tertulis { $v })
e803 = paling banyak { $max } (tertulis { $n }); tepat memang hanya memakai sebanyak inti prosesor komputer ini
e804 = --shard perlu --runs yang tetap, bukan --precision
e805 = folder '{ $path }' tidak berisi berkas skenario .toml
e806 = tidak dapat membaca '{ $path }': { $reason }
e807 = tidak dapat menulis '{ $path }': { $reason }
io-not-found = berkas atau folder itu tidak ada (pesan sistem: { $text })
io-permission-denied = tidak ada izin (pesan sistem: { $text })
io-is-a-folder = itu folder, bukan berkas (pesan sistem: { $text })
io-not-a-folder = salah satu bagian jalurnya bukan folder (pesan sistem: { $text })
io-storage-full = disk penuh (pesan sistem: { $text })
io-read-only = disk hanya bisa dibaca (pesan sistem: { $text })
io-exists = sudah ada (pesan sistem: { $text })
e808 = dihentikan setelah { $done } dari { $total } simulasi; hasil sebelumnya dibiarkan utuh
e810 = --basemap { $path }: { $reason }; beri berkas GeoJSON berisi poligon, atau hapus --basemap agar peta dasar skenario yang dipakai
e810-unreadable = berkas tidak dapat dibaca ({ $reason })
joined = { $a }; { $b }
e811 = peta dasar tidak dapat dibaca: { $reason }
e811-help = beri berkas GeoJSON yang dapat dibaca, atau hapus `basemap`
e812 = peta dasar { $path } tidak ditemukan; peta digambar tanpa daratan dan laut{ $extended }
e812-extended = {" "}(peta dasar itu disebut di skenario yang diperluas berkas ini)
e812-help = beri jalur berkas GeoJSON relatif terhadap berkas skenario (yang disertakan: data/bengkalis/bengkalis-kecamatan.geojson), atau hapus `basemap`
e813 = '{ $v }' bukan bilangan bulat jumlah simulasi
e814 = '{ $v }' bukan jumlah utas (thread)
e815 = --target harus di antara 0 dan 1, misalnya 0.95 (tertulis { $v })
e816 = --shard harus K/N dengan 1 <= K <= N <= { $max }, misalnya 3/8 (tertulis '{ $v }')
e817 = '{ $path }' sudah ada dan dibiarkan apa adanya. Pilih nama berkas lain, atau tambahkan --force untuk menggantinya

## Berkas status

key-column = kolom '{ $name }'
noun-weather-zone = zona cuaca
e102-quoted = '{ $v }' bukan peluang
e820 = '{ $v }' bukan jenis fakta berkas status{ $hint }
e820-help = tulis salah satu: tiba, berangkat, belum_berangkat, ditutup, batal, pengawal_tidak_ada, kendaraan_tidak_ada, cuaca (atau nama Inggrisnya)
e821 = tidak ada { $what } '{ $name }' di skenario{ $hint }
e821-help = nama harus persis sama dengan di berkas skenario
e822 = '{ $v }' sesudah waktu keadaan (--as-of): sebuah fakta tidak bisa teramati sebelum terjadi
e822-help = periksa tanggalnya, atau jalankan dengan --as-of yang lebih lambat
e823 = '{ $v }' sebelum awal skenario
e823-help = periksa tanggalnya (dan zona waktunya: +07:00 untuk WIB)
e824 = '{ $v }' bukan keadaan kiriman yang tiba
e824-help = tulis lengkap (atau complete) atau rusak (atau damaged); kosongkan untuk keberangkatan
e825 = '{ $name }' tiba ({ $arr }) sebelum berangkat ({ $dep })
e825-help = periksa kedua waktu
e826 = '{ $name }' dilaporkan tiba dua kali
e826-departed = '{ $name }' dilaporkan berangkat dua kali
e826-help = tulis satu baris untuk setiap fakta
e827 = 'until' tidak sesudah 'time'
e827-help = beri akhir sesudah awalnya, atau kosongkan 'until' untuk "sampai ada kabar lagi"
e828 = '{ $name }' tidak punya jadwal: tidak ada keberangkatan yang bisa dibatalkan
e828-help = untuk kapal tanpa jadwal atau jalan darat, tulis baris 'ditutup'
e829 = masa prakiraan cuaca perlu waktu akhir
e829-help = beri akhir masanya, misalnya 2024-02-11T00:00+07:00
e830 = zona '{ $zone }' tidak punya keadaan cuaca '{ $state }'{ $hint }
e830-help = tulis keadaan cuaca zona itu, atau peluang seperti calm:0.3 rough:0.7
e831 = jumlah peluang prakiraan { $sum }, bukan 1
e831-help = beri satu peluang untuk setiap keadaan, misalnya calm:0.3 rough:0.7
e832 = masa ini bertumpang tindih dengan prakiraan lain untuk zona '{ $zone }'
e832-help = tulis setiap masa sebuah zona sekali saja
e833 = '{ $name }' adalah gudang KPU: tidak ada yang dikirim ke sana
e833-help = sebut PPK atau desa tujuan kiriman
e834 = di sini perlu waktu
e834-help = tulis seperti 2024-02-09T14:00+07:00
e835 = '{ $v }' bukan jumlah tim
e835-help = tulis berapa tim yang tidak tersedia, misalnya 2 (kosong: 1)
e836 = regu pengawal '{ $name }' hanya punya { $teams } tim
e836-help = tulis paling banyak sejumlah tim regu itu
e837 = '{ $name }' dilaporkan pada { $own }, sebelum pemasoknya '{ $supplier }' tiba ({ $at })
e837-help = kiriman baru berangkat setelah pemasoknya menerima logistik: periksa kedua waktu
e838 = '{ $name }' dilaporkan, tetapi pemasoknya '{ $supplier }' belum dilaporkan tiba
e838-help = tambahkan baris 'tiba' untuk pemasoknya
e839 = baris judul berkas status harus '{ $header }'
e839-help = tulis baris judul lebih dulu, lalu satu fakta per baris
e840 = baris ini berisi { $n } kolom; baris status berisi { $max }
e840-help = beri tanda kutip ganda pada isian yang memuat koma
e841 = isian bertanda kutip belum ditutup
e841-help = tutup tanda kutipnya: "seperti, ini"
e842 = ada teks sesudah tanda kutip penutup
e843 = berkas status bukan teks UTF-8 yang sah
e843-help = simpan berkas sebagai teks UTF-8 (CSV UTF-8)
e844 = berkas status tidak punya baris judul; baris pertamanya harus '{ $header }'
e845 = --status { $path }: berkas tidak dapat dibaca ({ $reason }); sebut berkas CSV status
e846 = --as-of { $at } di luar masa simulasi ({ $from } sampai { $to })
e847 = simulasi dengan --as-of tidak dibagi menjadi bagian; hapus --shard
e849 = '{ $v }' bukan tanggal dan jam setempat dengan zona waktu; tulis seperti 2024-02-09T14:00+07:00
e850 = '{ $name }' butuh satu tim dari regu pengawal '{ $pool }', tetapi { $teams } timnya sedang di jalan semua atau tidak tersedia
e850-help = periksa keberangkatan dan tim yang tidak tersedia di regu ini
e851 = '{ $village }' punya { $count } TPS: tidak ada TPS { $k }
e851-help = nomor TPS dari 1 sampai jumlah TPS desa itu
e852 = '{ $v }' bukan nomor TPS
e852-help = tulis nama desa, garis miring, lalu nomor TPS, misalnya Titi Akar/TPS 003
e853 = tidak ada desa ber-TPS bernama '{ $village }' di skenario{ $hint }
e853-help = tulis nama desa persis seperti di skenario, lalu /TPS dan nomornya, misalnya Titi Akar/TPS 003
e854 = '{ $name }' tiba ({ $at }) sebelum desanya '{ $village }' tiba ({ $village_at })
e854-help = TPS menerima logistik dari desanya (PPS): periksa kedua waktu
e855 = '{ $name }' dilaporkan, tetapi desanya '{ $village }' belum dilaporkan tiba
e855-help = tambahkan baris 'tiba' untuk desa itu
e856 = '{ $name }' adalah TPS: TPS hanya dilaporkan saat logistiknya sudah tiba
e856-help = tulis baris 'tiba' untuk TPS; keberangkatan dilaporkan untuk kiriman ke desanya
e857 = '{ $v }' bukan keadaan logistik yang tiba di TPS
e857-help = TPS dilaporkan tiba bila logistiknya lengkap: tulis lengkap (atau complete), atau kosongkan
e858 = '{ $name }' dilaporkan belum berangkat dua kali
e858-help = tulis satu baris untuk setiap fakta
e859 = '{ $name }' dilaporkan belum berangkat, tetapi juga berangkat atau tiba
e859-help = simpan baris yang benar saat ini: kiriman yang sudah berangkat ditulis 'berangkat' atau 'tiba'
e860 = '{ $v }' tidak diperlukan di sini
e860-help = kosongkan 'detail' untuk kiriman yang belum berangkat

## Tak terjangkau

e901 = bentuk sebaran PERT tidak sah: { $reason }
e902 = sebaran gamma tidak sah: { $reason }
