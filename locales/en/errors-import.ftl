# Problems in a TPS list given to `tepat import` (docs/import.md), codes E910-E959.
# Same rules as errors.ftl: the key is the code in lower case, a hint adds -help. English.

## Where a problem is: the row and column a spreadsheet program shows

import-at = { $place }: { $problem }
import-row = row { $row }
import-cell = row { $row }, column { $letters } ({ $header })
import-cell-bare = row { $row }, column { $letters }
import-rows-two = rows { $a } and { $b }
import-rows-many = rows { $list }

## The file

e910 = '.{ $ext }' is not a TPS list format tepat reads
e910-help = save the list as .xlsx or as CSV (.csv) and name the file with that extension
e911 = the TPS list is larger than { $max } bytes, the most tepat imports
e911-help = a list of every TPS in Indonesia is under 100 MB; check that this is the right file
e912 = the TPS list is { $kind }, not a regular file
e912-folder = a folder
e912-char-device = a character device
e912-block-device = a block device
e912-fifo = a FIFO (named pipe)
e912-socket = a socket
e912-other = something other than a file
e912-help = name a TPS list (.csv or .xlsx) saved on disk
e913 = the file is not UTF-8 text
e913-help = in Excel use "Save As" > "CSV UTF-8 (Comma delimited)", or import the .xlsx file itself
e914 = this row cannot be read as CSV ({ $detail })
e914-help = check for a quote (") that is opened but not closed
e915 = the list has more than { $max } rows
e915-sheet = the first sheet has more than { $max } rows
e915-help = a TPS list has one row per TPS or per village; check that this is the right file
e916 = the workbook unpacks to more than { $mb } MB, the most tepat imports
e916-help = a TPS list of every TPS in Indonesia unpacks to about 150 MB; check that this is the right file, or save the sheet as CSV UTF-8
e917 = the workbook cannot be read ({ $detail })
e917-help = open it in a spreadsheet program and save it again as .xlsx, or save the sheet as CSV UTF-8
e918 = the workbook has no sheet
e918-help = put the TPS list on the first sheet

## The header row

e920 = no header row with a Kecamatan and a Desa/Kelurahan column was found in the first rows
e920-help = the first row of the list should name its columns, e.g. Kecamatan, Desa/Kelurahan, No TPS, DPT, Lintang, Bujur (docs/import.md lists every accepted name)
e921 = a second { $column } column; column { $letters } ({ $header }) is one already
e921-help = keep one of the two columns, or start the header of the other with # so that it is skipped
e922 = unknown column header '{ $header }'{ $hint }
e922-help = rename it to an accepted header (docs/import.md), delete the column, or start its header with # to skip it
e923 = the list has no { $column } column
e923-help = add a { $column } column
e923-help-coordinates = add Lintang and Bujur (latitude and longitude, decimal degrees) of each TPS or village: road distances are computed from them
e924 = the list has neither a No TPS column (one row per TPS) nor a Jumlah TPS column (one row per village)
e924-help = add one of them
e925 = the list has both a No TPS and a Jumlah TPS column
e925-help = keep No TPS for a list with one row per TPS, or Jumlah TPS for one row per village, and start the other header with # to skip it
e926 = the list gives only one of Lintang PPK and Bujur PPK
e926-help = give both columns, or neither (then each PPK is placed at the centre of its villages)
e927 = the list has a header row but no TPS rows below it
e927-help = add one row per TPS (or per village) below the header

## Names

e930 = the cell holds the spreadsheet error { $value }
e930-help = correct the formula or type the name
e930-help-coordinate = type the coordinate in decimal degrees
e931 = the { $what } name is empty
e931-help = type the { $what } of this row
e932 = the { $what } name '{ $name }' cannot be used: { $reason }
e932-help = type the name as letters, digits, spaces and ordinary punctuation
e932-empty = the name is empty
e932-long = the name is { $n } characters long; at most { $max } are accepted
e932-control = the name contains the invisible control character U+{ $code }
e932-markup = the name contains '{ $char }', which is not part of a place name
e932-formula = the name starts with '{ $char }', which a spreadsheet would read as a formula

## The command line

e933 = the name of the warehouse cannot be used: { $reason }
e934 = '{ $v }' is not LAT,LON in decimal degrees (like 1.4774,102.1318)
e935 = ({ $lat }, { $lon }) is outside Indonesia: { $hint }
e936 = '{ $v }' is not a date YYYY-MM-DD such as 2024-02-14
e937 = { $v } is not a plausible polling day (years 2000 to 2100)
e938 = '{ $v }' is not a road factor from 1 to 3 (road distance / straight-line distance; 1.4 is usual)
e939 = --out '{ $path }' is the TPS list itself; write the scenario to another file (a .toml)

## Counts and coordinates

e940 = the TPS number is empty
e940-help = type the number of this TPS (1, 2, ... or 001, 002, ...)
e941 = '{ $v }' is not a TPS number
e941-help = write a whole number of at least 1, such as 7, 007 or TPS 007
e942 = the number of TPS is 0
e942-help = every village in the list needs at least one TPS; delete the row if it has none
e943 = { $n } TPS in one village is not plausible (at most { $max })
e943-help = check the number
e944 = the number of TPS is empty
e944-help = type the village's number of TPS
e945 = '{ $v }' is not a whole number of TPS
e945-help = write a whole number such as 12, without text or decimals
e946 = '{ $v }' is not a whole number of voters
e946-help = write the number of registered voters (DPT) such as 245 or 1.245, or leave the cell empty
e947 = '{ $v }' is not a coordinate in decimal degrees
e947-help = write a decimal number such as 1.4774 or 102.1318 (a decimal comma is accepted)
e948 = the point ({ $lat }, { $lon }) is outside Indonesia
e948-help = Indonesia lies between latitude { $lat_min } and { $lat_max } and longitude { $lon_min } and { $lon_max }; write decimal degrees (1.4774, not 1 28' 39")
e948-swapped = latitude and longitude look swapped: Lintang is north-south (-11 to 6), Bujur is east-west (95 to 141)
e948-sign = check the sign of the latitude: north of the equator is positive (LU), south negative (LS)
e949 = { $given } is given but { $empty } is empty
e949-help = give both coordinates or neither

## Villages, TPS and kecamatan

e950 = the PPK of kecamatan { $kecamatan } is at ({ $lat }, { $lon }) here but at ({ $lat0 }, { $lon0 }) in { $rows }
e950-help = give the PPK's point once per kecamatan, or the same point on every row
e951 = village { $village } of kecamatan { $kecamatan } is listed twice ({ $rows })
e951-help = a list with Jumlah TPS has one row per village: add the two counts into one row; if they are two villages of the same name, tell them apart (e.g. 'Sukamaju I')
e952 = TPS { $tps } of village { $village } (kecamatan { $kecamatan }) is listed twice ({ $rows })
e952-help = delete one of the two rows, or correct the TPS number
e953 = village { $village } (kecamatan { $kecamatan }) has no coordinates on any of its { $rows }
e953-help = fill Lintang and Bujur on at least one row of the village: its road distance is computed from them
e954 = and { $n } more problems
e954-help = fix these first; the same mistake is often repeated down a column
e955 = village { $village } is { $km } km (straight line) from PPK { $kecamatan }; check its coordinates and its kecamatan ({ $row })
e956 = the depot '{ $depot }' has the name of kecamatan { $kecamatan }; give the warehouse another name with --depot (hubs are named after their kecamatan)
e957 = internal error: the scenario written from the TPS list is not valid; please report this with the list
