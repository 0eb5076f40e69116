# Masalah dalam catatan pengamatan atau daftar perjalanan (tepat backtest, tepat fit), kode E960-E999.
# Aturan sama dengan errors.ftl: kuncinya kode dalam huruf kecil, petunjuk menambah -help.

## Membaca berkas (catatan atau daftar perjalanan)
e960 = ini folder, bukan berkas CSV
e960-device = ini bukan berkas biasa (perangkat, pipa atau soket); tepat hanya membaca berkas biasa
e960-help = sebut berkas CSV-nya sendiri
e961 = berkas ini lebih besar dari { $max } byte, batas yang dibaca tepat untuk catatan atau daftar perjalanan
e961-help = catatan satu kabupaten hanya beberapa kilobyte, dan sejuta perjalanan sekitar 40 megabyte; periksa apakah berkasnya benar
e962 = berkas ini bukan teks UTF-8 yang sah (byte ke-{ $byte })
e962-help = simpan berkas sebagai CSV UTF-8
e963 = baris ini bukan CSV yang sah (ada tanda kutip yang belum ditutup?)
e963-help = tutup setiap tanda kutip; isian yang memuat koma perlu diapit tanda kutip
e964 = berkas ini kosong: perlu baris judul dan paling sedikit satu baris isi
e964-help = tulis nama kolom di baris pertama, lalu satu baris untuk setiap butir

## Catatan kejadian (tepat backtest --observed)
e965 = kolom '{ $name }' tidak dikenal
e965-help = kolomnya 'quantity', 'place', 'observed', 'source' dan (bila perlu) 'note'
e966 = baris judul tidak punya kolom '{ $name }'
e966-help = baris judul menyebut nama kolom: `quantity,place,observed,source`
e967 = catatan ini tidak punya baris isi
e967-help = tambahkan satu baris untuk setiap besaran yang teramati
e968 = baris ini tidak punya sumber
e968-help = sebut asal pengamatannya: berita, surat KPU, buku catatan
e969 = '{ $place }' bukan PPK atau desa di skenario
e969-kecamatan = '{ $place }' bukan kecamatan (PPK) di skenario
e969-link = '{ $place }' bukan ruas di skenario
e969-help = tulis nama persis seperti di berkas skenario
e970 = { $quantity } berlaku untuk seluruh kabupaten; tempatnya harus kosong
e970-help = kosongkan tempatnya
e971 = ruas '{ $place }' tidak punya gangguan di skenario, jadi tidak pernah tertutup
e971-help = beri ruas itu gangguan (`disruption`), atau hapus baris ini
e972 = besaran '{ $quantity }' tidak dikenal
e972-help = tulis salah satu: { $names }
e973 = '{ $v }' bukan ya atau tidak
e973-help = tulis ya (ada kiriman yang rusak) atau tidak
e974 = '{ $v }' bukan bilangan cacah
e974-help = tulis bilangan bulat, misalnya 6
e975 = '{ $v }' di luar masa simulasi
e975-help = skenario menyimulasikan penutupan jalan dari seminggu sebelum awalnya sampai akhir masanya
e976 = '{ $v }' hanya punya satu ujung
e976-help = tulis hari penutupannya, misalnya 2024-02-10, atau rentang 2024-02-10..2024-02-11
e977 = nilai pengamatannya kosong
e978 = '{ $v }' tidak punya awal maupun akhir
e979 = '{ $v }' berakhir sebelum mulai
e980 = '{ $v }' bukan waktu
e980-help = tulis waktu seperti 2024-02-12T10:00:00+07:00 atau 2024-02-12 10:00 (waktu setempat), hari seperti 2024-02-13, atau rentang: ..2024-02-12 (paling lambat), 2024-02-07.. (tidak sebelum), 2024-02-12..2024-02-13

## Perjalanan yang lalu (tepat fit)
e981 = '{ $v }' bukan lama perjalanan
e981-help = tulis bilangan paling kecil 0 dalam satuan kolomnya, misalnya 2.5
e982 = '{ $v }' bukan tanggal dan jam
e982-help = tulis seperti 2024-02-07T08:00:00+07:00, atau 2024-02-07 08:00 bila kedua waktu memakai jam setempat yang sama
e983 = waktu tiba lebih awal daripada waktu berangkat
e983-help = periksa kedua waktu perjalanan ini
e984 = daftar perjalanan perlu satu kolom lama perjalanan (duration_min, duration_h atau duration_day), atau dua kolom 'departure' dan 'arrival'
e984-help = tulis nama kolom di baris judul, misalnya: `link,duration_h`
e985 = { $n } perjalanan terlalu sedikit untuk mencocokkan sebaran: tepat fit perlu paling sedikit { $min }
e985-help = kumpulkan lebih banyak perjalanan di ruas ini, atau tulis sebaran segitiga (min, mode, max) dari keterangan para pengemudi
e986 = semua perjalanan sama lamanya: tidak ada yang bisa dicocokkan
e986-help = tulis {"{"} dist = "fixed", value = ... {"}"} saja
