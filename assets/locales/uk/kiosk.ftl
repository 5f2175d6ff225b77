# The kiosk: login and lock, the header, questions, the office sender's words, the damaged store, the first setup.

kiosk-damaged-urna-store-damaged-the-kiosk-is = urna · СХОВИЩЕ ПОШКОДЖЕНЕ — кіоск заблоковано
kiosk-damaged-store-damaged = {" "}Сховище пошкоджене{" "}
kiosk-damaged-this-point-s-data-was-changed = Дані цього пункту змінено поза урною, або вони зіпсовані. Кіоск не збереже жодної картки.
kiosk-damaged-what-to-do = Що робити:
kiosk-damaged-1-leave-the-laptop-as-it = {" "}1. Залиште ноутбук як є: не видаляйте файлів, не встановлюйте urna заново, не вносьте картки деінде.
kiosk-damaged-2-call-the-office-and-read = {" "}2. Зателефонуйте до бюро й прочитайте список нижче. Паперові картки залишаються запечатаними в урні.
kiosk-damaged-3-if-the-office-asks-a = {" "}3. Якщо бюро попросить, координатор робить у терміналі експорт для з'ясування (не для підрахунку):
kiosk-damaged-urna-export-investigation-out-media-as = {"      "}urna export --investigation --out /media/… --as ІМ'Я
kiosk-damaged-data-directory = Каталог даних
kiosk-damaged-what-was-found = Що знайдено:
kiosk-damaged-quit = {" "}завершити
kiosk-login-log-in = {" "}Вхід{" "}
kiosk-login-choose-yourself-type-your-pin-and = Виберіть себе (↑/↓), введіть PIN і натисніть Enter.
kiosk-login-training-kiosk-cards-are-marked-as = НАВЧАЛЬНИЙ КІОСК — картки позначено як навчальні. Демо-оператори:
kiosk-login-screen-locked = {" "}Екран заблоковано{" "}
kiosk-login-any-unsaved-card-is-kept-underneath = Незбережена картка залишається на місці.
kiosk-your-unsaved-card-is-back-carry = Ваша незбережена картка повернулася — пишіть далі.
kiosk-the-voting-day-is-not-set = День голосування ще не встановлено — координатор встановлює його клавішею F10.
kiosk-drop-this-amendment-the-saved-card = Покинути виправлення цієї картки? Збережена картка залишиться без змін. t — так, n — ні
kiosk-throw-away-the-unsaved-card-and = Викинути незбережену картку й почати нову? t — так, n — ні
kiosk-only-a-coordinator-closes-the-day = День закриває й експортує координатор.
kiosk-only-a-coordinator-sets-the-day = День і зупинку встановлює координатор.
kiosk-voting-day-whose-urn-you-are = День голосування, урну якого ви вносите (РРРР-ММ-ДД):
kiosk-prompt-cancelled = Скасовано.
kiosk-prompt-not-a-yyyy-mm-dd-date = Це не дата РРРР-ММ-ДД.
kiosk-prompt-type-the-stop = Введіть місце зупинки.
kiosk-prompt-give-a-reason = Вкажіть причину.
kiosk-prompt-mobile-point-s-stop = Місце зупинки мобільного пункту:
kiosk-prompt-card-thrown-away-a-new-card = Картку викинуто — нова картка.
kiosk-prompt-amendment-dropped = Виправлення покинуто.
kiosk-prompt-the-card-stays = Картка залишається.
kiosk-prompt-ask-a-coordinator-to-set-the = Попросіть координатора встановити день голосування (F10), перш ніж вносити картки.
kiosk-prompt-question = {" "}Питання{" "}
kiosk-training = НАВЧАННЯ
kiosk-stop = зупинка:
kiosk-sync-refused = бюро: відмова — зателефонуйте до бюро
kiosk-sync-sent = бюро: надіслано { $at } · { $cards ->
    [one] { $cards } картка
    [few] { $cards } картки
   *[many] { $cards } карток
    }
kiosk-setup-urna-first-start = urna · перший запуск
kiosk-setup-point-setup = {" "}Налаштування пункту{" "}
kiosk-setup-a-new-point-fill-in-the = Новий пункт: заповніть поля; Enter на останньому зберігає.
kiosk-setup-y-yes = t — так
kiosk-setup-n-no = n — ні
kiosk-setup-no-office-key-cards-can-be = ! Без ключа бюро: картки можна вносити, але експорт буде неможливий, доки координатор не введе: urna central set age1… --as ІМ'Я
kiosk-setup-enter-next-shift-tab-back-esc = Enter далі · Shift-Tab назад · Esc вийти без збереження
kiosk-the-unsaved-card-is-back-carry = Незбережена картка повернулася — пишіть далі (F2 ще раз: нова картка).
kiosk-setup-bad-point-id = Ідентифікатор пункту: літери, цифри, «-» і «_» (до 32 знаків).
kiosk-setup-no-point-name = Вкажіть назву пункту.
kiosk-setup-no-office-key = Введіть ключ age бюро (age1…) або слово «brak», якщо бюро ще його не дало — тоді експорт буде неможливий, доки координатор його не встановить.
kiosk-setup-bad-office-key = Це не ключ age бюро (age1…, 62 знаки). Без ключа введіть «brak».
kiosk-setup-no-coordinator = Вкажіть ім'я координатора.
kiosk-setup-bad-pin = PIN — це 4–12 цифр.
kiosk-setup-pins-differ = PIN-и різняться.
kiosk-login-card-kept = { $name }: незбережена картка чекає — повернеться після входу.
kiosk-login-wrong-pin = Неправильний PIN. Залишилося спроб: { $left }.
kiosk-login-locked = Забагато неправильних PIN-ів: оператора заблоковано до { $until }.
kiosk-login-locked-idle = Заблоковано через бездіяльність. Розблокувати може лише { $name } — введіть PIN.
kiosk-login-locked-asked = Заблоковано (Ctrl-L). Розблокувати може лише { $name } — введіть PIN.
kiosk-new-point-day = Новий пункт: день голосування, урну якого ви вносите (РРРР-ММ-ДД; голосування { $window }):
kiosk-prompt-stop-set = Зупинка: { $stop }.
kiosk-prompt-voided = Анульовано картку { $card }.
kiosk-prompt-amended = Виправлено картку { $card } ({ $valid ->
        [yes] дійсна
       *[no] недійсна
    }).
kiosk-prompt-day-set = Картки вносяться під днем { $day }.
kiosk-prompt-day-set-outside = Картки вносяться під днем { $day } (поза терміном голосування).
kiosk-prompt-day-outside = ! День { $day } поза терміном голосування ({ $window }): картки з цього дня будуть НЕДІЙСНИМИ (поза терміном). Це точно той день? t — так, n — ні
kiosk-sync-refused-short = бюро: відмова
kiosk-sync-waiting = бюро: немає з'єднання — надішлю пізніше
kiosk-sync-waiting-short = бюро: пізніше
kiosk-sync-sent-short = бюро: { $at }
kiosk-sync-not-sent = бюро: ще не надіслано
kiosk-setup-edition-file = Файл едиції
kiosk-setup-point-id = Id пункту
kiosk-setup-point-name = Назва пункту
kiosk-setup-mobile = Мобільний пункт (t/n)
kiosk-setup-office-key = Ключ age бюро/brak
kiosk-setup-coordinator = Координатор
kiosk-setup-pin-again = PIN ще раз
