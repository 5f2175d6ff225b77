# `tally simulate`: a plan (the command line's numbers) that the tally's
# edition cannot hold.
simulate-window-past-calendar = the edition's voting window runs past the last date urna can count (voting_end = { $end })
simulate-window-empty = the edition's voting window has no days (voting_start = { $start }, voting_end = { $end })
simulate-paper-needs-point = paper voters ({ $voters } here) need at least one polling point: give --points 1 or more, or --online 100
simulate-dates-out-of-range = the edition's dates (voting_start = { $start }, voting_end = { $end }, min_age = { $min_age }) put the voters' birth dates outside the calendar urna can count
simulate-band-full = --voters { $voters } is too many for this edition: the voters do not fit the PESEL numbers of one age band; simulate at most { $max }
simulate-underage-full = --voters { $voters } is too many for this edition: one voter in { $every } is simulated too young, and min_age = { $min_age } leaves too few PESEL numbers for them; simulate at most { $max }
simulate-no-pesel = the edition's { $field } = { $value } makes voters born on { $born }, and PESEL numbers exist only for birth dates in the years 1800–2299
simulate-point-bundle = point { $point }: { $error }
