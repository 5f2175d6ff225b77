# Words every part of urna uses: counted nouns, the reasons a card is
# invalid (long, and short for a list row), the roles, the languages.

count-card-acc = { $n ->
    [one] { $n } картку
    [few] { $n } картки
   *[many] { $n } карток
    }
count-card = { $n ->
    [one] { $n } картка
    [few] { $n } картки
   *[many] { $n } карток
    }
count-row = { $n ->
    [one] { $n } рядок
    [few] { $n } рядки
   *[many] { $n } рядків
    }
count-valid = { $n ->
    [one] { $n } дійсна
    [few] { $n } дійсні
   *[many] { $n } дійсних
    }
count-invalid = { $n ->
    [one] { $n } недійсна
    [few] { $n } недійсні
   *[many] { $n } недійсних
    }
count-vote = { $n ->
    [one] { $n } голос
    [few] { $n } голоси
   *[many] { $n } голосів
    }
count-ballot = { $n ->
    [one] { $n } бюлетень
    [few] { $n } бюлетені
   *[many] { $n } бюлетенів
    }
count-minute-acc = { $n ->
    [one] { $n } хвилину
    [few] { $n } хвилини
   *[many] { $n } хвилин
    }
count-byte = { $n ->
    [one] { $n } байт
    [few] { $n } байти
   *[many] { $n } байтів
    }
count-entry = { $n ->
    [one] { $n } запис
    [few] { $n } записи
   *[many] { $n } записів
    }
count-district = { $n ->
    [one] { $n } район
    [few] { $n } райони
   *[many] { $n } районів
    }
count-local-project = { $n ->
    [one] { $n } місцевий проєкт
    [few] { $n } місцеві проєкти
   *[many] { $n } місцевих проєктів
    }
count-citywide-project = { $n ->
    [one] { $n } загальноміський проєкт
    [few] { $n } загальноміські проєкти
   *[many] { $n } загальноміських проєктів
    }

count-field = { $n ->
    [one] { $n } поле
    [few] { $n } поля
   *[many] { $n } полів
    }
count-year = { $n ->
    [one] { $n } рік
    [few] { $n } роки
   *[many] { $n } років
    }
count-project = { $n ->
    [one] { $n } проєкт
    [few] { $n } проєкти
   *[many] { $n } проєктів
    }
count-vote-valid = { $n ->
    [one] { $n } дійсний
    [few] { $n } дійсні
   *[many] { $n } дійсних
    }
count-vote-invalid = { $n ->
    [one] { $n } недійсний
    [few] { $n } недійсні
   *[many] { $n } недійсних
    }
count-point = { $n ->
    [one] { $n } бал
    [few] { $n } бали
   *[many] { $n } балів
    }
count-polling-point-gen = { $n ->
    [one] { $n } пункту
    [few] { $n } пунктів
   *[many] { $n } пунктів
    }
count-sample = { $n ->
    [one] { $n } вибірка
    [few] { $n } вибірки
   *[many] { $n } вибірок
    }
count-field-of = { $n ->
    [one] { $n } поля
    [few] { $n } полів
   *[many] { $n } полів
    }
count-person = { $n ->
    [one] { $n } особа
    [few] { $n } особи
   *[many] { $n } осіб
    }
count-polling-point = { $n ->
    [one] { $n } пункт
    [few] { $n } пункти
   *[many] { $n } пунктів
    }
count-bundle = { $n ->
    [one] { $n } пакет
    [few] { $n } пакети
   *[many] { $n } пакетів
    }
count-paper-card = { $n ->
    [one] { $n } паперова картка
    [few] { $n } паперові картки
   *[many] { $n } паперових карток
    }
count-online-vote = { $n ->
    [one] { $n } інтернет-голос
    [few] { $n } інтернет-голоси
   *[many] { $n } інтернет-голосів
    }
reason-missing-first-name = немає імені
reason-missing-last-name = немає прізвища
reason-missing-address = немає адреси
reason-missing-pesel = немає номера PESEL
reason-pesel-invalid = неправильний PESEL
reason-underage = особа не досягла потрібного віку в день голосування
reason-outside-window = голос подано поза строком голосування
reason-missing-signature = немає підпису
reason-no-district = не вписано район
reason-unknown-district = немає такого району
reason-local-incomplete = не заповнено всі графи місцевих проєктів
reason-local-duplicate = місцевий проєкт вписано більше одного разу
reason-local-unknown-project = немає такого місцевого проєкту в цьому районі
reason-citywide-incomplete = не заповнено всі графи загальноміських проєктів
reason-citywide-duplicate = загальноміський проєкт вписано більше одного разу
reason-citywide-unknown-project = немає такого загальноміського проєкту
reason-illegible = картка нерозбірлива
reason-wrong-rubric = дані вписано не в ту графу
reason-multiple-votes = особа голосувала більше одного разу
reason-annulled = голос анульовано рішенням бюро: обліковий запис створено на чужий PESEL

reason-short-missing-first-name = немає імені
reason-short-missing-last-name = немає прізвища
reason-short-missing-address = немає адреси
reason-short-missing-pesel = немає PESEL
reason-short-pesel-invalid = поганий PESEL
reason-short-underage = замолода особа
reason-short-outside-window = поза строком
reason-short-missing-signature = немає підпису
reason-short-no-district = немає району
reason-short-unknown-district = поганий район
reason-short-local-incomplete = неповні місцеві
reason-short-local-duplicate = повторені місцеві
reason-short-local-unknown-project = поганий місцевий проєкт
reason-short-citywide-incomplete = неповні міські
reason-short-citywide-duplicate = повторені міські
reason-short-citywide-unknown-project = поганий міський проєкт
reason-short-illegible = нерозбірлива
reason-short-wrong-rubric = погана графа
reason-short-multiple-votes = голосувала кілька разів
reason-short-annulled = анульована бюро

role-coordinator = координатор
role-volunteer = волонтер

language-pl = polski
language-uk = українська
language-en = English

central-cadence = надсилання { $cards ->
        [one] щокартки
        [few] кожні { $cards } картки
       *[many] кожні { $cards } карток
    } і { $minutes ->
        [one] щохвилини
        [few] кожні { $minutes } хвилини
       *[many] кожні { $minutes } хвилин
    }
