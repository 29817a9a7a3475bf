"""Bad input of every kind, through the real command line: each is refused with exit 2 (a
calendar that breaks a rule: exit 1), a message that names the file and, where there is one,
the table or sheet, row and field; no traceback; nothing written into the output folder.

Every case is data: a mutation of a bundled input (``instances/kz-2027-h1.json``, its change
set ``instances/kz-2027-h1-changes-q2.json``, the approved calendar
``instances/kz-2027-h1-approved.json``, the profile ``scheduler/profiles/kz-2024.toml``), or a
command line. All are refused while loading, before any solving.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
from typer.testing import CliRunner

from scheduler import workbook
from scheduler.cli import app
from scheduler.io import load_calendar, load_changes, load_instance

ROOT = Path(__file__).parents[1]
INSTANCE = ROOT / "instances" / "kz-2027-h1.json"
CHANGES = ROOT / "instances" / "kz-2027-h1-changes-q2.json"
APPROVED = ROOT / "instances" / "kz-2027-h1-approved.json"
PROFILE = ROOT / "scheduler" / "profiles" / "kz-2024.toml"
QUICK = ["--time-limit", "1", "--workers", "1", "--no-report"]  # should a case ever reach it

runner = CliRunner()
Mutation = Callable[[str], str | bytes]  # the bundled file's text -> the bad file's content


# --------------------------------------------------------------------- mutations
def _walk(data: Any, dotted: str) -> tuple[Any, Any]:
    *parents, last = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    for part in parents:
        data = data[part]
    return data, last


def put(dotted: str, value: Any) -> Mutation:
    """Set one field ("regions.0.name.ru") of a JSON file."""
    def mutate(text: str) -> str:
        data = json.loads(text)
        parent, key = _walk(data, dotted)
        parent[key] = value
        return json.dumps(data)  # \uXXXX: lone surrogates too
    return mutate


def drop(dotted: str) -> Mutation:
    def mutate(text: str) -> str:
        data = json.loads(text)
        parent, key = _walk(data, dotted)
        del parent[key]
        return json.dumps(data)  # \uXXXX: lone surrogates too
    return mutate


def edit(change: Callable[[dict], Any]) -> Mutation:
    def mutate(text: str) -> str:
        data = json.loads(text)
        change(data)
        return json.dumps(data)  # \uXXXX: lone surrogates too
    return mutate


def raw(content: str | bytes) -> Mutation:
    return lambda text: content


def replace(old: str, new: str) -> Mutation:
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return mutate


def item(data: dict, table: str, key: str) -> dict:
    return next(x for x in data[table] if x.get("id", x.get("official_id")) == key)


def put_toml(dotted: str, value: Any) -> Mutation:
    """Set one field ("rules.TIME-LEAD.lead_days") of a TOML profile."""
    def mutate(text: str) -> str:
        data = tomllib.loads(text)
        parent, key = _walk(data, dotted)
        parent[key] = value
        return _toml(data)
    return mutate


def drop_toml(dotted: str) -> Mutation:
    def mutate(text: str) -> str:
        data = tomllib.loads(text)
        parent, key = _walk(data, dotted)
        del parent[key]
        return _toml(data)
    return mutate


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml_value, value)) + "]"
    return json.dumps(value)  # numbers, and strings (JSON escapes are TOML escapes)


def _toml(data: dict) -> str:
    lines = [f"{k} = {_toml_value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    for name, rules in data.items():
        if isinstance(rules, dict):
            for rule_id, rule in rules.items():
                if isinstance(rule, dict):
                    lines += ["", f'[{name}."{rule_id}"]']
                    lines += [f"{k} = {_toml_value(v)}" for k, v in rule.items()]
                else:
                    lines += ["", f"[{name}]", f'"{rule_id}" = {_toml_value(rule)}']
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------ running
@dataclass(frozen=True)
class Run:
    code: int
    text: str  # the output, box drawing removed and whitespace runs collapsed


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def invoke(args: list[str], out: Path | None = None) -> Run:
    """Run the CLI in-process; nothing may appear in ``out`` and no exception may escape."""
    before = _listing(out) if out else []
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "400"})
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception), result.output)
    assert "Traceback" not in result.output, result.output
    if out is not None:
        assert _listing(out) == before, f"written into {out}: {result.output}"
    text = " ".join(result.output.replace("│", " ").split())
    return Run(result.exit_code, text)


def expect(run: Run, code: int, *texts: str) -> None:
    assert run.code == code, run.text
    for text in texts:
        assert " ".join(str(text).split()) in run.text, (text, run.text)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


DEEP = '{"name": ' + "[" * 5000 + "]" * 5000 + "}"

# ------------------------------------------------------------ instance (JSON)
INSTANCE_JSON: list[tuple[str, Mutation, tuple[str, ...]]] = [
    # the file itself
    ("empty-file", raw(""), ("malformed JSON at line 1",)),
    ("truncated", lambda text: text[:1000], ("malformed JSON",)),
    ("trailing-garbage", lambda text: text + "}", ("malformed JSON", "Extra data")),
    ("comment", lambda text: "// kz-2027\n" + text, ("malformed JSON at line 1",)),
    ("single-quotes", raw("{'name': 'x'}"), ("malformed JSON",)),
    ("cp1251-bytes", lambda text: text.encode("cp1251", errors="replace"), ("not UTF-8",)),
    ("utf16", lambda text: text.encode("utf-16"), ("not UTF-8",)),
    ("top-level-list", raw("[]"), ("expected a JSON object",)),
    ("top-level-string", raw('"kz-2027-h1"'), ("expected a JSON object",)),
    ("top-level-null", raw("null"), ("expected a JSON object",)),
    ("nested-5000-deep", raw(DEEP), ("nested too deeply",)),
    ("nested-list-in-name", put("regions.0.name", [[[[["x"]]]]]), ("regions[0]", "field 'name'")),
    ("raw-control-char-in-string", replace('"Astana"', '"Ast\x01ana"'), ("malformed JSON",)),
    # top-level fields
    ("name-missing", drop("name"), ("field 'name'", "Field required")),
    ("name-empty", put("name", ""), ("field 'name'", "at least 1 character")),
    ("name-blank-lines", put("name", " \n\t "), ("field 'name'", "at least 1 character")),
    ("name-number", put("name", 2027), ("field 'name'", "valid string")),
    ("name-nul", put("name", "kz\x00"), ("field 'name'", "U+0000")),
    ("unknown-top-level-key", put("colour", "red"), ("field 'colour'", "Extra inputs")),
    ("horizon-missing", drop("horizon"), ("field 'horizon'", "Field required")),
    ("horizon-string", put("horizon", "2027-H1"), ("field 'horizon'",)),
    ("year-1999", put("horizon.year", 1999), ("field 'horizon.year'",)),
    ("year-text", put("horizon.year", "twenty"), ("field 'horizon.year'",)),
    ("half-3", put("horizon.half", 3), ("field 'horizon.half'",)),
    ("approval-month-13", put("approval_date", "2026-13-01"), ("field 'approval_date'",)),
    ("approval-dotted", put("approval_date", "15.12.2026"), ("field 'approval_date'",)),
    ("approval-after-horizon", put("approval_date", "2027-07-01"), ("field 'approval_date'",)),
    ("approval-null", put("approval_date", None), ("field 'approval_date'",)),
    ("regions-empty", put("regions", []), ("field 'regions'", "at least 1")),
    ("regions-object", put("regions", {}), ("field 'regions'",)),
    ("bodies-missing", drop("bodies"), ("field 'bodies'", "Field required")),
    ("officials-empty", put("officials", []), ("field 'officials'",)),
    ("day-off-month-13", put("extra_days_off", ["2027-13-01"]),
     ("extra_days_off[0]", "month value")),
    ("day-off-outside-horizon", put("extra_days_off", ["2027-08-01"]),
     ("extra_days_off[0]", "outside the horizon")),
    ("working-day-outside-horizon", put("extra_working_days", ["2026-12-31"]),
     ("extra_working_days[0]", "outside the horizon")),
    ("days-off-string", put("extra_days_off", "2027-01-02"), ("field 'extra_days_off'",)),
    # regions
    ("region-id-missing", drop("regions.0.id"), ("regions[0]", "field 'id'", "Field required")),
    ("region-id-empty", put("regions.0.id", ""), ("regions[0]", "field 'id'")),
    ("region-id-space", put("regions.0.id", "astana city"),
     ("regions[0]", "field 'id'", "letters (any alphabet)", "букв", "әріптер")),
    ("region-id-slash", put("regions.0.id", "../astana"),
     ("regions[0]", "field 'id'", "not an id")),
    ("region-id-backslash", put("regions.0.id", "astana\\city"), ("regions[0]", "not an id")),
    ("region-id-dots", put("regions.0.id", ".."), ("regions[0]", "field 'id'", "not an id")),
    ("region-id-65-chars", put("regions.0.id", "a" * 65), ("regions[0]", "at most 64")),
    ("region-id-nul", put("regions.0.id", "astana\x00"), ("regions[0]", "not an id")),
    ("region-id-newline", put("regions.0.id", "astana\n"), ("regions[0]", "not an id")),
    ("region-id-number", put("regions.0.id", 7), ("regions[0]", "field 'id'", "valid string")),
    ("region-id-twice", put("regions.1.id", "astana"), ("regions[1]", "used twice")),
    ("region-unknown-field", put("regions.0.capital", "Astana"), ("regions[0]", "Extra inputs")),
    ("region-name-kk-missing", drop("regions.0.name.kk"), ("regions[0]", "field 'name.kk'")),
    ("region-name-ru-empty", put("regions.0.name.ru", ""), ("regions[0]", "field 'name.ru'")),
    ("region-name-string", put("regions.0.name", "Astana"), ("regions[0]", "field 'name'")),
    ("region-name-bell", put("regions.0.name.ru", "Астана\x07"),
     ("regions[0]", "field 'name.ru'", "U+0007")),
    ("region-name-c1", put("regions.0.name.en", "Astana\x9b"),
     ("regions[0]", "field 'name.en'", "U+009B")),
    ("region-name-surrogate", put("regions.0.name.kk", "Астана\ud800"),
     ("regions[0]", "field 'name.kk'", "U+D800")),
    ("region-name-5000-chars", put("regions.0.name.ru", "А" * 5000),
     ("regions[0]", "field 'name.ru'", "at most 1000")),
    ("centre-lat-91", put("regions.0.centre.lat", 91), ("regions[0]", "field 'centre.lat'")),
    ("centre-lon-minus-181", put("regions.0.centre.lon", -181), ("field 'centre.lon'",)),
    ("centre-lat-text", put("regions.0.centre.lat", "north"), ("field 'centre.lat'",)),
    ("centre-lat-nan", put("regions.0.centre.lat", float("nan")), ("field 'centre.lat'",)),
    ("centre-missing", drop("regions.0.centre"), ("regions[0]", "field 'centre'")),
    ("centre-name-empty", put("regions.0.centre.name", ""), ("field 'centre.name",)),
    ("population-negative", put("regions.0.population", -1), ("field 'population'",)),
    ("population-fraction", put("regions.0.population", 1.5), ("field 'population'",)),
    ("population-10-to-400", put("regions.0.population", 10**400), ("field 'population'",)),
    ("population-infinity", put("regions.0.population", float("inf")), ("field 'population'",)),
    # bodies
    ("body-kind-unknown", put("bodies.0.kind", "agency"), ("bodies[0]", "field 'kind'")),
    ("body-id-twice", put("bodies.1.id", "internal-affairs"), ("bodies[1]", "used twice")),
    ("akimat-without-region", edit(lambda d: [b.pop("region_id") for b in d["bodies"]
                                              if b["kind"] == "akimat"][:1]),
     ("field 'region_id'", "needs its region")),
    ("body-region-unknown", edit(lambda d: next(b for b in d["bodies"] if b["kind"] == "akimat")
                                 .update(region_id="atlantis")),
     ("field 'region_id'", "unknown region 'atlantis'")),
    ("body-sectors-string", put("bodies.0.sectors", "police"), ("bodies[0]", "field 'sectors'")),
    ("body-sector-number", put("bodies.0.sectors", [5]), ("bodies[0]", "field 'sectors.0'")),
    ("body-name-missing", drop("bodies.0.name"), ("bodies[0]", "field 'name'")),
    ("body-two-first-heads", edit(lambda d: item(d, "officials", "health-deputy-1").update(
        role="first_head", deputy_of=None)), ("has two first heads",)),
    # officials
    ("official-role-unknown", edit(lambda d: item(d, "officials", "health-minister").update(
        role="boss")), ("id 'health-minister'", "field 'role'")),
    ("deputy-without-deputy-of", edit(lambda d: item(d, "officials", "health-deputy-1").pop(
        "deputy_of")), ("id 'health-deputy-1'", "needs 'deputy_of'")),
    ("head-with-deputy-of", edit(lambda d: item(d, "officials", "health-minister").update(
        deputy_of="energy-minister")), ("id 'health-minister'", "has no 'deputy_of'")),
    ("deputy-of-unknown", edit(lambda d: item(d, "officials", "health-deputy-1").update(
        deputy_of="nobody")), ("field 'deputy_of'", "unknown official 'nobody'")),
    ("deputy-of-a-deputy", edit(lambda d: item(d, "officials", "health-deputy-1").update(
        deputy_of="health-deputy-2")), ("field 'deputy_of'", "is not a first head")),
    ("deputy-of-other-body", edit(lambda d: item(d, "officials", "health-deputy-1").update(
        deputy_of="energy-minister")), ("field 'deputy_of'", "cannot stand in")),
    ("official-body-unknown", edit(lambda d: item(d, "officials", "health-minister").update(
        body_id="helth")), ("field 'body_id'", "unknown body 'helth'")),
    ("base-region-unknown", edit(lambda d: item(d, "officials", "health-minister").update(
        base_region_id="mars")), ("field 'base_region_id'", "unknown region 'mars'")),
    ("base-region-missing", edit(lambda d: item(d, "officials", "health-minister").pop(
        "base_region_id")), ("id 'health-minister'", "field 'base_region_id'")),
    ("district-unknown", edit(lambda d: next(o for o in d["officials"] if o.get("akim_level"))
                              .update(district_id="nowhere")),
     ("field 'district_id'", "unknown district 'nowhere'")),
    ("akim-level-unknown", edit(lambda d: next(o for o in d["officials"] if o.get("akim_level"))
                                .update(akim_level="city")), ("field 'akim_level'",)),
    ("title-missing", edit(lambda d: item(d, "officials", "health-minister").pop("title")),
     ("id 'health-minister'", "field 'title'")),
    ("title-nul", edit(lambda d: item(d, "officials", "health-minister")["title"].update(
        ru="Министр\x00")), ("field 'title.ru'", "U+0000")),
    ("official-id-cyrillic-space", edit(lambda d: item(d, "officials", "health-minister").update(
        id="денсаулық министрі")), ("field 'id'", "without spaces")),
    ("official-id-twice", edit(lambda d: item(d, "officials", "health-deputy-2").update(
        id="health-deputy-1")), ("used twice",)),
    # topical issues
    ("issue-weight-0", put("issues.0.weight", 0), ("issues[0]", "field 'weight'")),
    ("issue-weight-101", put("issues.0.weight", 101), ("issues[0]", "field 'weight'")),
    ("issue-weight-text", put("issues.0.weight", "high"), ("issues[0]", "field 'weight'")),
    ("issue-weight-fraction", put("issues.0.weight", 2.5), ("issues[0]", "field 'weight'")),
    ("issue-weight-missing", drop("issues.0.weight"), ("issues[0]", "field 'weight'")),
    ("issue-region-unknown", put("issues.0.region_id", "mars"), ("issues[0]", "unknown region")),
    ("issue-body-unknown", put("issues.0.body_id", "helth"), ("issues[0]", "unknown body")),
    ("issue-text-missing", drop("issues.0.text"), ("issues[0]", "field 'text")),
    ("issue-text-kk-empty", put("issues.0.text.kk", " "), ("issues[0]", "field 'text.kk'")),
    ("issue-id-twice", put("issues.1.id", "astana-1"), ("issues[1]", "used twice")),
    # absences
    ("absence-ends-before-start", put("absences.0.end", "2027-01-01"),
     ("absences[0]", "ends (2027-01-01) before it starts")),
    ("absence-official-unknown", put("absences.0.official_id", "nobody"),
     ("absences[0]", "field 'official_id'", "unknown official")),
    ("absence-reason-unknown", put("absences.0.reason", "holiday"),
     ("absences[0]", "field 'reason'")),
    ("absence-outside-horizon", edit(lambda d: d["absences"][0].update(start="2026-01-01",
                                                                       end="2026-01-05")),
     ("absences[0]", "outside the horizon")),
    ("absence-february-30", put("absences.0.start", "2027-02-30"),
     ("absences[0]", "field 'start'")),
    ("absence-start-missing", drop("absences.0.start"), ("absences[0]", "field 'start'")),
    ("absence-note-control", put("absences.0.note", "sick\x01leave"),
     ("absences[0]", "field 'note", "U+0001")),
    ("absence-note-20000-chars", put("absences.0.note", "x" * 20000),
     ("absences[0]", "field 'note", "at most 10000")),
    # alerts
    ("alert-level-unknown", put("alerts.0.level", "severe"), ("alerts[0]", "field 'level'")),
    ("alert-bodies-empty", put("alerts.0.body_ids", []), ("alerts[0]", "field 'body_ids'")),
    ("alert-bodies-string", put("alerts.0.body_ids", "energy"), ("alerts[0]", "field 'body_ids'")),
    ("alert-body-unknown", put("alerts.0.body_ids", ["energy", "helth"]),
     ("alerts[0]", "unknown body 'helth'")),
    ("alert-region-unknown", put("alerts.0.region_id", "mars"), ("alerts[0]", "unknown region")),
    ("alert-outside-horizon", put("alerts.0.date", "2027-09-01"),
     ("alerts[0]", "outside the horizon")),
    ("alert-id-twice", put("alerts.1.id", "alert-mangystau-gas"), ("alerts[1]", "used twice")),
    ("alert-text-nul", put("alerts.0.text", "gas\x00"), ("alerts[0]", "field 'text", "U+0000")),
    # dates of regions
    ("region-date-kind-unknown", put("region_dates.0.kind", "maybe"),
     ("region_dates[0]", "field 'kind'")),
    ("region-date-region-unknown", put("region_dates.0.region_id", "mars"),
     ("region_dates[0]", "unknown region")),
    ("region-date-outside-horizon", put("region_dates.0.date", "2028-01-30"),
     ("region_dates[0]", "outside the horizon")),
    ("region-date-missing", drop("region_dates.0.date"), ("region_dates[0]", "field 'date'")),
]


@pytest.mark.parametrize("mutate, texts", [c[1:] for c in INSTANCE_JSON],
                         ids=[c[0] for c in INSTANCE_JSON])
def test_instance_json(tmp_path, mutate, texts):
    bad = write(tmp_path / "instance.json", mutate(INSTANCE.read_text(encoding="utf-8")))
    out = tmp_path / "out"
    run = invoke(["plan", bad, "--out", out, *QUICK], out)
    expect(run, 2, bad, *texts)


def test_missing_and_folder_instances(tmp_path):
    out = tmp_path / "out"
    expect(invoke(["plan", tmp_path / "nope.json", "--out", out], out), 2, "no such file")
    expect(invoke(["plan", tmp_path, "--out", out], out), 2, "is a folder, not a file")
    fake = write(tmp_path / "instance.xlsx", INSTANCE.read_text(encoding="utf-8"))
    expect(invoke(["plan", fake, "--out", out], out), 2, fake, "not a readable .xlsx workbook")


@pytest.mark.parametrize("source", [INSTANCE, CHANGES, APPROVED], ids=["instance", "changes",
                                                                     "calendar"])
def test_a_byte_order_mark_is_accepted(tmp_path, source):
    """Notepad saves UTF-8 with a BOM: every JSON input reads it."""
    bom = write(tmp_path / source.name, b"\xef\xbb\xbf" + source.read_bytes())
    if source is CHANGES:
        assert load_changes(bom) == load_changes(source)
    elif source is INSTANCE:
        assert load_instance(bom) == load_instance(source)
    else:
        assert load_calendar(bom) == load_calendar(source)


def test_cyrillic_ids_and_control_characters_are_normalised(tmp_path):
    """Ids in Kazakh are ids; a line break in a title (Alt+Enter) and a vertical tab in a
    note (Word) are normalised, not refused."""
    data = json.loads(INSTANCE.read_text(encoding="utf-8"))
    region = data["regions"][0]
    old_id, region["id"] = region["id"], "астана-қаласы"
    for table in ("bodies", "officials", "issues", "region_dates"):
        for x in data[table]:
            for key in ("region_id", "base_region_id"):
                if x.get(key) == old_id:
                    x[key] = "астана-қаласы"
    item(data, "officials", "health-minister")["title"]["ru"] = "Министр\nздравоохранения"
    data["absences"][0]["note"] = "первая строка\x0bвторая\r\nтретья"
    inst = load_instance(write(tmp_path / "i.json", json.dumps(data, ensure_ascii=False)))
    assert inst.regions[0].id == "астана-қаласы"
    assert inst.official("health-minister").title.ru == "Министр здравоохранения"
    assert str(inst.absences[0].note) == "первая строка\nвторая\nтретья"


# ------------------------------------------------------------ instance (.xlsx)
@pytest.fixture(scope="module")
def instance_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("books") / "kz-2027-h1.xlsx"
    workbook.write_instance_workbook(load_instance(INSTANCE), path)
    return path


@pytest.fixture(scope="module")
def changes_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("books") / "changes-q2.xlsx"
    workbook.write_changes_workbook(load_changes(CHANGES), path)
    return path


def cell(sheet: str, key: str, row: int, value: Any) -> Callable:
    """Set the cell of column [key] in an Excel row (the header is row 1)."""
    def mutate(book) -> None:
        ws = book[sheet]
        column = next(c.column for c in ws[1] if c.value and c.value.endswith(f"[{key}]"))
        ws.cell(row=row, column=column).value = value
    return mutate


def header(sheet: str, column: int, value: Any) -> Callable:
    return lambda book: setattr(book[sheet].cell(row=1, column=column), "value", value)


def merge(sheet: str, cells: str) -> Callable:
    return lambda book: book[sheet].merge_cells(cells)


def delete_sheet(sheet: str) -> Callable:
    return lambda book: book.remove(book[sheet])


def add_row(sheet: str, values: list) -> Callable:
    return lambda book: book[sheet].append(values)


def beyond_header(sheet: str, row: int) -> Callable:
    def mutate(book) -> None:
        ws = book[sheet]
        ws.cell(row=row, column=ws.max_column + 2).value = "stray"
    return mutate


def clear_rows(sheet: str) -> Callable:
    def mutate(book) -> None:
        ws = book[sheet]
        ws.delete_rows(2, ws.max_row)
    return mutate


INSTANCE_XLSX: list[tuple[str, Callable, tuple[str, ...]]] = [
    ("sheet-officials-missing", delete_sheet("officials"), ("sheet 'officials' is missing",)),
    ("meta-two-rows", add_row("meta", ["again", 2027, 1, "2026-12-15"]),
     ("sheet 'meta' needs exactly one filled row",)),
    ("meta-empty", clear_rows("meta"), ("sheet 'meta' needs exactly one filled row",)),
    ("regions-empty", clear_rows("regions"), ("sheet 'regions'", "at least 1")),
    ("unknown-column", header("regions", 2, "Цвет [colour]"),
     ("sheet 'regions', row 1, column B", "unknown column 'colour'")),
    ("column-twice", header("regions", 3, "Код [id]"), ("row 1, column C", "appears twice")),
    ("merged-header", merge("officials", "B1:C1"), ("sheet 'officials', cell C2",
                                                     "empty header cell C1", "merged")),
    ("value-beyond-header", beyond_header("bodies", 5), ("sheet 'bodies', cell",
                                                         "empty header cell")),
    ("date-february-30", cell("absences", "start", 2, "30.02.2027"),
     ("sheet 'absences', row 2, field 'start'", "not a date")),
    ("date-word", cell("region_dates", "date", 3, "tomorrow"),
     ("sheet 'region_dates', row 3, field 'date'", "not a date")),
    ("year-text", cell("meta", "year", 2, "twenty"), ("sheet 'meta', row 2, field 'year'",)),
    ("half-3", cell("meta", "half", 2, 3), ("sheet 'meta', row 2, field 'half'",)),
    ("formula-without-value", cell("meta", "name", 2, "=A1&B1"),
     ("sheet 'meta', row 2, field 'name'", "Field required")),
    ("lat-text", cell("regions", "lat", 2, "north"), ("sheet 'regions', row 2, field 'lat'",)),
    ("region-id-space", cell("regions", "id", 2, "astana city"),
     ("sheet 'regions', row 2, field 'id'", "without spaces")),
    ("region-name-c1", cell("regions", "name_ru", 2, "Астана\x9b"),
     ("sheet 'regions', row 2, field 'name_ru'", "U+009B")),
    ("weight-0", cell("issues", "weight", 2, 0), ("sheet 'issues', row 2, field 'weight'",)),
    ("role-unknown", cell("officials", "role", 2, "boss"),
     ("sheet 'officials', row 2, field 'role'",)),
    ("absence-official-unknown", cell("absences", "official_id", 2, "nobody"),
     ("sheet 'absences', row 2", "unknown official 'nobody'")),
    ("absence-reversed", cell("absences", "end", 2, "2027-01-01"),
     ("sheet 'absences', row 2", "before it starts")),
    ("district-unknown-region", add_row("districts", ["mars", "d-1", "Д", "Д", "D"]),
     ("sheet 'districts', row 2, field 'region_id'", "unknown region 'mars'")),
    ("district-without-region", add_row("districts", [None, "d-1", "Д", "Д", "D"]),
     ("sheet 'districts', row 2, field 'region_id'", "region is missing")),
    ("days-off-kind-unknown", add_row("days_off", ["2027-03-09", "holiday"]),
     ("sheet 'days_off', row 2, field 'kind'",)),
    ("days-off-date-missing", add_row("days_off", [None, "day_off"]),
     ("sheet 'days_off', row 2, field 'date'",)),
    ("alert-level-unknown", cell("alerts", "level", 2, "severe"),
     ("sheet 'alerts', row 2, field 'level'",)),
]


def _book(base: Path, target: Path, mutate: Callable) -> Path:
    import openpyxl

    book = openpyxl.load_workbook(base)
    mutate(book)
    book.save(target)
    return target


@pytest.mark.parametrize("mutate, texts", [c[1:] for c in INSTANCE_XLSX],
                         ids=[c[0] for c in INSTANCE_XLSX])
def test_instance_workbook(tmp_path, instance_book, mutate, texts):
    bad = _book(instance_book, tmp_path / "instance.xlsx", mutate)
    out = tmp_path / "out"
    expect(invoke(["plan", bad, "--out", out, *QUICK], out), 2, bad, *texts)


WORKBOOK_FILES: list[tuple[str, Mutation, tuple[str, ...]]] = [
    ("empty-file", raw(b""), ("not a readable .xlsx workbook",)),
    ("text-file", raw("name,year\nkz,2027\n"), ("not a readable .xlsx workbook",)),
    ("zip-without-workbook", lambda text: _zip({"hello.txt": "hi"}),
     ("not a readable .xlsx workbook",)),
]


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize("mutate, texts", [c[1:] for c in WORKBOOK_FILES],
                         ids=[c[0] for c in WORKBOOK_FILES])
@pytest.mark.parametrize("kind", ["instance", "changes"])
def test_unreadable_workbook(tmp_path, kind, mutate, texts):
    bad = write(tmp_path / f"{kind}.xlsx", mutate(""))
    out = tmp_path / "out"
    args = (["plan", bad, "--out", out, *QUICK] if kind == "instance" else
            ["replan", INSTANCE, APPROVED, bad, "--as-of", "2027-03-20", "--out", out, *QUICK])
    expect(invoke(args, out), 2, bad, *texts)


def test_too_many_rows(tmp_path, instance_book, monkeypatch):
    """A sheet beyond the row limit (100,000) is refused while streaming, not read whole.
    The limit is lowered here: the real instance's 143 issues are over 100."""
    monkeypatch.setattr(workbook, "MAX_ROWS", 100)
    out = tmp_path / "out"
    expect(invoke(["plan", instance_book, "--out", out, *QUICK], out), 2, instance_book,
           "sheet 'issues' has more than 100 rows")


