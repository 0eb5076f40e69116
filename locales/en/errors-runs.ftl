# Problems of shards, merges and sweeps (tepat run --shard, tepat merge, tepat sweep), codes E861-E899.
# Same rules as errors.ftl: the key is the code in lower case, a hint adds -help. English.

## Reading a partial result (tepat merge)

not-partial = { $path } is not a tepat partial result: { $why }
e861 = it is { $kind }, not a regular file; name a partial.json saved on disk
file-kind-char-device = a character device
file-kind-block-device = a block device
file-kind-fifo = a FIFO (named pipe)
file-kind-socket = a socket
file-kind-other = a special file
e861-folder = it is a folder, not a file; name the partial.json file or the shard's folder
e862 = it is larger than { $max } bytes, the most tepat reads from a partial result
e863 = it is not valid JSON (line { $line }, column { $column })
e864 = it ends too early (cut off?) (line { $line }, column { $column })
e865 = a value is missing or of the wrong type or range (line { $line }, column { $column })
e866 = { $path } has partial format { $format }; this tepat reads format { $ours }
e867 = { $path } was written by tepat { $version } (random streams version { $stream }); this is tepat { $tool } (version { $our_stream }): run every shard with the same tepat
e867-unreadable = (unreadable)
e868 = its scenario_sha256 is not a SHA-256
e869 = its shard { $k }/{ $n } is not K/N with 1 <= K <= N <= { $max }
e870 = its run of { $runs } replications is not from 1 to { $max }
e871 = it names no scenario file
partial-named-by = the partial result's scenario_file

## Merging the parts

e872 = merge needs at least one partial result
e873 = a run has from 1 to { $max } shards, not { $n }
e874 = { $count } partial results for a run of { $n } shards: give each shard once
e875 = the partial results do not belong together: shard { $k }/{ $n } has scenario { $sha }, seed { $seed }, { $runs } runs; shard { $k2 }/{ $n2 } has scenario { $sha2 }, seed { $seed2 }, { $runs2 } runs
e876 = shard { $k }/{ $n } is out of range
e877 = shard { $k }/{ $n } is given twice
e878 = shard { $k }/{ $n } holds replications [{ $from }, { $to }) ({ $counted } counted), not [{ $a }, { $b })
e879 = shard { $k }/{ $n } has a nonsense time or thread count
e880 = shards missing: { $list }{ $more }
e880-more = {" "}and { $count } more
e881 = shard { $k }/{ $n } does not fit its scenario: { $why }
e881-runs = it counts { $runs } replications, but its range holds { $range }
e881-bins = its arrival histograms have another bin width than this scenario's
e881-list = its list '{ $name }' has { $got } entries; this scenario needs { $want }
e881-entry = '{ $name }' entry { $i } is { $v }, more than { $max } possible
e881-node = node { $i } is on time in { $ok } and late in { $late } replications, not { $counted } in all
e881-node-late = node { $i } has more lateness than its late replications allow
e881-node-hist = node { $i }'s arrival histogram counts { $total } replications, not { $runs }
e881-kec = kecamatan { $k } has more late TPS than it has TPS
e881-tps = TPS { $i } has more lateness than its late replications allow
e881-all = 'all_on_time' is { $v }, more than { $runs }
e881-late-hist-overflow = 'late_hist' overflows
e881-late-hist = 'late_hist' counts { $total } replications, not { $runs }
e881-block = convergence record { $j } is for block { $block } of { $runs } replications, not block { $want_block } of { $want_runs }
e881-block-count = convergence record { $j } counts more than its replications
shard-says = shard { $k }/{ $n }: { $why }
e882 = the counts do not fit together (a sum would overflow)
e883 = { $path } has SHA-256 { $found }, but the shards were run on { $expected }: the scenario file changed
e884 = --shard needs --runs: every shard must know the total

## Sweeps (tepat sweep --set)

e885 = --set '{ $v }' is not a sweep; write KEY=FROM..TO:STEP (like link.ferry.vessel.wave_limit_m=1.5..3:0.25, node.Rupat.planned_dispatch=2024-02-06T08:00+07:00..2024-02-09T08:00+07:00:12h or a duration like 2h..12h:2h) or KEY=V1,V2,V3
e886 = --set '{ $v }': FROM and TO must be of the same kind (two numbers, two durations or two datetimes)
e887 = --set '{ $v }': need FROM <= TO and a STEP above 0
e888 = --set '{ $v }' gives { $count } points; at most { $max }
e888-many = --set '{ $v }' gives too many points; at most { $max }
e889 = --set '{ $v }': the step is too small to tell the values apart
e890 = --set '{ $v }': every value must be of the same kind (numbers, durations or datetimes)
e891 = scenario.start: '{ $v }' is not a local datetime with offset
e892 = the scenario is invalid: run `tepat check` on it
e893 = --set { $key }={ $value }: { $reason }
e894 = --set { $key }={ $value } makes the scenario invalid: { $reason }
sweep-issue = { $path }: { $reason }

## Basemaps (the GeoJSON of `basemap` and --basemap; shown after E810, or located at the file)

e895 = the basemap cannot be read: { $why }
e895-folder = it is a folder, not a file
e895-device = it is { $kind }, not a regular file
e895-too-large = it is larger than { $max } bytes, the most tepat reads from a basemap
e895-help = give a GeoJSON file of Polygon or MultiPolygon features
e896 = the basemap is not valid JSON (line { $line }, column { $column })
e897 = the basemap is not usable GeoJSON: { $why }
e897-features = a FeatureCollection without a "features" array
e897-geometries = a GeometryCollection without a "geometries" array
e897-polygon = a Polygon without coordinates
e897-multipolygon = a MultiPolygon without a coordinates array
e897-no-type = an object without a "type"
e897-unknown-type = an object of an unknown GeoJSON type
e897-coordinates = polygon coordinates that are not an array
e897-ring = a ring that is not an array
e897-position-array = a position that is not an array
e897-position = the position { $p } is not [longitude, latitude]
e897-help = coordinates must be [longitude, latitude] numbers
e898 = the basemap has no Polygon or MultiPolygon geometry
e898-help = give a GeoJSON FeatureCollection of polygons
