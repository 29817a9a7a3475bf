"""A planning instance as an Excel workbook: one sheet per table, one row per item.

``TABLES`` says everything: each sheet, its columns, and where a column's value goes in
the :class:`~scheduler.instance.Instance` (``path``, dotted for nested fields such as
``name.kk``). A header cell reads ``Русский / Қазақша [key]``; the reader only looks at
the key between brackets (a bare key is accepted too), so columns may be reordered and
the labels reworded. Dates are date cells or text, 2027-03-01 (01.03.2027 is accepted).
Every problem is an :class:`~scheduler.io.InputError` naming the file, the sheet, the
Excel row (the header is row 1) and the column key.

``CHANGE_TABLES`` does the same for a quarter's change set
(:class:`~scheduler.changes.ChangeSet`): :func:`read_changes_workbook`,
:func:`write_changes_template`, :func:`write_changes_workbook`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scheduler.changes import Action, ChangeSet
from scheduler.instance import (
    AbsenceReason,
    AkimLevel,
    AlertLevel,
    BodyKind,
    DateKind,
    DistrictKind,
    Horizon,
    Instance,
    Role,
    previous_half,
)
from scheduler.io import InputError, describe_errors, write_atomic

DATE_FORMAT = "YYYY-MM-DD"
MAX_ROWS = 100_000  # per sheet: a national instance has a few thousand


@dataclass(frozen=True)
class Column:
    key: str  # machine key, written in brackets in the header cell
    ru: str
    kk: str
    type: str = "str"  # str | int | float | date | list | dates (both comma-separated)
    path: str | None = ""  # where the value goes in the item ("" = key; None = not stored)
    choices: tuple[str, ...] = ()  # allowed values (drop-down list in the workbook)
    width: int = 0  # 0 = as wide as the header

    @property
    def target(self) -> str | None:
        return self.key if self.path == "" else self.path

    @property
    def header(self) -> str:
        return f"{self.ru} / {self.kk} [{self.key}]"


@dataclass(frozen=True)
class Sheet:
    name: str  # sheet name; also the Instance table, except meta, districts, okrugs,
    # visit_history and days_off
    columns: tuple[Column, ...]
    required: bool = False  # the workbook must have this sheet

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def column_of(self, key: str) -> Column:
        """The column of a key known to be in the sheet (a header already checked)."""
        column = self.column(key)
        if column is None:
            raise KeyError(f"sheet '{self.name}' has no column '{key}'")
        return column

    def key_of(self, path: str) -> str:
        """The column key for a model path ('name.kk' -> 'name_kk'), for error messages."""
        exact = [c.key for c in self.columns if c.target == path]
        inside = [c.key for c in self.columns if (c.target or "").startswith(path + ".")]
        return "/".join(exact or inside) or path


def _values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def _names(what_ru: str, what_kk: str, prefix: str = "name", width: int = 28) -> tuple:
    return tuple(Column(f"{prefix}_{lang}", f"{what_ru} ({ru})", f"{what_kk} ({kk})",
                        path=f"{prefix}.{lang}", width=width)
                 for lang, ru, kk in (("kk", "каз.", "қаз."), ("ru", "рус.", "орыс."),
                                      ("en", "англ.", "ағыл.")))


def _region(key: str = "region_id", ru: str = "Регион", kk: str = "Өңір") -> Column:
    return Column(key, ru, kk)


def _date(key: str = "date", ru: str = "Дата", kk: str = "Күні") -> Column:
    return Column(key, ru, kk, "date", width=14)


_NOTE = Column("note", "Примечание", "Ескертпе", width=30)

DAY_KINDS = {"day_off": "extra_days_off", "working_day": "extra_working_days"}

TABLES: tuple[Sheet, ...] = (
    Sheet("meta", (
        Column("name", "Название", "Атауы", width=30),
        Column("year", "Год", "Жыл", "int", "horizon.year"),
        Column("half", "Полугодие (1 или 2)", "Жартыжылдық (1 немесе 2)", "int", "horizon.half",
               choices=("1", "2")),
        _date("approval_date", "Дата утверждения", "Бекіту күні"),
    ), required=True),
    Sheet("regions", (
        Column("id", "Код региона", "Өңір коды"),
        *_names("Название", "Атауы"),
        Column("centre_name", "Административный центр", "Әкімшілік орталығы",
               path="centre.name"),  # the same in all languages (older workbooks too)
        *(Column(f"centre_{c.key}", c.ru, c.kk, path=f"centre.{c.path}", width=c.width)
          for c in _names("Административный центр", "Әкімшілік орталығы", width=16)),
        Column("lat", "Широта", "Ендік", "float", "centre.lat"),
        Column("lon", "Долгота", "Бойлық", "float", "centre.lon"),
        Column("population", "Численность населения", "Халық саны", "int"),
    ), required=True),
    Sheet("districts", (
        Column("region_id", "Регион", "Өңір", path=None),  # the region the row is nested in
        Column("id", "Код района", "Аудан коды"),
        *_names("Название", "Атауы"),
        Column("kind", "Вид (район, район города, город)", "Түрі (аудан, қала ауданы, қала)",
               choices=_values(DistrictKind)),
        Column("generated", "Название условное (true/false)", "Атауы шартты (true/false)"),
    )),
    Sheet("okrugs", (
        Column("district_id", "Район", "Аудан", path=None),  # the district the row is nested in
        Column("id", "Код сельского округа", "Ауылдық округ коды"),
        *_names("Название", "Атауы"),
        Column("generated", "Название условное (true/false)", "Атауы шартты (true/false)"),
    )),
    Sheet("visit_history", (
        Column("official_id", "Аким области или города", "Облыс немесе қала әкімі"),
        Column("district_id", "Район", "Аудан"),
        _date("date", "Дата встречи (прошлое полугодие)", "Кездесу күні (өткен жарты жыл)"),
    )),
    Sheet("bodies", (
        Column("id", "Код органа", "Орган коды"),
        Column("kind", "Вид органа", "Орган түрі", choices=_values(BodyKind)),
        *_names("Наименование", "Атауы", width=40),
        _region("region_id", "Регион (для акимата)", "Өңір (әкімдік үшін)"),
        Column("sectors", "Отрасли (через запятую)", "Салалар (үтір арқылы)", "list"),
    ), required=True),
    Sheet("officials", (
        Column("id", "Код должности", "Лауазым коды"),
        *_names("Должность", "Лауазымы", prefix="title", width=40),
        Column("body_id", "Орган", "Орган"),
        Column("role", "Роль", "Рөлі", choices=_values(Role)),
        Column("deputy_of", "Чей заместитель (код первого руководителя)",
               "Кімнің орынбасары (бірінші басшының коды)"),
        Column("akim_level", "Уровень акима", "Әкім деңгейі", choices=_values(AkimLevel)),
        Column("district_id", "Район", "Аудан"),
        _region("base_region_id", "Регион выезда (для министров Астана)",
                "Шығатын өңірі (министрлер үшін Астана)"),
        Column("okrug_id", "Сельский округ (для сельского акима)",
               "Ауылдық округ (ауылдық әкім үшін)"),
    ), required=True),
    Sheet("issues", (
        Column("id", "Код вопроса", "Мәселе коды"),
        _region(),
        Column("body_id", "Ответственный орган", "Жауапты орган"),
        Column("weight", "Вес (1–100)", "Салмағы (1–100)", "int"),
        *_names("Текст", "Мәтіні", prefix="text", width=50),
    )),
    Sheet("absences", (
        Column("official_id", "Должность", "Лауазым"),
        _date("start", "Начало", "Басталуы"),
        _date("end", "Окончание", "Аяқталуы"),
        Column("reason", "Причина", "Себебі", choices=_values(AbsenceReason)),
        _NOTE,  # the same in all languages (older workbooks too)
        *_names("Примечание", "Ескертпе", prefix="note", width=30),
    )),
    Sheet("alerts", (
        Column("id", "Код сигнала", "Сигнал коды"),
        _region(),
        Column("body_ids", "Органы (через запятую)", "Органдар (үтір арқылы)", "list"),
        Column("level", "Уровень", "Деңгейі", choices=_values(AlertLevel)),
        _date(),
        Column("text", "Описание", "Сипаттамасы", width=50),  # the same in all languages
        *_names("Описание", "Сипаттамасы", prefix="text", width=50),
    )),
    Sheet("region_dates", (
        _region(),
        _date(),
        Column("kind", "Вид", "Түрі", choices=_values(DateKind)),
        _NOTE,
    )),
    Sheet("days_off", (
        _date(),
        Column("kind", "Вид", "Түрі", path=None, choices=tuple(DAY_KINDS)),
    )),
)
SHEETS = {sheet.name: sheet for sheet in TABLES}

README = """\
Календарь встреч министров и акимов с населением: исходные данные на полугодие
Министрлер мен әкімдердің халықпен кездесулер кестесі: жарты жылдыққа арналған бастапқы деректер
Meetings of ministers and akims with the population: the half-year planning input