# ------------------------------------------------------------ change sets
CHANGES_JSON: list[tuple[str, Mutation, tuple[str, ...]]] = [
    ("malformed", lambda text: text[:-5], ("malformed JSON",)),
    ("top-level-list", raw("[]"), ("expected a JSON object",)),
    ("nested-5000-deep", raw(DEEP.replace("name", "note")), ("nested too deeply",)),
    ("not-utf8", lambda text: text.encode("utf-16"), ("not UTF-8",)),
    ("unknown-key", put("comment", "x"), ("field 'comment'", "Extra inputs")),
    ("requests-object", put("requests", {}), ("field 'requests'",)),
    ("request-id-space", put("requests.0.id", "R finance 1"), ("requests[0]", "field 'id'",
                                                               "without spaces")),
    ("request-action-unknown", put("requests.0.action", "postpone"),
     ("requests[0]", "field 'action'")),
    ("move-without-meeting", drop("requests.0.meeting_id"), ("requests[0]", "needs 'meeting_id'")),
    ("move-without-target", edit(lambda d: d["requests"][0].pop("date")),
     ("requests[0]", "needs a new 'date' or 'region_id'")),
    ("block-without-dates", drop("requests.4.dates"), ("requests[4]", "needs 'dates'")),
    ("block-dates-string", put("requests.4.dates", "2027-04-20"), ("requests[4]", "field 'dates'")),
    ("submitted-word", put("requests.0.submitted", "yesterday"),
     ("requests[0]", "field 'submitted'")),
    ("date-february-30", put("requests.0.date", "2027-02-30"), ("requests[0]", "field 'date'")),
    ("meeting-id-slash", put("requests.0.meeting_id", "2027/H1/106"),
     ("requests[0]", "field 'meeting_id'", "not an id")),
    ("body-id-missing", drop("requests.0.body_id"), ("requests[0]", "field 'body_id'")),
    ("request-note-nul", put("requests.0.note", "forum\x00"), ("requests[0]", "U+0000")),
    ("absence-reversed", put("absences.0.end", "2027-04-01"), ("absences[0]", "before it starts")),
    ("absence-reason-unknown", put("absences.0.reason", "flu"), ("absences[0]", "field 'reason'")),
    ("alert-level-unknown", put("alerts.0.level", "severe"), ("alerts[0]", "field 'level'")),
    ("alert-bodies-empty", put("alerts.0.body_ids", []), ("alerts[0]", "field 'body_ids'")),
    ("alert-id-cyrillic-space", put("alerts.0.id", "сигнал атырау"),
     ("alerts[0]", "field 'id'", "без пробелов")),
    ("day-off-word", put("extra_days_off", ["soon"]), ("extra_days_off[0]", "input is too short")),
    ("note-vertical-bar-c1", put("note", "changes\x90"), ("field 'note", "U+0090")),
]


