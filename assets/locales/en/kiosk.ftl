# The kiosk: login and lock, the header, questions, the office sender's words, the damaged store, the first setup.

kiosk-damaged-urna-store-damaged-the-kiosk-is = urna · STORE DAMAGED — the kiosk is locked
kiosk-damaged-store-damaged = {" "}Store damaged{" "}
kiosk-damaged-this-point-s-data-was-changed = This point's data was changed outside urna or is broken. The kiosk will not save any card.
kiosk-damaged-what-to-do = What to do:
kiosk-damaged-1-leave-the-laptop-as-it = {" "}1. Leave the laptop as it is: do not delete files, do not reinstall urna, do not enter cards elsewhere.
kiosk-damaged-2-call-the-office-and-read = {" "}2. Call the office and read it the list below. The paper cards stay sealed in the urn.
kiosk-damaged-3-if-the-office-asks-a = {" "}3. If the office asks, a coordinator makes an export for investigation (not for counting) in a terminal:
kiosk-damaged-urna-export-investigation-out-media-as = {"      "}urna export --investigation --out /media/… --as NAME
kiosk-damaged-data-directory = Data directory
kiosk-damaged-what-was-found = What was found:
kiosk-damaged-quit = {" "}quit
kiosk-login-log-in = {" "}Log in{" "}
kiosk-login-choose-yourself-type-your-pin-and = Choose yourself (↑/↓), type your PIN and press Enter.
kiosk-login-training-kiosk-cards-are-marked-as = TRAINING KIOSK — cards are marked as training. Demo operators:
kiosk-login-screen-locked = {" "}Screen locked{" "}
kiosk-login-any-unsaved-card-is-kept-underneath = Any unsaved card is kept underneath.
kiosk-your-unsaved-card-is-back-carry = Your unsaved card is back — carry on typing.
kiosk-the-voting-day-is-not-set = The voting day is not set yet — a coordinator sets it with F10.
kiosk-drop-this-amendment-the-saved-card = Drop this amendment? The saved card stays as it is. y — yes, n — no
kiosk-throw-away-the-unsaved-card-and = Throw away the unsaved card and start a new one? y — yes, n — no
kiosk-only-a-coordinator-closes-the-day = Only a coordinator closes the day and exports.
kiosk-only-a-coordinator-sets-the-day = Only a coordinator sets the day and stop.
kiosk-voting-day-whose-urn-you-are = Voting day whose urn you are entering (YYYY-MM-DD):
kiosk-prompt-cancelled = Cancelled.
kiosk-prompt-not-a-yyyy-mm-dd-date = Not a YYYY-MM-DD date.
kiosk-prompt-type-the-stop = Type the stop.
kiosk-prompt-give-a-reason = Give a reason.
kiosk-prompt-mobile-point-s-stop = Mobile point's stop:
kiosk-prompt-card-thrown-away-a-new-card = Card thrown away — a new card.
kiosk-prompt-amendment-dropped = Amendment dropped.
kiosk-prompt-the-card-stays = The card stays.
kiosk-prompt-ask-a-coordinator-to-set-the = Ask a coordinator to set the voting day (F10) before entering cards.
kiosk-prompt-question = {" "}Question{" "}
kiosk-training = TRAINING
kiosk-stop = stop:
kiosk-sync-refused = office: refused — call the office
kiosk-sync-sent = office: sent { $at } · { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
    }
kiosk-setup-urna-first-start = urna · first start
kiosk-setup-point-setup = {" "}Point setup{" "}
kiosk-setup-a-new-point-fill-in-the = A new point: fill in the fields; Enter on the last one saves.
kiosk-setup-y-yes = y — yes
kiosk-setup-n-no = n — no
kiosk-setup-no-office-key-cards-can-be = ! No office key: cards can be entered, but no export is possible until a coordinator runs: urna central set age1… --as NAME
kiosk-setup-enter-next-shift-tab-back-esc = Enter next · Shift-Tab back · Esc quit without saving
kiosk-the-unsaved-card-is-back-carry = The unsaved card is back — carry on (F2 again: a new card).
kiosk-setup-bad-point-id = Point id: letters, digits, '-' and '_' (up to 32).
kiosk-setup-no-point-name = Give the point's name.
kiosk-setup-no-office-key = Type the office's age key (age1…) or the word "none" if the office has not given one yet — then no export is possible until a coordinator sets it.
kiosk-setup-bad-office-key = Not the office's age key (age1…, 62 characters). Without a key type "none".
kiosk-setup-no-coordinator = Give the coordinator's name.
kiosk-setup-bad-pin = A PIN is 4–12 digits.
kiosk-setup-pins-differ = The PINs differ.
kiosk-login-card-kept = { $name }'s unsaved card is kept — it comes back at login.
kiosk-login-wrong-pin = Wrong PIN. Attempts left: { $left }.
kiosk-login-locked = Too many wrong PINs: operator locked until { $until }.
kiosk-login-locked-idle = Locked after inactivity. Only { $name } can unlock it — type the PIN.
kiosk-login-locked-asked = Locked (Ctrl-L). Only { $name } can unlock it — type the PIN.
kiosk-new-point-day = A new point: the voting day whose urn you enter (YYYY-MM-DD; voting { $window }):
kiosk-prompt-stop-set = Stop: { $stop }.
kiosk-prompt-voided = Voided card { $card }.
kiosk-prompt-amended = Amended card { $card } ({ $valid ->
        [yes] valid
       *[no] invalid
    }).
kiosk-prompt-day-set = Cards are entered under { $day }.
kiosk-prompt-day-set-outside = Cards are entered under { $day } (outside the voting window).
kiosk-prompt-day-outside = ! { $day } is outside the voting window ({ $window }): cards of that day will be INVALID (outside the window). Is it really that day? y — yes, n — no
kiosk-sync-refused-short = office: refused
kiosk-sync-waiting = office: no connection — will send later
kiosk-sync-waiting-short = office: later
kiosk-sync-sent-short = office: { $at }
kiosk-sync-not-sent = office: not sent yet
kiosk-setup-edition-file = Edition file
kiosk-setup-point-id = Point id
kiosk-setup-point-name = Point name
kiosk-setup-mobile = Mobile point (y/n)
kiosk-setup-office-key = Office age key/none
kiosk-setup-coordinator = Coordinator
kiosk-setup-pin-again = PIN again
