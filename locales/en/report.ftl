# The report (report.html) and the index (index.html). English.

report-title = { $scenario }: will the materials get there in time?
report-lead = Will the election materials get there in time? { $runs } simulated elections of { $file }, from { $start }; on-time target { $target }.
report-warning = Warning:
report-basemap-missing = The basemap { $path } named by the scenario was not found, so the map shows the places without land and sea. Correct the basemap line of the [scenario] table (a GeoJSON file, its path relative to the scenario file) or remove it.

answer-title = The answer in brief
answer-all = Chance that all { $stations } TPS receive their materials before H-1: { $p }.
answer-kec = Chance that every TPS in Kecamatan { $kecamatan } receives its materials before H-1: { $p }.
answer-riskiest = Kecamatan { $kecamatan } is the most at risk: the chance that every one of its TPS receives its materials before H-1 is { $p }.
answer-late = On average { $mean } TPS receive their materials after H-1 (between { $lo } and { $hi }); in 95 of 100 simulated elections at most { $p95 } do.
answer-opening = Chance that some TPS still has no materials when voting opens ({ $at }): { $p }; on average { $mean } TPS.
answer-below =
    { $count ->
        [0] Every kecamatan reaches the { $target } target.
       *[other] Kecamatan below the { $target } target: { $names } ({ $count } of { $total }).
    }
answer-strategy = Best strategy: { $strategy }, on average { $avoided } fewer late TPS (between { $lo } and { $hi }), costing { $cost }.
answer-strategy-free = Best strategy: { $strategy }, on average { $avoided } fewer late TPS (between { $lo } and { $hi }).
answer-strategy-none = None of the strategies has a measurable effect on the TPS.

how-title = How to read this report
how-runs-term = Simulated election (replication)
how-runs = tepat plays the whole distribution { $runs } times, each time with other weather, ferries, road closures and delays drawn from the scenario. Every figure is counted over these simulated elections.
how-chance-term = Chance and its range
how-chance = “94% (93–95%)” means: in 94% of the simulated elections. The range in brackets is the 95% interval (Wilson interval): with the simulation's own randomness, the true chance lies in it 95 times out of 100. More simulated elections make it narrower.
how-late-term = Late TPS
how-late = A TPS is late when its materials arrive after its H-1 deadline. “On average 2.3 late TPS” is the expected number of late TPS (E[late TPS]) over the simulated elections.
how-times-term = P50, P95
how-times = The time by which the materials have arrived in 50 or 95 of 100 simulated elections (percentiles). Times are local ({ $zone }).
how-pp-term = Percentage points (pp)
how-pp = The difference between two percentages: from 90% to 93% is +3 percentage points.
how-paired-term = Strategies on the same simulations
how-paired = Each strategy is played on the same weather and delays as the plan without it (common random numbers), so its effect is measured directly; its range is a paired 95% interval. A range that contains 0 means no measurable effect.
how-efficient-term = Efficient
how-efficient = No other strategy avoids more late TPS for less money: together these strategies form the efficient frontier.

section-strategies = Strategies
strategies-lead = Each strategy compared with the plan without it on the same { $runs } simulated elections, ranked by how many late TPS it avoids. Figures per kecamatan are in comparison.csv.
section-kecamatan = Kecamatan
kecamatan-lead = Two questions per kecamatan: does every TPS receive its materials before its H-1 deadline (the rule), and does some TPS still have none when voting opens ({ $voting }; the hard limit)? The PPK columns answer the PPK deadline only. ⚠ marks a kecamatan below the target.
voting-at = voting opens { $at }
voting-unknown = the scenario does not say when voting opens
section-villages = Villages most at risk
villages-lead = The ten villages (PPS) with the most late TPS on average.
section-places = Villages and other places ({ $count })
section-causes = Causes of lateness
causes-lead = Hours of lateness per simulated election, by cause: for each PPK, and summed over the kecamatan's TPS (as in causes.csv).
section-links = Roads and crossings that make TPS late
links-lead = The ten links that most often make a TPS late (from links.csv).
section-charts = Charts
chart-files = Also as
section-assumptions = Assumptions
assumptions-none = The scenario states no assumptions.
section-run = How this run was made
report-footer = Made by { $tool }. The same scenario file, seed and number of simulated elections give the same figures. Data files beside this report:

# Table headings.
col-village = Village (PPS)
col-kecamatan = Kecamatan
col-tps = TPS
col-late-tps = Late TPS (average)
col-share-on-time = TPS on time
col-leading-cause = Main cause
col-all-tps = All TPS before H-1
col-opening = Some TPS without materials at opening
col-tps-without = TPS without materials (average)
col-last-tps-p50 = Last TPS supplied, P50
col-last-tps-p95 = P95
col-ppk-on-time = PPK on time
col-ppk-deadline = PPK deadline
col-ppk-p95 = PPK arrival, P95
col-place = Place
col-kind = Kind
col-on-time = On time
col-deadline = Deadline
col-arrival-p50 = Arrival P50
col-p80 = P80
col-p95 = P95
col-late-hours = Hours late, when late
col-scope = Where
col-total = total
col-link = Link
col-mode = Mode
col-critical = Makes a TPS late
col-delay = Delay when it does
col-strategy = Strategy, ranked
col-cost = Cost
col-avoided = Late TPS avoided
col-change = Change in the chance for all TPS
col-chance = Chance for all TPS
col-cost-per = Cost per late TPS avoided
col-efficient = Efficient
col-acts-on = Acts on
col-why = Why no measurable effect
below-target-mark = ⚠ { $kecamatan } (below target)
opening-unset = voting opening not set
scope-hub = PPK
scope-stations = its TPS
no-effect = no measurable effect: { $reason }
no-effect-note = No measurable effect: { $reason }. { $description }
makes-worse = makes the TPS worse off
strategy-arrow = { $from } → { $to }

# How the run was made.
run-version = tepat version
run-file = Scenario file
run-sha = SHA-256
run-seed = Seed
run-runs = Simulated elections (replications)
run-range = Replication range
run-range-value = { $from } to { $to }
run-threads = Threads
run-elapsed = Time taken
run-rate = Simulated elections per second
run-resolution = Time resolution of percentiles

# index.html
index-title = tepat: scenarios of this run
index-heading = Scenarios of this run ({ $count })
index-lead = Will the election materials get there in time? Each row links to the scenario's full report. Ranges in brackets are 95% intervals.
index-scenario = Scenario
index-all = Chance: all TPS before H-1
index-late = Late TPS (average)
index-riskiest = Kecamatan most at risk
index-below = Kecamatan below target
index-runs = Simulated elections
index-seed = Seed
index-none = No scenario was run.
index-riskiest-value = { $kecamatan }: { $p } (all TPS before H-1)
index-below-value = { $count } of { $total } (target { $target })
index-footer = Made by { $tool }.

# Links and strategies.
mode-road = road
mode-sea = sea
mode-river = river
legs-depot-ppk = the legs from the KPU warehouse to the PPK
legs-ppk-pps = the legs from the PPK to the PPS and the last mile
legs-both = the legs from the warehouse to the PPK and from the PPK to the PPS
legs-none = nothing the simulation sees
reason-only = it changes only { $legs }; { $late } of the { $total } late TPS on average ({ $hours } of { $total_hours } late TPS-hours) arise there
reason-all = it changes { $legs }; { $late } of the { $total } late TPS on average ({ $hours } of { $total_hours } late TPS-hours) arise there
