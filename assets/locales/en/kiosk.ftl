# The kiosk: login and lock, the header, questions, the office sender's words, the damaged store, the first setup.

kiosk-card-back = The unsaved card is back — carry on (F2 again: a new card).
kiosk-card-back-at-login = Your unsaved card is back — carry on typing.

kiosk-damaged-data-directory = Data directory
kiosk-damaged-explained = This point's data was changed outside urna or is broken. The kiosk will not save any card.
kiosk-damaged-export-command = {"      "}urna export --investigation --out /media/… --as NAME
kiosk-damaged-header = urna · STORE DAMAGED — the kiosk is locked
kiosk-damaged-quit = {" "}quit
kiosk-damaged-step-call = {" "}2. Call the office and read it the list below. The paper cards stay sealed in the urn.
kiosk-damaged-step-export = {" "}3. If the office asks, a coordinator makes an export for investigation (not for counting) in a terminal:
kiosk-damaged-step-leave = {" "}1. Leave the laptop as it is: do not delete files, do not reinstall urna, do not enter cards elsewhere.
kiosk-damaged-title = {" "}Store damaged{" "}
kiosk-damaged-what-to-do = What to do:
kiosk-damaged-what-was-found = What was found:

kiosk-day-coordinator-only = Only a coordinator sets the day and stop.
kiosk-day-not-set = The voting day is not set yet — a coordinator sets it with F10.
kiosk-day-question = Voting day whose urn you are entering (YYYY-MM-DD):
kiosk-day-question-new-point = A new point: the voting day whose urn you enter (YYYY-MM-DD; voting { $window }):

kiosk-drop-amendment = Drop this amendment? The saved card stays as it is. y — yes, n — no

kiosk-export-coordinator-only = Only a coordinator closes the day and exports.

kiosk-lock-asked = Locked (Ctrl-L). Only { $name } can unlock it — type the PIN.
kiosk-lock-card-kept = Any unsaved card is kept underneath.
kiosk-lock-idle = Locked after inactivity. Only { $name } can unlock it — type the PIN.
kiosk-lock-title = {" "}Screen locked{" "}

kiosk-login-card-kept = { $name }'s unsaved card is kept — it comes back at login.
kiosk-login-how = Choose yourself (↑/↓), type your PIN and press Enter.
kiosk-login-locked = Too many wrong PINs: operator locked until { $until }.
kiosk-login-title = {" "}Log in{" "}
kiosk-login-training = TRAINING KIOSK — cards are marked as training. Demo operators:
kiosk-login-wrong-pin = Wrong PIN. Attempts left: { $left }.

kiosk-prompt-amended = Amended card { $card } ({ $valid ->
        [yes] valid
       *[no] invalid
    }).
kiosk-prompt-amendment-dropped = Amendment dropped.
kiosk-prompt-ask-coordinator = Ask a coordinator to set the voting day (F10) before entering cards.
kiosk-prompt-cancelled = Cancelled.
kiosk-prompt-card-thrown-away = Card thrown away — a new card.
kiosk-prompt-day-outside = ! { $day } is outside the voting window ({ $window }): cards of that day will be INVALID (outside the window). Is it really that day? y — yes, n — no
kiosk-prompt-day-set = Cards are entered under { $day }.
kiosk-prompt-day-set-outside = Cards are entered under { $day } (outside the voting window).
kiosk-prompt-give-a-reason = Give a reason.
kiosk-prompt-not-a-yyyy-mm-dd-date = Not a YYYY-MM-DD date.
kiosk-prompt-question = {" "}Question{" "}
kiosk-prompt-stop-question = Mobile point's stop:
kiosk-prompt-stop-set = Stop: { $stop }.
kiosk-prompt-the-card-stays = The card stays.
kiosk-prompt-type-the-stop = Type the stop.
kiosk-prompt-voided = Voided card { $card }.

kiosk-setup-bad-office-key = Not the office's age key (age1…, 62 characters). Without a key type "none".
kiosk-setup-bad-pin = A PIN is 4–12 digits.
kiosk-setup-bad-point-id = Point id: letters, digits, '-' and '_' (up to 32).
kiosk-setup-coordinator = Coordinator
kiosk-setup-edition-file = Edition file
kiosk-setup-footer = Enter next · Shift-Tab back · Esc quit without saving
kiosk-setup-header = urna · first start
kiosk-setup-how = A new point: fill in the fields; Enter on the last one saves.
kiosk-setup-mobile = Mobile point (y/n)
kiosk-setup-n-no = n — no
kiosk-setup-no-coordinator = Give the coordinator's name.
kiosk-setup-no-office-key = Type the office's age key (age1…) or the word "none" if the office has not given one yet — then no export is possible until a coordinator sets it.
kiosk-setup-no-office-key-warning = ! No office key: cards can be entered, but no export is possible until a coordinator runs: urna central set age1… --as NAME
kiosk-setup-no-point-name = Give the point's name.
kiosk-setup-office-key = Office age key/none
kiosk-setup-pin-again = PIN again
kiosk-setup-pins-differ = The PINs differ.
kiosk-setup-point-id = Point id
kiosk-setup-point-name = Point name
kiosk-setup-title = {" "}Point setup{" "}
kiosk-setup-y-yes = y — yes

kiosk-stop = stop:

kiosk-sync-not-sent = office: not sent yet
kiosk-sync-refused = office: refused — call the office
kiosk-sync-refused-short = office: refused
kiosk-sync-sent = office: sent { $at } · { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
    }
kiosk-sync-sent-short = office: { $at }
kiosk-sync-waiting = office: no connection — will send later
kiosk-sync-waiting-short = office: later

kiosk-throw-card-away = Throw away the unsaved card and start a new one? y — yes, n — no

kiosk-training = TRAINING
