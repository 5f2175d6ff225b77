# The kiosk's other screens: today's cards (F3), the summary (F4), the projects (F9), help (F1), close the day and export (F12).

kiosk-cards-amended = {" "}· виправлена
kiosk-cards-amended-by = Виправив(ла): { $operator } · { $at } · причина: { $reason }
kiosk-cards-card = Картка { $card }
kiosk-cards-coordinator-only = Виправляти й анулювати картки може лише координатор.
kiosk-cards-district-word = район
kiosk-cards-entered-by = Вніс(ла): { $operator } · о { $at }
kiosk-cards-invalid-because = НЕДІЙСНА: { $reasons }
kiosk-cards-no = ні
kiosk-cards-no-cards = Карток немає.
kiosk-cards-repeated-pesel = {" "}· ! повторний PESEL
kiosk-cards-search = Пошук (PESEL або прізвище):
kiosk-cards-status = Стан: { $status }
kiosk-cards-stop = Зупинка: { $stop }
kiosk-cards-the-card-before-it-was-voided = Картка до анулювання:
kiosk-cards-the-card-is-already-voided = Картку вже анульовано.
kiosk-cards-the-card-is-voided = Картку анульовано.
kiosk-cards-title = Картки за { $day } ({ $n })
kiosk-cards-valid = дійсна
kiosk-cards-void-reason = Причина анулювання (залишається в журналі, картка не зникає):
kiosk-cards-voided = АНУЛЬОВАНА
kiosk-cards-voided-by = Анулював(ла): { $operator } · { $at } · причина: { $reason }
kiosk-cards-yes = так

kiosk-export-another-path = інший шлях:
kiosk-export-bundle-explained = Пакет містить увесь журнал (зашифрований для бюро) і підписаний ключем кіоску.
kiosk-export-choose-drive = Виберіть диск або введіть шлях.
kiosk-export-failed = Експорт не вдався, нічого не записано
kiosk-export-files-written-to = Файли записано в
kiosk-export-no-drive = {"  "}(не видно підключеної флешки в /media чи /run/media)
kiosk-export-no-such-directory = немає такого каталогу
kiosk-export-pgup-pgdn-scroll = ↑/↓ PgUp/PgDn прокрутити ·
kiosk-export-protocol-failed = Пакет записано, протокол — ні
kiosk-export-title = {" "}Закриття дня й експорт на флешку{" "}
kiosk-export-where = Куди записати (↑/↓, Enter):

kiosk-help-always = Завжди
kiosk-help-backspace = {"  "}Backspace зупиняється на початку поля.
kiosk-help-moves-on = {"  "}PESEL, підпис і номери, які вже не можуть вирости, переходять далі самі.
kiosk-help-this-screen = На цьому екрані
kiosk-help-title = {" "}Довідка — будь-яка клавіша закриває{" "}
kiosk-help-waiting-number = {"  "}«1…»: номер чекає — Enter бере 1, наступна цифра дає 10–15.

kiosk-views-by-operator = За оператором:
kiosk-views-by-stop = За зупинкою:
kiosk-views-city-wide-projects = Загальноміські проєкти
kiosk-views-counts = дійсні: { $valid }   недійсні: { $invalid }   анульовані: { $voided }
kiosk-views-counts-more = виправлені: { $amended }   з повторним PESEL: { $flagged }
kiosk-views-district = Район { $number } { $name } ({ $projects })
kiosk-views-entered = Внесено: { $cards ->
    [one] { $cards } картка
    [few] { $cards } картки
   *[many] { $cards } карток
    }
kiosk-views-head-amended = випр
kiosk-views-head-cards = карт.
kiosk-views-head-keyer-errors = п.вв
kiosk-views-head-keys = клав/к
kiosk-views-head-per-100 = /100пол
kiosk-views-head-per-hour = /год
kiosk-views-head-verified = перев
kiosk-views-head-verifier-errors = п.пер
kiosk-views-heads-note = випр — виправлення його карток · перев — картки, які він(вона) перевірив(ла)
kiosk-views-heads-note-errors = п.вв/п.пер — помилки при введенні/перевірці · /100пол — п.вв на 100 полів
kiosk-views-invalid-by-reason = Недійсні за причиною:
kiosk-views-nothing-matches = нічого не підходить
kiosk-views-operators = Оператори від створення пункту:
kiosk-views-projects = Проєкти — { $edition }
kiosk-views-samples = (ПРИКЛАДИ)
kiosk-views-search = Пошук (номер або слова назви):
kiosk-views-summary-title = Підсумок дня { $day }
