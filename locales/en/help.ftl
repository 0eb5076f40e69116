# The command line's help (`tepat --help`, `tepat run --help`): what each command and option
# does. Keys: h-<command>-about (the one-line description), h-<command>-after (the examples),
# h-<command>-<option> (an option of one command), else h-arg-<option> (an option several
# commands share). Option names (`--runs`), file names and values stay as typed.

# The parser's own words around the help texts.
h-usage = Usage:
h-commands = Commands
h-arguments = Arguments
h-options = Options
h-default = default: { $value }
h-possible = possible values: { $values }
h-arg-help = Print help
h-arg-version = Print version

h-tepat-about = Will the election materials get there in time? Monte Carlo of election logistics distribution (KPU Bengkalis).
h-tepat-long = tepat: will the election materials get there in time?

    Runs a parallel, reproducible Monte Carlo of an election-logistics scenario and reports how likely every kecamatan, village and polling station (TPS) is to be supplied on time. Exit codes: 0 success, 1 failure, 2 invalid input.
h-tepat-after =
    Example:
      tepat run scenarios/bengkalis-2024.toml --runs 10000
      (without a command: tepat run scenarios/)
h-tepat-lang = Language of the reports, charts and terminal output: id (Bahasa Indonesia) or en (English). Default: the scenario's `language`, else Indonesian when LC_ALL, LC_MESSAGES or LANG starts with "id", else English

