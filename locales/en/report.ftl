# The report (report.html) and the index (index.html). English.

report-title = { $scenario }: will the materials get there in time?