RU. Каждый лист — одна таблица, каждая строка — одна запись; пустые строки пропускаются.
В заголовке столбца в квадратных скобках стоит ключ, например «Регион / Өңір [region_id]».
Ключ менять нельзя; подписи можно переписать, столбцы — переставить. Лист meta — одна строка.
Даты: ячейка-дата или текст ГГГГ-ММ-ДД (2027-03-01), допускается ДД.ММ.ГГГГ.
Списки (sectors, body_ids) — через запятую. Полугодие: 1 = январь–июнь, 2 = июль–декабрь.
В officials указываются должности, а не фамилии.
Обязательные листы: meta, regions, bodies, officials.
Районы (districts) ссылаются на регион по его коду, сельские округа (okrugs) — на район;
visit_history — районы, где акимы областей и городов провели встречи в прошлом полугодии;
days_off: day_off — доп. выходной, working_day — перенесённый рабочий день.

KK. Әр парақ — бір кесте, әр жол — бір жазба; бос жолдар ескерілмейді.
Баған тақырыбында шаршы жақшада кілт көрсетілген, мысалы «Регион / Өңір [region_id]».
Кілтті өзгертуге болмайды; жазуларды өзгертуге, бағандардың орнын ауыстыруға болады.
meta парағы — бір жол. Күндер: күн форматындағы ұяшық немесе ЖЖЖЖ-АА-КК (2027-03-01)
мәтіні, КК.АА.ЖЖЖЖ да қабылданады. Тізімдер (sectors, body_ids) үтір арқылы жазылады.
Жартыжылдық: 1 = қаңтар–маусым, 2 = шілде–желтоқсан. officials парағына адамның аты-жөні
емес, лауазымы жазылады. Міндетті парақтар: meta, regions, bodies, officials.
Аудандар (districts) өңірге, ауылдық округтер (okrugs) ауданға кодымен сілтейді;
visit_history — облыс және қала әкімдері өткен жарты жылда кездесу өткізген аудандар.
days_off: day_off — қосымша демалыс күні, working_day — ауыстырылған жұмыс күні.

