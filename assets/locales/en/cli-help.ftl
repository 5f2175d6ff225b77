# The command line's help (`urna --help`, `urna COMMAND --help`), made by
# src/cli/help.rs: every command's about (`help-` and its path, `help-urna`
# for urna itself), every argument's help (`help-`, the path, the argument;
# a global one under the command that defines it), a possible value's
# (`…-value-` and the value). The English words are the doc comments' in
# src/cli/ (tests/catalogs.rs holds them together): change both at once.

# clap's own words. Headings are followed by a colon.
help-heading-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-flag-help = Print help
help-flag-help-see-more = Print help (see more with '--help')
help-flag-help-see-summary = Print help (see a summary with '-h')
help-flag-version = Print version
help-command-help = Print this message or the help of the given subcommand(s)
help-command-help-subcommand = Print help for the subcommand(s)
# What follows an argument's help; $value, $values and $variable come styled.
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]
help-possible-values-list = Possible values
help-env = [env: { $variable }]

# The usage line's placeholders: clap's [OPTIONS] and <COMMAND>, and the
# value names (<PATH>, <FILE>…), which the usage errors name arguments by
# too (`help-value-` and the name, lower case, `_` as `-`; an argument of
# help.rs's OWN_PLACEHOLDER has its own, `…-placeholder`). One word: a
# help that names a placeholder (`I co M minut`) names it as here.
help-usage-options = OPTIONS
help-value-command = COMMAND
help-value-addr = ADDR
help-value-age-recipient = AGE_RECIPIENT
help-value-bytes = BYTES
help-value-card = CARD
help-value-coordinator = COORDINATOR
help-value-digits = DIGITS
help-value-dir = DIR
help-value-field = FIELD
help-value-file = FILE
help-value-files = FILES
help-value-format = FORMAT
help-value-id = ID
help-value-k = K
help-value-kiosk-pubkey = KIOSK_PUBKEY
help-value-lang = LANG
help-value-m = M
help-value-min-age = MIN_AGE
help-value-mode = MODE
help-value-n = N
help-value-name = NAME
help-value-path = PATH
help-value-percent = PERCENT
help-value-pesel = PESEL
help-value-pubfile = PUBFILE
help-value-recipient = RECIPIENT
help-value-role = ROLE
help-value-seconds = SECONDS
help-value-seed = SEED
help-value-text = TEXT
help-value-url = URL

# The man pages' section headings (`urna generate-assets`; English pages
# are clap_mangen's own).
help-man-name = NAME
help-man-synopsis = SYNOPSIS
help-man-description = DESCRIPTION
help-man-options = OPTIONS
help-man-commands = SUBCOMMANDS
help-man-version = VERSION

