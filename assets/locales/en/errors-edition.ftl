# What is wrong in an edition file (`urna edition check`, `urna init`),
# said after its file, line and column.

error-edition-not-utf8 = the file is not UTF-8 text (save it as UTF-8)
error-edition-id-empty = is empty
error-edition-id-bar = contains `|`, which separates project ids in the card CSV: no card could name it
error-edition-id-control = contains a control character: no card could name it
error-edition-id-blank = contains a blank: the kiosk's rubric takes none and the card CSV trims them
error-edition-id-too-long = has { $length ->
        [one] { $length } character
       *[other] { $length } characters
    }: a card's rubric holds at most { $max }
error-edition-whose-citywide = the city-wide list
error-edition-whose-district = district { $roman } { $name }
error-edition-field-project-id = project id
error-edition-field-project-title = project title
error-edition-field-edition-id = edition id
error-edition-field-edition-name = edition name
error-edition-field-district-name = district name
error-edition-empty = { $field } is empty
error-edition-not-a-date = `{ $field }` is not a real date
error-edition-date-with-time = `{ $field }` must be a date like 2014-09-27, without a time
error-edition-no-picks = missing field `local_picks`/`citywide_picks` (or `picks`) in [ballot]
error-edition-picks = { $picks } picks: a card has between 1 and { $max } picks
error-edition-unknown-tie-key = unknown tie_break key "{ $key }": the keys are { $keys }
error-edition-tie-key-twice = tie_break names "{ $key }" twice
error-edition-tie-keys-twice = tie_break names a key twice
error-edition-no-projects = { $list } has no projects
error-edition-bad-project-id = project id { $id } in { $list } { $why }
error-edition-duplicate-project-id = duplicate project id "{ $id }" in { $list }
error-edition-end-before-start = voting_end { $end } is before voting_start { $start }
error-edition-min-age = min_age is not a plausible age
error-edition-unknown-district = unknown district number { $number }: districts are numbered from 1 (I) to { $max } ({ $roman })
error-edition-district-twice = district number { $number } ({ $roman }) appears twice
error-edition-no-districts = the ballot requires a local part but the edition has no [[district]]
error-edition-not-krakow-district = unknown district number { $number }: Kraków's districts are I–XVIII (1–18)
error-edition-krakow-district-name = district { $roman } of Kraków is "{ $official }", not "{ $name }"

# Pabulib .pb files (`urna edition import-pabulib`).
error-pabulib-unreadable-line = unreadable line: { $error }
error-pabulib-meta-first = expected the META section first
error-pabulib-no-project-id = project without project_id
error-pabulib-bad-project-id = project_id { $id } { $why }
error-pabulib-project-id-twice = project_id "{ $id }" appears twice (first at line { $first }); ids are unique within a file
error-pabulib-no-cost = project { $id }: no `cost` column
error-pabulib-cost-not-amount = project { $id }: cost "{ $cost }" is not an amount (złoty, at most two decimals)
error-pabulib-no-meta = no META section: this is not a Pabulib file
error-pabulib-no-projects = no PROJECTS section or no projects in it
error-pabulib-meta-missing = META has no `{ $key }`
error-pabulib-meta-not-number = META `{ $key }` "{ $value }" is not a number
error-pabulib-max-length = META `max_length` { $length }: a card has between 1 and { $max } picks
error-pabulib-min-over-max = META `min_length` { $min } is more than `max_length` { $max }
error-pabulib-end-before-begin = META `date_end` { $end } is before `date_begin` { $begin }
error-pabulib-meta-not-date = META `{ $key }` "{ $value }" is not a date (DD.MM.YYYY)
error-pabulib-meta-not-amount = META `{ $key }` "{ $value }" is not an amount (złoty, at most two decimals)
error-pabulib-no-citywide = no city-wide file: every file names a district or subunit in META
error-pabulib-many-citywide = more than one city-wide file: { $files }
error-pabulib-not-krakow-district = "{ $name }" is not one of Kraków's 18 districts
error-pabulib-same-district = two files for the same district: { $first } and { $second }
