# The kiosk's command line: what `urna init`, `status`, `operator`,
# `central`, `import-cards`, `edition`, `check`, `sync` and `paths` say.

cli-error-label = error
cli-no-data-dir = cannot find a data directory; pass --data-dir
cli-store-damaged = STORE DAMAGED — changed outside urna or broken; nothing was written to it. Leave the laptop as it is and call the office.
cli-status-damaged = The counts above were read from a damaged store: do not report them as the point's result.
cli-pin-for = PIN for { $name }:
cli-pin-repeat = Repeat the PIN:
cli-pins-differ = the PINs differ
cli-pin-no-terminal = no terminal to type the PIN on: use --pin-stdin

cli-paths-office-data = office data
cli-paths-database = database
cli-paths-office-identity = office age identity
cli-paths-logs = logs
cli-paths-data = data
cli-paths-signing-key = signing key
cli-paths-public-key = public key
cli-paths-pin-secret = PIN secret
cli-paths-editions = editions

# A command line clap refused, said from the error's kind (clap speaks
# only English; in English clap's own words are printed instead).
cli-usage-missing-argument = { $n ->
    [one] a required argument is missing
   *[other] required arguments are missing
    }: { $arg }
cli-usage-missing-command = a command is missing
cli-usage-needs-value = { $arg } needs a value
cli-usage-not-a-value-of = "{ $value }" is not a value for { $arg }; possible: { $valid }
cli-usage-not-a-value = "{ $value }" is not a value for { $arg }
cli-usage-out-of-range = "{ $value }" is not a valid value for { $arg } (allowed: { $from } to { $to })
cli-usage-not-valid = "{ $value }" is not a valid value for { $arg }
cli-usage-unknown-argument = unknown argument "{ $arg }"
cli-usage-unknown-command = unknown command "{ $command }"
cli-usage-conflict = { $arg } cannot be used with { $other }
cli-usage-value-count = the wrong number of values for { $arg }
cli-usage-no-equals = { $arg } needs a value after "="
cli-usage-not-utf8 = an argument is not valid UTF-8 text
cli-usage-invalid = an invalid command line
cli-usage-suggestion = (did you mean { $suggestion }?)
cli-usage-see-help = `urna --help` shows the syntax (or `urna COMMAND --help`).

# urna central set / url / show
cli-central-not-a-recipient = not an age recipient (age1…, 62 characters)
cli-central-key-set = Office key set: { $recipient }.
cli-central-key-changed = Office key changed: { $old } → { $recipient }.
cli-central-address = office address: { $url } ({ $cadence })
cli-central-address-own-ca = office address: { $url } ({ $cadence }; own certificate)
cli-central-no-address = office address: none: the kiosk sends nothing over the network, bundles reach the office on a stick
cli-central-key = office key: { $recipient }
cli-central-no-key = office key: none yet: no export until a coordinator runs `urna central set age1… --as NAME`
cli-central-bad-url = { $url }: not an office server address: http://HOST:PORT or https://HOST:PORT (port 1–65535), no path
cli-central-ca-https-only = --ca is for https:// addresses only
cli-central-not-pem = { $path }: not a PEM certificate
cli-central-sending = The kiosk will send its journal to the office: { $url } ({ $cadence }).
cli-central-sending-port = The kiosk will send its journal to the office: { $url } ({ $cadence }; port { $port }).
cli-central-sending-off = Sending to the office is off; bundles reach the office on a stick.

# urna edition check / import-pabulib
cli-edition-sample = (sample projects)
cli-edition-summary = { $id } "{ $name }"{ $sample }: voting { $start } – { $end }, { $counts }
cli-edition-valid = Valid: { $edition }
cli-edition-wrote = Wrote { $path }: { $edition }
cli-edition-built-does-not-load = internal: the built edition does not load: { $error }
cli-edition-no-round-trip = internal: the built edition does not round-trip

# urna init
cli-init-bad-point = --point: a point id is letters, digits, '-' and '_' (up to 32)
cli-init-bad-point-name = --point-name: a point's name cannot be empty or hold control characters
cli-init-bad-central = --central: not an age recipient (age1…, 62 characters)
cli-init-done = Done: point { $point } ({ $name }), edition { $edition }, coordinator { $coordinator }.
    Data: { $dir }
