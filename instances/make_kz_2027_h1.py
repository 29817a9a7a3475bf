"""Generate the real planning instance ``instances/kz-2027-h1.json``.

The calendar of meetings of ministers and regional akims of Kazakhstan with the population
for the first half of 2027 (January-June), approved on 15 December 2026.

All data is hand-curated below as Python literals (tables of tuples); the script only
assembles them, checks a few invariants and writes the JSON. It is deterministic and uses
the standard library only:

    python instances/make_kz_2027_h1.py

Sources: ``../shared/kz-facts.md`` (regions, centres, populations, ministries, exemptions).
Officials are positions, never persons. Topical issues, absences, alerts and region dates
are realistic but invented test data.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

OUT = Path(__file__).with_name("kz-2027-h1.json")

NAME = "kz-2027-h1"
HORIZON = {"year": 2027, "half": 1}
APPROVAL_DATE = "2026-12-15"
FIRST_DAY = dt.date(2027, 1, 14)  # approval date + 30 days (TIME-LEAD)
LAST_DAY = dt.date(2027, 6, 30)

# --------------------------------------------------------------------------- regions
# id, en, ru, kk, centre, lat, lon, population (kz-facts.md table 1)
REGIONS = [
    ("astana", "Astana city", "город Астана", "Астана қаласы", "Astana", 51.18, 71.45, 1638233),
    ("almaty-city", "Almaty city", "город Алматы", "Алматы қаласы", "Almaty", 43.25, 76.91, 2347924),
    ("shymkent", "Shymkent city", "город Шымкент", "Шымкент қаласы", "Shymkent", 42.31, 69.60, 1293648),
    ("abai", "Abai", "область Абай", "Абай облысы", "Semey", 50.42, 80.25, 596000),
    ("akmola", "Akmola", "Акмолинская область", "Ақмола облысы", "Kokshetau", 53.28, 69.39, 785708),
    ("aktobe", "Aktobe", "Актюбинская область", "Ақтөбе облысы", "Aktobe", 50.28, 57.21, 943615),
    ("almaty-region", "Almaty Region", "Алматинская область", "Алматы облысы", "Konayev", 43.87, 77.06, 1596331),
    ("atyrau", "Atyrau", "Атырауская область", "Атырау облысы", "Atyrau", 47.10, 51.88, 703180),
    ("east-kazakhstan", "East Kazakhstan", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы", "Oskemen", 49.97, 82.61, 718900),
    ("jetisu", "Jetisu", "область Жетісу", "Жетісу облысы", "Taldykorgan", 45.02, 78.37, 699000),
    ("jambyl", "Jambyl", "Жамбылская область", "Жамбыл облысы", "Taraz", 42.90, 71.37, 1215373),
    ("west-kazakhstan", "West Kazakhstan", "Западно-Казахстанская область", "Батыс Қазақстан облысы", "Oral", 51.25, 51.43, 695900),
    ("karaganda", "Karaganda", "Карагандинская область", "Қарағанды облысы", "Karaganda", 49.80, 73.10, 1131287),
    ("kostanay", "Kostanay", "Костанайская область", "Қостанай облысы", "Kostanay", 53.21, 63.62, 821800),
    ("kyzylorda", "Kyzylorda", "Кызылординская область", "Қызылорда облысы", "Kyzylorda", 44.85, 65.51, 845900),
    ("mangystau", "Mangystau", "Мангистауская область", "Маңғыстау облысы", "Aktau", 43.66, 51.17, 818345),
    ("pavlodar", "Pavlodar", "Павлодарская область", "Павлодар облысы", "Pavlodar", 52.28, 76.97, 754903),
    ("north-kazakhstan", "North Kazakhstan", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы", "Petropavl", 54.87, 69.15, 514732),
    ("turkistan", "Turkistan", "Туркестанская область", "Түркістан облысы", "Turkistan", 43.29, 68.26, 2148658),
    ("ulytau", "Ulytau", "область Ұлытау", "Ұлытау облысы", "Zhezkazgan", 47.79, 67.71, 218993),
]

# Regional centres in Russian and Kazakh (the English name is the REGIONS column)
CENTRES = {
    "Astana": ("Астана", "Астана"), "Almaty": ("Алматы", "Алматы"),
    "Shymkent": ("Шымкент", "Шымкент"), "Semey": ("Семей", "Семей"),
    "Kokshetau": ("Кокшетау", "Көкшетау"), "Aktobe": ("Актобе", "Ақтөбе"),
    "Konayev": ("Конаев", "Қонаев"), "Atyrau": ("Атырау", "Атырау"),
    "Oskemen": ("Усть-Каменогорск", "Өскемен"), "Taldykorgan": ("Талдыкорган", "Талдықорған"),
    "Taraz": ("Тараз", "Тараз"), "Oral": ("Уральск", "Орал"),
    "Karaganda": ("Караганда", "Қарағанды"), "Kostanay": ("Костанай", "Қостанай"),
    "Kyzylorda": ("Кызылорда", "Қызылорда"), "Aktau": ("Актау", "Ақтау"),
    "Pavlodar": ("Павлодар", "Павлодар"), "Petropavl": ("Петропавловск", "Петропавл"),
    "Turkistan": ("Туркестан", "Түркістан"), "Zhezkazgan": ("Жезказган", "Жезқазған"),
}

# How the akimat and the akim of each region are called:
# id, en territory ("... region" / "... city"), ru genitive ("Мангистауской области"),
# kk genitive ("Маңғыстау облысының").
AKIMATS = [
    ("astana", "Astana city", "города Астаны", "Астана қаласының"),
    ("almaty-city", "Almaty city", "города Алматы", "Алматы қаласының"),
    ("shymkent", "Shymkent city", "города Шымкента", "Шымкент қаласының"),
    ("abai", "Abai region", "области Абай", "Абай облысының"),
    ("akmola", "Akmola region", "Акмолинской области", "Ақмола облысының"),
    ("aktobe", "Aktobe region", "Актюбинской области", "Ақтөбе облысының"),
    ("almaty-region", "Almaty region", "Алматинской области", "Алматы облысының"),
    ("atyrau", "Atyrau region", "Атырауской области", "Атырау облысының"),
    ("east-kazakhstan", "East Kazakhstan region", "Восточно-Казахстанской области", "Шығыс Қазақстан облысының"),
    ("jetisu", "Jetisu region", "области Жетісу", "Жетісу облысының"),
    ("jambyl", "Jambyl region", "Жамбылской области", "Жамбыл облысының"),
    ("west-kazakhstan", "West Kazakhstan region", "Западно-Казахстанской области", "Батыс Қазақстан облысының"),
    ("karaganda", "Karaganda region", "Карагандинской области", "Қарағанды облысының"),
    ("kostanay", "Kostanay region", "Костанайской области", "Қостанай облысының"),
    ("kyzylorda", "Kyzylorda region", "Кызылординской области", "Қызылорда облысының"),
    ("mangystau", "Mangystau region", "Мангистауской области", "Маңғыстау облысының"),
    ("pavlodar", "Pavlodar region", "Павлодарской области", "Павлодар облысының"),
    ("north-kazakhstan", "North Kazakhstan region", "Северо-Казахстанской области", "Солтүстік Қазақстан облысының"),
    ("turkistan", "Turkistan region", "Туркестанской области", "Түркістан облысының"),
    ("ulytau", "Ulytau region", "области Ұлытау", "Ұлытау облысының"),
]

# --------------------------------------------------------------------------- ministries
# id, en ("Ministry of ..." / "Minister of ..."), ru (after "Министерство" / "Министр"),
# kk stem (before "министрлігі" / "министрі"), sectors.
MINISTRIES = [
    ("internal-affairs", "Internal Affairs", "внутренних дел", "Ішкі істер",
     ("police", "public order", "migration")),
    ("foreign-affairs", "Foreign Affairs", "иностранных дел", "Сыртқы істер",
     ("diplomacy", "consular services")),
    ("defence", "Defence", "обороны", "Қорғаныс", ("armed forces", "conscription")),
    ("emergency-situations", "Emergency Situations", "по чрезвычайным ситуациям",
     "Төтенше жағдайлар", ("civil protection", "fire safety", "disaster response")),
    ("justice", "Justice", "юстиции", "Әділет", ("legislation", "registration", "enforcement")),
    ("national-economy", "National Economy", "национальной экономики", "Ұлттық экономика",
     ("economic planning", "regional development", "utility tariffs", "small business")),
    ("finance", "Finance", "финансов", "Қаржы", ("budget", "taxes", "customs")),
    ("health", "Health", "здравоохранения", "Денсаулық сақтау",
     ("healthcare", "hospitals", "medicines", "public health")),
    ("enlightenment", "Enlightenment", "просвещения", "Оқу-ағарту",
     ("schools", "preschool education", "teachers")),
    ("science-higher-education", "Science and Higher Education", "науки и высшего образования",
     "Ғылым және жоғары білім", ("universities", "science", "student grants")),
    ("labour-social-protection", "Labour and Social Protection of the Population",
     "труда и социальной защиты населения", "Еңбек және халықты әлеуметтік қорғау",
     ("employment", "wages", "pensions", "social benefits")),
    ("culture-information", "Culture and Information", "культуры и информации",
     "Мәдениет және ақпарат", ("culture", "heritage", "media", "access to information")),
    ("tourism-sports", "Tourism and Sports", "туризма и спорта", "Туризм және спорт",
     ("tourism", "sports", "resorts")),
    ("agriculture", "Agriculture", "сельского хозяйства", "Ауыл шаруашылығы",
     ("farming", "grain", "livestock", "rural land")),
    ("ecology-natural-resources", "Ecology and Natural Resources",
     "экологии и природных ресурсов", "Экология және табиғи ресурстар",
     ("air quality", "environment", "forests", "waste")),
    ("water-resources-irrigation", "Water Resources and Irrigation",
     "водных ресурсов и ирригации", "Су ресурстары және ирригация",
     ("water supply", "irrigation", "dams", "rivers")),
    ("energy", "Energy", "энергетики", "Энергетика",
     ("oil and gas", "electricity", "heating", "gas supply")),
    ("industry-construction", "Industry and Construction", "промышленности и строительства",
     "Өнеркәсіп және құрылыс", ("industry", "mining", "housing construction")),
    ("transport", "Transport", "транспорта", "Көлік",
     ("roads", "railways", "aviation", "public transport")),
    ("trade-integration", "Trade and Integration", "торговли и интеграции",
     "Сауда және интеграция", ("trade", "prices", "consumer protection", "EAEU")),
    ("ai-digital-development", "Artificial Intelligence and Digital Development",
     "искусственного интеллекта и цифрового развития",
     "Жасанды интеллект және цифрлық даму",
     ("digital services", "internet access", "artificial intelligence")),
]

EXEMPT = {"internal-affairs", "foreign-affairs", "defence", "emergency-situations", "justice"}

# --------------------------------------------------------------------------- topical issues
# Per region, in order (ids "<region>-<n>"): body, weight, en, ru, kk.
ISSUES = {
    "astana": [
        ("industry-construction", 9, "Housing affordability and long waiting lists for social rental housing",
         "Доступность жилья и длинные очереди на социальное арендное жильё",
         "Тұрғын үйдің қолжетімділігі және әлеуметтік жалға берілетін тұрғын үйге ұзақ кезек"),
        ("transport", 7, "Traffic congestion and delays in launching the LRT light rail",
         "Пробки и задержка запуска LRT (легкорельсового транспорта)",
         "Көлік кептелісі және LRT жеңіл рельсті көлігін іске қосудың кешігуі"),
        ("enlightenment", 7, "Shortage of school places in new residential districts",
         "Нехватка мест в школах новых жилых массивов",
         "Жаңа тұрғын үй алаптарындағы мектептерде орын тапшылығы"),
        ("health", 5, "Queues for specialists at city polyclinics",
         "Очереди к узким специалистам в городских поликлиниках",
         "Қалалық емханалардағы бейінді мамандарға кезек"),
        ("energy", 6, "Reliability of heat supply during severe frosts",
         "Надёжность теплоснабжения в сильные морозы",
         "Қатты аяз кезінде жылумен жабдықтаудың сенімділігі"),
        ("ai-digital-development", 3, "Outages of e-government services and digital queues",
         "Сбои электронных госуслуг и электронных очередей",
         "Электрондық мемлекеттік қызметтер мен электрондық кезектердегі іркілістер"),
        ("science-higher-education", 3, "Shortage of places in student dormitories",
         "Нехватка мест в студенческих общежитиях",
         "Студенттік жатақханалардағы орын тапшылығы"),
    ],
    "almaty-city": [
        ("ecology-natural-resources", 10, "Winter smog and poor air quality",
         "Зимний смог и плохое качество воздуха",
         "Қысқы түтін-тұман және ауа сапасының нашарлығы"),
        ("transport", 8, "Metro extension and overloaded public transport",
         "Продление линий метро и перегруженный общественный транспорт",
         "Метро желілерін ұзарту және қоғамдық көліктің шамадан тыс жүктелуі"),
        ("energy", 7, "Conversion of the CHP-2 power plant from coal to gas",
         "Перевод ТЭЦ-2 с угля на газ",
         "ЖЭО-2-ні көмірден газға көшіру"),
        ("industry-construction", 6, "Seismic safety of old housing stock",
         "Сейсмостойкость старого жилого фонда",
         "Ескі тұрғын үй қорының сейсмикалық төзімділігі"),
        ("finance", 4, "Tax regime changes for small business under the new Tax Code",
         "Изменение налоговых режимов для малого бизнеса по новому Налоговому кодексу",
         "Жаңа Салық кодексі бойынша шағын бизнестің салық режимдерінің өзгеруі"),
        ("tourism-sports", 4, "Crowding and infrastructure of the Medeu and Shymbulak mountain cluster",
         "Перегруженность и инфраструктура горного кластера Медеу и Шымбулак",
         "Медеу мен Шымбұлақ тау кластерінің инфрақұрылымы және адам көптігі"),
        ("culture-information", 3, "Preservation of historic buildings in the city centre",
         "Сохранение исторических зданий в центре города",
         "Қала орталығындағы тарихи ғимараттарды сақтау"),
        ("science-higher-education", 4, "Tuition fees and the number of state grants for students",
         "Стоимость обучения и количество государственных грантов для студентов",
         "Оқу ақысы және студенттерге арналған мемлекеттік гранттар саны"),
    ],
    "shymkent": [
        ("water-resources-irrigation", 9, "Drinking water supply in the outskirts of the city",
         "Водоснабжение окраинных микрорайонов города",
         "Қаланың шеткі шағынаудандарын ауыз сумен қамту"),
        ("enlightenment", 8, "Schools working in three shifts",
         "Школы, работающие в три смены",
         "Үш ауысыммен жұмыс істейтін мектептер"),
        ("energy", 6, "Gas supply to new micro-districts",
         "Газоснабжение новых микрорайонов",
         "Жаңа шағынаудандарды газбен жабдықтау"),
        ("health", 5, "Overloaded children's hospitals",
         "Перегруженность детских больниц",
         "Балалар ауруханаларының шамадан тыс жүктелуі"),
        ("ecology-natural-resources", 5, "Emissions from the refinery and industrial zone",
         "Выбросы НПЗ и промышленной зоны",
         "Мұнай өңдеу зауыты мен өнеркәсіптік аймақтың шығарындылары"),
        ("labour-social-protection", 6, "Youth unemployment",
         "Безработица среди молодёжи",
         "Жастар арасындағы жұмыссыздық"),
        ("finance", 3, "Cash register and tax reporting rules for market traders",
         "Требования к кассовым аппаратам и налоговой отчётности для торговцев на рынках",
         "Базар саудагерлеріне арналған кассалық аппарат пен салық есептілігі талаптары"),
    ],
    "abai": [
        ("health", 10, "Health effects of the Semipalatinsk nuclear test site",
         "Последствия Семипалатинского ядерного полигона для здоровья",
         "Семей ядролық сынақ полигонының денсаулыққа салдары"),
        ("labour-social-protection", 7, "Benefits and payments to people affected by nuclear tests",
         "Льготы и выплаты пострадавшим от ядерных испытаний",
         "Ядролық сынақтардан зардап шеккендерге жеңілдіктер мен төлемдер"),
        ("energy", 6, "Construction of a new CHP plant in Semey",
         "Строительство новой ТЭЦ в Семее",
         "Семейде жаңа ЖЭО салу"),
        ("transport", 5, "Roads to remote districts",
         "Состояние дорог в отдалённые районы",
         "Шалғай аудандарға апаратын жолдардың жай-күйі"),
        ("agriculture", 5, "Pasture shortage and meat processing",
         "Нехватка пастбищ и переработка мяса",
         "Жайылымның жетіспеуі және ет өңдеу"),
        ("science-higher-education", 3, "Training of doctors at the Semey medical university",
         "Подготовка врачей в медицинском университете Семея",
         "Семей медицина университетінде дәрігерлер даярлау"),
        ("culture-information", 4, "Upkeep of museums of Abai's heritage",
         "Содержание музеев наследия Абая",
         "Абай мұрасы мұражайларын ұстау"),
    ],
    "akmola": [
        ("agriculture", 8, "Grain purchase prices and storage",
         "Закупочные цены на зерно и его хранение",
         "Астықты сатып алу бағасы және оны сақтау"),
        ("transport", 6, "Poor condition of rural roads",
         "Плохое состояние сельских дорог",
         "Ауылдық жолдардың нашар жай-күйі"),
        ("water-resources-irrigation", 5, "Drinking water in villages",
         "Питьевая вода в сёлах",
         "Ауылдардағы ауыз су"),
        ("tourism-sports", 6, "Infrastructure of the Burabay resort",
         "Инфраструктура курорта Бурабай",
         "Бурабай курортының инфрақұрылымы"),
        ("ecology-natural-resources", 5, "Protection of lakes and forests of the Burabay national park",
         "Охрана озёр и лесов национального парка «Бурабай»",
         "«Бурабай» ұлттық паркінің көлдері мен ормандарын қорғау"),
        ("health", 4, "Shortage of doctors in rural areas",
         "Нехватка врачей на селе",
         "Ауылдағы дәрігерлер тапшылығы"),
    ],
    "aktobe": [
        ("ecology-natural-resources", 7, "Chromium pollution of the Ilek river",
         "Загрязнение реки Илек шестивалентным хромом",
         "Елек өзенінің алты валентті хроммен ластануы"),
        ("industry-construction", 6, "Unfinished shared-equity housing projects",
         "Проблемные объекты долевого жилищного строительства",
         "Үлестік тұрғын үй құрылысының проблемалық нысандары"),
        ("energy", 6, "Gas and electricity tariffs",
         "Тарифы на газ и электроэнергию",
         "Газ бен электр энергиясының тарифтері"),
        ("health", 5, "Waiting times for cancer treatment",
         "Сроки ожидания онкологической помощи",
         "Онкологиялық көмекті күту мерзімдері"),
        ("labour-social-protection", 5, "Wage arrears at enterprises",
         "Задолженность по заработной плате на предприятиях",
         "Кәсіпорындардағы жалақы бойынша берешек"),
        ("transport", 4, "City bus network and new routes",
         "Городская автобусная сеть и новые маршруты",
         "Қалалық автобус желісі және жаңа бағыттар"),
        ("trade-integration", 3, "Trade with the neighbouring Orenburg region",
         "Торговля с соседней Оренбургской областью",
         "Көршілес Орынбор облысымен сауда"),
    ],
    "almaty-region": [
        ("industry-construction", 7, "Building up Konayev as the new regional centre",
         "Обустройство Конаева как нового областного центра",
         "Қонаевты жаңа облыс орталығы ретінде абаттандыру"),
        ("water-resources-irrigation", 7, "Repair of worn-out irrigation canals",
         "Ремонт изношенных оросительных каналов",
         "Тозған суару каналдарын жөндеу"),
        ("agriculture", 6, "Allocation of land plots to farmers",
         "Выделение земельных участков фермерам",
         "Фермерлерге жер учаскелерін бөлу"),
        ("transport", 6, "Almaty-Konayev road and commuter transport",
         "Дорога Алматы-Конаев и пригородный транспорт",
         "Алматы-Қонаев жолы және қала маңы көлігі"),
        ("enlightenment", 6, "Shortage of schools in suburban settlements around Almaty",
         "Нехватка школ в пригородных посёлках вокруг Алматы",
         "Алматы маңындағы кенттерде мектептердің жетіспеуі"),
        ("tourism-sports", 5, "Beach tourism zone at the Kapshagay reservoir",
         "Курортная зона на Капшагайском водохранилище",
         "Қапшағай су қоймасындағы демалыс аймағы"),
        ("ecology-natural-resources", 4, "Shrinking of Lake Balkhash and the Ile river delta",
         "Обмеление озера Балхаш и дельты реки Или",
         "Балқаш көлі мен Іле өзені сағасының тартылуы"),
    ],
    "atyrau": [
        ("ecology-natural-resources", 10, "Air pollution and hydrogen sulphide odour in the city",
         "Загрязнение воздуха и запах сероводорода в городе",
         "Қаладағы ауаның ластануы және күкіртсутек иісі"),
        ("labour-social-protection", 7, "Layoffs after completion of the Tengiz expansion project",
         "Сокращения после завершения проекта расширения Тенгиза",
         "Теңізді кеңейту жобасы аяқталғаннан кейінгі жұмыстан қысқартулар"),
        ("energy", 6, "Power outages in villages",
         "Перебои с электроснабжением в сёлах",
         "Ауылдардағы электрмен жабдықтаудағы іркілістер"),
        ("water-resources-irrigation", 6, "Shallowing of the Ural river and drinking water quality",
         "Обмеление реки Урал и качество питьевой воды",
         "Жайық өзенінің тартылуы және ауыз су сапасы"),
        ("health", 5, "High incidence of cancer and respiratory diseases",
         "Высокая заболеваемость онкологическими и респираторными болезнями",
         "Онкологиялық және тыныс алу ауруларының жоғары деңгейі"),
        ("industry-construction", 4, "Resettlement from dilapidated housing",
         "Расселение аварийного жилья",
         "Апатты тұрғын үйден көшіру"),
        ("transport", 3, "Repair of the Atyrau-Astrakhan highway",
         "Ремонт трассы Атырау-Астрахань",
         "Атырау-Астрахань тас жолын жөндеу"),
    ],
    "east-kazakhstan": [
        ("water-resources-irrigation", 8, "Spring floods and repair of protective dams",
         "Весенние паводки и ремонт защитных дамб",
         "Көктемгі су тасқыны және қорғаныс бөгеттерін жөндеу"),
        ("health", 8, "Shortage of medical specialists and the new multi-profile hospital in Oskemen",
         "Нехватка врачей-специалистов и новая многопрофильная больница в Усть-Каменогорске",
         "Маман дәрігерлердің тапшылығы және Өскемендегі жаңа көпбейінді аурухана"),
        ("ecology-natural-resources", 7, "Air pollution in Oskemen from metallurgical plants",
         "Загрязнение воздуха в Усть-Каменогорске металлургическими заводами",
         "Өскемендегі металлургия зауыттарының ауаны ластауы"),
        ("industry-construction", 5, "Modernisation of mining plants and jobs in Ridder",
         "Модернизация горнорудных предприятий и рабочие места в Риддере",
         "Риддердегі тау-кен кәсіпорындарын жаңғырту және жұмыс орындары"),
        ("tourism-sports", 5, "Tourism at the Bukhtarma reservoir and in Katon-Karagay",
         "Туризм на Бухтарминском водохранилище и в Катон-Карагае",
         "Бұқтырма су қоймасындағы және Катонқарағайдағы туризм"),
        ("transport", 5, "Repair of mountain roads, Oskemen-Ridder highway",
         "Ремонт горных дорог, трасса Усть-Каменогорск-Риддер",
         "Тау жолдарын жөндеу, Өскемен-Риддер тас жолы"),
        ("agriculture", 4, "Subsidies for livestock breeders and beekeepers",
         "Субсидии животноводам и пчеловодам",
         "Мал шаруашылығы мен ара шаруашылығына субсидиялар"),
    ],
    "jetisu": [
        ("tourism-sports", 8, "Infrastructure and water quality of the Alakol resort",
         "Инфраструктура и качество воды на курорте Алаколь",
         "Алакөл курортының инфрақұрылымы және су сапасы"),
        ("water-resources-irrigation", 7, "Irrigation water in the Karatal and Aksu river basins",
         "Поливная вода в бассейнах рек Каратал и Аксу",
         "Қаратал және Ақсу өзендері алабындағы суармалы су"),
        ("health", 6, "Construction of the regional hospital in Taldykorgan",
         "Строительство областной больницы в Талдыкоргане",
         "Талдықорғанда облыстық аурухана салу"),
        ("agriculture", 6, "Sugar beet processing and purchase prices",
         "Переработка сахарной свёклы и закупочные цены",
         "Қант қызылшасын өңдеу және сатып алу бағасы"),
        ("trade-integration", 5, "Trade through the Khorgos border crossing",
         "Торговля через пункт пропуска Хоргос",
         "Қорғас өткізу пункті арқылы сауда"),
        ("finance", 4, "Customs clearance delays at Khorgos",
         "Задержки таможенного оформления на Хоргосе",
         "Қорғастағы кедендік ресімдеудің кідірісі"),
        ("transport", 4, "Regular flights to Taldykorgan",
         "Регулярные авиарейсы в Талдыкорган",
         "Талдықорғанға тұрақты әуе рейстері"),
    ],
    "jambyl": [
        ("water-resources-irrigation", 8, "Transboundary irrigation water on the Talas and Shu rivers",
         "Трансграничная поливная вода на реках Талас и Шу",
         "Талас және Шу өзендеріндегі трансшекаралық суармалы су"),
        ("industry-construction", 6, "Chemical industry and jobs in Taraz",
         "Химическая промышленность и рабочие места в Таразе",
         "Тараздағы химия өнеркәсібі және жұмыс орындары"),
        ("energy", 5, "Gasification of remote districts",
         "Газификация отдалённых районов",
         "Шалғай аудандарды газдандыру"),
        ("enlightenment", 5, "Dilapidated school buildings",
         "Аварийные здания школ",
         "Мектептердің апатты ғимараттары"),
        ("national-economy", 5, "Development of the single-industry towns Karatau and Zhanatas",
         "Развитие моногородов Каратау и Жанатас",
         "Қаратау мен Жаңатас моноқалаларын дамыту"),
        ("agriculture", 4, "Support for sugar beet growers and livestock farms",
         "Поддержка свекловодов и животноводческих хозяйств",
         "Қызылша өсірушілер мен мал шаруашылықтарын қолдау"),
        ("culture-information", 3, "Restoration of the heritage sites of ancient Taraz",
         "Реставрация памятников древнего Тараза",
         "Көне Тараз ескерткіштерін қалпына келтіру"),
    ],
    "west-kazakhstan": [
        ("energy", 7, "Gas supply to villages near the Karachaganak field",
         "Газоснабжение сёл вблизи месторождения Карачаганак",
         "Қарашығанақ кен орны маңындағы ауылдарды газбен жабдықтау"),
        ("water-resources-irrigation", 7, "Shallowing of the Ural river",
         "Обмеление реки Урал",
         "Жайық өзенінің тартылуы"),
        ("ecology-natural-resources", 6, "Emissions at Karachaganak and resettlement of Berezovka",
         "Выбросы на Карачаганаке и переселение жителей Березовки",
         "Қарашығанақтағы шығарындылар және Березовка тұрғындарын көшіру"),
        ("transport", 6, "Condition of the Oral-Atyrau road and village roads",
         "Состояние дороги Уральск-Атырау и сельских дорог",
         "Орал-Атырау жолының және ауылдық жолдардың жай-күйі"),
        ("agriculture", 5, "Drought and fodder shortage for livestock",
         "Засуха и нехватка кормов для скота",
         "Құрғақшылық және малға азық тапшылығы"),
        ("national-economy", 4, "Growth of utility tariffs",
         "Рост коммунальных тарифов",
         "Коммуналдық тарифтердің өсуі"),
        ("health", 4, "Access to healthcare in remote villages",
         "Доступность медицинской помощи в отдалённых сёлах",
         "Шалғай ауылдарда медициналық көмектің қолжетімділігі"),
    ],
    "karaganda": [
        ("industry-construction", 9, "Safety of coal miners after fatal accidents at mines",
         "Безопасность шахтёров после аварий со смертельным исходом на шахтах",
         "Шахталардағы қайғылы апаттардан кейінгі кеншілер қауіпсіздігі"),
        ("energy", 8, "Worn-out CHP plants and heating in Karaganda and Temirtau",
         "Износ ТЭЦ и теплоснабжение в Караганде и Темиртау",
         "Қарағанды мен Теміртаудағы ЖЭО-ның тозуы және жылумен жабдықтау"),
        ("ecology-natural-resources", 6, "Air pollution in Temirtau from the steel plant",
         "Загрязнение воздуха в Темиртау металлургическим комбинатом",
         "Теміртаудағы металлургия комбинатының ауаны ластауы"),
        ("labour-social-protection", 6, "Wages and early pensions of miners",
         "Заработная плата и досрочные пенсии шахтёров",
         "Кеншілердің жалақысы және мерзімінен бұрын зейнетақысы"),
        ("health", 5, "Occupational diseases of miners and metallurgists",
         "Профессиональные заболевания шахтёров и металлургов",
         "Кеншілер мен металлургтердің кәсіптік аурулары"),
        ("national-economy", 4, "Development of the mining towns Saran and Shakhtinsk",
         "Развитие шахтёрских городов Сарань и Шахтинск",
         "Саран және Шахтинск кенші қалаларын дамыту"),
        ("science-higher-education", 4, "Training of engineers for mining and metallurgy",
         "Подготовка инженерных кадров для горной отрасли и металлургии",
         "Тау-кен саласы мен металлургияға инженер кадрларын даярлау"),
        ("finance", 3, "Tax burden on individual entrepreneurs",
         "Налоговая нагрузка на индивидуальных предпринимателей",
         "Жеке кәсіпкерлерге салық жүктемесі"),
    ],
    "kostanay": [
        ("agriculture", 8, "Grain prices and support for farmers after the harvest",
         "Цены на зерно и поддержка аграриев после уборки урожая",
         "Астық бағасы және егін жинаудан кейін диқандарды қолдау"),
        ("transport", 7, "Shortage of railway wagons for grain export",
         "Нехватка железнодорожных вагонов для вывоза зерна",
         "Астық экспортына темір жол вагондарының тапшылығы"),
        ("industry-construction", 5, "Car assembly plants and local jobs",
         "Автосборочные заводы и местные рабочие места",
         "Автокөлік құрастыру зауыттары және жергілікті жұмыс орындары"),
        ("health", 5, "Ambulance response in rural districts",
         "Работа скорой помощи в сельских районах",
         "Ауылдық аудандардағы жедел жәрдем жұмысы"),
        ("enlightenment", 4, "Closure of small village schools",
         "Закрытие малокомплектных сельских школ",
         "Ауылдағы шағын жинақты мектептердің жабылуы"),
        ("trade-integration", 4, "Cross-border trade and checkpoints with Russia",
         "Приграничная торговля и пункты пропуска на границе с Россией",
         "Ресеймен шекаралық сауда және өткізу пункттері"),
        ("national-economy", 3, "Depopulation of villages",
         "Отток населения из сёл",
         "Ауылдардан халықтың кетуі"),
    ],
    "kyzylorda": [
        ("water-resources-irrigation", 10, "Shortage of irrigation water for rice fields from the Syr Darya",
         "Нехватка поливной воды из Сырдарьи для рисовых полей",
         "Күріш алқаптарына Сырдариядан суармалы судың жетіспеуі"),
        ("ecology-natural-resources", 8, "Aral Sea crisis: salt and dust storms, restoring the Northern Aral",
         "Кризис Аральского моря: солевые и пыльные бури, восстановление Малого Арала",
         "Арал теңізі дағдарысы: тұзды және шаңды дауылдар, Кіші Аралды қалпына келтіру"),
        ("agriculture", 7, "Rice purchase prices and crop diversification",
         "Закупочные цены на рис и диверсификация посевов",
         "Күріштің сатып алу бағасы және егістікті әртараптандыру"),
        ("health", 6, "Health of the population of the Aral Sea zone",
         "Здоровье населения зоны Приаралья",
         "Арал өңірі тұрғындарының денсаулығы"),
        ("labour-social-protection", 5, "Unemployment in the Aral and Kazaly districts",
         "Безработица в Аральском и Казалинском районах",
         "Арал және Қазалы аудандарындағы жұмыссыздық"),
        ("energy", 4, "Gas pipeline to the district centres",
         "Газопровод до районных центров",
         "Аудан орталықтарына газ құбыры"),
        ("tourism-sports", 3, "Tourism around the Baikonur cosmodrome",
         "Туризм вокруг космодрома Байконур",
         "Байқоңыр ғарыш айлағы маңындағы туризм"),
    ],
    "mangystau": [
        ("water-resources-irrigation", 10, "Drinking water shortage and the new desalination plant",
         "Нехватка питьевой воды и новый опреснительный завод",
         "Ауыз су тапшылығы және жаңа тұщыландыру зауыты"),
        ("labour-social-protection", 9, "Youth employment in Zhanaozen",
         "Трудоустройство молодёжи в Жанаозене",
         "Жаңаөзендегі жастарды жұмыспен қамту"),
        ("energy", 9, "Liquefied gas prices for cars and homes",
         "Цены на сжиженный газ для автомобилей и домов",
         "Көлік пен үйге арналған сұйытылған газдың бағасы"),
        ("enlightenment", 6, "Shortage of school places in Aktau micro-districts",
         "Нехватка мест в школах микрорайонов Актау",
         "Ақтау шағынаудандарындағы мектептерде орын тапшылығы"),
        ("trade-integration", 5, "High food prices due to delivery costs",
         "Высокие цены на продукты из-за стоимости доставки",
         "Жеткізу шығынына байланысты азық-түлік бағасының жоғары болуы"),
        ("transport", 5, "Aktau port and the Middle Corridor",
         "Порт Актау и Средний коридор",
         "Ақтау порты және Орта дәліз"),
        ("health", 5, "Shortage of doctors in Zhanaozen and remote villages",
         "Нехватка врачей в Жанаозене и отдалённых сёлах",
         "Жаңаөзен мен шалғай ауылдардағы дәрігерлер тапшылығы"),
        ("ecology-natural-resources", 4, "Shallowing of the Caspian Sea and deaths of seals",
         "Обмеление Каспийского моря и гибель тюленей",
         "Каспий теңізінің тартылуы және итбалықтардың қырылуы"),
    ],
    "pavlodar": [
        ("ecology-natural-resources", 8, "Air pollution and ash dumps in Pavlodar and Ekibastuz",
         "Загрязнение воздуха и золоотвалы в Павлодаре и Экибастузе",
         "Павлодар мен Екібастұздағы ауаның ластануы және күл үйінділері"),
        ("energy", 7, "Heating tariffs and repair of the Ekibastuz heating network",
         "Тарифы на тепло и ремонт тепловых сетей Экибастуза",
         "Жылу тарифтері және Екібастұз жылу желілерін жөндеу"),
        ("industry-construction", 5, "Jobs and modernisation at the aluminium and ferroalloy plants",
         "Рабочие места и модернизация алюминиевого и ферросплавного заводов",
         "Алюминий және ферроқорытпа зауыттарындағы жұмыс орындары мен жаңғырту"),
        ("water-resources-irrigation", 5, "Water level of the Irtysh river and the Irtysh-Karaganda canal",
         "Уровень воды в Иртыше и канал Иртыш-Караганда",
         "Ертіс өзеніндегі су деңгейі және Ертіс-Қарағанды каналы"),
        ("health", 4, "Waiting lists for planned surgery",
         "Очереди на плановые операции",
         "Жоспарлы отаға кезек"),
        ("agriculture", 3, "Pasture degradation and livestock watering",
         "Деградация пастбищ и обводнение скота",
         "Жайылымның тозуы және малды суару"),
        ("ai-digital-development", 3, "Mobile internet coverage in villages",
         "Покрытие мобильным интернетом в сёлах",
         "Ауылдардағы мобильді интернетпен қамту"),
    ],
    "north-kazakhstan": [
        ("agriculture", 9, "Grain storage, purchase and drying capacity",
         "Хранение, закуп и мощности для сушки зерна",
         "Астықты сақтау, сатып алу және кептіру қуаттары"),
        ("transport", 7, "Grain logistics: railway wagons and roads",
         "Логистика зерна: железнодорожные вагоны и дороги",
         "Астық логистикасы: темір жол вагондары мен жолдар"),
        ("national-economy", 6, "Outflow of population from the region",
         "Отток населения из региона",
         "Өңірден халықтың кетуі"),
        ("energy", 6, "Worn-out CHP plant and heating in Petropavl",
         "Износ ТЭЦ и теплоснабжение в Петропавловске",
         "Петропавлдағы ЖЭО-ның тозуы және жылумен жабдықтау"),
        ("health", 4, "Staffing of rural outpatient clinics",
         "Кадры во врачебных амбулаториях на селе",
         "Ауылдық дәрігерлік амбулаториялардағы кадрлар"),
        ("enlightenment", 4, "Small village schools and school transport",
         "Малокомплектные школы и подвоз учеников",
         "Шағын жинақты мектептер және оқушыларды тасымалдау"),
        ("ai-digital-development", 3, "Broadband internet in remote villages",
         "Широкополосный интернет в отдалённых сёлах",
         "Шалғай ауылдардағы кең жолақты интернет"),
    ],
    "turkistan": [
        ("enlightenment", 10, "Shortage of school places and three-shift schools",
         "Нехватка мест в школах и трёхсменное обучение",
         "Мектептердегі орын тапшылығы және үш ауысымды оқыту"),
        ("tourism-sports", 7, "Hotels and services for pilgrims and tourists in Turkistan",
         "Гостиницы и сервис для паломников и туристов в Туркестане",
         "Түркістандағы зияратшылар мен туристерге арналған қонақүйлер мен қызмет"),
        ("water-resources-irrigation", 7, "Irrigation water for cotton fields in Maktaaral",
         "Поливная вода для хлопковых полей в Мактааральском районе",
         "Мақтаарал ауданындағы мақта алқаптарына суармалы су"),
        ("labour-social-protection", 7, "Unemployment and labour migration of young people",
         "Безработица и трудовая миграция молодёжи",
         "Жұмыссыздық және жастардың еңбек көші-қоны"),
        ("health", 6, "Maternal and child health, new perinatal centre",
         "Охрана материнства и детства, новый перинатальный центр",
         "Ана мен бала денсаулығы, жаңа перинаталдық орталық"),
        ("agriculture", 6, "Cotton purchase prices",
         "Закупочные цены на хлопок",
         "Мақтаның сатып алу бағасы"),
        ("energy", 5, "Gasification of villages",
         "Газификация сёл",
         "Ауылдарды газдандыру"),
        ("finance", 3, "Tax reporting burden on market traders and farmers",
         "Налоговая отчётность для торговцев на рынках и фермеров",
         "Базар саудагерлері мен фермерлердің салық есептілігі"),
    ],
    "ulytau": [
        ("transport", 9, "Condition of the Zhezkazgan-Karaganda and Zhezkazgan-Ulytau roads",
         "Состояние дорог Жезказган-Караганда и Жезказган-Улытау",
         "Жезқазған-Қарағанды және Жезқазған-Ұлытау жолдарының жай-күйі"),
        ("health", 6, "Shortage of doctors and the new regional hospital",
         "Нехватка врачей и новая областная больница",
         "Дәрігерлер тапшылығы және жаңа облыстық аурухана"),
        ("industry-construction", 6, "Housing construction in Zhezkazgan",
         "Жилищное строительство в Жезказгане",
         "Жезқазғандағы тұрғын үй құрылысы"),
        ("energy", 5, "Heat supply in Zhezkazgan and Satpayev",
         "Теплоснабжение в Жезказгане и Сатпаеве",
         "Жезқазған мен Сәтбаевтағы жылумен жабдықтау"),
        ("ai-digital-development", 5, "Internet and mobile coverage in remote villages",
         "Интернет и мобильная связь в отдалённых сёлах",
         "Шалғай ауылдардағы интернет және ұялы байланыс"),
        ("ecology-natural-resources", 4, "Emissions from copper smelting in Zhezkazgan and Satpayev",
         "Выбросы медеплавильного производства в Жезказгане и Сатпаеве",
         "Жезқазған мен Сәтбаевтағы мыс балқыту өндірісінің шығарындылары"),
        ("culture-information", 4, "Preservation of the historic sites of Ulytau",
         "Сохранение исторических памятников Улытау",
         "Ұлытаудың тарихи ескерткіштерін сақтау"),
    ],
}

# --------------------------------------------------------------------------- absences
# official, start, end, reason, note
ABSENCES = [
    ("agriculture-minister", "2027-01-25", "2027-01-31", "delegation",
     ("Government delegation to an international agricultural forum abroad",
      "Правительственная делегация на международный аграрный форум за рубежом",
      "Шетелдегі халықаралық аграрлық форумға үкіметтік делегация")),
    ("akim-karaganda", "2027-02-08", "2027-02-14", "illness",
     ("Sick leave", "Больничный", "Еңбекке жарамсыздық парағы")),
    ("trade-integration-minister", "2027-02-20", "2027-03-07", "delegation",
     ("Government delegation abroad: EAEU and bilateral trade talks",
      "Правительственная делегация за рубежом: переговоры в ЕАЭС и двусторонние торговые "
      "переговоры",
      "Шетелдегі үкіметтік делегация: ЕАЭО аясындағы және екіжақты сауда келіссөздері")),
    ("labour-social-protection-minister", "2027-02-26", "2027-03-12", "illness",
     ("Sick leave; a deputy answers the Mangystau alert",
      "Больничный; на сигнал в Мангистауской области отвечает заместитель",
      "Еңбекке жарамсыздық парағы; Маңғыстау облысындағы сигналға орынбасар жауап береді")),
    ("transport-minister", "2027-03-29", "2027-04-04", "delegation",
     ("Government delegation abroad: Middle Corridor transit talks",
      "Правительственная делегация за рубежом: переговоры о транзите по Среднему коридору",
      "Шетелдегі үкіметтік делегация: Орта дәліз бойынша транзит келіссөздері")),
    ("health-minister", "2027-04-05", "2027-04-18", "illness",
     ("Sick leave", "Больничный", "Еңбекке жарамсыздық парағы")),
    ("health-deputy-2", "2027-04-10", "2027-04-14", "illness",
     ("Sick leave", "Больничный", "Еңбекке жарамсыздық парағы")),
    ("finance-minister", "2027-04-19", "2027-04-25", "delegation",
     ("Government delegation abroad: meetings with international financial institutions",
      "Правительственная делегация за рубежом: встречи с международными финансовыми "
      "институтами",
      "Шетелдегі үкіметтік делегация: халықаралық қаржы институттарымен кездесулер")),
    ("energy-minister", "2027-05-10", "2027-05-23", "delegation",
     ("Government delegation abroad: energy cooperation talks",
      "Правительственная делегация за рубежом: переговоры о сотрудничестве в энергетике",
      "Шетелдегі үкіметтік делегация: энергетикалық ынтымақтастық келіссөздері")),
    ("culture-information-minister", "2027-06-01", "2027-06-10", "other",
     ("Annual leave", "Ежегодный отпуск", "Жыл сайынғы демалыс")),
    ("akim-turkistan", "2027-06-14", "2027-06-20", "other",
     ("Annual leave", "Ежегодный отпуск", "Жыл сайынғы демалыс")),
]

# --------------------------------------------------------------------------- alerts
# id, region, bodies, level, date, text (en, ru, kk)
ALERTS = [
    ("alert-mangystau-gas", "mangystau", ("energy", "labour-social-protection"), "arisen",
     "2027-03-01",
     ("Rise in liquefied gas prices and youth unemployment in Zhanaozen; "
      "residents gathered at the town akimat",
      "Рост цен на сжиженный газ и безработица среди молодёжи в Жанаозене; "
      "жители собрались у акимата города",
      "Жаңаөзенде сұйытылған газ бағасының өсуі және жастар жұмыссыздығы; "
      "тұрғындар қала әкімдігінің алдына жиналды")),
    ("alert-kyzylorda-water", "kyzylorda", ("water-resources-irrigation", "agriculture"),
     "forecast", "2027-05-03",
     ("Low Syr Darya flow forecast for the irrigation season; "
      "risk of irrigation water shortage for rice farmers",
      "Прогноз низкого стока Сырдарьи на поливной сезон; "
      "риск нехватки поливной воды для рисоводов",
      "Суару маусымына Сырдария ағысының төмен болжамы; "
      "күріш өсірушілерге суармалы су жетіспеу қаупі")),
]

# --------------------------------------------------------------------------- region dates
# region, date, kind, note
REGION_DATES = [
    # blocked
    ("pavlodar", "2027-01-30", "blocked", "Session of the regional maslikhat on the budget"),
    ("atyrau", "2027-02-13", "blocked", "Akimat unavailable: annual report session of the akimat"),
    ("abai", "2027-02-27", "blocked", "Regional aitys of poets in Semey"),
    ("turkistan", "2027-03-20", "blocked", "Nauryz festivities in Turkistan"),
    ("shymkent", "2027-03-20", "blocked", "Nauryz festivities in the city"),
    ("kostanay", "2027-03-28", "blocked", "By-elections to the regional maslikhat"),
    ("east-kazakhstan", "2027-04-10", "blocked", "Peak of the spring floods: akimat on flood duty"),
    ("north-kazakhstan", "2027-04-17", "blocked", "Spring floods on the Esil river: akimat on flood duty"),
    ("almaty-city", "2027-04-25", "blocked", "Almaty Marathon: city centre closed"),
    ("almaty-region", "2027-05-22", "blocked", "Konayev city day"),
    ("jambyl", "2027-05-29", "blocked", "Regional aitys festival in Taraz"),
    ("ulytau", "2027-06-05", "blocked", "Ulytau historical heritage festival"),
    ("kyzylorda", "2027-06-12", "blocked", "Korkyt Ata music festival"),
    ("jetisu", "2027-06-19", "blocked", "Opening of the Alakol holiday season"),
    ("astana", "2027-06-23", "blocked", "Akimat unavailable: preparations for Astana Day"),
    ("mangystau", "2027-06-26", "blocked", "By-elections to the Zhanaozen town maslikhat"),
    # preferred
    ("astana", "2027-02-07", "preferred", "Congress hall booked by the akimat"),
    ("almaty-city", "2027-01-23", "preferred", "Winter smog season: residents ask for a meeting"),
    ("almaty-city", "2027-05-15", "preferred", "Akimat proposes the Palace of the Republic"),
    ("shymkent", "2027-04-17", "preferred", "Before the summer water-supply season"),
    ("abai", "2027-04-24", "preferred", "Akim available to support the visit"),
    ("akmola", "2027-05-29", "preferred", "After spring sowing"),
    ("aktobe", "2027-03-13", "preferred", "Akimat proposes the regional drama theatre"),
    ("almaty-region", "2027-02-20", "preferred", "New hall of the Konayev culture centre opens"),
    ("atyrau", "2027-04-04", "preferred", "Akim available to support the visit"),
    ("east-kazakhstan", "2027-02-13", "preferred", "Before the flood season"),
    ("jetisu", "2027-03-06", "preferred", "Akimat proposes the Taldykorgan philharmonic hall"),
    ("jambyl", "2027-02-27", "preferred", "Before the irrigation season"),
    ("west-kazakhstan", "2027-04-24", "preferred", "Akim available to support the visit"),
    ("karaganda", "2027-01-30", "preferred", "Miners' rest day: more residents can come"),
    ("kostanay", "2027-06-13", "preferred", "After spring sowing"),
    ("kyzylorda", "2027-03-27", "preferred", "Before the rice sowing season"),
    ("mangystau", "2027-02-17", "preferred", "Working-day evening proposed by the akimat (Wednesday)"),
    ("pavlodar", "2027-03-14", "preferred", "End of the heating-season peak"),
    ("north-kazakhstan", "2027-06-05", "preferred", "After spring sowing"),
    ("turkistan", "2027-04-21", "preferred", "Working-day evening proposed by the akimat (Wednesday)"),
    ("ulytau", "2027-05-26", "preferred", "Working-day evening proposed by the akimat (Wednesday)"),
]

# Public holidays of Kazakhstan in H1 2027 (observed days included), only to check that no
# region date falls on one; the planner takes holidays from the `holidays` package.
HOLIDAYS_2027_H1 = {
    "2027-01-01", "2027-01-02", "2027-01-04", "2027-01-07", "2027-03-08", "2027-03-15",
    "2027-03-21", "2027-03-22", "2027-03-23", "2027-03-24", "2027-05-01", "2027-05-03",
    "2027-05-07", "2027-05-09", "2027-05-10", "2027-05-16",
}


# --------------------------------------------------------------------------- build
def names(kk: str, ru: str, en: str) -> dict:
    return {"kk": kk, "ru": ru, "en": en}


def build() -> dict:
    regions = [
        {"id": rid, "name": names(kk, ru, en),
         "centre": {"name": names(CENTRES[centre][1], CENTRES[centre][0], centre),
                    "lat": lat, "lon": lon}, "population": pop}
        for rid, en, ru, kk, centre, lat, lon, pop in REGIONS
    ]

    bodies, officials = [], []
    for bid, en, ru, kk, sectors in MINISTRIES:
        bodies.append({"id": bid, "kind": "ceb",
                       "name": names(f"{kk} министрлігі", f"Министерство {ru}", f"Ministry of {en}"),
                       "sectors": list(sectors)})
    for rid, en, ru, kk in AKIMATS:
        bodies.append({"id": f"akimat-{rid}", "kind": "akimat",
                       "name": names(f"{kk} әкімдігі", f"Акимат {ru}", f"Akimat of {en}"),
                       "region_id": rid})

    for bid, en, ru, kk, _ in MINISTRIES:
        head = f"{bid}-minister"
        officials.append({"id": head, "title": names(f"{kk} министрі", f"Министр {ru}",
                                                     f"Minister of {en}"),
                          "body_id": bid, "role": "first_head", "base_region_id": "astana"})
        officials.append({"id": f"{bid}-deputy-1",
                          "title": names(f"{kk} бірінші вице-министрі",
                                         f"Первый вице-министр {ru}",
                                         f"First Vice Minister of {en}"),
                          "body_id": bid, "role": "deputy", "deputy_of": head,
                          "base_region_id": "astana"})
        officials.append({"id": f"{bid}-deputy-2",
                          "title": names(f"{kk} вице-министрі", f"Вице-министр {ru}",
                                         f"Vice Minister of {en}"),
                          "body_id": bid, "role": "deputy", "deputy_of": head,
                          "base_region_id": "astana"})
    for rid, en, ru, kk in AKIMATS:
        officials.append({"id": f"akim-{rid}",
                          "title": names(f"{kk} әкімі", f"Аким {ru}", f"Akim of {en}"),
                          "body_id": f"akimat-{rid}", "role": "first_head",
                          "akim_level": "region", "base_region_id": rid})

    issues = [
        {"id": f"{rid}-{n}", "region_id": rid, "body_id": body, "weight": weight,
         "text": names(kk, ru, en)}
        for rid, _, _, _, _, _, _, _ in REGIONS
        for n, (body, weight, en, ru, kk) in enumerate(ISSUES[rid], start=1)
    ]
    absences = [{"official_id": o, "start": s, "end": e, "reason": r,
                 "note": names(note[2], note[1], note[0])}
                for o, s, e, r, note in ABSENCES]
    alerts = [{"id": aid, "region_id": rid, "body_ids": list(bs), "level": level,
               "date": date, "text": names(text[2], text[1], text[0])}
              for aid, rid, bs, level, date, text in ALERTS]
    region_dates = [{"region_id": rid, "date": date, "kind": kind, "note": note}
                    for rid, date, kind, note in REGION_DATES]

    return {"name": NAME, "horizon": HORIZON, "approval_date": APPROVAL_DATE,
            "regions": regions, "bodies": bodies, "officials": officials, "issues": issues,
            "absences": absences, "alerts": alerts, "region_dates": region_dates,
            "extra_days_off": [], "extra_working_days": []}


# --------------------------------------------------------------------------- checks
def check(data: dict) -> None:
    region_ids = [r[0] for r in REGIONS]
    assert [a[0] for a in AKIMATS] == region_ids
    assert set(ISSUES) == set(region_ids)
    ministries = {m[0] for m in MINISTRIES}
    duty = ministries - EXEMPT
    assert len(ministries) == 21 and len(duty) == 16

    regions_of: dict[str, set[str]] = {b: set() for b in duty}
    for rid, rows in ISSUES.items():
        assert 6 <= len(rows) <= 8, f"{rid}: {len(rows)} issues"
        for body, weight, *_ in rows:
            assert body in duty, f"{rid}: issue tagged with '{body}'"
            assert 1 <= weight <= 10
            regions_of[body].add(rid)
    thin = {b: len(r) for b, r in regions_of.items() if len(r) < 4}
    assert not thin, f"ministries with issues in fewer than 4 regions: {thin}"

    official_ids = {o["id"] for o in data["officials"]}
    def days(start: str, end: str) -> set[dt.date]:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        return {first + dt.timedelta(d) for d in range((last - first).days + 1)}

    absent: dict[str, set[dt.date]] = {}
    for o, s, e, _, note in ABSENCES:
        assert o in official_ids and note
        assert dt.date(2027, 1, 1) <= dt.date.fromisoformat(s) <= dt.date.fromisoformat(e) <= LAST_DAY
        absent.setdefault(o, set()).update(days(s, e))
    for b in ministries:  # never the head and both deputies away on one day
        together = (absent.get(f"{b}-minister", set()) & absent.get(f"{b}-deputy-1", set())
                    & absent.get(f"{b}-deputy-2", set()))
        assert not together, f"{b}: head and both deputies absent on {sorted(together)}"

    seen = set()
    for rid, date, kind, note in REGION_DATES:
        day = dt.date.fromisoformat(date)
        assert rid in region_ids and note and kind in ("blocked", "preferred")
        assert FIRST_DAY <= day <= LAST_DAY, f"{rid} {date} outside {FIRST_DAY}..{LAST_DAY}"
        assert date not in HOLIDAYS_2027_H1, f"{rid} {date} is a public holiday"
        assert (rid, date) not in seen, f"{rid} {date} listed twice"
        seen.add((rid, date))
        if "Wednesday" in note:
            assert day.weekday() == 2, f"{rid} {date} is not a Wednesday"
    for _, rid, _, _, date, _ in ALERTS:
        assert rid in region_ids and dt.date(2027, 1, 1) <= dt.date.fromisoformat(date) <= LAST_DAY


def main() -> None:
    data = build()
    check(data)
    OUT.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {len(data['regions'])} regions, {len(data['bodies'])} bodies, "
          f"{len(data['officials'])} officials, {len(data['issues'])} issues, "
          f"{len(data['absences'])} absences, {len(data['alerts'])} alerts, "
          f"{len(data['region_dates'])} region dates")


if __name__ == "__main__":
    main()
