# Pesan yang dicetak di terminal. Bahasa Indonesia.

written = ditulis: { $path }
new-written = ditulis: { $path }
    Langkah berikutnya: ubah angka contoh dengan angka Anda, lalu
      tepat check { $path }
      tepat run { $path }

# Bilah kemajuan simulasi.
progress-unit = simulasi
progress-per-second = /dtk

# Tabel hasil simulasi (tepat run, tepat merge).
run-heading = { $scenario }  ({ $runs } simulasi, benih { $seed }, { $secs } dtk, { $rate } simulasi per detik pada { $threads } utas)
run-rule = Aturan: semua TPS terpasok sebelum H-1 ({ $deadline }); pemungutan suara dibuka { $opens }; sasaran { $target }.
run-opens-unknown = tidak disebutkan dalam skenario
run-col-kecamatan = kecamatan
run-col-all = semua TPS sblm H-1
run-col-late = TPS telat
run-col-opening = ada TPS kosong saat buka
run-col-without = TPS kosong
run-col-ppk = PPK tepat tenggat
run-no-deadline = tanpa tenggat
run-riskiest = paling berisiko
run-all = SEMUA
run-legend = Peluang dengan rentang 95% dalam kurung; TPS telat dan TPS kosong adalah jumlah rata-rata; ! menandai kecamatan di bawah sasaran.
run-target-met = Semua kecamatan mencapai sasaran { $target } untuk semua TPS sebelum H-1.
run-target-missed = ! di bawah sasaran { $target } (semua TPS sebelum H-1): { $names }
run-villages = Desa paling berisiko (TPS terbanyak yang diperkirakan telat setelah H-1):
run-col-village = desa
run-col-share = TPS tepat waktu
run-col-cause = penyebab utama

run-never = tidak pernah tiba dalam rentang simulasi ({ $days } hari setelah mulai) di sebagian pemilu yang disimulasikan:
run-never-row = tidak pernah tiba di { $share }% pemilu yang disimulasikan
run-never-more = ... dan { $count } lagi (kolom p_never_arrived di summary.csv)
