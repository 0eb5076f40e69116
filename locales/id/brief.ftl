# brief.html: ringkasan dua halaman A4 sebuah skenario untuk rapat perencanaan.
# Angka, persen, uang dan waktu datang sudah diformat menurut bahasanya.

brief-title = { $scenario }: ringkasan untuk rapat logistik
brief-meta = Dibuat { $made } · simulasi mulai { $start } · dua halaman A4
brief-h-question = Pertanyaan dan jawabannya
brief-question = { $has_deadline ->
    [yes] Apakah logistik pemilu sampai di semua { $tps } TPS sebelum H-1 ({ $deadline })?
   *[no] Apakah logistik pemilu sampai di semua { $tps } TPS sebelum tenggatnya?
    }
brief-answer = { $verdict ->
    [good] Sangat mungkin: peluangnya { $p } (antara { $lo } dan { $hi }), di atas sasaran { $target }; perkiraan TPS terlambat { $late }.
    [bad] Belum cukup aman: peluangnya { $p } (antara { $lo } dan { $hi }), di bawah sasaran { $target }; { brief-short } dan perkiraan TPS terlambat { $late }.
   *[warn] Dekat sasaran: peluangnya { $p } (antara { $lo } dan { $hi }) terhadap sasaran { $target }; { brief-short } dan perkiraan TPS terlambat { $late }.
    }
brief-short = { $short ->
    [none] setiap kecamatan sendiri mencapainya
   *[some] { $below } dari { $kecamatan } kecamatan belum mencapai sasaran
    }
brief-answer-note = Peluang adalah bagian dari { $runs } ulangan simulasi rencana yang sama (masing-masing dengan cuaca, gelombang, kerusakan dan penutupan jalan sendiri) yang memasok semua TPS tepat waktu. Rentang dalam kurung memuat peluang sebenarnya dengan keyakinan 95%.
brief-never = tidak dalam hari yang disimulasikan

brief-h-below = Kecamatan di bawah sasaran
brief-below-none = Semua kecamatan mencapai sasaran { $target }. { $shown } kecamatan yang paling dekat dengan batas itu:
brief-below-some = { $count } dari { $kecamatan } kecamatan di bawah sasaran { $target } untuk memasok semua TPS-nya sebelum H-1, dari yang paling berisiko:
brief-below-more = Tabel memuat { $shown } yang paling berisiko; { $rest } lainnya ada di laporan.
brief-col-kecamatan = Kecamatan
brief-col-tps = TPS
brief-col-p-all = Peluang semua TPS sebelum H-1
brief-col-late = Perkiraan TPS terlambat
brief-col-last-tps = TPS terakhir terlayani (95 dari 100 ulangan)
brief-col-cause = Penyebab utama keterlambatan

brief-h-villages = 10 desa paling berisiko
brief-villages-lead = Desa/kelurahan (PPS) dengan TPS terbanyak yang diperkirakan baru terpasok setelah H-1.
brief-col-village = Desa/Kelurahan (PPS)
brief-col-share = TPS tepat waktu

brief-h-strategies = Yang paling membantu
brief-strategies-none = Skenario ini tidak membandingkan strategi. Strategi (kapal tambahan, berangkat lebih awal, pengawalan) dapat ditambahkan ke berkas skenario sebagai tabel [[strategy]]; setiap strategi lalu ditimbang menurut biaya dan hasilnya.
brief-strategies-lead = { $shown } dari { $count } strategi, yang paling berhasil lebih dulu. Setiap strategi diuji pada { $runs } ulangan simulasi yang sama dengan rencana, sehingga selisihnya hanya karena strategi itu.
brief-col-strategy = Strategi
brief-col-cost = Biaya
brief-col-avoided = TPS terlambat yang dicegah
brief-col-p-change = Peluang semua TPS sebelum H-1
brief-col-per-avoided = Biaya per TPS terlambat yang dicegah
brief-avoided = { $mean } ({ $lo } sampai { $hi })
brief-no-effect = tidak ada hasil yang terukur
brief-p-change = { $from } → { $to }

brief-h-dispatch = Pemberangkatan: berapa kelonggaran yang tersisa
brief-dispatch-lead = Untuk { $shown } dari { $kecamatan } kecamatan yang paling berisiko: rencana berangkat ke PPK, kapan TPS terakhir terpasok pada 95 dari 100 ulangan, dan sisa waktu sebelum H-1. Waktu berangkat paling lambat yang aman untuk setiap PPK dan PPS dihitung dengan: tepat plan { $file } --target 0.95
brief-col-planned = Rencana berangkat ke PPK
brief-col-margin = Kelonggaran sebelum H-1
brief-hours = { $h } jam

brief-h-assumptions = Asumsi utama
brief-no-assumptions = Skenario ini tidak menyebutkan asumsi.
brief-more-assumptions = { $count } asumsi lain ada di laporan lengkap.
brief-h-sources = Asal angka-angka ini
brief-source-model = Simulasi { $runs } ulangan (benih acak { $seed }) dari berkas skenario { $file } (SHA-256 { $sha }…); berkas dan benih acak yang sama menghasilkan angka yang sama.
brief-source-reading = Setiap angka adalah perkiraan; rentangnya memuat nilai sebenarnya dengan keyakinan 95% selama asumsi skenario berlaku. Waktu tempuh, cuaca, jadwal dan gangguan berasal dari skenario; berkasnya menyebutkan sumber setiap angka.
brief-source-files = Semua tabel dan grafik: report.html; angkanya: results.xlsx dan summary.csv, di folder yang sama.
brief-footer = Dibuat dengan { $tool }.
