# `tepat bench` on the terminal: what the engine's speed was on a scenario file.

bench-replications = replications            { $runs } on { $threads } { $threads ->
        [one] thread
       *[other] threads
    }, { $legs } legs each
bench-simulation = simulation              { $s } s: { $rate } replications/s
bench-outputs = with summaries and data { $s } s more: { $rate } replications/s
bench-per-leg = per leg per core        { $ns } ns
bench-per-replication = replication per core    { $us } µs
bench-probe = limit probe             reference network, every leg drawn, same replications and threads: { $s } s, { $ns } ns per leg per core, { $us } µs per replication per core
bench-against = against the probe       one replication of this file = { $v } probe reference replications{ $cpu } (median of { $rounds } interleaved rounds: { $list })
bench-cpu = {" "}({ $v } in processor time)
bench-memory = peak memory             { $v }
bench-mb = { $v } MB
bench-unavailable = unavailable
