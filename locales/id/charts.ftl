# Judul, sumbu, legenda dan keterangan grafik. Bahasa Indonesia.

chart-footer = { $scenario } · benih { $seed } · { $runs } ulangan · tepat { $version }
