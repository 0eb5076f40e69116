# Kesalahan pengurai baris perintah (E809, E848): opsi, nilai dan cara pakainya dari pengurai,
# kalimatnya dari sini. Bahasa Indonesia.

e809 = argumen '{ $arg }' tidak dikenal
e809-subcommand = perintah '{ $name }' tidak dikenal
e809-subcommand-missing = '{ $name }' perlu perintah sesudahnya, tetapi tidak ada; pilihannya: { $values }
e809-empty = '{ $arg }' perlu nilai, tetapi tidak diberi
e809-value = nilai '{ $value }' tidak dapat dipakai untuk '{ $arg }'
e809-possible = { $message }
    {"  ["}pilihan: { $values }]
e809-invalid = nilai '{ $value }' tidak dapat dipakai untuk '{ $arg }': { $why }
e809-twice = '{ $arg }' hanya boleh ditulis sekali
e809-conflict = '{ $arg }' tidak dapat dipakai bersama '{ $other }'
e809-conflict-any = '{ $arg }' tidak dapat dipakai bersama salah satu argumen lain yang ditulis
e809-equals = '{ $arg }' perlu tanda sama dengan sebelum nilainya
e809-too-many = nilai '{ $value }' untuk '{ $arg }' berlebih; tidak ada nilai lagi yang diharapkan
e809-count = '{ $arg }' perlu { $expected } nilai, tetapi diberi { $given }
e809-utf8 = ada argumen yang bukan teks UTF-8 yang sah
e809-similar = petunjuk: ada nama yang mirip: { $names }
e809-usage = Cara pakai: { $syntax }
e809-more = Keterangan lebih lanjut: tambahkan '--help'.
e848 = argumen wajib ini belum ditulis: { $args }