@pytest.mark.parametrize("mutate, texts", [c[1:] for c in CHANGES_JSON],
                         ids=[c[0] for c in CHANGES_JSON])
def test_change_set_json(tmp_path, mutate, texts):
    bad = write(tmp_path / "changes.json", mutate(CHANGES.read_text(encoding="utf-8")))
    out = tmp_path / "ws"
    run = invoke(["replan", INSTANCE, APPROVED, bad, "--as-of", "2027-03-20", "--out", out,
                  *QUICK], out)
    expect(run, 2, bad, *texts)


CHANGES_XLSX: list[tuple[str, Callable, tuple[str, ...]]] = [
    ("unknown-column", header("requests", 2, "Орган [body]"),
     ("sheet 'requests', row 1, column B", "unknown column 'body'")),
    ("action-unknown", cell("requests", "action", 2, "postpone"),
     ("sheet 'requests', row 2, field 'action'",)),
    ("meta-two-rows", add_row("meta", ["another note"]), ("sheet 'meta' has at most one",)),
    ("block-date-word", cell("requests", "dates", 6, "2027-04-20, tomorrow"),
     ("sheet 'requests', row 6, field 'dates'", "not a date")),
    ("day-off-word", add_row("days_off", ["soon"]), ("sheet 'days_off', row 2, field 'date'",)),
    ("request-id-slash", cell("requests", "id", 2, "R/1"),
     ("sheet 'requests', row 2, field 'id'", "not an id")),
    ("merged-header", merge("requests", "A1:B1"), ("sheet 'requests', cell B2",
                                                    "empty header cell B1")),
    ("move-without-meeting", cell("requests", "meeting_id", 2, None),
     ("sheet 'requests', row 2, field 'meeting_id'",)),
    ("absence-reversed", cell("absences", "end", 2, "2027-04-01"),
     ("sheet 'absences', row 2", "before it starts")),
    ("alert-bodies-empty", cell("alerts", "body_ids", 2, " , "),
     ("sheet 'alerts', row 2, field 'body_ids'",)),
]


