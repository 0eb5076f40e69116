# Messages printed on the terminal. English.

written = written: { $path }
new-written = written: { $path }
    Next: replace the example numbers with your own, then
      tepat check { $path }
      tepat run { $path }

# The progress bar of a simulation.
progress-unit = runs
progress-per-second = /s

# The table of a run (tepat run, tepat merge).
run-heading = { $scenario }  ({ $runs } runs, seed { $seed }, { $secs } s, { $rate } runs per second on { $threads } threads)
run-rule = Rule: every TPS supplied by H-1 ({ $deadline }); voting opens { $opens }; target { $target }.
run-opens-unknown = not stated in the scenario
run-col-kecamatan = kecamatan
run-col-all = every TPS by H-1
run-col-late = late TPS
run-col-opening = a TPS empty at opening
run-col-without = empty TPS
run-col-ppk = PPK by its deadline
run-no-deadline = no deadline
run-riskiest = riskiest
run-all = ALL
run-legend = Chances with their 95% range in brackets; late TPS and empty TPS are expected numbers; ! marks a kecamatan below the target.
run-target-met = Every kecamatan reaches the { $target } target for every TPS by H-1.
run-target-missed = ! below the { $target } target (every TPS by H-1): { $names }
run-villages = Riskiest villages (most TPS expected late after H-1):
run-col-village = village
run-col-share = TPS on time
run-col-cause = main cause

run-never = never arrived within the horizon ({ $days } days after the start) in some simulated elections:
run-never-row = never arrived in { $share }% of simulated elections
run-never-more = ... and { $count } more (column p_never_arrived of summary.csv)
