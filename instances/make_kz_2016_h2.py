"""Generate the planning instance ``instances/kz-2016-h2.json`` (rectors' reporting meetings).

Under the 2016 decree No. 190 (profile ``kz-2016``; S-2016 item 3) the rectors of national
universities report to parents, students, employers, the academic community and the media
once a year, in the third quarter. Akims (Q1) and ministers (Q2) owe nothing in a second
half-year (FREQ-WINDOW), so the H2 calendar is the rectors' one: this instance holds the
two cities where the universities are, each university with its rector and first
vice-rector (positions, never persons), and a few dates. Plan it with::

    python instances/make_kz_2016_h2.py
    scheduler plan instances/kz-2016-h2.json --profile kz-2016 --out out/kz-2016-h2

Sources:

- Universities: the eight state higher education institutions given the special status
  by the decree of 2001, as listed by the official history portal e-history.kz ("Higher
  Education in Kazakhstan", https://e-history.kz/en/history-of-kazakhstan/show/9765; also
  studopedia.org/7-18008.html). The names are those in use in 2016 (general knowledge, not
  checked against a register): the Kazakh National Technical University had become a
  national *research* technical university (2014) and the Kazakh National Academy of
  Music the Kazakh National University of Arts (2009). Other universities may also have
  held national status in 2016 (e.g. Abai Kazakh National Pedagogical University); they
  are left out as unverified.
- Cities and centres: ``../shared/kz-facts.md`` (GeoNames points). Populations are left
  out (the file's figures are for 2022-2026, not 2016).

GENERATED test data (marked "generated" in each note): the absences and the blocked date.
The approval date is the Government's approval of the year's schedule by 15 January
(S-2016 item 12.2, DL-DRAFT): one yearly schedule, whose second half this is.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

OUT = Path(__file__).with_name("kz-2016-h2.json")

NAME = "kz-2016-h2"
HORIZON = {"year": 2016, "half": 2}
APPROVAL_DATE = "2016-01-15"  # S-2016 item 12.2: the year's schedule approved by 15 January

# id, kk, ru, en, centre (kk, ru, en), lat, lon (kz-facts.md table 1)
REGIONS = [
    ("astana", "Астана қаласы", "город Астана", "Astana city", ("Астана", "Астана", "Astana"),
     51.18, 71.45),
    ("almaty-city", "Алматы қаласы", "город Алматы", "Almaty city",
     ("Алматы", "Алматы", "Almaty"), 43.25, 76.91),
]

# id, region, kk name, kk genitive (for titles), ru name, ru genitive, en name
UNIVERSITIES = [
    ("kaznu", "almaty-city",
     "Әл-Фараби атындағы Қазақ ұлттық университеті",
     "Әл-Фараби атындағы Қазақ ұлттық университетінің",
     "Казахский национальный университет имени аль-Фараби",
     "Казахского национального университета имени аль-Фараби",
     "Al-Farabi Kazakh National University"),
    ("enu", "astana",
     "Л.Н. Гумилев атындағы Еуразия ұлттық университеті",
     "Л.Н. Гумилев атындағы Еуразия ұлттық университетінің",
     "Евразийский национальный университет имени Л.Н. Гумилева",
     "Евразийского национального университета имени Л.Н. Гумилева",
     "L.N. Gumilyov Eurasian National University"),
    ("kaznau", "almaty-city",
     "Қазақ ұлттық аграрлық университеті",
     "Қазақ ұлттық аграрлық университетінің",
     "Казахский национальный аграрный университет",
     "Казахского национального аграрного университета",
     "Kazakh National Agrarian University"),
    ("kazntu", "almaty-city",
     "Қ.И. Сәтбаев атындағы Қазақ ұлттық техникалық зерттеу университеті",
     "Қ.И. Сәтбаев атындағы Қазақ ұлттық техникалық зерттеу университетінің",
     "Казахский национальный исследовательский технический университет имени К.И. Сатпаева",
     ("Казахского национального исследовательского технического университета имени "
      "К.И. Сатпаева"),
     "K.I. Satbayev Kazakh National Research Technical University"),
    ("kaznmu", "almaty-city",
     "С.Ж. Асфендияров атындағы Қазақ ұлттық медицина университеті",
     "С.Ж. Асфендияров атындағы Қазақ ұлттық медицина университетінің",
     "Казахский национальный медицинский университет имени С.Д. Асфендиярова",
     "Казахского национального медицинского университета имени С.Д. Асфендиярова",
     "S.D. Asfendiyarov Kazakh National Medical University"),
    ("kaznai", "almaty-city",
     "Т.Қ. Жүргенов атындағы Қазақ ұлттық өнер академиясы",
     "Т.Қ. Жүргенов атындағы Қазақ ұлттық өнер академиясының",
     "Казахская национальная академия искусств имени Т.К. Жургенова",
     "Казахской национальной академии искусств имени Т.К. Жургенова",
     "T.K. Zhurgenov Kazakh National Academy of Arts"),
    ("kaznk", "almaty-city",
     "Құрманғазы атындағы Қазақ ұлттық консерваториясы",
     "Құрманғазы атындағы Қазақ ұлттық консерваториясының",
     "Казахская национальная консерватория имени Курмангазы",
     "Казахской национальной консерватории имени Курмангазы",
     "Kurmangazy Kazakh National Conservatory"),
    ("kaznui", "astana",
     "Қазақ ұлттық өнер университеті",
     "Қазақ ұлттық өнер университетінің",
     "Казахский национальный университет искусств",
     "Казахского национального университета искусств",
     "Kazakh National University of Arts"),
]

# GENERATED: official, first day, last day, reason, note (en)
ABSENCES = [
    ("enu-rector", "2016-07-01", "2016-07-31", "other",
     "annual leave (generated test data)"),
    ("kaznu-rector", "2016-09-12", "2016-09-18", "delegation",
     "government delegation abroad (generated test data)"),
]
# GENERATED: region, date, kind, note
REGION_DATES = [
    ("almaty-city", "2016-09-01", "blocked",
     "Knowledge Day, the first day of the academic year (generated test data)"),
]


def names(kk: str, ru: str, en: str) -> dict:
    return {"kk": kk, "ru": ru, "en": en}


def build() -> dict:
    regions = [{"id": rid, "name": names(kk, ru, en),
                "centre": {"name": names(*centre), "lat": lat, "lon": lon}}
               for rid, kk, ru, en, centre, lat, lon in REGIONS]
    bodies, officials = [], []
    for uid, rid, kk, kk_of, ru, ru_of, en in UNIVERSITIES:
        bodies.append({"id": uid, "kind": "university", "name": names(kk, ru, en),
                       "region_id": rid, "sectors": ["higher education"]})
        officials.append({"id": f"{uid}-rector", "body_id": uid, "role": "first_head",
                          "title": names(f"{kk_of} ректоры", f"Ректор {ru_of}",
                                         f"Rector of {en}"),
                          "base_region_id": rid})
        officials.append({"id": f"{uid}-first-vice-rector", "body_id": uid, "role": "deputy",
                          "deputy_of": f"{uid}-rector",
                          "title": names(f"{kk_of} бірінші проректоры",
                                         f"Первый проректор {ru_of}",
                                         f"First Vice-Rector of {en}"),
                          "base_region_id": rid})
    absences = [{"official_id": o, "start": s, "end": e, "reason": r,
                 "note": names(f"{note} (генерацияланған)", f"{note} (сгенерировано)", note)}
                for o, s, e, r, note in ABSENCES]
    region_dates = [{"region_id": rid, "date": day, "kind": kind, "note": note}
                    for rid, day, kind, note in REGION_DATES]
    return {"name": NAME, "horizon": HORIZON, "approval_date": APPROVAL_DATE,
            "regions": regions, "bodies": bodies, "officials": officials, "issues": [],
            "absences": absences, "alerts": [], "region_dates": region_dates,
            "extra_days_off": [], "extra_working_days": []}


def check(data: dict) -> None:
    region_ids = {r["id"] for r in data["regions"]}
    assert len(UNIVERSITIES) == 8 and len({u[0] for u in UNIVERSITIES}) == 8
    assert all(u[1] in region_ids for u in UNIVERSITIES)
    officials = {o["id"] for o in data["officials"]}
    first, last = dt.date(2016, 7, 1), dt.date(2016, 12, 31)
    for o, s, e, _, note in ABSENCES:
        assert o in officials and "generated" in note
        assert first <= dt.date.fromisoformat(s) <= dt.date.fromisoformat(e) <= last
    for rid, day, _, note in REGION_DATES:
        assert rid in region_ids and "generated" in note
        assert first <= dt.date.fromisoformat(day) <= last


def main() -> None:
    data = build()
    check(data)
    OUT.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {len(data['regions'])} regions, {len(data['bodies'])} "
          f"universities, {len(data['officials'])} officials, {len(data['absences'])} "
          f"absences, {len(data['region_dates'])} region dates")


if __name__ == "__main__":
    main()
