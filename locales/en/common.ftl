# Words shared by every output. English.

language-name = English
tepat-tagline = Will the election materials get there in time?
and = and
none = none

# The causes of lateness (model::CAUSES), as a planner says them.
cause-planned-dispatch = waiting for dispatch
cause-handling = handling
cause-escort-wait = waiting for an escort
cause-travel = travel time
cause-weather = weather
cause-vessel = boat or ferry
cause-ferry-queue = ferry queue
cause-road-disruption = road closed or flooded
cause-capacity = not enough vehicles
cause-damage-replacement = replacing damage
cause-last-mile = last mile to the TPS

# Kinds of place.
kind-kecamatan = kecamatan
kind-depot = KPU warehouse
kind-hub = PPK (kecamatan)
kind-village = PPS (village)

yes = yes
no-deadline = no deadline