# urna and its global options
help-urna = Offline kiosk and central tally for a participatory budget (Budżet Obywatelski)
help-verbose = More detail in the log file (-v debug, -vv trace); URNA_LOG overrides
help-data-dir = Where this kiosk keeps its data (default: the platform's data directory)
help-lang = Language of messages

# urna demo
help-demo = A training kiosk on the bundled 2014 edition, in a throw-away data dir

# urna init
help-init = Set up this kiosk: edition, polling point, first coordinator
help-init-edition = Edition file (TOML), e.g. assets/editions/krakow-2014.toml
help-init-point = Polling point id, e.g. P-XI-03
help-init-point-name = Polling point name, e.g. "Rada Dzielnicy XI"
help-init-point-name-placeholder = NAME
help-init-mobile = A mobile polling point (moves between stops during the day)
help-init-central = The central office's age recipient (age1…), to encrypt bundles to
help-init-coordinator = Name of the first coordinator
help-init-min-pin-length = The shortest PIN this kiosk accepts (4 to 12 digits; a 4-digit PIN can be guessed offline from a copied disk, see docs/threat-model.md)
help-init-pin-stdin = Read the PIN as one line from standard input instead of the terminal

# urna operator
help-operator = Manage operators (volunteers and coordinators)
help-operator-add = Add a volunteer or a coordinator (a coordinator does it: asked for their PIN first, then the new operator's; with --pin-stdin, two lines)
help-operator-add-name = The operator's name as shown at login
help-operator-add-role = The new operator's role
help-operator-add-by = The coordinator adding the operator
help-operator-add-pin-stdin = Read the PIN as one line from standard input instead of the terminal
help-operator-list = List operators

# urna import-cards
help-import-cards = Enter cards typed elsewhere from a card CSV, with the same rules and journal
help-import-cards-file = Card CSV: id,pesel,first_name,last_name,address,cast_date,district,local,citywide[,signed]
help-import-cards-json = One JSON object per line instead of text
help-import-cards-operator = The operator entering the cards (asked for the PIN; journaled as theirs)
help-import-cards-pin-stdin = Read the PIN as one line from standard input instead of the terminal

# urna status
help-status = Show counts: cards, valid, invalid by reason, operators, journal
help-status-json = Print the counts as one JSON object

# urna check
help-check = Verify the store: SQLite integrity, the journal's chain and seal, and every table against the journal

# urna central
help-central = The central office's key: `urna central set AGE_RECIPIENT --as NAME`
help-central-set = Set or change the office's age recipient that bundles are encrypted to
help-central-set-recipient = The office's age recipient (age1…, 62 characters), from `urna tally init`
help-central-set-coordinator = The coordinator making the change (asked for the PIN)
help-central-set-pin-stdin = Read the PIN as one line from standard input instead of the terminal
help-central-url = Send the journal to the office's sync server as cards are entered (`urna tally serve` there), or with `--off` stop sending
help-central-url-url = `http://HOST:PORT` or `https://HOST:PORT`
help-central-url-off = Stop sending (the stick stays the way bundles reach the office)
help-central-url-ca = A PEM certificate to trust for https (the office's own, or its CA)
help-central-url-every-cards = Send after every N cards
help-central-url-every-minutes = And every M minutes
help-central-url-coordinator = The coordinator making the change (asked for the PIN)
help-central-url-pin-stdin = Read the PIN as one line from standard input instead of the terminal
help-central-show = Print the office's age recipient and sync address, or say that there is none yet

# urna sync
help-sync = Send the office's sync server what it does not hold yet, now
help-sync-operator = The operator sending (any operator: their PIN unlocks the journal key the delta is signed with)
help-sync-pin-stdin = Read the PIN as one line from standard input instead of the terminal

# urna verification
help-verification = How much the point verifies: `urna verification set all|sample --as NAME`
help-verification-set = Set how much the point verifies (docs/verification.md)
help-verification-set-mode = How much to verify
help-verification-set-mode-value-all = Every card
help-verification-set-mode-value-sample = An operator's first cards, then a share rising with their error rate
help-verification-set-first = Sample: all of an operator's first N cards
help-verification-set-share = Sample: then this share (per cent) of their later cards
help-verification-set-coordinator = The coordinator making the change (asked for the PIN)
help-verification-set-pin-stdin = Read the PIN as one line from standard input instead of the terminal
help-verification-show = Print the policy in force and how many cards of the sample wait

# urna edition
help-edition = Check edition files or build one from Pabulib data
help-edition-check = Validate an edition file; errors point at the line
help-edition-check-file = The edition file (TOML)
help-edition-import-pabulib = Build an edition from Pabulib .pb files (district files and one city-wide file)
help-edition-import-pabulib-files = The Pabulib .pb files: one per district and one city-wide
help-edition-import-pabulib-out = Where to write the edition TOML
help-edition-import-pabulib-min-age = Minimum voter age (Pabulib files do not say)

# urna key
help-key = Print this kiosk's public signing key (minisign format)

# urna export
help-export = Write the end-of-day bundle and the day's protocol (a coordinator)
help-export-out = Directory to write the bundle and the day's protocol into (a USB stick)
help-export-coordinator = The coordinator making the export (asked for the PIN)
help-export-pin-stdin = Read the PIN as one line from standard input instead of the terminal
help-export-investigation = Export a store that failed `urna check`, for the office to look at (marked so in the manifest; not journaled; the office imports it only with `urna tally import --investigation`)

# urna verify
help-verify = Check a bundle without the office key and print its manifest
help-verify-file = The bundle (.urna)
help-verify-key = Require this kiosk public key (a minisign .pub file)

# urna paths
help-paths = Print where this user's data, keys and logs live

# urna tally
help-tally = The central office: trust kiosks, import bundles and internet votes, count

# urna tally init
help-tally-init = Set up the office's store and age identity; prints the recipient for the kiosks
help-tally-init-edition = Edition file (TOML) the office counts, e.g. assets/editions/krakow-2014.toml

# urna tally trust
help-tally-trust = Trust a kiosk's public key (the file `urna key` prints) for a point
help-tally-trust-key = The kiosk's public key file (what `urna key` prints on the kiosk)
help-tally-trust-point = The polling point the kiosk serves, e.g. P-XI-03

# urna tally import
help-tally-import = Import bundles (files or folders, searched recursively; links are not followed). One line per file found; exit 0 if every file was accepted or already known, 1 if any was refused
help-tally-import-paths = Bundle files (.urna) and folders holding them
help-tally-import-investigation = Also take bundles exported for investigation from damaged kiosk stores

# urna tally serve
help-tally-serve = Serve the kiosks' syncs over HTTP(S): POST /v1/bundles takes a bundle as `urna export` writes it, imported as `tally import` does; GET / shows who has reported (docs/sync.md). Listens only where told
help-tally-serve-listen = Where to listen, e.g. 127.0.0.1:8443 or 0.0.0.0:8443 (port 0: any free port; the first line printed says which)
help-tally-serve-tls-cert = The server's certificate chain (PEM); with --tls-key, serves HTTPS
help-tally-serve-tls-key = The certificate's private key (PEM)
help-tally-serve-max-body = The largest upload taken, in bytes; larger ones are answered 413
help-tally-serve-read-timeout = Seconds a client may take to send its headers, and each piece of a body

# urna tally import-online
help-tally-import-online = Import the internet channel's votes (card CSV), all or nothing
help-tally-import-online-file = The internet channel's card CSV, columns as for `urna import-cards`

# urna tally annul
help-tally-annul = Annul the internet votes cast on a PESEL (an account someone else registered)
help-tally-annul-pesel = The PESEL whose internet votes are annulled
help-tally-annul-reason = Why (recorded with the annulment; no PESEL in it)

# urna tally results
help-tally-results = Count and publish (pabulib writes a folder: one file per list)
help-tally-results-format = What to write the results as
help-tally-results-out = The file to write (a folder for pabulib); without it, standard output

# urna tally audit
help-tally-audit = Every invalid ballot and where it came from, every multiple voter, every import and the office's decisions
help-tally-audit-format = What to write the audit as
help-tally-audit-out = The file to write; without it, standard output

# urna tally audit-sample
help-tally-audit-sample = Draw paper cards at random, reproducibly from a public seed, for the check of typed cards against their paper (docs/audit-sample.md)
help-tally-audit-sample-seed = The seed announced in public (e.g. dice rolled at an open session), taken byte for byte
help-tally-audit-sample-count = How many paper cards to draw
help-tally-audit-sample-point = Draw only from this point's cards
help-tally-audit-sample-operator = Who draws (an office worker's name; journaled)
help-tally-audit-sample-format = What to write the sample as
help-tally-audit-sample-all-ids = Write the population instead (`point,card_id`, every card the draw is made from), for an observer to re-draw the sample
help-tally-audit-sample-out = The file to write; without it, standard output

# urna tally audit-card
help-tally-audit-card = Show a drawn card as it was typed, field by field, to compare with its paper
help-tally-audit-card-card = The card's id as `audit-sample` lists it (e.g. P01-000042)

# urna tally audit-record
help-tally-audit-record = Record what a drawn card's paper showed: --matches or --differs FIELD…
help-tally-audit-record-card = The card's id as `audit-sample` lists it (e.g. P01-000042)
help-tally-audit-record-matches = The paper shows what was typed
help-tally-audit-record-differs = The fields in which the paper differs from what was typed (first_name, last_name, address, pesel, signed, district, local.1…, citywide.1…, cast_date)
help-tally-audit-record-operator = Who compared the card with its paper (journaled)
help-tally-audit-record-again = Record a card already recorded: the new record replaces the earlier one, which stays in the journal

# urna tally simulate
help-tally-simulate = Write a simulated election (kiosk keys, bundles, an internet file) for training and for the scale bench
help-tally-simulate-voters = How many voters
help-tally-simulate-points = How many polling points (a kiosk each)
help-tally-simulate-out = A new folder to write the election into (empty or not there yet)
help-tally-simulate-seed = The random draws' seed: the same seed, the same election
help-tally-simulate-online = Share of the voters who vote on the internet (0: every ballot in a bundle)
help-tally-simulate-keying-errors = Share of the paper cards typed with one field wrong and never corrected, for practising the audit against paper (paper-truth.csv says which)
help-tally-simulate-verify = Share of each point's cards verified blind by another operator (an injected keying error found so is corrected, reason "weryfikacja")

# urna generate-assets
help-generate-assets = Write the man page and shell completions into a folder (for packaging)
help-generate-assets-out = The folder to write into
