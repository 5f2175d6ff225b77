# What is wrong in an edition file (`urna edition check`, `urna init`),
# said after its file, line and column.

error-edition-not-utf8 = файл не є текстом UTF-8 (збережіть його як UTF-8)
error-edition-id-empty = порожній
error-edition-id-bar = містить `|`, який у CSV-файлі карток розділяє номери проєктів: жодна картка не могла б його вказати
error-edition-id-control = містить керівний символ: жодна картка не могла б його вказати
error-edition-id-blank = містить пробіл: графа кіоску його не прийме, а CSV-файл карток обрізає пробіли
error-edition-id-too-long = має { $length ->
        [one] { $length } символ
        [few] { $length } символи
       *[many] { $length } символів
    }: графа картки вміщує щонайбільше { $max }
error-edition-whose-citywide = загальноміський список
error-edition-whose-district = район { $roman } { $name }
error-edition-field-project-id = номер проєкту
error-edition-field-project-title = назва проєкту
error-edition-field-edition-id = id випуску
error-edition-field-edition-name = назва випуску
error-edition-field-district-name = назва району
error-edition-empty = { $field }: порожнє поле
error-edition-not-a-date = `{ $field }` — не справжня дата
error-edition-date-with-time = `{ $field }` має бути датою на зразок 2014-09-27, без часу
error-edition-no-picks = бракує поля `local_picks`/`citywide_picks` (або `picks`) у [ballot]
error-edition-picks = { $picks } — неприпустима кількість виборів: картка має від 1 до { $max } виборів
error-edition-unknown-tie-key = невідомий ключ tie_break "{ $key }": ключі — це { $keys }
error-edition-tie-key-twice = tie_break називає "{ $key }" двічі
error-edition-tie-keys-twice = tie_break називає якийсь ключ двічі
error-edition-no-projects = { $list }: немає проєктів
error-edition-bad-project-id = номер проєкту { $id } ({ $list }) { $why }
error-edition-duplicate-project-id = номер проєкту "{ $id }" повторюється ({ $list })
error-edition-end-before-start = voting_end { $end } раніше за voting_start { $start }
error-edition-min-age = min_age — неможливий вік
error-edition-unknown-district = невідомий номер району { $number }: райони мають номери від 1 (I) до { $max } ({ $roman })
error-edition-district-twice = номер району { $number } ({ $roman }) трапляється двічі
error-edition-no-districts = картка вимагає місцевої частини, а випуск не має жодного [[district]]
error-edition-not-krakow-district = невідомий номер району { $number }: райони Кракова — I–XVIII (1–18)
error-edition-krakow-district-name = район { $roman } Кракова — це «{ $official }», а не «{ $name }»