EN. One sheet per table, one row per item; empty rows are skipped. The key in brackets in
each header cell is what the reader uses: keep it, reword the labels or reorder the columns
freely. The meta sheet has one row. Dates: a date cell or the text YYYY-MM-DD (DD.MM.YYYY is
accepted too). Lists (sectors, body_ids) are comma-separated. Half 1 = January-June,
2 = July-December. Officials are positions, never persons' names. Required sheets: meta,
regions, bodies, officials.

Допустимые значения / Рұқсат етілген мәндер / Allowed values:
"""


# ------------------------------------------------------------------------ reader
def read_instance_workbook(path: str | Path) -> Instance:
    """Read and validate an instance from an ``.xlsx`` workbook made from the template."""
    path = Path(path)
    rows = _read_book(path, TABLES)
    data, where = _assemble(rows, path)
    try:
        return Instance.model_validate(data)
    except ValidationError as exc:
        raise InputError(_explain(exc, str(path), where)) from None


def _read_book(path: Path, tables: tuple[Sheet, ...]) -> dict[str, list]:
    """Every sheet of ``tables`` as :func:`_read_sheet` rows (an absent optional sheet: [])."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and format errors all mean the same to the user
        raise InputError(f"{path}: not a readable .xlsx workbook "
                         f"({type(exc).__name__}: {exc})") from None
    try:
        rows: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        titles = {title.strip().lower(): title for title in book.sheetnames}
        for sheet in tables:
            title = titles.get(sheet.name)
            if title is None:
                if sheet.required:
                    raise InputError(f"{path}: sheet '{sheet.name}' is missing (the workbook "
                                     f"has: {', '.join(book.sheetnames)})")
                rows[sheet.name] = []
                continue
            rows[sheet.name] = _read_sheet(book[title], sheet, path)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{path}: cannot read the workbook "
                         f"({type(exc).__name__}: {exc})") from None
    finally:
        book.close()
    return rows


