# Kata yang dipakai semua keluaran. Bahasa Indonesia.

language-name = Bahasa Indonesia
tepat-tagline = Apakah logistik pemilu tiba tepat waktu?
and = dan
none = tidak ada