@pytest.mark.parametrize("mutate, texts", [c[1:] for c in CHANGES_XLSX],
                         ids=[c[0] for c in CHANGES_XLSX])
def test_change_set_workbook(tmp_path, changes_book, mutate, texts):
    bad = _book(changes_book, tmp_path / "changes.xlsx", mutate)
    out = tmp_path / "ws"
    run = invoke(["replan", INSTANCE, APPROVED, bad, "--as-of", "2027-03-20", "--out", out,
                  *QUICK], out)
    expect(run, 2, bad, *texts)


# ------------------------------------------------------------ profiles
PROFILES: list[tuple[str, Mutation, tuple[str, ...]]] = [
    ("malformed-toml", replace("[rules.TRAVEL]", "[rules.TRAVEL"), ("malformed TOML",)),
    ("not-utf8", lambda text: text.encode("utf-16"), ("not UTF-8",)),
    ("nested-5000-deep", raw("x = " + "[" * 5000 + "]" * 5000 + "\n"), ("nested too deeply",)),
    ("rule-table-deleted", drop_toml("rules.TRAVEL"),
     ("field 'rules'", "no table for TRAVEL", "enabled = false")),
    ("rules-missing", drop_toml("rules"), ("field 'rules'", "Field required")),
    ("rule-not-a-table", put_toml("rules.TRAVEL", 3), ("field 'rules.TRAVEL'",)),
    ("unknown-rule", replace("[rules.FMT-QA]", "[rules.FMT-QQ]"),
     ("field 'rules.FMT-QQ'", "did you mean 'FMT-QA'")),
    ("unknown-parameter", replace("w_issue = 1", "w_isue = 1"),
     ("field 'rules.REGION-ISSUES.w_isue'", "did you mean 'w_issue'")),
    ("unknown-top-level-key", put_toml("colour", "red"), ("field 'colour'",)),
    ("id-missing", drop_toml("id"), ("field 'id'",)),
    ("id-empty", put_toml("id", ""), ("field 'id'",)),
    ("title-nul", put_toml("title", "kz\u0000"), ("field 'title'", "U+0000")),
    ("kind-unknown", put_toml("rules.REGION-ISSUES.kind", "sof"),
     ("field 'rules.REGION-ISSUES.kind'",)),
    ("source-empty", put_toml("rules.TRAVEL.source", ""), ("field 'rules.TRAVEL.source'",)),
    ("enabled-maybe", put_toml("rules.TRAVEL.enabled", "maybe"),
     ("field 'rules.TRAVEL.enabled'",)),
    ("lead-days-huge", put_toml("rules.TIME-LEAD.lead_days", 999999999999),
     ("field 'rules.TIME-LEAD.lead_days'", "less than or equal to 366")),
    ("lead-days-negative", put_toml("rules.TIME-LEAD.lead_days", -3),
     ("field 'rules.TIME-LEAD.lead_days'",)),
    ("lead-days-fraction", put_toml("rules.TIME-LEAD.lead_days", 1.5),
     ("field 'rules.TIME-LEAD.lead_days'",)),
    ("max-per-quarter-0", put_toml("rules.FREQ-CEB-QUARTER.max_per_quarter", 0),
     ("field 'rules.FREQ-CEB-QUARTER.max_per_quarter'",)),
    ("max-per-quarter-huge", put_toml("rules.FREQ-CEB-QUARTER.max_per_quarter", 10**15),
     ("field 'rules.FREQ-CEB-QUARTER.max_per_quarter'",)),
    ("min-above-max", put_toml("rules.FREQ-CEB-QUARTER.min_per_quarter", 4),
     ("field 'rules.FREQ-CEB-QUARTER'", "exceeds max_per_quarter")),
    ("akim-min-huge", put_toml("rules.FREQ-AKIM.district_min_per_half", 10**6),
     ("field 'rules.FREQ-AKIM.district_min_per_half'",)),
    ("window-quarter-5", put_toml("rules.FREQ-WINDOW.ministers_quarter", 5),
     ("field 'rules.FREQ-WINDOW.ministers_quarter'",)),
    ("window-min-above-max", put_toml("rules.FREQ-WINDOW.min_in_quarter", 2),
     ("field 'rules.FREQ-WINDOW'", "exceeds max_in_quarter")),
    ("slot-hour-25", put_toml("rules.TIME-OFFHOURS.weekend_slots", ["25:00-26:00"]),
     ("field 'rules.TIME-OFFHOURS.weekend_slots'", "not a time range")),
    ("slot-reversed", put_toml("rules.TIME-OFFHOURS.workday_slots", ["20:30-18:30"]),
     ("field 'rules.TIME-OFFHOURS.workday_slots'", "ends before it starts")),
    ("slot-not-a-range", put_toml("rules.TIME-OFFHOURS.workday_slots", ["18:30"]),
     ("field 'rules.TIME-OFFHOURS.workday_slots'",)),
    ("travel-from-7am", put_toml("rules.TRAVEL.travel_from", "7am"),
     ("field 'rules.TRAVEL.travel_from'", "not a time of day")),
    ("travel-window-reversed", put_toml("rules.TRAVEL.travel_until", "06:00"),
     ("field 'rules.TRAVEL'", "not after travel_from")),
    ("flight-speed-0", put_toml("rules.TRAVEL.flight_kmh", 0), ("rules.TRAVEL.flight_kmh",)),
    ("flight-speed-inf", put_toml("rules.TRAVEL.flight_kmh", float("inf")),
     ("rules.TRAVEL.flight_kmh",)),
    ("road-factor-nan", put_toml("rules.TRAVEL.road_factor", float("nan")),
     ("rules.TRAVEL.road_factor",)),
    ("road-factor-below-1", put_toml("rules.TRAVEL.road_factor", 0.5),
     ("rules.TRAVEL.road_factor",)),
    ("airport-hours-100", put_toml("rules.TRAVEL.airport_overhead_h", 100),
     ("rules.TRAVEL.airport_overhead_h",)),
    ("road-km-huge", put_toml("rules.TRAVEL.road_max_km", 1e12), ("rules.TRAVEL.road_max_km",)),
    ("per-day-0", put_toml("rules.CLASH-PERSON.max_per_day", 0),
     ("rules.CLASH-PERSON.max_per_day",)),
    ("region-per-day-0", put_toml("rules.CAP-REGION.region_per_day", 0),
     ("rules.CAP-REGION.region_per_day",)),
    ("tv-channels-1000", put_toml("rules.TV-LIVE.tv_channels", 1000),
     ("rules.TV-LIVE.tv_channels",)),
    ("weight-negative", put_toml("rules.SUBST-DEPUTY.w_substitution", -1),
     ("rules.SUBST-DEPUTY.w_substitution",)),
    ("weight-huge", put_toml("rules.REGION-ISSUES.w_issue", 10**12),
     ("rules.REGION-ISSUES.w_issue",)),
    ("reason-unknown", put_toml("rules.SUBST-DEPUTY.reasons", ["holiday"]),
     ("rules.SUBST-DEPUTY.reasons",)),
    ("exempt-body-unknown", put_toml("rules.SCOPE-EXEMPT.exempt_bodies", ["helth"]),
     ("field 'rules.SCOPE-EXEMPT.exempt_bodies'", "unknown body 'helth'")),
    ("excluded-body-unknown", put_toml("rules.SUBST-DEPUTY.excluded_bodies", ["defense"]),
     ("field 'rules.SUBST-DEPUTY.excluded_bodies'", "unknown body 'defense'")),
    ("urgent-days-huge", put_toml("rules.URGENT-TENSION.forecast_days", 10**9),
     ("rules.URGENT-TENSION.forecast_days",)),
    ("quarterly-day-29", put_toml("rules.DL-CHANGE.quarterly_day", 29),
     ("rules.DL-CHANGE.quarterly_day",)),
    ("milestone-february-30", put_toml("rules.DL-DRAFT.h1", "02-30"),
     ("rules.DL-DRAFT.h1", "not a month and day")),
    ("milestone-february-29", put_toml("rules.DL-MVK.h1", "02-29"),
     ("rules.DL-MVK.h1", "not a month and day")),
    ("milestone-month-13", put_toml("rules.DL-DRAFT.h2", "13-01"), ("rules.DL-DRAFT.h2",)),
    ("days-after-huge", put_toml("rules.DL-AFTER.days_after_meeting", 100000),
     ("rules.DL-AFTER.days_after_meeting",)),
    ("near-factor-0", put_toml("rules.DL-CHANGE.near_factor", 0), ("rules.DL-CHANGE.near_factor",)),
    ("minutes-0", put_toml("rules.FMT-QA.meeting_minutes", 0), ("rules.FMT-QA.meeting_minutes",)),
    ("report-share-1.5", put_toml("rules.FMT-QA.max_report_share", 1.5),
     ("rules.FMT-QA.max_report_share",)),
    ("channel-control", put_toml("rules.FMT-ONLINE.channel", "stream\u0007"),
     ("rules.FMT-ONLINE.channel", "U+0007")),
]