def _read_sheet(ws, sheet: Sheet, path: Path) -> list[tuple[int, dict[str, Any]]]:
    """The sheet's non-empty rows as (Excel row number, {column key: converted value})."""
    from openpyxl.utils import get_column_letter

    ws.reset_dimensions()  # do not trust the stored dimensions of files from other tools
    lines = ws.iter_rows(values_only=True)
    header = next(lines, None) or ()
    keys: list[str | None] = []
    for number, cell in enumerate(header, start=1):
        text = "" if cell is None else str(cell).strip()
        if not text:
            keys.append(None)
            continue
        found = re.search(r"\[\s*([^\]]+?)\s*\]\s*$", text)
        key = found.group(1) if found else text
        where = f"{path}: sheet '{sheet.name}', row 1, column {get_column_letter(number)}"
        if sheet.column(key) is None:
            known = ", ".join(c.key for c in sheet.columns)
            raise InputError(f"{where}: unknown column '{key}' (known: {known})")
        if key in keys:
            raise InputError(f"{where}: column '{key}' appears twice")
        keys.append(key)
    result = []
    for number, line in enumerate(lines, start=2):
        if number > MAX_ROWS + 1:
            raise InputError(f"{path}: sheet '{sheet.name}' has more than {MAX_ROWS:,} rows "
                             f"(delete the empty rows below the data, or split the table)")
        values = {}
        for column, cell in enumerate(line):
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                continue
            key = keys[column] if column < len(keys) else None
            if key is None:  # merged header cells, or a column without a header
                letter = get_column_letter(column + 1)
                raise InputError(f"{path}: sheet '{sheet.name}', cell {letter}{number}: a value "
                                 f"under an empty header cell {letter}1 (are header cells "
                                 f"merged? give every column its own header with its [key])")
            values[key] = _convert(cell, sheet.column_of(key),
                                   f"{path}: sheet '{sheet.name}', row {number}, field '{key}'")
        if values:
            result.append((number, values))
    return result


def _convert(cell: Any, column: Column, where: str) -> Any:
    if column.type == "dates":  # comma-separated; a lone date cell is a list of one
        if isinstance(cell, dt.date):
            return [cell.date() if isinstance(cell, dt.datetime) else cell]
        parts = [part.strip() for part in re.split(r"[,;]", str(cell)) if part.strip()]
        return [_convert(part, DATE_COLUMN, where) for part in parts]
    if column.type == "date":
        if isinstance(cell, dt.datetime):
            return cell.date()
        if isinstance(cell, dt.date):
            return cell
        text = str(cell).strip()
        for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                pass
        raise InputError(f"{where}: '{text}' is not a date (write 2027-03-01 or use a date cell)")
    if column.type in ("int", "float"):
        return cell.strip() if isinstance(cell, str) else cell  # pydantic checks the number
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = cell.date().isoformat() if isinstance(cell, dt.datetime) else str(cell).strip()
    if column.type == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


DATE_COLUMN = Column("date", "Дата", "Күні", "date")


