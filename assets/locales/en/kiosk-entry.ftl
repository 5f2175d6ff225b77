# The kiosk's card screen: the rubrics, the notes beside them, the review, saving, and verification (Ctrl-R).

kiosk-entry-the-card-has-problems-a-typo = The card has problems: a typo → Esc; a card defect → F8 (save as invalid).
kiosk-entry-the-card-is-valid-enter-saves = The card is valid — Enter saves it.
kiosk-entry-reason-for-the-amendment-kept-in = Reason for the amendment (kept in the journal with the original):
kiosk-entry-flagged-repeated-pesel = {" "}· flagged: repeated PESEL
kiosk-entry-only-y-yes-or-n-no = only y (yes) or n (no)
kiosk-entry-a-pesel-has-11-digits-the = a PESEL has 11 digits — the 12th was not taken
kiosk-entry-digits-only = digits only
kiosk-entry-empty = empty
kiosk-entry-born = born { $born }, { $age }
kiosk-entry-no-not-signed = no — not signed
kiosk-entry-y-yes-n-no = y — yes, n — no
kiosk-entry-local-part-left-empty-optional-on = local part left empty — optional on this card
kiosk-entry-no-such-district = no such district
kiosk-entry-the-district-has-fewer-projects = (the district has fewer projects)
kiosk-entry-district-unknown-the-number-cannot-be = district unknown — the number cannot be checked
kiosk-entry-project-repeated = project repeated
kiosk-entry-no-such-project = no such project
kiosk-entry-y = y
kiosk-entry-voting-card = {" "}Voting card{" "}
kiosk-entry-write-on-the-card = Write on the card:
kiosk-entry-marked = marked: { $marks }
kiosk-entry-valid-card-enter-saves-esc-goes = VALID CARD — Enter saves, Esc goes back to correct.
kiosk-entry-invalid-card = INVALID CARD: { $reasons }
kiosk-entry-a-typo-esc-and-fix-it = A typo → Esc and fix it.  A defect of the paper card → F8: save as INVALID.
kiosk-verify-type-that-field-again-from-the = Type that field again from the paper.
kiosk-verify-your-value-is-taken-the-card = Your value is taken — the card is amended when stored.
kiosk-verify-verification-stopped-nothing-was-stored = Verification stopped — nothing was stored.
kiosk-verify-empty = (empty)
kiosk-verify-what-does-the-paper-card-show = What does the paper card show?  1 — the first (retype yours)  2 — yours
kiosk-verify-enter-store-the-verification-esc-stop = Enter — store the verification.  Esc — stop (stores nothing).
kiosk-verify-verifying-a-card-someone-else-keyed = {" "}Verifying a card someone else keyed{" "}
kiosk-verify-take-a-paper-card-another-operator = Take a paper card another operator keyed and type its number (written on the card):
kiosk-verify-number = Number:
kiosk-verify-then-you-key-the-whole-card = Then you key the whole card again, blind: the first keying is not shown. Each field is compared when you leave it; on a mismatch you say from the paper what the card shows.
kiosk-field-first-name = First name
kiosk-field-surname = Surname
kiosk-field-address = Address
kiosk-field-signature = Signature
kiosk-field-district = District
kiosk-field-local = Local
kiosk-field-citywide = City
kiosk-entry-saved = Saved card { $card } ({ $verdict }) — { $summary }
kiosk-not-saved = NOT SAVED: { $error }
kiosk-entry-born-under = born { $born }, { $age } — under { $min }
kiosk-entry-born-not-yet = born { $born } — not yet born
kiosk-entry-pesel-length = { $n ->
    [one] { $n } digit
   *[other] { $n } digits
    } instead of 11
kiosk-entry-no-such-birth-date = no such birth date
kiosk-entry-wrong-check-digit = wrong check digit
kiosk-entry-waiting = Enter = { $typed } · { $range } type on
kiosk-entry-points = { $n ->
    [one] { $n } pt
   *[other] { $n } pts
    }
kiosk-entry-amending = Amending card { $card }
kiosk-entry-review-title = {" "}Review before saving{" "}
kiosk-entry-same-pesel = ! This PESEL is already on card { $card } ({ $operator }, { $at }). It can be saved — it will be flagged.
kiosk-verify-mismatch = MISMATCH in { $field }: first keying { $first } · yours { $mine }
kiosk-verify-title = Verifying card { $number } — key it from the paper (keyed by { $keyer })
kiosk-verify-done = Verified card { $number }: { $fields }, as on the paper. Next card: type its number.
kiosk-verify-done-amended = Verified card { $number }: { $fields }, first keying wrong in { $errors } — the card is amended (verification).
kiosk-verify-compared = ✓ Compared { $fields }: the card matches the paper.
kiosk-verify-compared-wrong = ! Compared { $fields }; the first keying was wrong in: { $wrong } — storing amends it.
kiosk-verify-offer = From the sample: card { $number } (keyed by { $keyer }); { $waiting ->
    [one] { $waiting } card
   *[other] { $waiting } cards
    } waiting in the sample.
kiosk-verify-no-offer = No card of the sample is waiting — any card can be verified.