@pytest.mark.parametrize("mutate, texts", [c[1:] for c in PROFILES], ids=[c[0] for c in PROFILES])
def test_profile(tmp_path, mutate, texts):
    bad = write(tmp_path / "profile.toml", mutate(PROFILE.read_text(encoding="utf-8")))
    out = tmp_path / "out"
    run = invoke(["plan", INSTANCE, "--out", out, "--profile", bad, *QUICK], out)
    expect(run, 2, bad, *texts)


def test_profile_round_trip_of_the_mutation_helpers():
    """The TOML writer of these tests writes kz-2024 back unchanged (so a case changes one
    thing only), and a byte-order mark is accepted."""
    text = PROFILE.read_text(encoding="utf-8")
    assert tomllib.loads(_toml(tomllib.loads(text))) == tomllib.loads(text)


def test_profile_not_found_or_a_folder(tmp_path):
    out = tmp_path / "out"
    expect(invoke(["plan", INSTANCE, "--out", out, "--profile", "kz-1999"], out), 2,
           "profile 'kz-1999': no such file or built-in profile", "kz-2024")
    expect(invoke(["plan", INSTANCE, "--out", out, "--profile", tmp_path], out), 2, tmp_path,
           "is a folder, not a file")
    expect(invoke(["profile", "show", str(tmp_path)]), 2, "is a folder, not a file")
    bom = write(tmp_path / "bom.toml", b"\xef\xbb\xbf" + PROFILE.read_bytes())
    expect(invoke(["profile", "show", str(bom)]), 0, "kz-2024")