# Options several commands share.
h-arg-file = The scenario file
h-arg-out = Output folder: results go to <OUT>/<scenario-file-name>-<command>/
h-arg-runs = Replications per evaluated variant (1 to { $max_runs })
h-arg-seed = Random seed (default: the scenario's `seed`, else 2024)
h-arg-threads = Worker threads (default 0: all cores; at most the cores there are, and at most { $max_threads })
h-arg-quiet = No table on the terminal
h-arg-force = Replace the file if it exists

h-run-about = Simulate scenario files and write results, charts and reports
h-run-after =
    Examples:
      tepat run scenarios/bengkalis-2024.toml --runs 10000 --seed 7
      tepat run scenarios/ --precision 0.005 --out results
      tepat run scenarios/bengkalis-2024.toml --runs 100000 --shard 3/8   (then: tepat merge)
h-run-paths = Scenario files or folders (default: scenarios/)
h-run-out = Output folder: each scenario goes to <OUT>/<scenario-file-name>/
h-run-basemap = GeoJSON polygons drawn beneath the map (overrides the scenario's `basemap`); a file that cannot be read or is not GeoJSON polygons is an error (exit code 2)
h-run-shard = Compute only slice K of N (1-based, 1 <= K <= N) of the replications and write <OUT>/<scenario>-shard-K-of-N/partial.json for `tepat merge` (needs --runs)
h-run-status = The status file of the distribution week (CSV: what has arrived, left, closed, and the weather forecast; see docs/operations.md): only what has not happened yet is simulated. Needs --as-of
h-run-as_of = The time the status file describes, like 2024-02-10T12:00+07:00: every output says "as of" it and compares it with the plan (the plain run on the same seed)
h-run-runs = Replications (default 10000; 1 to { $max_runs })
h-run-precision = Instead of --runs: run until every reported probability's 95% half-width is at most P
h-run-quiet = No progress bar or table on the terminal

h-sweep-about = P(on time) against one parameter: `--set KEY=FROM..TO:STEP` or `--set KEY=V1,V2,...`
h-sweep-after =
    Examples:
      tepat sweep scenarios/bengkalis-2024.toml --set "link.Ro-Ro Air Putih - Sungai Selari.vessel.wave_limit_m=1.5..3:0.25"
      tepat sweep scenarios/bengkalis-2024.toml --set "node.Rupat.planned_dispatch=2024-02-06T08:00+07:00,2024-02-08T08:00+07:00"
h-sweep-set = The parameter and its values: KEY=FROM..TO:STEP or KEY=V1,V2,... where KEY is a change path as in a strategy's `set` (like link.ferry.vessel.wave_limit_m)

h-plan-about = The latest planned dispatch of every hub (PPK) and village (PPS) that keeps P(every TPS of the kecamatan on time) at or above a target, all applied together
h-plan-after =
    Examples:
      tepat plan scenarios/bengkalis-2024.toml --target 0.95
      tepat plan scenarios/bengkalis-2024.toml --measure ppk --runs 5000
      tepat plan scenarios/bengkalis-2024.toml --status examples/status/bengkalis-2024-10feb.csv --as-of 2024-02-10T12:00+07:00
h-plan-target = Target P(on time) (default: the scenario's `target`, else 0.95)
h-plan-measure = What to keep at the target: `tps` (every TPS of the kecamatan by H-1; hubs and villages) or `ppk` (PPK only: the hub by its own deadline, TPS not checked)
h-plan-status = The status file of the distribution week (see docs/operations.md): plan only what has not left yet, from the as-of time on. Needs --as-of
h-plan-as_of = The time of the plan, like 2024-02-10T12:00+07:00: what is not reported departed or arrived leaves no earlier than it; every output says "as of" it

h-sensitivity-about = Which inputs matter most for P(every TPS on time): a tornado of low/high settings
h-sensitivity-after =
    Example:
      tepat sensitivity scenarios/bengkalis-2024.toml --runs 2000 --out output

h-bench-about = Time the engine on a scenario: replications per second, nanoseconds per leg per core, peak memory
h-bench-after =
    Examples:
      tepat bench scenarios/bengkalis-2024.toml --runs 20000 --threads 1
      tepat generate --reference --out reference.toml && tepat bench reference.toml --json
h-bench-runs = Replications
h-bench-json = Print the figures as JSON

h-generate-about = Write a synthetic scenario of a given size, or the reference network
h-generate-after =
    Examples:
      tepat generate --hubs 20 --villages 400 --stations 4000 --out big.toml
      tepat generate --reference --out reference.toml
h-generate-hubs = Hubs (kecamatan)
h-generate-villages = Villages, spread evenly over the hubs
h-generate-stations = Stations (TPS), spread evenly over the villages
h-generate-seed = Seed of the generator (the same seed writes the same file)
h-generate-reference = Write the reference network of docs/performance.md instead
h-generate-out = Output file (default: standard output)

h-merge-about = Merge the partial results of `run --shard K/N` into the files of the whole run
h-merge-after =
    Example:
      for k in 1 2 3 4; do tepat run scenarios/bengkalis-2024.toml --runs 100000 --shard $k/4 --out parts; done
      tepat merge parts/bengkalis-2024-shard-*-of-4 --out output
h-merge-parts = The partial results: partial.json files, or the folders that hold them
h-merge-out = Output folder: the merged run goes to <OUT>/<scenario-file-name>/
h-merge-scenario = The scenario file, if not at the path recorded in the parts (same SHA-256 required)
h-merge-threads = Worker threads for strategy comparisons (default 0: all cores; at most the cores there are, and at most { $max_threads })

h-new-about = Write a small, fully commented starter scenario to edit
h-new-after =
    Example:
      tepat new --lang id skenario.toml && tepat check skenario.toml
h-new-file = The scenario file to write

h-import-about = Turn a TPS list (CSV or Excel) into a scenario skeleton
h-import-after =
    Example:
      tepat import daftar-tps.xlsx --depot "KPU Bengkalis" --depot-at 1.4774,102.1318 --election-date 2024-02-14 --out bengkalis.toml
h-import-tps_list = The TPS list: .csv (comma, semicolon or tab separated) or .xlsx (first sheet)
h-import-depot = Name of the KPU warehouse the materials leave from
h-import-depot_at = Position of the warehouse: LAT,LON in decimal degrees (like 1.4774,102.1318)
h-import-election_date = Polling day; deadlines are counted back from it (H-1 for every TPS)
h-import-road_factor = Road distance = straight-line distance x this factor
h-import-out = The scenario file to write (default: the TPS list's name with .toml, in the current folder)
h-import-force = Replace the output file if it exists

h-backtest-about = How well a scenario foresaw what happened: a record (CSV) against the model's predictive distributions (docs/backtest.md)
h-backtest-after =
    Example:
      tepat backtest scenarios/bengkalis-2024.toml --observed scenarios/bengkalis-2024-record.csv
h-backtest-observed = The record of what happened: a CSV with columns `quantity`, `place`, `observed`, `source` (docs/backtest.md)
h-backtest-out = Output folder: results go to <OUT>/<scenario-file-name>-backtest/
h-backtest-runs = Replications (1 to { $max_backtest })
h-backtest-seed = Random seed (default: the scenario's `seed`)

h-fit-about = Fit a scenario distribution to past trips of a link (CSV), chosen by AIC, with a Kolmogorov-Smirnov test and a Q-Q chart (docs/backtest.md)
h-fit-after =
    Example:
      tepat fit trips.csv --out output
h-fit-trips = Past trips of one link: a CSV with a column `duration_min`, `duration_h` or `duration_day`, or the two columns `departure` and `arrival` (docs/backtest.md)
h-fit-out = Output folder: results go to <OUT>/<trips-file-name>-fit/

h-check-about = Validate scenario files without simulating
h-check-after =
    Example:
      tepat check scenarios/bengkalis-2024.toml scenarios/bengkalis-2024-wet.toml
h-check-paths = Scenario files or folders
