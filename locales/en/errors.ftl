# Error and warning messages, one per stable code of docs/errors.md (`e101` is E101), with
# their hints (`-help`) and a code's variants (`e005-variant`). English.
# A message's placeables are the same in both languages (the catalogue test checks).

label-error = error:
label-warning = warning:
label-help = help:
errors-count = { $count } errors

# Pieces that messages take as arguments.
did-you-mean = {" "}(did you mean '{ $name }'?)
one-of = one of { $list }
noun-node = node
noun-link = link
noun-zone = zone
noun-fleet = fleet
noun-escort = escort
noun-escort-pool = escort pool
noun-supplier = supplier
noun-state = state
noun-strategy = strategy
each-sample = each sample
transition-row = transition row { $r }
extends-in = `extends` in { $path }
dist-help = see the distribution families in docs/scenario-format.md

## Files and syntax

e001 = is a folder, not a scenario file
e002 = the file is larger than { $max } bytes; scenario files larger than { $max } bytes are refused
e002-help = a scenario for a whole country fits in about 50 megabytes; check that this is the right file
e003 = the file is not valid UTF-8
e003-help = save the file as UTF-8 text
e004 = { $detail }
e005 = unknown field { $field }, expected { $known }
e005-variant = unknown variant { $field }, expected { $known }
e005-help = check the spelling against docs/scenario-format.md; unknown keys are errors so that a typo never becomes a silent default
e006 = missing field { $field }
e006-help = add the key; docs/scenario-format.md lists the required keys of each table
e007 = invalid type: { $found }, expected { $expected }
e008 = invalid value: { $found }, expected { $expected }
e009 = a file with `extends` may contain only [scenario] and [[strategy]], not `{ $key }`
e009-help = put changes to the baseline into a [[strategy]] with `set`, or edit the base file
e010 = the base file '{ $path }' does not exist
e010-help = `extends` is a path relative to this file
e011 = `extends` chains more than 8 files deep (a cycle?)
e011-help = make the chain shorter and check that no file extends itself
e012 = '{ $v }' is not a local datetime with offset ({ $reason }); write it like 2024-02-13T23:59:00+07:00
datetime-out-of-range = input is out of range
datetime-impossible = no possible date and time matching input
datetime-not-enough = input is not enough for unique date and time
datetime-invalid = input contains invalid characters
datetime-too-short = premature end of input
datetime-too-long = trailing input
e013 = '{ $v }' is not a time of day; write it like 07:30
e014 = the file is { $kind }, not a regular file; tepat reads only regular files
e014-help = name a scenario file (.toml) saved on disk
e015 = the file has { $marks } TOML marks (an = counts 2, a dot 8, a comma, bracket or brace 1); a file with more than { $max } is read only when it is a valid scenario whose top-level tables each have fewer, and this one is not
e015-help = each mark costs the parser up to about 190 bytes of memory when the whole file is parsed to locate an error; check that this is the right file, or run `tepat check` on a smaller part of it to find the error
e016 = this file, named by { $by }, is not a valid scenario file (its text is not shown because tepat was not asked to read it directly)
e016-help = check that { $by } names the right file; if it is a scenario, `tepat check` on it shows the error

## Scenario, names and values

e101 = horizon_days must be more than 0 and at most { $max } (got { $v })
e102 = { $v } is not a probability
e102-help = write a number from 0 to 1
e103 = the deadline { $v } is not after the scenario start { $start }
e103-help = a deadline must be later than scenario.start
e104 = { $what } must be a finite number of at least 0 (got { $v })
e105 = { $what } must be a finite number greater than 0 (got { $v })
e106 = name is empty
e106-help = give every entry a unique name
e107 = the name '{ $name }' is used by more than one { $table }
e107-help = names must be unique: they are how routes and strategies refer to entries
e108 = there is no { $what } named '{ $name }'{ $hint }
e108-help = define the { $what } or fix the name
e109 = the name '{ $head }…' has { $n } characters; names may have at most { $max }
e109-help = names are printed on charts, in reports and on the terminal: write a short plain name
e110 = the name '{ $name }' contains a control character (a line break, tab, ESC or NUL)
e111 = the deadline { $v } is after the end of the simulated period ({ $days } days from { $start })
e111-help = lengthen scenario.horizon_days so that the period covers every deadline, or move the deadline earlier
e112 = voting opens before the TPS deadline of node '{ $name }'
e112-help = voting_opens must be no earlier than every station_deadline (H-1 comes before polling day)
e113 = '{ $v }' is not a language tepat writes in
e113-help = write language = "id" (Bahasa Indonesia) or language = "en" (English), or leave it out

## Weather zones