def _put(item: dict, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        if isinstance(item.get(part), str):  # one text for all languages, then one language
            item[part] = {lang: item[part] for lang in ("kk", "ru", "en")}
        item = item.setdefault(part, {})
    if isinstance(item.get(last), dict) and isinstance(value, str):  # languages given apart
        item[last] = {lang: item[last].get(lang) or value for lang in ("kk", "ru", "en")}
        return
    item[last] = value


def _item(sheet: Sheet, values: dict[str, Any]) -> dict:
    item: dict = {}
    for key, value in values.items():
        target = sheet.column_of(key).target
        if target is not None:
            _put(item, target, value)
    return item


Where = dict[tuple, tuple[str, int]]  # pydantic location prefix -> (sheet, Excel row)


def _assemble(rows: dict[str, list], path: Path) -> tuple[dict, Where]:
    """The nested dict for Instance.model_validate, and where each item came from."""
    where: Where = {}
    meta = rows["meta"]
    if len(meta) != 1:
        raise InputError(f"{path}: sheet 'meta' needs exactly one filled row below the header "
                         f"(name, year, half, approval_date); it has {len(meta)}")
    data = _item(SHEETS["meta"], meta[0][1])
    where[()] = ("meta", meta[0][0])
    for table in ("regions", "bodies", "officials", "issues", "absences", "alerts",
                  "region_dates"):
        data[table] = []
        for number, values in rows[table]:
            where[(table, len(data[table]))] = (table, number)
            data[table].append(_item(SHEETS[table], values))
    regions = {r.get("id"): (i, r) for i, r in enumerate(data["regions"])}
    for number, values in rows["districts"]:
        here = f"{path}: sheet 'districts', row {number}, field 'region_id'"
        if "region_id" not in values:
            raise InputError(f"{here}: the district's region is missing")
        if values["region_id"] not in regions:
            raise InputError(f"{here}: unknown region '{values['region_id']}'")
        i, region = regions[values["region_id"]]
        districts = region.setdefault("districts", [])
        where[("regions", i, "districts", len(districts))] = ("districts", number)
        districts.append(_item(SHEETS["districts"], values))
    found = {d.get("id"): (i, j, d) for i, r in enumerate(data["regions"])
             for j, d in enumerate(r.get("districts", []))}
    for number, values in rows["okrugs"]:
        here = f"{path}: sheet 'okrugs', row {number}, field 'district_id'"
        if "district_id" not in values:
            raise InputError(f"{here}: the rural okrug's district is missing")
        if values["district_id"] not in found:
            raise InputError(f"{here}: unknown district '{values['district_id']}'")
        i, j, district = found[values["district_id"]]
        okrugs = district.setdefault("okrugs", [])
        where[("regions", i, "districts", j, "okrugs", len(okrugs))] = ("okrugs", number)
        okrugs.append(_item(SHEETS["okrugs"], values))
    if rows["visit_history"]:
        horizon = data.get("horizon", {})
        try:
            before = previous_half(Horizon(**horizon)).model_dump()
        except (TypeError, ValidationError):
            before = horizon
        visits: list[dict] = []
        for number, values in rows["visit_history"]:
            where[("visit_history", "visits", len(visits))] = ("visit_history", number)
            visits.append(_item(SHEETS["visit_history"], values))
        data["visit_history"] = {"horizon": before, "visits": visits}
    for table in DAY_KINDS.values():
        data[table] = []
    for number, values in rows["days_off"]:
        here = f"{path}: sheet 'days_off', row {number}, field"
        kind = values.get("kind")
        if kind not in DAY_KINDS:
            raise InputError(f"{here} 'kind': expected one of {', '.join(DAY_KINDS)}, "
                             f"got '{kind or ''}'")
        if "date" not in values:
            raise InputError(f"{here} 'date': the date is missing")
        table = DAY_KINDS[kind]
        where[(table, len(data[table]))] = ("days_off", number)
        data[table].append(values["date"])
    return data, where


def _explain(error: ValidationError, source: str, where: Where,
             sheets: dict[str, Sheet] | None = None,
             where_table: dict[str, str] | None = None) -> str:
    """Pydantic errors as 'FILE: sheet 'S', row N, field 'KEY': message' lines.

    ``sheets`` and ``where_table`` (model table -> sheet) default to the instance's."""
    sheets = SHEETS if sheets is None else sheets

    def locate(table: str, index: int) -> str:
        sheet, number = where.get((table, index), (table, index + 2))
        return f"sheet '{sheet}', row {number}"

    if any(not err["loc"] for err in error.errors()):  # cross-references between tables
        sheet, number = where[()]
        return describe_errors(error, source, locate).replace(
            f"{source}: field 'approval_date'",
            f"{source}: sheet '{sheet}', row {number}, field 'approval_date'")
    if where_table is None:
        where_table = {**{s.name: s.name for s in TABLES},
                       **{table: "days_off" for table in DAY_KINDS.values()}}
    lines = []
    for err in error.errors():
        loc = err["loc"]
        msg = err["msg"].removeprefix("Value error, ")
        n = max(n for n in range(len(loc) + 1) if loc[:n] in where)
        if n == 0 and loc[0] in where_table:  # a whole table: "needs at least 1 item"
            lines.append(f"{source}: sheet '{where_table[loc[0]]}': {msg}")
            continue
        sheet, number = where[loc[:n]]
        field = ".".join(str(part) for part in loc[n:] if not isinstance(part, int))
        key = sheets[sheet].key_of(field) if field else _named_keys(sheets[sheet], msg)
        value = err.get("input")
        if err["type"] != "missing" and isinstance(value, (str, int, float)):
            msg += f" (got {value!r})"
        lines.append(f"{source}: sheet '{sheet}', row {number}, field '{key}': {msg}")
    if len(lines) > 12:
        lines[12:] = [f"... and {len(lines) - 12} more problems"]
    return "\n".join(lines)


def _named_keys(sheet: Sheet, message: str) -> str:
    """The column keys a whole-row message quotes ("needs 'meeting_id'"), else '(row)'."""
    keys = [key for key in re.findall(r"'([^']+)'", message) if sheet.column(key)]
    return "/".join(dict.fromkeys(keys)) or "(row)"


# ------------------------------------------------------------------------ writers
def write_template(path: str | Path) -> None:
    """An empty workbook to fill in: a README sheet and one sheet per table."""
    _write(path, {})


def write_instance_workbook(instance: Instance, path: str | Path) -> None:
    """The instance as a filled workbook that :func:`read_instance_workbook` reads back."""
    data = instance.model_dump(mode="python")
    meta = {"name": data["name"], "horizon": data["horizon"],
            "approval_date": data["approval_date"]}
    items: dict[str, list[dict]] = {"meta": [meta]}
    for table in ("regions", "bodies", "officials", "issues", "absences", "alerts",
                  "region_dates"):
        items[table] = data[table]
    items["districts"] = [{"region_id": r["id"], **d} for r in data["regions"]
                          for d in r["districts"]]
    items["okrugs"] = [{"district_id": d["id"], **k} for r in data["regions"]
                       for d in r["districts"] for k in d["okrugs"]]
    items["visit_history"] = list(data["visit_history"]["visits"]) \
        if data.get("visit_history") else []
    items["days_off"] = [{"date": day, "kind": kind} for kind, table in DAY_KINDS.items()
                         for day in data[table]]
    _write(path, {name: [[_cell(item, sheet.column_of(c.key), sheet) for c in sheet.columns]
                         for item in items[name]]
                  for name, sheet in SHEETS.items()})


def _uniform(value: Any) -> bool:
    """A text in three languages that reads the same in all (an older file's one text)."""
    return (isinstance(value, dict) and set(value) == {"kk", "ru", "en"}
            and all(isinstance(v, str) for v in value.values()) and len(set(value.values())) == 1)


def _cell(item: dict, column: Column, sheet: Sheet | None = None) -> Any:
    target = column.target or column.key
    value: Any = item
    for part in target.split("."):
        parent, value = value, value.get(part) if isinstance(value, dict) else None
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, dict):  # one column for a text in three languages: when all agree
        value = value["ru"] if _uniform(value) else None
    elif sheet is not None and "." in target and _uniform(parent) and any(
            c.target == target.rsplit(".", 1)[0] for c in sheet.columns):
        value = None  # written once, in the column for all languages
    if isinstance(value, (list, tuple)):
        value = ", ".join(v.isoformat() if isinstance(v, dt.date) else str(v) for v in value)
    return None if value == "" else value


