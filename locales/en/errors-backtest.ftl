# Problems in an observed record or trip list (tepat backtest, tepat fit), codes E960-E999.
# Same rules as errors.ftl: the key is the code in lower case, a hint adds -help. English.

## Reading the file (a record or a trip list)
e960 = is a folder, not a CSV file
e960-device = is not a regular file (a device, a pipe or a socket); tepat reads only regular files
e960-help = name the CSV file itself
e961 = the file is larger than { $max } bytes, the most tepat reads from a record or a trip list
e961-help = a regency's record is a few kilobytes and a million trips about 40 megabytes; check that this is the right file
e962 = the file is not valid UTF-8 (byte { $byte })
e962-help = save the file as UTF-8 CSV
e963 = this line is not valid CSV (an unclosed quote?)
e963-help = close every quote; a cell with a comma needs quotes around it
e964 = the file is empty: it needs a header row and at least one row
e964-help = write the column names in the first row, then one row per item

## The record of what happened (tepat backtest --observed)
e965 = unknown column '{ $name }'
e965-help = the columns are 'quantity', 'place', 'observed', 'source' and (optional) 'note'
e966 = the header has no '{ $name }' column
e966-help = the first row names the columns: `quantity,place,observed,source`
e967 = the record has no rows
e967-help = add one row per observed quantity
e968 = the row has no source
e968-help = say where the observation comes from: a news report, a KPU letter, a log
e969 = '{ $place }' is not a hub or village of the scenario
e969-kecamatan = '{ $place }' is not a kecamatan (hub) of the scenario
e969-link = '{ $place }' is not a link of the scenario
e969-help = write the name exactly as the scenario file spells it
e970 = { $quantity } is for the whole regency; the place must be empty
e970-help = leave the place empty
e971 = link '{ $place }' has no disruption in the scenario, so it is never closed
e971-help = give the link a `disruption`, or leave the row out
e972 = unknown quantity '{ $quantity }'
e972-help = write one of: { $names }
e973 = '{ $v }' is not yes or no
e973-help = write yes (some consignment was damaged) or no
e974 = '{ $v }' is not a count
e974-help = write a whole number, like 6
e975 = '{ $v }' is outside the simulated period
e975-help = the scenario simulates road blocks from a week before its start to its horizon
e976 = '{ $v }' is open-ended
e976-help = write the day of the closure, like 2024-02-10, or a span 2024-02-10..2024-02-11
e977 = the observed value is empty
e978 = '{ $v }' has neither end
e979 = '{ $v }' ends before it begins
e980 = '{ $v }' is not a time
e980-help = write a time like 2024-02-12T10:00:00+07:00 or 2024-02-12 10:00 (local), a day like 2024-02-13, or a span: ..2024-02-12 (by then), 2024-02-07.. (not before), 2024-02-12..2024-02-13

## Past trips (tepat fit)
e981 = '{ $v }' is not a duration
e981-help = write a number of at least 0 in the column's unit, like 2.5
e982 = '{ $v }' is not a datetime
e982-help = write it like 2024-02-07T08:00:00+07:00, or 2024-02-07 08:00 when both times are on one local clock
e983 = the arrival is before the departure
e983-help = check the two times of this trip
e984 = the trips need one duration column (duration_min, duration_h or duration_day), or the two columns 'departure' and 'arrival'
e984-help = name the columns in the header row, like: `link,duration_h`
e985 = { $n } trips are too few to fit a distribution: tepat fit needs at least { $min }
e985-help = collect more trips of this link, or write a triangular distribution (min, mode, max) from what the drivers say
e986 = every trip took the same time: there is nothing to fit
e986-help = write {"{"} dist = "fixed", value = ... {"}"} instead
