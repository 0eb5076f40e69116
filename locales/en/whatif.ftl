# The what-if commands (sweep, sensitivity, plan, strategies), backtest, fit, import and
# as-of runs: their charts, terminal tables and pages. English.

chance-every-tps = Chance that every TPS is on time
per-point = per point
per-setting = per setting

# tepat sweep
sweep-title = Chance that every TPS is on time, value by value
sweep-legend = Every TPS on time
sweep-guide = Every TPS on time (bold, with its 95% range) and every TPS of each kecamatan, for each value.
sweep-none = No values to show.
sweep-axis-time = { $key } (local time, { $zone })
sweep-band = every TPS, 95% range
sweep-heading = { $scenario }: chance that every TPS is on time, by { $key } ({ $runs } simulated elections per value, seed { $seed })
sweep-col-value = value
sweep-col-all = every TPS on time (95% range)
sweep-col-late = late TPS on average

# tepat sensitivity
tornado-title = What matters most for every TPS on time
tornado-guide = Each input moved to a low and a high setting, all else as planned (line); widest swing on top.
tornado-none = The scenario has no uncertain inputs to move.
tornado-swing = { $pts } points
tornado-low = low setting
tornado-high = high setting
tornado-baseline = as planned: { $p }
sens-heading = { $scenario }: chance that every TPS is on time as planned: { $p } ({ $runs } simulated elections per setting, seed { $seed })
sens-col-input = input
sens-col-low = low
sens-col-high = high
sens-col-chance = chance
sens-col-swing = swing (points)
input-road-disruption-rate = how often roads are cut
input-road-block-duration = how long a road stays cut
input-base-travel-time = travel time
input-vessel-cancellations = boat trips cancelled
input-ferry-outage-days = days without a ferry
input-vessel-departure-delay = boat departure delay
input-ferry-queues = ferry queues
input-wave-heights = wave heights
input-handling-time = loading and unloading time
input-warehouse-ready-time = when the warehouse is ready
input-last-mile-to-tps = last mile to the TPS
input-damage-in-transit = damage on the way
input-escort-teams = escort teams
input-planned-dispatch = planned dispatch
setting-none = none
setting-half = half
setting-double = double
setting-times = ×{ $x }
setting-earlier = { $h } earlier
setting-later = { $h } later

# The strategy ranking on the terminal
rank-heading = Strategies against the plan without them ({ $runs } simulated elections, the same for each, seed { $seed }), most late TPS avoided first:
rank-col-strategy = strategy
rank-col-cost = cost
rank-col-avoided = late TPS avoided (95% range)
rank-col-change = change in every TPS by H-1
rank-col-per = cost per late TPS avoided
rank-col-efficient = efficient
rank-no-effect = no measurable effect: { $reason }
rank-worse = makes the TPS worse off: do not use

# tepat plan on the terminal
plan-heading = { $scenario }: latest safe dispatch for a chance of { $target } ({ $measure }), every recommended dispatch applied together ({ $runs } simulated elections, seed { $seed }, { $secs } s)
plan-measure-tps = every TPS of the kecamatan by H-1
plan-measure-ppk = PPK only: the PPK by its deadline, TPS not checked
plan-col-kecamatan = kecamatan
plan-col-now = chance as planned
plan-col-with = chance with the plan
plan-col-answer = answer
plan-reachable = reachable by changing dispatch times
plan-not-reachable = NOT reachable by changing dispatch times: { $why }
plan-binds = { $cause } ({ $share } of the late hours in the simulated elections no dispatch time saves)
plan-binds-legs = the legs below the dispatch
plan-binds-link = { $why }; most often critical: { $link }
plan-col-level = level
plan-col-to = to
plan-col-planned = planned
plan-col-latest = latest safe
plan-col-slack = spare hours
plan-col-later = chance 1 h later
plan-col-deadline = TPS deadline
plan-status-latest = latest safe dispatch
plan-status-asap = as soon as the materials are ready
plan-status-unreachable = not reachable by changing dispatch times
plan-status-no-deadline = no TPS deadline below
plan-status-leave-now = leave now; even so P = { $p }, below the target
plan-status-leave-when-ready = leave as soon as the materials are at the PPK (not before now); even so P = { $p }, below the target
plan-when-ready = when ready
plan-ppk-note = PPK only: these times keep the PPK's own deadline; they do not check the TPS (run without --measure ppk for that).