def _write(path: str | Path, rows: dict[str, list[list[Any]]],
           tables: tuple[Sheet, ...] = TABLES, notes: str = README) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from scheduler.safe_text import append_row  # text stays text, never a formula

    book = Workbook()
    readme = book.active
    readme.title = "README"
    text = notes + "".join(f"  {s.name}.{c.key}: {', '.join(c.choices)}\n"
                            for s in tables for c in s.columns if c.choices)
    for line in text.splitlines():
        append_row(readme, [line])
    readme["A1"].font = Font(bold=True)
    readme.column_dimensions["A"].width = 100
    for sheet in tables:
        ws = book.create_sheet(sheet.name)
        ws.append([c.header for c in sheet.columns])
        for row in rows.get(sheet.name, []):
            append_row(ws, row)
        ws.freeze_panes = "A2"
        for number, column in enumerate(sheet.columns, start=1):
            letter = get_column_letter(number)
            header = ws.cell(row=1, column=number)
            header.font = Font(bold=True)
            header.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[letter].width = column.width or min(len(column.header) + 2, 30)
            if column.type == "date":
                for (cell,) in ws.iter_rows(min_row=2, min_col=number, max_col=number):
                    cell.number_format = DATE_FORMAT
            if column.choices:
                check = DataValidation(type="list", formula1=f'"{",".join(column.choices)}"',
                                       allow_blank=True)
                check.add(f"{letter}2:{letter}2000")
                ws.add_data_validation(check)
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, buffer.getvalue())


