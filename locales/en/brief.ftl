# brief.html: the two-page A4 brief of a scenario for the planning meeting.
# Numbers, percentages, money and times arrive already formatted for the language.

brief-title = { $scenario }: brief for the logistics meeting
brief-meta = Made { $made } · simulation from { $start } · two A4 pages
brief-h-question = The question and the answer
brief-question = { $has_deadline ->
    [yes] Will all { $tps } TPS receive their election materials by H-1 ({ $deadline })?
   *[no] Will all { $tps } TPS receive their election materials by their deadlines?
    }
brief-answer = { $verdict ->
    [good] Very likely: the chance is { $p } (between { $lo } and { $hi }), above the { $target } target; { $late } TPS are expected late.
    [bad] Not safe enough: the chance is { $p } (between { $lo } and { $hi }), below the { $target } target; { brief-short } and { $late } TPS are expected late.
   *[warn] Close to the target: the chance is { $p } (between { $lo } and { $hi }) against a target of { $target }; { brief-short } and { $late } TPS are expected late.
    }
brief-short = { $short ->
    [none] every kecamatan reaches it on its own
   *[some] { $below } of { $kecamatan } kecamatan fall short
    }
brief-answer-note = The chance is the share of { $runs } simulated distributions of the same plan (each with its own weather, waves, breakdowns and road closures) in which every TPS was supplied in time. The range in brackets holds the true chance with 95% certainty.
brief-never = not within the simulated days

brief-h-below = Kecamatan below the target
brief-below-none = Every kecamatan reaches the { $target } target. The { $shown } closest to it:
brief-below-some = { $count } of { $kecamatan } kecamatan are below the { $target } target for supplying all their TPS by H-1, riskiest first:
brief-below-more = The table shows the { $shown } riskiest; { $rest } more are in the report.
brief-col-kecamatan = Kecamatan
brief-col-tps = TPS
brief-col-p-all = Chance all TPS by H-1
brief-col-late = Expected late TPS
brief-col-last-tps = Last TPS supplied (95 of 100 runs)
brief-col-cause = Main cause of delay

brief-h-villages = The 10 riskiest villages
brief-villages-lead = The villages (PPS) with the most TPS expected to be supplied after H-1.
brief-col-village = Village (PPS)
brief-col-share = TPS on time

brief-h-strategies = What helps most
brief-strategies-none = The scenario compares no strategies. Strategies (an extra boat, an earlier dispatch, an escort) can be added to the scenario file as [[strategy]] tables; each is then weighed by its cost and its effect.
brief-strategies-lead = { $shown } of { $count } strategies, the most effective first. Each was tested on the same { $runs } simulated distributions as the plan, so the difference is the strategy's alone.
brief-col-strategy = Strategy
brief-col-cost = Cost
brief-col-avoided = Late TPS avoided
brief-col-p-change = Chance all TPS by H-1
brief-col-per-avoided = Cost per late TPS avoided
brief-avoided = { $mean } ({ $lo } to { $hi })
brief-no-effect = no measurable effect
brief-p-change = { $from } → { $to }

brief-h-dispatch = Dispatch: how much room is left
brief-dispatch-lead = For the { $shown } riskiest of { $kecamatan } kecamatan: the planned PPK dispatch, when the last TPS is supplied in 95 of 100 runs, and the time that leaves before H-1. The latest safe dispatch of every PPK and PPS is worked out by: tepat plan { $file } --target 0.95
brief-col-planned = Planned PPK dispatch
brief-col-margin = Margin before H-1
brief-hours = { $h } h

brief-h-assumptions = Main assumptions
brief-no-assumptions = The scenario states no assumptions.
brief-more-assumptions = { $count } more in the full report.
brief-h-sources = Where the numbers come from
brief-source-model = A simulation of { $runs } runs (seed { $seed }) of the scenario file { $file } (SHA-256 { $sha }…); the same file and seed give the same figures.
brief-source-reading = Each figure is an estimate; its range holds the true value with 95% certainty if the scenario's assumptions hold. Travel times, weather, timetables and disruptions are the scenario's; its file names the source of each number.
brief-source-files = All tables and charts: report.html; the figures: results.xlsx and summary.csv, in the same folder.
brief-footer = Made by { $tool }.