# ------------------------------------------------------------ calendars
CALENDARS: list[tuple[str, Mutation, int, tuple[str, ...]]] = [
    ("malformed", lambda text: text[:100], 2, ("malformed JSON",)),
    ("top-level-list", raw("[]"), 2, ("expected a JSON object",)),
    ("nested-5000-deep", raw(DEEP.replace("name", "instance")), 2, ("nested too deeply",)),
    ("meetings-object", put("meetings", {}), 2, ("field 'meetings'",)),
    ("meeting-date-missing", drop("meetings.0.date"), 2, ("meetings[0]", "field 'date'")),
    ("meeting-february-30", put("meetings.0.date", "2027-02-30"), 2, ("meetings[0]",)),
    ("meeting-quarter-5", put("meetings.0.quarter", 5), 2, ("meetings[0]", "field 'quarter'")),
    ("meeting-start-25h", put("meetings.0.start", "25:00:00"), 2,
     ("meetings[0]", "field 'start'")),
    ("meeting-kind-unknown", put("meetings.0.kind", "secret"), 2, ("meetings[0]", "field 'kind'")),
    ("meeting-unknown-field", put("meetings.0.colour", "red"), 2, ("meetings[0]",)),
    ("approval-date-missing", drop("approval_date"), 2, ("field 'approval_date'",)),
    ("on-a-public-holiday", edit(lambda d: d["meetings"][40].update(date="2027-03-22")), 1,
     ("TIME-OFFHOURS",)),
    ("unknown-official", put("meetings.0.official_id", "nobody"), 1, ("nobody",)),
]


