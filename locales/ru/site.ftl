# Строки интерфейса темы по умолчанию (русский язык).
# Переводчикам: не меняйте идентификаторы сообщений; переводите только текст после «=».

site-title = Защита детей в интернете
skip-to-content = Перейти к основному содержанию
nav-main = Главное меню
nav-help = Получить помощь
language-switcher = Язык
language-chooser-title = Выбор языка
quick-exit = Покинуть сайт
quick-exit-hint = Быстро покинуть этот сайт. Можно также трижды нажать клавишу Shift.

audience-children = Дети и подростки
audience-parents = Родители и опекуны
audience-educators = Педагоги
audience-industry = Компании
audience-policy-makers = Лица, определяющие политику
audience-other = Другие страницы

age-under-9 = До 9 лет
age-9-12 = От 9 до 12 лет
age-13-18 = От 13 до 18 лет
age-all = Для всех возрастов

topic-bullying = Доброта и травля
topic-privacy = Приватность и личные данные
topic-passwords = Пароли и аккаунты
topic-unwanted-contact = Незнакомцы и нежелательные контакты
topic-images = Обмен фото, секстинг и секс-вымогательство
topic-upsetting-content = Неприятный контент
topic-games = Игры и покупки в играх
topic-scams = Мошенничество
topic-wellbeing = Экранное время и самочувствие
topic-misinformation = Правда, ложь и ИИ
topic-digital-footprint = Цифровой след
topic-reporting = Жалобы и помощь
topic-parental-controls = Устройства и родительский контроль
topic-age-limits = Возрастные рейтинги и проверка возраста
topic-safety-by-design = Безопасность на этапе разработки
topic-csam = Материалы сексуального насилия над детьми
topic-school-policy = Политика школы
topic-law-and-policy = Законы и государственная политика
topic-sexual-content = Сексуальный контент и порнография
topic-self-harm = Самоповреждение и суицид
topic-ai = ИИ-чат-боты и поддельные изображения
topic-extremism = Ненависть и экстремизм

topic-count = { $count ->
    [one] { $count } страница по этой теме
    [few] { $count } страницы по этой теме
    [many] { $count } страниц по этой теме
   *[other] { $count } страницы по этой теме
}
topics-label = Темы

# Знаки между элементами списка и частями фразы, после подписей и в заголовках страниц. В кавычках, так как
# Fluent обрезает пробелы по краям значения.
list-separator = {", "}
clause-separator = {", "}
label-separator = {": "}
title-separator = {" | "}

updated-on = Последнее обновление: { $date }
toc-title = На этой странице
related-title = На ту же тему для других читателей
prev-page = Предыдущая
next-page = Следующая
latest-title = Недавние обновления
feed-title = Недавно обновлённые страницы (лента Atom)
bundle-link = Скачать этот сайт ({ $megabytes } МБ), чтобы делиться им без интернета
feed-link = Следите за новыми и обновлёнными страницами в программе для чтения лент (лента Atom)
audiences-title = Для кого этот сайт?

fallback-notice = Эта страница ещё не переведена на русский язык. Она показана на языке оригинала ({ $language }).
fallback-original = Читать оригинал страницы

help-title = Получить помощь
help-panel-title = Нужна помощь прямо сейчас?
help-panel-text = Если что-то в интернете беспокоит, стоит рассказать об этом человеку, которому можно доверять. Можно также обратиться на детский телефон доверия.
help-panel-link = Найти телефон доверия и узнать, куда сообщить о проблеме
helpline-chat = Онлайн-чат
helpline-website = Сайт
helpline-hours = Часы работы
helpline-languages = Языки
helplines-none = Телефоны доверия пока не добавлены.

partners-title = Наши партнёры
partner-kind-un-agency = Учреждения ООН
partner-kind-intergovernmental = Межправительственные организации
partner-kind-eu-body = Органы Европейского союза
partner-kind-network = Сети
partner-kind-ngo = Неправительственные организации
partner-kind-industry = Компании
partner-source = Источник

not-found-title = Страница не найдена
not-found-text = Не удалось найти эту страницу. Возможно, она была перемещена.
not-found-home = Перейти на главную страницу

footer-partners = Партнёры
footer-note = Этот сайт не использует файлы cookie и ничего не загружает с других сайтов.

# The help page's country finder and each country's page. Region labels are the ITU-D regions.
finder-title = Найди помощь в своей стране
finder-intro = Выбери свою страну, чтобы увидеть её детские телефоны доверия: куда можно позвонить, написать или обратиться в чат.
finder-filter = Напиши название своей страны
finder-no-match = В списке нет страны, которая подходит под введённый текст.
region-africa = Африка
region-americas = Америка
region-arab-states = Арабские государства
region-asia-pacific = Азиатско-Тихоокеанский регион
region-cis = Содружество Независимых Государств
region-europe = Европа
country-title = Получить помощь: { $country }
country-emergency-title = Тебе угрожает опасность прямо сейчас?
country-emergency = Сразу позвони по номеру экстренной помощи. Это номер полиции или скорой помощи там, где ты живёшь. Если ты его не знаешь, спроси взрослого рядом с тобой.
country-trust = Расскажи о том, что случилось, взрослому, которому доверяешь. Это не твоя вина. Люди и службы на этой странице готовы тебе помочь.
country-back = Другие страны и другие способы получить помощь
helpline-call = Позвонить
helpline-text = Отправить SMS на номер
helpline-whatsapp = WhatsApp
helpline-free = Бесплатно
# Where data comes from: $site is the source's web site (a link), $date the day the entry was taken from it.
data-from = По данным { $site }, { $date }
# Only for entries a person confirmed with the service or organisation itself.
data-confirmed = подтверждено напрямую { $date }
draft-banner = Черновик: не опубликовано. Читатели не увидят эту страницу, пока не удалена строка draft: true.
# Search and the A-Z index
search-label = Поиск по сайту
search-button = Найти
search-title = Поиск
search-loading = Идёт поиск…
search-found = Страницы, которые подходят под ваш запрос:
search-none = Ни одна страница не подходит под ваш запрос. Попробуйте другое слово или посмотрите все страницы по алфавиту.
search-failed = Не удалось загрузить поиск. Посмотрите все страницы по алфавиту.
search-no-script = Для поиска нужен JavaScript, а он отключён. Все страницы перечислены по алфавиту.
a-z-title = Все страницы по алфавиту
a-z-intro = Все страницы и темы этого сайта в алфавитном порядке.
a-z-link = Все страницы по алфавиту
