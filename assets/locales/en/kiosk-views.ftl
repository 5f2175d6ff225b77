# The kiosk's other screens: today's cards (F3), the summary (F4), the projects (F9), help (F1), close the day and export (F12).

kiosk-cards-amended = {" "}· amended
kiosk-cards-amended-by = Amended by: { $operator } · { $at } · reason: { $reason }
kiosk-cards-card = Card { $card }
kiosk-cards-coordinator-only = Only a coordinator can amend or void cards.
kiosk-cards-district-word = district
kiosk-cards-entered-by = Entered by: { $operator } · at { $at }
kiosk-cards-invalid-because = INVALID: { $reasons }
kiosk-cards-no = no
kiosk-cards-no-cards = No cards.
kiosk-cards-repeated-pesel = {" "}· ! repeated PESEL
kiosk-cards-search = Search (PESEL or surname):
kiosk-cards-status = Status: { $status }
kiosk-cards-stop = Stop: { $stop }
kiosk-cards-the-card-before-it-was-voided = The card before it was voided:
kiosk-cards-the-card-is-already-voided = The card is already voided.
kiosk-cards-the-card-is-voided = The card is voided.
kiosk-cards-title = Cards of { $day } ({ $n })
kiosk-cards-valid = valid
kiosk-cards-void-reason = Reason for voiding (kept in the journal; the card stays):
kiosk-cards-voided = VOIDED
kiosk-cards-voided-by = Voided by: { $operator } · { $at } · reason: { $reason }
kiosk-cards-yes = yes

kiosk-export-another-path = another path:
kiosk-export-bundle-explained = The bundle holds the whole journal (encrypted for the office), signed by this kiosk.
kiosk-export-choose-drive = Choose a drive or type a path.
kiosk-export-failed = Export failed, nothing recorded
kiosk-export-files-written-to = Files written to
kiosk-export-no-drive = {"  "}(no USB stick mounted under /media or /run/media)
kiosk-export-no-such-directory = no such directory
kiosk-export-pgup-pgdn-scroll = ↑/↓ PgUp/PgDn scroll ·
kiosk-export-protocol-failed = Bundle written, protocol not
kiosk-export-title = {" "}Close the day and export to a USB stick{" "}
kiosk-export-where = Where to write it (↑/↓, Enter):

kiosk-help-always = Always
kiosk-help-backspace = {"  "}Backspace stops at the start of a field.
kiosk-help-moves-on = {"  "}PESEL, signature and numbers that cannot grow move on by themselves.
kiosk-help-this-screen = On this screen
kiosk-help-title = {" "}Help — any key closes{" "}
kiosk-help-waiting-number = {"  "}`1…`: the number waits — Enter takes 1, another digit makes 10–15.

kiosk-views-by-operator = By operator:
kiosk-views-by-stop = By stop:
kiosk-views-city-wide-projects = City-wide projects
kiosk-views-counts = valid: { $valid }   invalid: { $invalid }   voided: { $voided }
kiosk-views-counts-more = amended: { $amended }   with a repeated PESEL: { $flagged }
kiosk-views-district = District { $number } { $name } ({ $projects })
kiosk-views-entered = Entered: { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
    }
kiosk-views-head-amended = amend
kiosk-views-head-cards = cards
kiosk-views-head-keyer-errors = e.key
kiosk-views-head-keys = keys/c
kiosk-views-head-per-100 = /100fld
kiosk-views-head-per-hour = /hour
kiosk-views-head-verified = verif
kiosk-views-head-verifier-errors = e.ver
kiosk-views-heads-note = amend — amendments of their cards · verif — cards they verified
kiosk-views-heads-note-errors = e.key/e.ver — errors as keyer/verifier · /100fld — e.key per 100 fields
kiosk-views-invalid-by-reason = Invalid by reason:
kiosk-views-nothing-matches = nothing matches
kiosk-views-operators = Operators since the point was set up:
kiosk-views-projects = Projects — { $edition }
kiosk-views-samples = (SAMPLES)
kiosk-views-search = Search (number or words of the title):
kiosk-views-summary-title = Summary of { $day }