e201 = step_h is { $step } h; the shortest weather step is one minute ({ $min } h)
e201-help = step_h is in hours: write 6 for four steps a day
e202 = a zone needs at least one state
e203 = { $n } weather states; a zone may have at most { $max }
e204 = state '{ $state }' appears twice in zone '{ $zone }'
e205 = { $what } has { $entries } entries but the zone has { $n } states
e205-help = give one probability per state, in the order of `states`
e206 = { $what } sums to { $sum }, not 1 (tolerance { $tol })
e206-help = make the probabilities add up to exactly 1
e207 = transition has { $rows } rows but the zone has { $n } states
e207-help = give one row per state
e208 = the zones have { $n } weather steps over the horizon together; at most { $max } are simulated
e208-help = use longer steps (step_h), fewer zones or a shorter horizon_days
e209 = a zone cannot follow itself
e210 = zone '{ $zone }' follows another zone itself; a leader must not follow
e210-help = let every follower follow the same top-level leader
e211 = zone '{ $zone }' steps every { $step } h but its leader '{ $leader }' every { $leader_step } h
e211-help = give a follower the same step_h as its leader
e212 = leader state '{ $state }' of zone '{ $leader }' has no state of the same name in zone '{ $zone }'
e212-help = a follower copies its leader's state by name, so it needs a state for each of the leader's
e213 = { $what } is { $v }; a weather factor may be at most { $max }
e213-help = a factor multiplies the calm value: 1.5 means 50% slower or more frequent

## Links

e301 = link '{ $name }' needs either `duration`, or `distance_km` with `speed_kmh`
e301-help = give exactly one of the two
e302 = speed_kmh is in km/h and takes no unit
e302-help = remove `unit`
e303 = the slowest speed must be above 0 km/h
e303-help = a speed of 0 never arrives; model a closure with `disruption` instead
e304 = the timetable has no departures
e304-help = list at least one departure time, or remove `timetable` for a link that runs at any time
e305 = a timetable needs either `times`, or `every_min` with `from` and `to`
e306 = more than 1,440 departures a day
e306-help = every_min is in minutes
e307 = the window opens and closes at the same time
e307-help = remove `window` for a link that runs all day
e308 = no departure of the timetable falls inside the window
e308-help = widen the window or change the timetable
e309 = a road link has no vessel
e309-help = use mode = "sea" or "river", or remove `vessel`
e310 = a queue needs a timetable (it delays boarding a scheduled departure)
e310-help = add a timetable or remove `queue`
e311 = disruptions (blocks, detours) apply to road links
e311-help = for vessels use `vessel.cancel_probability` or `vessel.outage`
e312 = { $rate } events a day is not a disruption rate
e312-help = rate_per_day counts blocking events per day
e313 = a link of { $km } km is longer than { $max } km
e313-help = distance_km is in kilometres
e314 = { $rate } events a day times the zone's highest disruption_factor ({ $worst }) is { $total } events a day; at most { $max } are simulated
e314-help = lower rate_per_day or the disruption_factor of the zone's worst state

## Distributions

e401 = unknown unit '{ $v }'; use "min", "h" or "day"
e402 = { $name } must be a finite number, not { $v }
e403 = { $name } must not be negative (got { $v })
e404 = { $name } must be greater than 0 (got { $v })
e405 = inverted range: max ({ $max }) is below min ({ $min }); swap them
e406 = min ({ $min }), mode ({ $mode }) and max ({ $max }) must satisfy min <= mode <= max
e407 = mean is so far below 0 that almost every draw is truncated; use a mean >= 0
e408 = p90 ({ $p }) is below the median ({ $m }); p90 must be at least the median
e409 = give either median and p90, or mean and sd
e410 = give either shape and scale, or mean and sd
e411 = a value of { $x } hours is out of range; distribution values must be at most { $max } hours (about 114 years) after conversion from their unit
e411-gamma = a gamma with mean { $mean } and sd { $sd } hours is out of range; distribution values must be at most { $max } hours
e412 = samples is empty; give at least one value
e413 = quantiles needs at least two [probability, value] pairs
e414 = quantile pair { $i } must have a higher probability and a value no lower than the pair before it
e415 = quantile probabilities must start at 0 and end at 1
e416 = give either samples or quantiles

## Fleets and escorts

e501 = a fleet needs at least one vehicle
e502 = an escort pool needs at least one team
e502-help = remove `escort` from the nodes instead if no escort is required
e503 = more than 100,000 escort teams
e504 = the consignment to '{ $name }' ({ $load } load units) needs { $rounds } rounds of fleet '{ $fleet }' ({ $count } vehicles of capacity { $capacity }); at most { $max } are simulated
e504-help = check the load and the fleet's capacity and count (same units)

## Nodes and the tree