# ------------------------------------------------------------------------ change sets
CHANGE_TABLES: tuple[Sheet, ...] = (
    Sheet("meta", (
        Column("note", "Примечание к пакету изменений", "Өзгерістер топтамасына ескертпе",
               width=60),
    )),
    Sheet("requests", (
        Column("id", "Код заявки", "Өтінім коды"),
        Column("body_id", "Орган", "Орган"),
        _date("submitted", "Дата подачи", "Берілген күні"),
        Column("action", "Действие", "Әрекет", choices=_values(Action)),
        Column("meeting_id", "Код встречи (для move, cancel)",
               "Кездесу коды (move, cancel үшін)", width=16),
        _date("date", "Новая дата (для move, add)", "Жаңа күні (move, add үшін)"),
        _region("region_id", "Новый регион (для move, add)", "Жаңа өңір (move, add үшін)"),
        Column("dates", "Даты (для block, через запятую)", "Күндер (block үшін, үтір арқылы)",
               "dates", width=26),
        _NOTE,
    )),
    SHEETS["absences"],
    SHEETS["alerts"],
    Sheet("days_off", (
        _date("date", "Дополнительный выходной", "Қосымша демалыс күні"),
    )),
)
CHANGE_SHEETS = {sheet.name: sheet for sheet in CHANGE_TABLES}
CHANGE_TABLE_OF_SHEET = {"requests": "requests", "absences": "absences", "alerts": "alerts",
                         "days_off": "extra_days_off"}  # sheet -> ChangeSet field