@pytest.mark.parametrize("mutate, code, texts", [c[1:] for c in CALENDARS],
                         ids=[c[0] for c in CALENDARS])
def test_calendar(tmp_path, mutate, code, texts):
    bad = write(tmp_path / "calendar.json", mutate(APPROVED.read_text(encoding="utf-8")))
    run = invoke(["check", INSTANCE, bad, "--lang", "en"], tmp_path)
    expect(run, code, *((bad,) if code == 2 else ()), *texts)


# ------------------------------------------------------------ command-line values
COMMANDS: list[tuple[str, list[str], tuple[str, ...]]] = [
    ("plan-lang", ["plan", "{instance}", "--out", "{out}", "--lang", "de"], ("--lang 'de'",)),
    ("check-lang", ["check", "{instance}", "{approved}", "--lang", "RU"], ("--lang 'RU'",)),
    ("replan-lang", ["replan", "{instance}", "{approved}", "{changes}", "--as-of", "2027-03-20",
                     "--out", "{out}", "--lang", ""], ("--lang ''",)),
    ("report-lang", ["report", "{instance}", "{approved}", "--out", "{out}", "--lang", "fr"],
     ("fr",)),
    ("workers-0", ["plan", "{instance}", "--out", "{out}", "--workers", "0"], ("--workers",)),
    ("workers-negative", ["plan", "{instance}", "--out", "{out}", "--workers", "-1"],
     ("--workers",)),
    ("workers-word", ["plan", "{instance}", "--out", "{out}", "--workers", "two"],
     ("--workers",)),
    ("seed-negative", ["plan", "{instance}", "--out", "{out}", "--seed", "-1"], ("--seed",)),
    ("seed-beyond-int32", ["plan", "{instance}", "--out", "{out}", "--seed", "99999999999"],
     ("--seed", "2147483647")),
    ("seed-fraction", ["plan", "{instance}", "--out", "{out}", "--seed", "1.5"], ("--seed",)),
    ("replan-seed-beyond-int32", ["replan", "{instance}", "{approved}", "{changes}", "--as-of",
                                  "2027-03-20", "--out", "{out}", "--seed", "2147483648"],
     ("--seed",)),
    ("compare-seed-negative", ["compare", "{instance}", "--seed", "-5"], ("--seed",)),
    ("time-limit-0", ["plan", "{instance}", "--out", "{out}", "--time-limit", "0"],
     ("--time-limit",)),
    ("time-limit-negative", ["plan", "{instance}", "--out", "{out}", "--time-limit", "-5"],
     ("--time-limit",)),
    ("time-limit-word", ["plan", "{instance}", "--out", "{out}", "--time-limit", "abc"],
     ("--time-limit",)),
    ("time-limit-nan", ["plan", "{instance}", "--out", "{out}", "--time-limit", "nan"],
     ("--time-limit",)),
    ("time-limit-inf", ["plan", "{instance}", "--out", "{out}", "--time-limit", "inf"],
     ("--time-limit",)),
    ("time-limit-a-year", ["explain", "{instance}", "--time-limit", "31536000"],
     ("--time-limit",)),
    ("as-of-dotted", ["replan", "{instance}", "{approved}", "{changes}", "--as-of", "20.03.2027",
                      "--out", "{out}"], ("--as-of '20.03.2027'", "not a date")),
    ("as-of-february-30", ["replan", "{instance}", "{approved}", "{changes}", "--as-of",
                           "2027-02-30", "--out", "{out}"], ("--as-of", "not a date")),
    ("as-of-empty", ["replan", "{instance}", "{approved}", "{changes}", "--as-of", "",
                     "--out", "{out}"], ("--as-of", "not a date")),
    ("as-of-missing", ["replan", "{instance}", "{approved}", "{changes}", "--out", "{out}"],
     ("--as-of",)),
    ("urgent-date-word", ["urgent", "{instance}", "{approved}", "--region", "pavlodar",
                          "--bodies", "energy", "--date", "tomorrow", "--out", "{out}"],
     ("--date 'tomorrow'",)),
    ("urgent-level-unknown", ["urgent", "{instance}", "{approved}", "--region", "pavlodar",
                              "--bodies", "energy", "--date", "2027-04-05", "--level", "severe",
                              "--out", "{out}"], ("urgent", "field 'level'")),
    ("urgent-region-space", ["urgent", "{instance}", "{approved}", "--region", "pav lodar",
                             "--bodies", "energy", "--date", "2027-04-05", "--out", "{out}"],
     ("urgent", "region_id")),
    ("urgent-region-unknown", ["urgent", "{instance}", "{approved}", "--region", "mars",
                               "--bodies", "energy", "--date", "2027-04-05", "--out", "{out}"],
     ("urgent", "unknown region 'mars'")),
    ("urgent-bodies-empty", ["urgent", "{instance}", "{approved}", "--region", "pavlodar",
                             "--bodies", " , ", "--date", "2027-04-05", "--out", "{out}"],
     ("urgent", "body_ids")),
    ("urgent-body-unknown", ["urgent", "{instance}", "{approved}", "--region", "pavlodar",
                             "--bodies", "energy,helth", "--date", "2027-04-05", "--out",
                             "{out}"], ("urgent", "unknown body 'helth'")),
    ("urgent-text-control", ["urgent", "{instance}", "{approved}", "--region", "pavlodar",
                             "--bodies", "energy", "--date", "2027-04-05", "--text", "gas\x01",
                             "--out", "{out}"], ("urgent", "U+0001")),
    ("template-kind", ["template", "--out", "{out}/t.xlsx", "--kind", "calendar"],
     ("--kind calendar",)),
    ("template-not-xlsx", ["template", "--out", "{out}/t.csv"], ("--out", "t.csv", ".xlsx")),
    ("compare-profiles-empty", ["compare", "{instance}", "--profiles", " , "], ("--profiles",)),
    ("compare-profile-unknown", ["compare", "{instance}", "--profiles", "kz-2024,kz-1999"],
     ("kz-1999",)),
    ("diff-version-unknown", ["diff", "1", "99", "--workspace", "{out}"], ("no calendar found",)),
    ("diff-file-missing", ["diff", "{out}/a.json", "{approved}"], ("a.json",)),
    ("history-not-a-workspace", ["history", "{out}"], ("no versions",)),
    ("explain-meeting-without-to", ["explain", "{instance}", "{approved}", "--meeting",
                                    "2027-H1-001"], ("--meeting and --to",)),
    ("plan-out-missing", ["plan", "{instance}"], ("--out",)),
    ("unknown-option", ["plan", "{instance}", "--out", "{out}", "--colour", "red"],
     ("--colour",)),
    ("unknown-command", ["plna", "{instance}"], ("plna",)),
]


