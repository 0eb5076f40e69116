# Pesan yang dicetak di terminal. Bahasa Indonesia.

written = ditulis: { $path }
new-written = ditulis: { $path }
    Langkah berikutnya: ubah angka contoh dengan angka Anda, lalu
      tepat check { $path }
      tepat run { $path }

# Bilah kemajuan simulasi.
progress-unit = simulasi
progress-per-second = /dtk
