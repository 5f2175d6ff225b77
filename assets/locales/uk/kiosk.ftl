# The kiosk: login and lock, the header, questions, the office sender's words, the damaged store, the first setup.

kiosk-card-back = Незбережена картка повернулася — пишіть далі (F2 ще раз: нова картка).
kiosk-card-back-at-login = Ваша незбережена картка повернулася — пишіть далі.

kiosk-damaged-data-directory = Каталог даних
kiosk-damaged-explained = Дані цього пункту змінено поза програмою urna, або вони зіпсовані. Кіоск не збереже жодної картки.
kiosk-damaged-export-command = {"      "}urna export --investigation --out /media/… --as ІМ’Я
kiosk-damaged-header = urna · СХОВИЩЕ ПОШКОДЖЕНЕ — кіоск заблоковано
kiosk-damaged-quit = {" "}завершити
kiosk-damaged-step-call = {" "}2. Зателефонуйте до бюро й прочитайте список нижче. Паперові картки залишаються запечатаними в урні.
kiosk-damaged-step-export = {" "}3. Якщо бюро попросить, координатор робить у терміналі експорт для з’ясування (не для підрахунку):
kiosk-damaged-step-leave = {" "}1. Залиште ноутбук як є: не видаляйте файлів, не встановлюйте urna заново, не вносьте картки деінде.
kiosk-damaged-title = {" "}Сховище пошкоджене{" "}
kiosk-damaged-what-to-do = Що робити:
kiosk-damaged-what-was-found = Що знайдено:

kiosk-day-coordinator-only = День і зупинку встановлює координатор.
kiosk-day-not-set = День голосування ще не встановлено — координатор встановлює його клавішею F10.
kiosk-day-question = День голосування, урну якого ви вносите (РРРР-ММ-ДД):
kiosk-day-question-new-point = Новий пункт: день голосування, урну якого ви вносите (РРРР-ММ-ДД; голосування { $window }):

kiosk-drop-amendment = Покинути виправлення цієї картки? Збережена картка залишиться без змін. t — так, n — ні

kiosk-export-coordinator-only = День закриває й експортує координатор.

kiosk-lock-asked = Заблоковано (Ctrl-L). Розблокувати може лише { $name } — введіть PIN.
kiosk-lock-card-kept = Незбережена картка залишається на місці.
kiosk-lock-idle = Заблоковано через бездіяльність. Розблокувати може лише { $name } — введіть PIN.
kiosk-lock-title = {" "}Екран заблоковано{" "}

kiosk-login-card-kept = { $name }: незбережена картка чекає — повернеться після входу.
kiosk-login-how = Виберіть себе (↑/↓), введіть PIN і натисніть Enter.
kiosk-login-locked = Забагато неправильних PIN-ів: оператора заблоковано до { $until }.
kiosk-login-title = {" "}Вхід{" "}
kiosk-login-training = НАВЧАЛЬНИЙ КІОСК — картки позначено як навчальні. Демо-оператори:
kiosk-login-wrong-pin = Неправильний PIN. Залишилося спроб: { $left }.

kiosk-prompt-amended = Виправлено картку { $card } ({ $valid ->
        [yes] дійсна
       *[no] недійсна
    }).
kiosk-prompt-amendment-dropped = Виправлення покинуто.
kiosk-prompt-ask-coordinator = Попросіть координатора встановити день голосування (F10), перш ніж вносити картки.
kiosk-prompt-cancelled = Скасовано.
kiosk-prompt-card-thrown-away = Картку викинуто — нова картка.
kiosk-prompt-day-outside = ! День { $day } поза терміном голосування ({ $window }): картки з цього дня будуть НЕДІЙСНИМИ (поза терміном). Це точно той день? t — так, n — ні
kiosk-prompt-day-set = Картки вносяться за день { $day }.
kiosk-prompt-day-set-outside = Картки вносяться за день { $day } (поза терміном голосування).
kiosk-prompt-give-a-reason = Вкажіть причину.
kiosk-prompt-not-a-yyyy-mm-dd-date = Це не дата РРРР-ММ-ДД.
kiosk-prompt-question = {" "}Питання{" "}
kiosk-prompt-stop-question = Місце зупинки мобільного пункту:
kiosk-prompt-stop-set = Зупинка: { $stop }.
kiosk-prompt-the-card-stays = Картка залишається.
kiosk-prompt-type-the-stop = Введіть місце зупинки.
kiosk-prompt-voided = Анульовано картку { $card }.

kiosk-setup-bad-office-key = Це не ключ age бюро (age1…, 62 знаки). Без ключа введіть «немає».
kiosk-setup-bad-pin = PIN — це 4–12 цифр.
kiosk-setup-bad-point-id = Ідентифікатор пункту: літери, цифри, «-» і «_» (до 32 знаків).
kiosk-setup-coordinator = Координатор
kiosk-setup-edition-file = Файл редакції
kiosk-setup-footer = Enter далі · Shift-Tab назад · Esc вийти без збереження
kiosk-setup-header = urna · перший запуск
kiosk-setup-how = Новий пункт: заповніть поля; Enter на останньому зберігає.
kiosk-setup-mobile = Мобільний пункт (t/n)
kiosk-setup-n-no = n — ні
kiosk-setup-no-coordinator = Вкажіть ім’я координатора.
kiosk-setup-no-office-key = Введіть ключ age бюро (age1…) або слово «немає», якщо бюро ще його не дало — тоді експорт буде неможливий, доки координатор його не встановить.
kiosk-setup-no-office-key-warning = ! Без ключа бюро: картки можна вносити, але експорт буде неможливий, доки координатор не введе: urna central set age1… --as ІМ’Я
kiosk-setup-no-point-name = Вкажіть назву пункту.
kiosk-setup-office-key = Ключ age бюро/немає
kiosk-setup-pin-again = PIN ще раз
kiosk-setup-pins-differ = PIN-и різняться.
kiosk-setup-point-id = Id пункту
kiosk-setup-point-name = Назва пункту
kiosk-setup-title = {" "}Налаштування пункту{" "}
kiosk-setup-y-yes = t — так

kiosk-stop = зупинка:

kiosk-sync-not-sent = бюро: ще не надіслано
kiosk-sync-refused = бюро: відмова — зателефонуйте до бюро
kiosk-sync-refused-short = бюро: відмова
kiosk-sync-sent = бюро: надіслано { $at } · { $cards ->
    [one] { $cards } картка
    [few] { $cards } картки
   *[many] { $cards } карток
    }
kiosk-sync-sent-short = бюро: { $at }
kiosk-sync-waiting = бюро: немає з’єднання — надішлю пізніше
kiosk-sync-waiting-short = бюро: пізніше

kiosk-throw-card-away = Викинути незбережену картку й почати нову? t — так, n — ні

kiosk-training = НАВЧАННЯ
