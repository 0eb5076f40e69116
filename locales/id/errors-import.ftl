# Masalah dalam daftar TPS untuk `tepat import` (docs/import.md), kode E910-E959.
# Aturan sama dengan errors.ftl: kuncinya kode dalam huruf kecil, petunjuk menambah -help.

## Letak masalah: baris dan kolom seperti yang ditunjukkan program lembar kerja

import-at = { $place }: { $problem }
import-row = baris { $row }
import-cell = baris { $row }, kolom { $letters } ({ $header })
import-cell-bare = baris { $row }, kolom { $letters }
import-rows-two = baris { $a } dan { $b }
import-rows-many = baris { $list }

## Berkasnya

e910 = '.{ $ext }' bukan format daftar TPS yang dapat dibaca tepat
e910-help = simpan daftar sebagai .xlsx atau CSV (.csv) dan beri nama berkas dengan akhiran itu
e911 = daftar TPS ini lebih besar dari { $max } byte, batas yang dapat dibaca tepat
e911-help = daftar seluruh TPS di Indonesia pun kurang dari 100 MB; periksa apakah berkasnya benar
e912 = daftar TPS ini { $kind }, bukan berkas biasa
e912-folder = sebuah folder
e912-char-device = perangkat karakter
e912-block-device = perangkat blok
e912-fifo = pipa bernama (FIFO)
e912-socket = soket
e912-other = sesuatu selain berkas
e912-help = sebut daftar TPS (.csv atau .xlsx) yang tersimpan di disk
e913 = berkas ini bukan teks UTF-8
e913-help = di Excel pilih Simpan Sebagai > "CSV UTF-8", atau impor berkas .xlsx-nya langsung
e914 = baris ini tidak dapat dibaca sebagai CSV (keterangan pembaca CSV: “{ $detail }”)
e914-help = periksa apakah ada tanda kutip (") yang dibuka tetapi tidak ditutup
e915 = daftar ini berisi lebih dari { $max } baris
e915-sheet = lembar pertama berisi lebih dari { $max } baris
e915-help = daftar TPS berisi satu baris per TPS atau per desa; periksa apakah berkasnya benar
e916 = isi buku kerja ini lebih dari { $mb } MB setelah dibuka, batas yang dapat dibaca tepat
e916-help = daftar seluruh TPS di Indonesia pun sekitar 150 MB setelah dibuka; periksa apakah berkasnya benar, atau simpan lembarnya sebagai CSV UTF-8
e917 = buku kerja ini tidak dapat dibaca (keterangan pembaca Excel: “{ $detail }”)
e917-help = buka di program lembar kerja lalu simpan lagi sebagai .xlsx, atau simpan lembarnya sebagai CSV UTF-8
e918 = buku kerja ini tidak punya lembar
e918-help = letakkan daftar TPS di lembar pertama

## Baris judul

e920 = di baris-baris pertama tidak ada baris judul dengan kolom Kecamatan dan kolom Desa/Kelurahan
e920-help = baris pertama daftar harus menamai kolom-kolomnya, misalnya Kecamatan, Desa/Kelurahan, No TPS, DPT, Lintang, Bujur (semua nama yang diterima ada di docs/import.md)
e921 = kolom { $column } kedua; kolom { $letters } ({ $header }) sudah menjadi kolom itu
e921-help = pertahankan salah satu kolom, atau awali judul kolom yang lain dengan # agar dilewati
e922 = judul kolom '{ $header }' tidak dikenal{ $hint }
e922-help = ganti dengan judul yang diterima (docs/import.md), hapus kolomnya, atau awali judulnya dengan # agar dilewati
e923 = daftar ini tidak punya kolom { $column }
e923-help = tambahkan kolom { $column }
e923-help-coordinates = tambahkan Lintang dan Bujur (derajat desimal) setiap TPS atau desa: jarak jalan dihitung dari keduanya
e924 = daftar ini tidak punya kolom No TPS (satu baris per TPS) maupun kolom Jumlah TPS (satu baris per desa)
e924-help = tambahkan salah satunya
e925 = daftar ini punya kolom No TPS sekaligus kolom Jumlah TPS
e925-help = pakai No TPS untuk daftar satu baris per TPS, atau Jumlah TPS untuk daftar satu baris per desa, lalu awali judul kolom yang lain dengan # agar dilewati
e926 = daftar ini hanya memberi salah satu dari Lintang PPK dan Bujur PPK
e926-help = beri kedua kolom itu, atau tidak keduanya (maka setiap PPK ditempatkan di titik tengah desa-desanya)
e927 = daftar ini punya baris judul, tetapi tidak ada baris TPS di bawahnya
e927-help = tambahkan satu baris per TPS (atau per desa) di bawah baris judul

## Nama

e930 = sel ini berisi kesalahan lembar kerja { $value }
e930-help = perbaiki rumusnya atau ketik namanya
e930-help-coordinate = ketik koordinatnya dalam derajat desimal
e931 = nama { $what } kosong
e931-help = ketik nama { $what } baris ini
e932 = nama { $what } '{ $name }' tidak dapat dipakai: { $reason }
e932-help = tulis nama dengan huruf, angka, spasi dan tanda baca biasa
e932-empty = namanya kosong
e932-long = namanya { $n } huruf; paling panjang { $max } huruf
e932-control = namanya memuat karakter kendali tak terlihat U+{ $code }
e932-markup = namanya memuat '{ $char }', yang bukan bagian nama tempat
e932-formula = namanya diawali '{ $char }', yang akan dibaca program lembar kerja sebagai rumus

## Baris perintah

e933 = nama gudang ini tidak dapat dipakai: { $reason }
e934 = '{ $v }' bukan LINTANG,BUJUR dalam derajat desimal (misalnya 1.4774,102.1318)
e935 = ({ $lat }, { $lon }) berada di luar Indonesia: { $hint }
e936 = '{ $v }' bukan tanggal berbentuk YYYY-MM-DD (tahun-bulan-tanggal) seperti 2024-02-14
e937 = { $v } bukan hari pemungutan suara yang masuk akal (tahun 2000 sampai 2100)
e938 = '{ $v }' bukan faktor jalan dari 1 sampai 3 (jarak jalan dibagi jarak garis lurus; yang biasa --road-factor 1.4)
e939 = --out '{ $path }' adalah daftar TPS itu sendiri; tulis skenario ke berkas lain (.toml)

## Jumlah dan koordinat

e940 = nomor TPS kosong
e940-help = ketik nomor TPS ini (1, 2, ... atau 001, 002, ...)
e941 = '{ $v }' bukan nomor TPS
e941-help = tulis bilangan bulat paling kecil 1, misalnya 7, 007 atau TPS 007
e942 = jumlah TPS 0
e942-help = setiap desa di daftar perlu paling sedikit satu TPS; hapus barisnya bila desa itu tidak punya TPS
e943 = { $n } TPS dalam satu desa tidak masuk akal (paling banyak { $max })
e943-help = periksa angkanya
e944 = jumlah TPS kosong
e944-help = ketik jumlah TPS desa ini
e945 = '{ $v }' bukan bilangan bulat jumlah TPS
e945-help = tulis bilangan bulat seperti 12, tanpa huruf atau angka desimal
e946 = '{ $v }' bukan bilangan bulat jumlah pemilih
e946-help = tulis jumlah pemilih terdaftar (DPT) seperti 245 atau 1.245, atau kosongkan selnya
e947 = '{ $v }' bukan koordinat dalam derajat desimal
e947-help = tulis bilangan desimal seperti 1,4774 atau 102,1318 (titik desimal juga diterima)
e948 = titik ({ $lat }; { $lon }) berada di luar Indonesia
e948-help = Indonesia terletak antara lintang { $lat_min } dan { $lat_max } serta bujur { $lon_min } dan { $lon_max }; tulis derajat desimal (1,4774, bukan 1° 28' 39")
e948-swapped = lintang dan bujur tampaknya tertukar: Lintang arah utara-selatan (-11 sampai 6), Bujur arah barat-timur (95 sampai 141)
e948-sign = periksa tanda lintangnya: utara khatulistiwa positif (LU), selatan negatif (LS)
e949 = { $given } diisi tetapi { $empty } kosong
e949-help = isi kedua koordinat, atau kosongkan keduanya

## Desa, TPS dan kecamatan

e950 = PPK kecamatan { $kecamatan } di sini berada di ({ $lat }; { $lon }), tetapi di ({ $lat0 }; { $lon0 }) pada { $rows }
e950-help = beri titik PPK sekali untuk setiap kecamatan, atau titik yang sama di setiap baris
e951 = desa { $village } di kecamatan { $kecamatan } tercantum dua kali ({ $rows })
e951-help = daftar dengan Jumlah TPS berisi satu baris per desa: jumlahkan keduanya dalam satu baris; bila itu dua desa bernama sama, bedakan namanya (misalnya 'Sukamaju I')
e952 = TPS { $tps } desa { $village } (kecamatan { $kecamatan }) tercantum dua kali ({ $rows })
e952-help = hapus salah satu dari dua baris itu, atau perbaiki nomor TPS-nya
e953 = desa { $village } (kecamatan { $kecamatan }) tidak punya koordinat di satu pun barisnya ({ $rows })
e953-help = isi Lintang dan Bujur di paling sedikit satu baris desa itu: jarak jalannya dihitung dari keduanya
e954 = dan { $n } masalah lagi
e954-help = perbaiki yang ini dulu; kesalahan yang sama sering berulang di sepanjang kolom
e955 = desa { $village } berjarak { $km } km (garis lurus) dari PPK { $kecamatan }; periksa koordinat dan kecamatannya ({ $row })
e956 = gudang '{ $depot }' bernama sama dengan kecamatan { $kecamatan }; beri gudang KPU nama lain dengan --depot (PPK dinamai menurut kecamatannya)
e957 = kesalahan internal: skenario yang ditulis dari daftar TPS ini tidak sah; mohon laporkan hal ini bersama daftarnya
