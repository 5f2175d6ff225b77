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

# Pabulib .pb files (`urna edition import-pabulib`).
error-pabulib-unreadable-line = не вдається прочитати рядок: { $error }
error-pabulib-meta-first = спочатку має бути розділ META
error-pabulib-no-project-id = проєкт без project_id
error-pabulib-bad-project-id = project_id { $id } { $why }
error-pabulib-project-id-twice = project_id "{ $id }" трапляється двічі (уперше в рядку { $first }); номери у файлі не повторюються
error-pabulib-no-cost = проєкт { $id }: бракує стовпця `cost`
error-pabulib-cost-not-amount = проєкт { $id }: вартість "{ $cost }" — не сума (злоті, щонайбільше два знаки після коми)
error-pabulib-no-meta = бракує розділу META: це не файл Pabulib
error-pabulib-no-projects = бракує розділу PROJECTS або в ньому немає проєктів
error-pabulib-meta-missing = у META бракує `{ $key }`
error-pabulib-meta-not-number = META `{ $key }` "{ $value }" — не число
error-pabulib-max-length = META `max_length` { $length }: картка має від 1 до { $max } виборів
error-pabulib-min-over-max = META `min_length` { $min } більше за `max_length` { $max }
error-pabulib-end-before-begin = META `date_end` { $end } раніше за `date_begin` { $begin }
error-pabulib-meta-not-date = META `{ $key }` "{ $value }" — не дата (ДД.ММ.РРРР)
error-pabulib-meta-not-amount = META `{ $key }` "{ $value }" — не сума (злоті, щонайбільше два знаки після коми)
error-pabulib-no-citywide = бракує загальноміського файлу: кожен файл вказує в META district або subunit
error-pabulib-many-citywide = більше ніж один загальноміський файл: { $files }
error-pabulib-not-krakow-district = «{ $name }» — не жоден із 18 районів Кракова
error-pabulib-same-district = два файли для того самого району: { $first } і { $second }
