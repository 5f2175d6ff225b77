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