@pytest.mark.parametrize("args, texts", [c[1:] for c in COMMANDS], ids=[c[0] for c in COMMANDS])
def test_command_line_value(tmp_path, args, texts):
    out = tmp_path / "out"
    names = {"instance": INSTANCE, "approved": APPROVED, "changes": CHANGES, "out": out}
    run = invoke([a.format(**names) for a in args], out)
    expect(run, 2, *texts)


# ------------------------------------------------------------ output folders
def _a_file(tmp_path: Path) -> Path:
    return write(tmp_path / "taken", "a file, not a folder")


OUTPUTS: list[tuple[str, list[str], str]] = [  # {file} is a file; the message names --out
    ("plan-out-is-a-file", ["plan", "{instance}", "--out", "{file}", *QUICK], "is a file"),
    ("plan-out-under-a-file", ["plan", "{instance}", "--out", "{file}/ws", *QUICK], "is a file"),
    ("report-out-is-a-file", ["report", "{instance}", "{approved}", "--out", "{file}"],
     "is a file"),
    ("report-out-under-a-file", ["report", "{instance}", "{approved}", "--out", "{file}/r"],
     "is a file"),
    ("replan-out-is-a-file", ["replan", "{instance}", "{approved}", "{changes}", "--as-of",
                              "2027-03-20", "--out", "{file}", *QUICK], "is a file"),
    ("urgent-out-is-a-file", ["urgent", "{instance}", "{approved}", "--region", "pavlodar",
                              "--bodies", "energy", "--date", "2027-04-05", "--out", "{file}"],
     "is a file"),
    ("template-out-is-a-folder", ["template", "--out", "{folder}.xlsx"], "is a folder"),
    ("template-out-under-a-file", ["template", "--out", "{file}/t.xlsx"], "is a file"),
    ("schema-out-is-a-folder", ["schema", "--out", "{folder}.xlsx"], "is a folder"),
    ("schema-out-under-a-file", ["schema", "--out", "{file}/schema.json"], "is a file"),
]


@pytest.mark.parametrize("args, text", [c[1:] for c in OUTPUTS], ids=[c[0] for c in OUTPUTS])
def test_output_place(tmp_path, args, text):
    taken = _a_file(tmp_path)
    (tmp_path / "folder.xlsx").mkdir()
    names = {"instance": INSTANCE, "approved": APPROVED, "changes": CHANGES, "file": taken,
             "folder": tmp_path / "folder"}
    run = invoke([a.format(**names) for a in args], tmp_path)
    expect(run, 2, "--out", text)
    assert taken.read_text() == "a file, not a folder"


READ_ONLY: list[tuple[str, list[str]]] = [
    ("plan", ["plan", "{instance}", "--out", "{ro}/ws", *QUICK]),
    ("report", ["report", "{instance}", "{approved}", "--out", "{ro}"]),
    ("replan", ["replan", "{instance}", "{approved}", "{changes}", "--as-of", "2027-03-20",
                "--out", "{ro}", *QUICK]),
    ("urgent", ["urgent", "{instance}", "{approved}", "--region", "pavlodar", "--bodies",
                "energy", "--date", "2027-04-05", "--out", "{ro}"]),
    ("template", ["template", "--out", "{ro}/t.xlsx"]),
    ("schema", ["schema", "--out", "{ro}/schema.json"]),
]


RUN_ALL = """
import json, sys
from typer.testing import CliRunner
from scheduler.cli import app
runs = []
for args in json.loads(sys.argv[1]):
    r = CliRunner().invoke(app, args, env={"COLUMNS": "400"})
    odd = r.exception is not None and not isinstance(r.exception, SystemExit)
    runs.append([r.exit_code, r.output, repr(r.exception) if odd else None])
print(json.dumps(runs))
"""


@pytest.fixture(scope="module")
def read_only_runs(tmp_path_factory) -> dict[str, tuple[Path, Run, str | None]]:
    """Every READ_ONLY command in one process without root's privilege to write anywhere
    (as root, through setpriv), each into its own read-only folder holding one file."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: no folder is read-only to root")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    folders, commands = {}, []
    for name, args in READ_ONLY:
        ro = folders[name] = tmp_path_factory.mktemp(f"read-only-{name}")
        (ro / "kept.txt").write_text("kept")
        ro.chmod(0o555)
        names = {"instance": INSTANCE, "approved": APPROVED, "changes": CHANGES, "ro": ro}
        commands.append([a.format(**names) for a in args])
    done = subprocess.run([*prefix, sys.executable, "-c", RUN_ALL, json.dumps(commands)],
                          capture_output=True, text=True, timeout=600, check=True)
    runs = json.loads(done.stdout.splitlines()[-1])
    return {name: (folders[name], Run(code, " ".join(output.replace("│", " ").split())), odd)
            for (name, _), (code, output, odd) in zip(READ_ONLY, runs)}


@pytest.mark.parametrize("name", [c[0] for c in READ_ONLY])
def test_read_only_output_folder(read_only_runs, name):
    ro, run, odd = read_only_runs[name]
    assert odd is None and "Traceback" not in run.text, (odd, run.text)
    expect(run, 2, "--out", ro, "permission denied")
    assert sorted(p.name for p in ro.iterdir()) == ["kept.txt"]


def test_a_damaged_version_is_named_not_fatal(tmp_path):
    """A version.json cut short (a crash, a bad copy) is named as damaged, not fatal."""
    ws = tmp_path / "ws"
    for number in ("001", "002"):
        (ws / "versions" / number).mkdir(parents=True)
        shutil.copy(APPROVED, ws / "versions" / number / "calendar.json")
    (ws / "versions" / "001" / "version.json").write_text('{"kind": "pl', encoding="utf-8")
    (ws / "versions" / "002" / "version.json").write_text(json.dumps(
        {"number": 2, "kind": "plan", "meetings": 136, "status": "OPTIMAL"}), encoding="utf-8")
    run = invoke(["history", ws])
    expect(run, 0, ws / "versions" / "001", "002")


def test_the_suite_covers_at_least_200_kinds():
    kinds = (len(INSTANCE_JSON) + 3 + len(INSTANCE_XLSX) + 2 * len(WORKBOOK_FILES) + 1
             + len(CHANGES_JSON) + len(CHANGES_XLSX) + len(PROFILES) + 2 + len(CALENDARS)
             + len(COMMANDS) + len(OUTPUTS) + len(READ_ONLY) + 1)
    assert kinds >= 200, kinds