CHANGES_README = """\
Календарь встреч министров и акимов с населением: изменения на квартал
Министрлер мен әкімдердің халықпен кездесулер кестесі: тоқсандық өзгерістер
Meetings of ministers and akims with the population: a quarter's change set

RU. Каждый лист — одна таблица, каждая строка — одна запись; пустые строки пропускаются.
Все листы необязательны: пустая книга — пустой пакет изменений. Ключ в квадратных скобках
в заголовке менять нельзя; подписи можно переписать, столбцы — переставить.
Даты: ячейка-дата или текст ГГГГ-ММ-ДД (2027-03-01), допускается ДД.ММ.ГГГГ.
requests — заявки органов: move — перенести встречу (meeting_id и новая date и/или
region_id); cancel — отменить встречу (meeting_id); add — добавить встречу (date и region_id
необязательны); block — руководитель не может проводить встречи в эти даты (dates, через
запятую). Заявка после срока (1-е число последнего месяца квартала) отклоняется.
absences — новые отсутствия должностных лиц; alerts — сигналы о социальной напряжённости
(body_ids через запятую); days_off — дополнительные выходные; meta — одна строка примечания.

KK. Әр парақ — бір кесте, әр жол — бір жазба; бос жолдар ескерілмейді.
Барлық парақтар міндетті емес: бос кітап — бос өзгерістер топтамасы. Тақырыптағы шаршы
жақшадағы кілтті өзгертуге болмайды; жазуларды өзгертуге, бағандардың орнын ауыстыруға болады.
Күндер: күн форматындағы ұяшық немесе ЖЖЖЖ-АА-КК (2027-03-01) мәтіні, КК.АА.ЖЖЖЖ да қабылданады.
requests — органдардың өтінімдері: move — кездесуді ауыстыру (meeting_id және жаңа date
және/немесе region_id); cancel — кездесуді болдырмау (meeting_id); add — кездесу қосу (date
пен region_id міндетті емес); block — басшы бұл күндері кездесу өткізе алмайды (dates, үтір
арқылы). Мерзімнен (тоқсанның соңғы айының 1-күні) кейін берілген өтінім қабылданбайды.
absences — лауазымды тұлғалардың жаңа болмауы; alerts — әлеуметтік шиеленіс туралы сигналдар
(body_ids үтір арқылы); days_off — қосымша демалыс күндері; meta — бір жол ескертпе.

EN. One sheet per table, one row per item; empty rows are skipped. Every sheet is optional:
an empty workbook is an empty change set. Keep the key in brackets in each header; reword the
labels or reorder the columns freely. Dates: a date cell or YYYY-MM-DD (DD.MM.YYYY too).
requests: move (meeting_id and a new date and/or region_id), cancel (meeting_id), add (date
and region_id optional), block (dates, comma-separated). A request submitted after the
deadline (the 1st of the quarter's last month) is refused. absences: new absences; alerts:
social tension alerts (body_ids comma-separated); days_off: extra days off; meta: one note row.

Допустимые значения / Рұқсат етілген мәндер / Allowed values:
"""


def read_changes_workbook(path: str | Path, located: bool = False):
    """Read and validate a change set from an ``.xlsx`` workbook made from the template
    (with ``located``, also its locator: (table, index) -> "sheet 'S', row N")."""
    path = Path(path)
    rows = _read_book(path, CHANGE_TABLES)
    meta = rows["meta"]
    if len(meta) > 1:
        raise InputError(f"{path}: sheet 'meta' has at most one filled row below the header "
                         f"(note); it has {len(meta)} (rows {', '.join(str(n) for n, _ in meta)})")
    data: dict[str, Any] = {"note": meta[0][1].get("note", "")} if meta else {}
    where: Where = {}
    for sheet, table in CHANGE_TABLE_OF_SHEET.items():
        data[table] = []
        for number, values in rows[sheet]:
            where[(table, len(data[table]))] = (sheet, number)
            item = _item(CHANGE_SHEETS[sheet], values)
            data[table].append(item["date"] if sheet == "days_off" else item)
    try:
        changes = ChangeSet.model_validate(data)
    except ValidationError as exc:
        raise InputError(_explain(exc, str(path), where, CHANGE_SHEETS,
                                  {table: sheet for sheet, table in
                                   CHANGE_TABLE_OF_SHEET.items()})) from None
    if not located:
        return changes

    def locate(table: str, index: int) -> str:
        sheet, number = where.get((table, index), (table, index + 2))
        return f"sheet '{sheet}', row {number}"
    return changes, locate


def write_changes_template(path: str | Path) -> None:
    """An empty change-set workbook to fill in: a README sheet and one sheet per table."""
    _write(path, {}, CHANGE_TABLES, CHANGES_README)


def write_changes_workbook(changes: ChangeSet, path: str | Path) -> None:
    """The change set as a filled workbook that :func:`read_changes_workbook` reads back."""
    data = changes.model_dump(mode="python")
    items: dict[str, list[dict]] = {"meta": [{"note": data["note"]}] if data["note"] else []}
    for sheet, table in CHANGE_TABLE_OF_SHEET.items():
        items[sheet] = data[table]
    items["days_off"] = [{"date": day} for day in data["extra_days_off"]]
    _write(path, {name: [[_cell(item, sheet.column_of(c.key), sheet) for c in sheet.columns]
                         for item in items[name]]
                  for name, sheet in CHANGE_SHEETS.items()}, CHANGE_TABLES, CHANGES_README)
