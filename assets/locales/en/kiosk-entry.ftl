# The kiosk's card screen: the rubrics, the notes beside them, the review, saving, and verification (Ctrl-R).

kiosk-entry-amend-reason = Reason for the amendment (kept in the journal with the original):
kiosk-entry-amending = Amending card { $card }
kiosk-entry-born = born { $born }, { $age }
kiosk-entry-born-not-yet = born { $born } — not yet born
kiosk-entry-born-under = born { $born }, { $age } — under { $min }
kiosk-entry-digits-only = digits only
kiosk-entry-district-unknown = district unknown — the number cannot be checked
kiosk-entry-empty = empty
kiosk-entry-enter-refused = The card has problems: a typo → Esc; a card defect → F8 (save as invalid).
kiosk-entry-f8-refused = The card is valid — Enter saves it.
kiosk-entry-fewer-projects = (the district has fewer projects)
kiosk-entry-flagged-repeated-pesel = {" "}· flagged: repeated PESEL
kiosk-entry-invalid-card = INVALID CARD: { $reasons }
kiosk-entry-invalid-what-to-do = A typo → Esc and fix it.  A defect of the paper card → F8: save as INVALID.
kiosk-entry-local-part-optional = local part left empty — optional on this card
kiosk-entry-marked = marked: { $marks }
kiosk-entry-no-not-signed = no — not signed
kiosk-entry-no-such-birth-date = no such birth date
kiosk-entry-no-such-district = no such district
kiosk-entry-no-such-project = no such project
kiosk-entry-pesel-length = { $n ->
    [one] { $n } digit
   *[other] { $n } digits
    } instead of 11
kiosk-entry-pesel-twelfth-digit = a PESEL has 11 digits — the 12th was not taken
kiosk-entry-points = { $n ->
    [one] { $n } pt
   *[other] { $n } pts
    }
kiosk-entry-project-repeated = project repeated
kiosk-entry-review-title = {" "}Review before saving{" "}
kiosk-entry-same-pesel = ! This PESEL is already on card { $card } ({ $operator }, { $at }). It can be saved — it will be flagged.
kiosk-entry-saved = Saved card { $card } ({ $verdict }) — { $summary }
kiosk-entry-valid-card = VALID CARD — Enter saves, Esc goes back to correct.
kiosk-entry-voting-card = {" "}Voting card{" "}
kiosk-entry-waiting = Enter = { $typed } · { $range } type on
kiosk-entry-write-on-the-card = Write on the card:
kiosk-entry-wrong-check-digit = wrong check digit
kiosk-entry-y = y
kiosk-entry-y-yes-n-no = y — yes, n — no
kiosk-entry-yes-or-no-only = only y (yes) or n (no)

kiosk-field-address = Address
kiosk-field-citywide = City
kiosk-field-district = District
kiosk-field-first-name = First name
kiosk-field-local = Local
kiosk-field-signature = Signature
kiosk-field-surname = Surname

kiosk-not-saved = NOT SAVED: { $error }

kiosk-verify-compared = ✓ Compared { $fields }: the card matches the paper.
kiosk-verify-compared-wrong = ! Compared { $fields }; the first keying was wrong in: { $wrong } — storing amends it.
kiosk-verify-done = Verified card { $number }: { $fields }, as on the paper. Next card: type its number.
kiosk-verify-done-amended = Verified card { $number }: { $fields }, first keying wrong in { $errors } — the card is amended (verification).
kiosk-verify-empty = (empty)
kiosk-verify-how = Take a paper card another operator keyed and type its number (written on the card):
kiosk-verify-mismatch = MISMATCH in { $field }: first keying { $first } · yours { $mine }
kiosk-verify-no-offer = No card of the sample is waiting — any card can be verified.
kiosk-verify-number = Number:
kiosk-verify-number-title = {" "}Verifying a card someone else keyed{" "}
kiosk-verify-offer = From the sample: card { $number } (keyed by { $keyer }); { $waiting ->
    [one] { $waiting } card
   *[other] { $waiting } cards
    } waiting in the sample.
kiosk-verify-retype = Type that field again from the paper.
kiosk-verify-review-keys = Enter — store the verification.  Esc — stop (stores nothing).
kiosk-verify-stopped = Verification stopped — nothing was stored.
kiosk-verify-then = Then you key the whole card again, blind: the first keying is not shown. Each field is compared when you leave it; on a mismatch you say from the paper what the card shows.
kiosk-verify-title = Verifying card { $number } — key it from the paper (keyed by { $keyer })
kiosk-verify-which = What does the paper card show?  1 — the first (retype yours)  2 — yours
kiosk-verify-yours-taken = Your value is taken — the card is amended when stored.