# tepat backtest
bt-title = What happened, against the model: { $scenario }
bt-guide = Where each observed value falls among the model's outcomes. Bands: middle 95% and 50%. Red: outside the 95% ({ $outside } of { $items }).
bt-none = The record has no items.
bt-model = model: { $band }
bt-more = { $n } more items in backtest.csv
bt-footer = Scenario “{ $scenario }” · seed { $seed } · { $runs } simulated elections · tepat { $version }
bt-never = never
bt-yes = yes
bt-no = no
bt-outside-mark = NO
bt-p-yes = chance of yes: { $p }
bt-q-arrival = arrival
bt-q-dispatch = dispatch
bt-q-first-pps = first village arrival
bt-q-last-pps = last village arrival
bt-q-last-ppk = last PPK arrival
bt-q-damage = damaged consignment
bt-q-kec-damage = kecamatan with damage
bt-q-ppk-damage = PPK consignment damaged
bt-q-kec-ppk-damage = PPK consignments damaged
bt-q-late-tps = late TPS
bt-q-link-closed = road closed
bt-heading = { $scenario }: the record against the model ({ $runs } simulated elections, seed { $seed })
bt-col-quantity = quantity
bt-col-place = place
bt-col-observed = observed
bt-col-percentile = percentile
bt-col-band = middle 95% of the model
bt-col-inside = in the 95%
bt-col-source = source
bt-calibration = calibration: observed items inside the middle share of what the model expects
bt-cal-row = middle { $level }: { $inside } of { $items } items ({ $share }; a well-calibrated model: about { $level })
bt-outside = { $n } item(s) outside the middle 95% of the model
bt-page-title = Backtest: { $scenario }
bt-page-intro = Each row is something that happened, as the record says it, against what the scenario predicts for it over { $runs } simulated elections (seed { $seed }). The percentile says where the observed value falls among the model's outcomes: 50% is the middle; below 2.5% or above 97.5% means the model hardly expected it. A well-calibrated model puts about 95% of the observed items inside its middle 95%.
bt-page-calibration = Calibration
bt-col-share = middle share
bt-col-items-inside = observed items inside
bt-col-share-inside = share
bt-of = { $inside } of { $items }
bt-page-chart = Observed value on the model's range

# tepat fit
qq-title = Q–Q: { $n } trips of { $name }
qq-guide = Observed trip durations against the fitted family's quantiles: on the diagonal, the family fits.
qq-none = No trips.
qq-x = quantile of the fitted family ({ $unit })
qq-y = observed trip ({ $unit })
qq-diagonal = observed = fitted
qq-best = { $family } (best)
qq-legend = family, KS p-value
qq-footer = tepat fit · maximum likelihood, chosen by AIC · tepat { $version }
unit-min = minutes
unit-h = hours
unit-day = days
family-exponential = exponential
family-lognormal = lognormal
family-gamma = gamma
family-normal = normal
family-uniform = uniform
fit-toml-comment = fitted by tepat fit from { $n } trips ({ $name }): { $family } chosen by AIC; KS D = { $d }, p = { $p }
fit-heading = { $n } trips from { $file }
fit-col-family = family
fit-col-params = parameters (hours) ± standard error

# tepat import
import-written = written: { $file } ({ $kecamatan } kecamatan, { $villages } villages, { $tps } TPS from { $rows } rows)
    Next: read the { $todos } TODO comments, then
      tepat check { $file }
      tepat run { $file }

# Runs as of a time of the distribution week
as-of-name = { $scenario } as of { $at }
as-of-note = As of { $at }: { $facts } fact(s) from the status file { $file }. Only what has not happened by then is simulated; what was observed is fixed. Compared with the plan (the plain run on the same seed and simulated elections):
as-of-no-file = (none)
as-of-moved = { $kecamatan }: every TPS by H-1 { $plan } in the plan, { $now } now ({ $change }).
as-of-none-moved = No kecamatan moved by more than its 95% range since the plan.
as-of-files = Every kecamatan, plan and now, is in changed.csv; the riskiest villages below are today's.
as-of-terminal = As of { $at }: { $facts } fact(s) from { $file }; the plan is the plain run on the same seed and simulated elections.
as-of-terminal-no-file = no status file
as-of-changed = Changed since the plan (every TPS by H-1 moved by more than its 95% range):
as-of-unchanged = Changed since the plan: no kecamatan moved by more than its 95% range.
as-of-col-plan = plan (95% range)
as-of-col-now = now (95% range)
as-of-col-change = change

# tepat check, tepat run --shard, tepat merge
check-ok = ok  { $file }: { $kecamatan } kecamatan, { $nodes } nodes, { $stations } stations, { $links } links, { $zones } zones
check-strategies = , { $n } strategies
shard-written = { $name }: shard { $k }/{ $n }, simulated elections { $from }..{ $to } of { $total }, { $secs } s; written: { $path }
merge-written = merged { $parts } shards ({ $runs } simulated elections); written: { $path }