e601 = { $n } nodes; at most { $max } are accepted
e602 = { $n } stations; at most { $max } are accepted
e602-help = Indonesia had about 820,000 TPS in 2024; check the station counts
e603 = the route is empty
e603-help = list the links from the supplier to this node, in order
e604 = ({ $lat }, { $lon }) is not a latitude and longitude
e604-help = write decimal degrees: lat from -90 to 90, lon from -180 to 180
e605 = give both lat and lon, or neither
e606 = a depot has no supplier
e606-help = use kind = "hub" for a node supplied from elsewhere
e607 = node '{ $name }' has no supplier
e607-help = every node except a depot names the node it is supplied from
e608 = a depot has no route
e609 = node '{ $name }' has no route from its supplier
e609-help = list the links, e.g. route = ["roro-air-putih"]
e610 = node '{ $name }' has a load but no fleet to carry it
e610-help = name a fleet (vehicle type) for this consignment
e611 = give `load` or `load_per_station`, not both
e612 = a depot is not dispatched, so it needs no escort
e613 = a depot is not dispatched, so it has no planned dispatch
e613-help = use `ready` for when the depot's materials are ready, and planned_dispatch on the nodes it supplies
e614 = the planned dispatch is outside the simulated period
e614-help = it must be after scenario.start and before start + horizon_days
e615 = node '{ $name }' serves stations but they have no deadline
e615-help = set defaults.station_deadline (the H-1 rule) or the node's station_deadline
e616 = only a depot has a ready time
e616-help = use planned_dispatch for other nodes
e617 = the scenario has no depot
e617-help = add a node with kind = "depot" (the KPU warehouse)
e618 = the supplier chain has a cycle: { $chain } -> { $first }
e618-help = every chain of suppliers must end at a depot

## Strategy changes

e701 = '{ $path }' is not a change path; write it like "node.Rupat.planned_dispatch" or "defaults.handling"
e702 = '{ $path }' names a { $what } but no key of it; write "{ $table }.<name>.<key>"
e703 = '{ $table }' is not a table that a change can address; use node, link, zone, fleet, escort, defaults or scenario
e704 = the scenario has no { $table }s
e705 = '{ $key }' in '{ $path }' is a value, not a table
strategy-includes-itself = strategy '{ $name }' includes itself (through { $chain })
strategy-included = in included strategy '{ $name }' ({ $path }): { $reason }
strategy-not-applied = could not apply: { $reason }
strategy-no-baseline = could not prepare the baseline: { $reason }
strategy-invalid = the changed scenario is not valid: { $reason }
strategy-name-twice = the strategy name '{ $name }' is used twice
strategy-name-twice-help = give every strategy a unique name
strategy-says = strategy '{ $name }': { $reason }
strategy-makes-invalid = strategy '{ $name }' makes the scenario invalid at { $path }: { $reason }

## Command line, files and runs

e801 = --runs must be from 1 to { $max } (got { $n }); use --precision to stop when the answer is precise enough
e802 = --precision must be a half-width above 0 and below 0.5, like 0.01 (got { $v })
e803 = at most { $max } (got { $n }); tepat uses at most the cores the machine has anyway
e804 = --shard needs a fixed --runs, not --precision
e805 = the folder '{ $path }' has no .toml scenario files
e806 = could not read '{ $path }': { $reason }
e807 = could not write '{ $path }': { $reason }
io-not-found = { $text }
io-permission-denied = { $text }
io-is-a-folder = { $text }
io-not-a-folder = { $text }
io-storage-full = { $text }
io-read-only = { $text }
io-exists = { $text }
e808 = interrupted after { $done } of { $total } replications; the previous results were left in place
e810 = --basemap { $path }: { $reason }; give a GeoJSON file of polygons, or leave --basemap out to use the scenario's
e810-unreadable = the file cannot be read ({ $reason })
joined = { $a }; { $b }
e811 = the basemap cannot be read: { $reason }
e811-help = give a readable GeoJSON file, or remove `basemap`
e812 = the basemap { $path } was not found; the map is drawn without land and sea{ $extended }
e812-extended = {" "}(the basemap is named in the scenario this file extends)
e812-help = give the path of a GeoJSON file relative to the scenario file (the bundled one is data/bengkalis/bengkalis-kecamatan.geojson), or remove `basemap`
e813 = '{ $v }' is not a whole number of replications
e814 = '{ $v }' is not a number of threads
e815 = --target must be between 0 and 1, like 0.95 (got { $v })
e816 = --shard must be K/N with 1 <= K <= N <= { $max }, like 3/8 (got '{ $v }')
e817 = '{ $path }' already exists; it was left untouched. Choose another file name, or add --force to replace it

## Status files

