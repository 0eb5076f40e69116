# `tepat bench` di terminal: kecepatan mesin simulasi pada satu berkas skenario.

bench-replications = simulasi                    { $runs } dengan { $threads } utas, masing-masing { $legs } ruas
bench-simulation = waktu simulasi              { $s } detik: { $rate } simulasi/detik
bench-outputs = dengan ringkasan dan data   { $s } detik lagi: { $rate } simulasi/detik
bench-per-leg = per ruas per inti           { $ns } ns
bench-per-replication = satu simulasi per inti      { $us } µs
bench-probe = uji batas                   jaringan acuan, setiap ruas diundi, jumlah simulasi dan utas sama: { $s } detik, { $ns } ns per ruas per inti, { $us } µs per simulasi per inti
bench-against = dibanding uji batas         satu simulasi berkas ini = { $v } simulasi jaringan acuan{ $cpu } (median { $rounds } putaran berselang-seling: { $list })
bench-cpu = {" "}({ $v } dalam waktu prosesor)
bench-memory = memori puncak               { $v }
bench-mb = { $v } MB
bench-unavailable = tidak tersedia