cli-init-not-a-directory = { $dir }: not a directory
cli-init-cannot-tighten = { $dir }: the data directory must be its owner's only (0700), and its mode cannot be changed: { $error }

# urna import-cards: a line per row, then the summary
cli-import-duplicate-row = row id "{ $id }" is already stored as card { $card }
cli-import-stopped = stopped at row { $row } (line { $line }): { $error }; earlier rows are stored
cli-import-row-rejected = row { $row } (line { $line }): REJECTED — { $error }
cli-import-row-valid = row { $row } (line { $line }): { $card } valid
cli-import-row-invalid = row { $row } (line { $line }): { $card } INVALID: { $reasons }
cli-import-same-pesel = warning: the same PESEL is already on card { $card } (entered by { $operator } at { $at })
cli-import-summary-same-pesel = ; { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    } with a PESEL already in the store
cli-import-summary = Read { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }: stored { $stored ->
        [one] { $stored } card
       *[other] { $stored } cards
    } ({ $valid } valid, { $invalid } invalid), rejected { $rejected ->
        [one] { $rejected } row
       *[other] { $rejected } rows
    }{ $same_pesel }.

# urna (the kiosk), operator, tally serve
cli-kiosk-screen-failed = screen: { $error }
cli-operator-added = Added operator { $name } ({ $role }).
cli-serve-bad-listen = --listen { $listen }: not an address to listen on: HOST:PORT, e.g. 127.0.0.1:8443 or 0.0.0.0:8443 (port 0-65535; 0 takes any free one)
cli-serve-running = { $address } — the office's server is running (Ctrl+C stops it)

# urna status, urna check
cli-status-point = Point: { $point } ({ $name }), edition { $edition }
cli-status-point-training = Point: { $point } ({ $name }) — TRAINING, edition { $edition }
cli-status-cards = Cards: { $cards } — valid { $valid }, invalid { $invalid }, voided { $voided }, amended { $amended }, with a repeated PESEL { $flagged }
cli-status-invalid-by-reason = Invalid by reason:
cli-status-by-operator = Cards by operator:
cli-status-verification = Verification: { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    } — first-keying errors: { $keyer }, verifiers' slips: { $verifier }
cli-status-journal = Journal: { $entries }, head hash { $head }
cli-check-ok = Store OK: database intact, journal chain unbroken and sealed ({ $entries }), every table agrees with it, head hash { $head }.
cli-check-damaged = STORE DAMAGED: { $error }

# urna sync: what a sync did (the kiosk's status line says it too)
cli-sync-up-to-date = the office already holds everything ({ $entries }, { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    })
cli-sync-sent = sent to the office: { $added }; the office now holds { $entries }, { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }

# urna tally serve: the office's sync server's answers (their `message`)
cli-serve-internal-error = the server's internal error
cli-serve-not-found = no such address: there are GET /, POST /v1/bundles and GET /v1/points/ID/head
cli-serve-unknown-point = the office trusts no kiosk with that point id
cli-serve-point-head = the office holds from point { $point }: { $entries }
cli-serve-bundle-refused = bundle refused: { $why }
cli-serve-stopping = the server is stopping
cli-serve-bundle-stored = bundle stored ({ $point }): new entries: { $entries }
cli-serve-bundle-known = bundle already known — nothing changes
cli-serve-cannot-listen = cannot listen on { $listen }: { $error }

# urna tally serve: the status page at GET /
cli-page-title = urna — the office's sync
cli-page-edition = edition
cli-page-reported = Points that have reported: { $reported } of { $points }
cli-page-point = point
cli-page-name = name
cli-page-last-sync = last sync
cli-page-cards = cards
cli-page-entries = journal entries
cli-page-head = head fingerprint
cli-page-refused = refused attempts
cli-page-not-yet = not yet
cli-page-refused-elsewhere = Refused attempts from no trusted point (unknown kiosks, unreadable uploads)
cli-page-as-of = As of loading the page: reload to see later syncs.
cli-serve-tls-unreadable-certificate = not a readable PEM certificate
cli-serve-tls-no-certificate = no certificate (BEGIN CERTIFICATE) in the PEM file
cli-serve-tls-no-key = no private key (BEGIN PRIVATE KEY) in the PEM file
cli-serve-tls-key-mismatch = the key does not match the certificate or is not supported
