# Words every part of urna uses: counted nouns, the reasons a card is
# invalid (long, and short for a list row), the roles, the languages.

count-card-acc = { $n ->
    [one] { $n } card
   *[other] { $n } cards
    }
count-card = { $n ->
    [one] { $n } card
   *[other] { $n } cards
    }
count-row = { $n ->
    [one] { $n } row
   *[other] { $n } rows
    }
count-valid = { $n ->
    [one] { $n } valid
   *[other] { $n } valid
    }
count-invalid = { $n ->
    [one] { $n } invalid
   *[other] { $n } invalid
    }
count-vote = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
    }
count-ballot = { $n ->
    [one] { $n } ballot
   *[other] { $n } ballots
    }
count-minute-acc = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
    }
count-byte = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
    }
count-entry = { $n ->
    [one] { $n } entry
   *[other] { $n } entries
    }
count-district = { $n ->
    [one] { $n } district
   *[other] { $n } districts
    }
count-local-project = { $n ->
    [one] { $n } local project
   *[other] { $n } local projects
    }
count-citywide-project = { $n ->
    [one] { $n } city-wide project
   *[other] { $n } city-wide projects
    }

count-field = { $n ->
    [one] { $n } field
   *[other] { $n } fields
    }
count-year = { $n ->
    [one] { $n } year
   *[other] { $n } years
    }
count-project = { $n ->
    [one] { $n } project
   *[other] { $n } projects
    }
count-vote-valid = { $n ->
    [one] { $n } valid
   *[other] { $n } valid
    }
count-vote-invalid = { $n ->
    [one] { $n } invalid
   *[other] { $n } invalid
    }
count-point = { $n ->
    [one] { $n } point
   *[other] { $n } points
    }
count-polling-point-gen = { $n ->
    [one] { $n } polling point
   *[other] { $n } polling points
    }
count-sample = { $n ->
    [one] { $n } sample
   *[other] { $n } samples
    }
count-field-of = { $n ->
    [one] { $n } field
   *[other] { $n } fields
    }
count-person = { $n ->
    [one] { $n } person
   *[other] { $n } persons
    }
count-polling-point = { $n ->
    [one] { $n } polling point
   *[other] { $n } polling points
    }
count-bundle = { $n ->
    [one] { $n } bundle
   *[other] { $n } bundles
    }
count-paper-card = { $n ->
    [one] { $n } paper card
   *[other] { $n } paper cards
    }
count-online-vote = { $n ->
    [one] { $n } internet vote
   *[other] { $n } internet votes
    }
reason-missing-first-name = first name missing
reason-missing-last-name = surname missing
reason-missing-address = address missing
reason-missing-pesel = PESEL missing
reason-pesel-invalid = PESEL is not valid
reason-underage = voter under the minimum age on the day of voting
reason-outside-window = cast outside the voting window
reason-missing-signature = not signed
reason-no-district = no district given
reason-unknown-district = no such district
reason-local-incomplete = not every local rubric is filled
reason-local-duplicate = a local project appears more than once
reason-local-unknown-project = no such local project in this district
reason-citywide-incomplete = not every city-wide rubric is filled
reason-citywide-duplicate = a city-wide project appears more than once
reason-citywide-unknown-project = no such city-wide project
reason-illegible = card illegible
reason-wrong-rubric = data in the wrong rubric
reason-multiple-votes = person voted more than once
reason-annulled = annulled by the office: an account registered on someone else's PESEL

reason-short-missing-first-name = no first name
reason-short-missing-last-name = no surname
reason-short-missing-address = no address
reason-short-missing-pesel = no PESEL
reason-short-pesel-invalid = bad PESEL
reason-short-underage = under age
reason-short-outside-window = outside the window
reason-short-missing-signature = not signed
reason-short-no-district = no district
reason-short-unknown-district = unknown district
reason-short-local-incomplete = local incomplete
reason-short-local-duplicate = local repeated
reason-short-local-unknown-project = unknown local project
reason-short-citywide-incomplete = city-wide incomplete
reason-short-citywide-duplicate = city-wide repeated
reason-short-citywide-unknown-project = unknown city-wide project
reason-short-illegible = illegible
reason-short-wrong-rubric = wrong rubric
reason-short-multiple-votes = voted more than once
reason-short-annulled = annulled by the office

role-coordinator = coordinator
role-volunteer = volunteer

language-pl = polski
language-uk = українська
language-en = English

central-cadence = sending every { $cards ->
        [one] card
       *[other] { $cards } cards
    } and every { $minutes ->
        [one] minute
       *[other] { $minutes } minutes
    }
