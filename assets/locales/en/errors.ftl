# What can go wrong with the store, a login and a verification, said to
# the person at the kiosk or the command line.

error-store-not-initialised = { $dir } has no urna store: run `urna init` first
error-store-already-initialised = { $dir } already holds an urna store
error-store-database = database: { $error }
error-store-open = { $path }: cannot open the store: { $error }
error-store-schema = database schema: { $error }
error-store-edition = the stored edition is unreadable: { $error }
error-store-journal = journal entry { $seq }: { $what }
error-store-unknown-card = no card { $card } in this store
error-store-card-voided = card { $card } is voided; a voided card cannot be changed
error-store-duplicate-source = row id "{ $id }" was already stored as card { $card }
error-store-missing-reason = a reason is required
error-store-earlier-release = { $dir } holds a store of an earlier urna (schema 1, unsealed keys), which this release does not open: export its last bundle with that release, then set the kiosk up afresh (README: "A kiosk of an earlier release")
error-store-damaged = the store is damaged; nothing is written to it: { $problems }
error-store-not-logged-in = no operator is logged in: a change needs an operator's PIN
error-store-not-coordinator = only a coordinator can do this

error-login-unknown-operator = no operator named "{ $name }"
error-login-wrong-pin = wrong PIN ({ $left ->
        [one] { $left } attempt
       *[other] { $left } attempts
    } left before a { $minutes }-minute lock)
error-login-locked = operator locked after { $failures } wrong PINs until { $until }
error-login-bad-pin = a PIN is { $min } to 12 digits
error-login-bad-name = an operator name is 1 to 60 characters, no control characters
error-login-name-taken = an operator named "{ $name }" already exists
error-login-hash = PIN hashing failed

error-verify-not-a-number = "{ $typed }" is not a card number: type the digits written on the paper card
error-verify-no-such-card = no card number { $number } at this point
error-verify-voided = card { $card } is voided: there is nothing to verify
error-verify-own-card = card { $card } was keyed by { $keyer }: nobody verifies their own card — another operator does
error-verify-changed = card { $card } changed while it was being verified: verify it again

# A typed PESEL that is not one (no digit of it is quoted).
error-pesel-empty = PESEL is empty
error-pesel-length = PESEL has { $digits ->
        [one] { $digits } digit
       *[other] { $digits } digits
    }, it needs 11
error-pesel-not-digit = PESEL may contain only digits (character { $position } is not a digit)
error-pesel-no-such-date = PESEL encodes no real birth date
error-pesel-check-digit = PESEL check digit is wrong

# A card CSV: the whole file (nothing from it is stored), or one row. No
# value from the file is quoted unmasked. A file's problem is shown after
# the place it is found at: "path: " or "path:line: " (a .pb file's too).
error-csv-io = cannot read the file: { $error }
error-csv-empty = the file is empty; expected the header line { $header }
error-csv-not-utf8 = the file is not UTF-8 text (save it as "CSV UTF-8")
error-csv-no-header = the first line is not the header: it names none of the columns; the file must start with the line { $header }
error-csv-missing-columns = missing column(s) { $missing }; the header must name { $header }
error-csv-unknown-column = unknown column { $position } "{ $name }"{ $near }; allowed: { $allowed }
error-csv-unknown-column-near = ({ $column }?)
error-csv-repeated-column = column "{ $column }" appears twice
error-csv-header = the header cannot be read: { $error }
error-csv-record-too-long = file refused: the record from this line is over { $bytes } bytes{ $quote }
error-csv-record-quote-open = (the quote opened here is not closed)
error-csv-too-many-columns = file refused: the record has over { $fields } fields
error-csv-unclosed-quote = file refused: the quote opened on this line is never closed
error-csv-refused = file refused: { $error }
error-csv-field-count = the row has { $found ->
        [one] { $found } field
       *[other] { $found } fields
    }, the header { $expected }
error-csv-row-unreadable = the row cannot be read: { $error }
error-csv-cast-date = cast_date "{ $value }" is not a date like YYYY-MM-DD
error-csv-signed = signed "{ $value }" must be 1 or 0
error-csv-too-many-picks = { $column } lists { $found ->
        [one] { $found } project
       *[other] { $found } projects
    }, the card has { $max ->
        [one] { $max } rubric
       *[other] { $max } rubrics
    }
error-csv-control = { $column } "{ $value }" holds a control character (a bell or an escape, say), which no rubric of a card takes
error-csv-field-not-utf8 = field { $field } is not UTF-8 text (save the file as UTF-8)
error-csv-not-csv = not valid CSV
error-csv-too-many-projects = { $column } lists { $found ->
        [one] { $found } project
       *[other] { $found } projects
    }, a card holds at most { $max }
error-csv-too-long = { $column } has { $found ->
        [one] { $found } character
       *[other] { $found } characters
    }, at most { $max } are allowed
error-csv-project-id-too-long = { $column } has { $found ->
        [one] { $found } character
       *[other] { $found } characters
    }, at most { $max } are allowed (one project id)

# A sync with the office (`urna sync`, the kiosk's sender).
error-sync-timeout = the office did not answer in time
error-sync-no-pinned-certificate = the stored office certificate (--ca) holds no PEM certificate
error-sync-garbled = what answers at that address is not urna's office server (another web server, a network's login page?): nothing is taken as sent
error-sync-other = the connection to the office failed (the HTTP client says: { $why }): nothing is taken as sent
error-sync-broken = the connection to the office broke before the whole answer came
error-sync-no-url = this point has no office address: a coordinator sets it with `urna central url URL --as NAME`
error-sync-unreachable = the office cannot be reached: { $why }
error-sync-office-failed = the office's server failed ({ $code }): { $message }
error-sync-unknown-kiosk = the office does not know this kiosk (the office registers it: `urna tally trust`)
error-sync-unknown-kiosk-said = the office does not know this kiosk (the office registers it: `urna tally trust`): { $said }
error-sync-refused = the office refused the upload ({ $code }): { $said }
error-sync-office-ahead = the office holds from this point { $office }, but this store { $ours }; this is an older copy of this store (restored from a backup?) or another kiosk under this point's name: nothing was sent, call the office
error-sync-fork = entry { $seq } at the office differs from this store's (a fork): nothing was sent, call the office
error-sync-moving = the office kept receiving other entries of this point meanwhile (is a second kiosk sending under this name?); trying later
