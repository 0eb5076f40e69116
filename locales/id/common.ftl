# Kata yang dipakai semua keluaran. Bahasa Indonesia.

language-name = Bahasa Indonesia
tepat-tagline = Apakah logistik pemilu tiba tepat waktu?
and = dan
none = tidak ada

# Penyebab keterlambatan (model::CAUSES), dalam kata-kata perencana.
cause-planned-dispatch = menunggu jadwal
cause-handling = penanganan
cause-escort-wait = menunggu pengawalan
cause-travel = waktu tempuh
cause-weather = cuaca
cause-vessel = kapal atau feri
cause-ferry-queue = antrean feri
cause-road-disruption = jalan putus atau banjir
cause-capacity = kendaraan kurang
cause-damage-replacement = ganti logistik rusak
cause-last-mile = jarak terakhir ke TPS

# Jenis tempat.
kind-kecamatan = kecamatan
kind-depot = gudang KPU
kind-hub = PPK (kecamatan)
kind-village = PPS (desa)

yes = ya
no-deadline = tanpa tenggat