key-column = column '{ $name }'
noun-weather-zone = weather zone
e102-quoted = '{ $v }' is not a probability
e820 = '{ $v }' is not a fact of a status file{ $hint }
e820-help = write one of: arrived, departed, not_departed, closed, cancelled, escort_unavailable, vehicle_unavailable, weather
e821 = there is no { $what } '{ $name }' in the scenario{ $hint }
e821-help = names must match the scenario file exactly
e822 = '{ $v }' is after the as-of time: a fact cannot be observed before it happens
e822-help = check the date, or run with a later --as-of
e823 = '{ $v }' is before the scenario start
e823-help = check the date (and the offset: +07:00 for WIB)
e824 = '{ $v }' is not a state of an arrived consignment
e824-help = write complete (or lengkap) or damaged (or rusak); leave it empty for a departure
e825 = '{ $name }' arrives ({ $arr }) before it departs ({ $dep })
e825-help = check both times
e826 = '{ $name }' is reported arrived twice
e826-departed = '{ $name }' is reported departed twice
e826-help = keep one row per fact
e827 = 'until' is not after 'time'
e827-help = give the end after the start, or leave 'until' empty for until further notice
e828 = '{ $name }' has no timetable: no departure to cancel
e828-help = for a boat without timetable or a road, write a 'closed' row
e829 = a forecast period needs its end
e829-help = give the end of the period, like 2024-02-11T00:00+07:00
e830 = zone '{ $zone }' has no state '{ $state }'{ $hint }
e830-help = write a state of the zone, or probabilities like calm:0.3 rough:0.7
e831 = the forecast probabilities add up to { $sum }, not 1
e831-help = give one probability per state, like calm:0.3 rough:0.7
e832 = this period overlaps another forecast of zone '{ $zone }'
e832-help = give each period of a zone once
e833 = '{ $name }' is a depot: nothing is sent to it
e833-help = name the PPK or village the consignment was sent to
e834 = a time is needed here
e834-help = write it like 2024-02-09T14:00+07:00
e835 = '{ $v }' is not a number of teams
e835-help = write how many teams are unavailable, like 2 (empty: 1)
e836 = the pool '{ $name }' has only { $teams } teams
e836-help = give at most the pool's teams
e837 = '{ $name }' is reported at { $own }, before its supplier '{ $supplier }' arrived ({ $at })
e837-help = a consignment leaves only after its supplier has the materials: check both times
e838 = '{ $name }' is reported, but its supplier '{ $supplier }' is not reported arrived
e838-help = add an 'arrived' row for the supplier
e839 = the status file's header must be '{ $header }'
e839-help = write the header line first, then one fact per line
e840 = this row has { $n } fields; a status row has { $max }
e840-help = put a field that holds a comma in double quotes
e841 = a quoted field is not closed
e841-help = close the quote: "like, this"
e842 = text after a closing quote
e843 = the status file is not valid UTF-8
e843-help = save the file as UTF-8 text (CSV UTF-8)
e844 = the status file has no header; its first line must be '{ $header }'
e845 = --status { $path }: the file cannot be read ({ $reason }); name the status CSV file
e846 = --as-of { $at } is outside the simulated period ({ $from } to { $to })
e847 = --as-of runs are not split into shards; leave --shard out
e849 = '{ $v }' is not a local datetime with offset; write it like 2024-02-09T14:00+07:00
e850 = '{ $name }' needs a team of escort pool '{ $pool }', but its { $teams } teams are all on the road or unavailable
e850-help = check the departures and the unavailable teams of this pool
e851 = '{ $village }' has { $count } TPS: there is no TPS { $k }
e851-help = TPS are numbered from 1 to the village's stations
e852 = '{ $v }' is not a TPS number
e852-help = write the village, a slash and the TPS number, like Titi Akar/TPS 003
e853 = there is no village with TPS '{ $village }' in the scenario{ $hint }
e853-help = write the village's name as in the scenario, then /TPS and the number, like Titi Akar/TPS 003
e854 = '{ $name }' arrives ({ $at }) before its village '{ $village }' arrived ({ $village_at })
e854-help = a TPS is supplied from its village (PPS): check both times
e855 = '{ $name }' is reported, but its village '{ $village }' is not reported arrived
e855-help = add an 'arrived' row for the village
e856 = '{ $name }' is a TPS: a TPS is reported only when its materials have arrived
e856-help = write an 'arrived' row for a TPS; departures are reported for the village's consignment
e857 = '{ $v }' is not a state of a TPS arrival
e857-help = a TPS is reported arrived when its materials are complete: write complete (or lengkap), or leave it empty
e858 = '{ $name }' is reported not departed twice
e858-help = keep one row per fact
e859 = '{ $name }' is reported not departed, and also departed or arrived
e859-help = keep the row that is true now: a consignment that has left gets a 'departed' or 'arrived' row
e860 = '{ $v }' is not needed here
e860-help = leave 'detail' empty for a consignment that has not left

## Unreachable

e901 = PERT shape invalid: { $reason }
e902 = gamma invalid: { $reason }
