"""Every command's output in Russian and Kazakh names things, never shows ids or English.

The bundled instance is planned once (a short solve), re-planned with a small change set
(a move, a refused move, an absence), and every printing command is run with ``--lang ru``
and ``--lang kk``. Each output is scanned for the instance's ids (regions, bodies,
officials, issues, alerts), the calendar's meeting ids, the profile's rule ids and common
English words. English output (``--lang en``) keeps the ids for the planners.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.i18n import count, day_text, decimal
from scheduler.io import load_calendar, load_instance, load_profile

ROOT = Path(__file__).parent.parent
INSTANCE = ROOT / "instances" / "kz-2027-h1.json"
ENV = {"COLUMNS": "250", "NO_COLOR": "1"}
ENGLISH = ("meeting", "meetings", "moved", "cancelled", "added", "changes", "reason",
           "refused", "request", "version", "written", "total", "rule", "cost", "region",
           "minister", "ministry", "akim of", "presented", "deputy", "the ", " and ", " of ",
           "status", "optimal", "feasible", "objective", "bound", "gap", "profile", "kind",
           "created", "changed", "sick leave", "delegation", "issues", "weight", "why",
           "check", "planned", "out-of-schedule", "exempt", "source", "parameters")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args], env=ENV)
    assert result.exit_code in (0, 1), result.output
    return result.output


def forbidden(inst, profile, meeting_ids) -> set[str]:
    ids = {r.id for r in inst.regions} | {b.id for b in inst.bodies}
    ids |= {o.id for o in inst.officials} | {i.id for i in inst.issues}
    ids |= {a.id for a in inst.alerts} | set(meeting_ids) | set(profile.rules)
    return ids


def scrub(text: str, workspace: Path) -> str:
    """Paths and file names are the user's own and may be in Latin letters."""
    text = text.replace(str(workspace), "WS").replace(str(ROOT), "ROOT")
    return re.sub(r"\S+\.(json|csv|md|xlsx|html|pdf|ics|toml|png)\b|\(PNG\)|\(\.ics\)", "", text)


def assert_clean(text: str, ids: set[str], workspace: Path, what: str) -> None:
    text = scrub(text, workspace)
    tokens = set(re.findall(r"[\w.\-]+", text))
    leaked = sorted(i for i in ids if i in tokens)
    assert not leaked, f"{what}: ids {leaked[:10]} in\n{text[:3000]}"
    lower = text.lower()
    words = [w for w in ENGLISH if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", lower)]
    assert not words, f"{what}: English {words} in\n{text[:3000]}"
    latin = re.findall(r"\b[A-Za-z]{4,}\b", text)
    assert not latin, f"{what}: Latin words {latin[:10]} in\n{text[:3000]}"


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """A workspace with a plan of the bundled instance and one re-plan of it."""
    base = tmp_path_factory.mktemp("lang")
    ws = base / "ws"
    # a generous limit: the solver stops when the calendar is proven best (a few seconds
    # alone), but on a shared, loaded machine 15 s did not always reach a first calendar
    plan = CliRunner().invoke(app, ["plan", str(INSTANCE), "--out", str(ws), "--time-limit",
                                    "60", "--workers", "2", "--no-report", "--lang", "kk"],
                              env=ENV)
    assert plan.exit_code == 0, plan.output
    cal = load_calendar(ws / "calendar.json")
    finance = next(m for m in cal.meetings if m.body_id == "finance" and m.quarter == 2
                   and m.date.day < 28)
    early = next(m for m in cal.meetings if m.kind.value == "planned"
                 and "2027-03-21" < m.date.isoformat() < "2027-04-15")
    health = next(m for m in cal.meetings if m.official_id == "health-minister"
                  and m.date.isoformat() > "2027-04-25")
    changes = base / "changes.json"
    changes.write_text(json.dumps({
        "requests": [
            {"id": "R1", "body_id": "finance", "submitted": "2027-03-10", "action": "move",
             "meeting_id": finance.id,
             "date": finance.date.replace(day=finance.date.day + 1).isoformat()},
            {"id": "R2", "body_id": early.body_id, "submitted": "2027-03-15",
             "action": "move", "meeting_id": early.id, "region_id": "pavlodar"}],
        "absences": [{"official_id": "health-minister", "start": health.date.isoformat(),
                      "end": health.date.isoformat(), "reason": "illness",
                      "note": {"ru": "Больничный", "kk": "Еңбекке жарамсыздық парағы",
                               "en": "Sick leave"}}]}), encoding="utf-8")
    outputs = {"plan-kk": plan.output}
    for lang in ("ru", "kk"):
        copy = base / f"ws-{lang}"
        shutil.copytree(ws, copy)
        outputs[f"replan-{lang}"] = run("replan", INSTANCE, copy, changes, "--as-of",
                                        "2027-03-20", "--no-report", "--time-limit", "15",
                                        "--lang", lang)
    return ws, base, outputs


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_ids_and_no_english_in_any_command(planned, lang):
    ws, base, outputs = planned
    work = base / f"ws-{lang}"
    inst = load_instance(INSTANCE)
    profile = load_profile("kz-2024")
    meeting_ids = {m.id for m in load_calendar(work / "calendar.json").meetings}
    meeting_ids |= {m.id for m in load_calendar(ws / "calendar.json").meetings}
    ids = forbidden(inst, profile, meeting_ids)
    texts = {
        "replan": outputs[f"replan-{lang}"],
        "check": run("check", INSTANCE, work, "--lang", lang),
        "explain": run("explain", INSTANCE, work, "--lang", lang),
        "history": run("history", work, "--lang", lang),
        "diff": run("diff", "1", "2", "--workspace", work, "--lang", lang),
        "profiles": run("profiles", "--lang", lang),
        "changes.md": (work / "changes.md").read_text(encoding="utf-8").split(
            "## Для планировщиков")[0],
    }
    if lang == "kk":
        texts["plan"] = outputs["plan-kk"]
        # seconds with the decimal comma: "Есептеу уақыты | 1,1 с"
        assert re.search(r"Есептеу уақыты\s*│\s*\d+,\d с", outputs["plan-kk"])
    moved = next(m for m in load_calendar(work / "calendar.json").meetings
                 if m.date.isoformat() > "2027-05-01")
    texts["what-if"] = run("explain", INSTANCE, work, "--meeting", moved.id, "--to",
                           "2027-03-22", "--lang", lang)
    for what, text in texts.items():
        assert_clean(text, ids, base, f"{what} --lang {lang}")
    # names are there instead: the re-planned minister by title, a date with its weekday
    assert inst.official("finance-minister").title.get(lang) in texts["replan"]
    assert re.search(r"\d\d\.\d\d\.2027, \w\w", texts["diff"])


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_profile_show_names_rules_and_acts(lang):
    text = run("profile", "show", "kz-2024", "--lang", lang)
    rules = text.split("\n")
    table = "\n".join(line.split("│")[1] if "│" in line else "" for line in rules)
    profile = load_profile("kz-2024")
    assert not [r for r in profile.rules if r in table]
    assert "826" in text  # the akims' decree of 3 March 2022 by its number
    assert "S-2022A" not in text and "S-2024R" not in text


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("name", ["kz-2016", "kz-2018", "kz-2024"])
def test_profile_show_labels_parameters_and_names_their_values(lang, name):
    """Parameters by what they mean, values by name (bodies, reasons, rules, texts): no
    profile-file key, body id, rule id or English text in the Russian or Kazakh table."""
    from scheduler.profiles_cmd import PARAM_LABELS, _params

    profile = load_profile(name)
    text = CliRunner().invoke(app, ["profile", "show", name, "--lang", lang],
                              env={**ENV, "COLUMNS": "400"}).output
    table = "\n".join(line for line in text.splitlines() if "│" in line)
    keys = {k for rule in profile.rules.values() for k in _params(rule)}
    assert keys <= set(PARAM_LABELS)  # every parameter has its label
    ids = keys | set(profile.rules) | {"defence", "foreign-affairs", "justice",
                                       "defence-aerospace-industry", "illness"}
    assert_clean(table, ids, ROOT, f"profile show {name} --lang {lang}")
    assert ("пп. " if lang == "ru" else "-тармақтар") in text or name == "kz-2024"


def test_english_keeps_the_ids_for_the_planners(planned):
    ws, base, _ = planned
    text = run("check", INSTANCE, ws, "--lang", "en")
    assert "REGION-ISSUES" in text


def test_plural_forms_and_dates():
    import datetime as dt

    assert [count(n, "meeting", "ru") for n in (1, 2, 5, 11, 21, 22, 137)] == [
        "1 встреча", "2 встречи", "5 встреч", "11 встреч", "21 встреча", "22 встречи",
        "137 встреч"]
    assert count(137, "meeting", "kk") == "137 кездесу"
    assert count(1, "meeting", "en") == "1 meeting" and count(2, "meeting", "en") == "2 meetings"
    assert day_text(dt.date(2027, 1, 14), "ru") == "14.01.2027, чт"
    assert day_text(dt.date(2027, 1, 14), "kk") == "14.01.2027, бс"
    assert [decimal(1.14, "ru"), decimal(1.14, "kk"), decimal(1.14, "en")] == [
        "1,1", "1,1", "1.1"]
    assert decimal(0.436, "ru", 2) == "0,44"


def test_old_files_with_one_text_still_load():
    from scheduler.instance import Instance

    data = json.loads(INSTANCE.read_text(encoding="utf-8"))
    data["regions"][0]["centre"]["name"] = "Astana"
    data["alerts"][0]["text"] = "one text"
    data["absences"][0]["note"] = "one note"
    inst = Instance.model_validate(data)
    assert inst.regions[0].centre.name.get("kk") == "Astana"
    assert inst.alerts[0].text.get("kk") == "one text" and str(inst.absences[0].note) == "one note"
    fresh = load_instance(INSTANCE)
    assert fresh.region("east-kazakhstan").centre.name.get("ru") == "Усть-Каменогорск"
    assert fresh.region("east-kazakhstan").centre.name.get("kk") == "Өскемен"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_checker_findings_are_full_sentences_with_names(lang):
    """Every violation and cost that the mutation battery's calendars draw (each rule at its
    boundary, under kz-2024, kz-2016 and kz-2018; no solving) reads in Russian and Kazakh as
    a sentence of its own rule: names, not ids, no English, not the rule title as a label."""
    from test_mutations import INST, _battery

    from scheduler import checker
    from scheduler.words import FINDINGS, finding

    names = set()
    for item in (*INST.regions, *INST.bodies, *INST.officials, *INST.issues):
        text = getattr(item, "name", None) or getattr(item, "title", None) or item.text
        names |= {text.get(x) for x in ("ru", "kk", "en")}
    names |= {r.centre.name.get(x) for r in INST.regions for x in ("ru", "kk", "en")}
    units = [u for r in INST.regions for d in r.districts for u in (d, *d.okrugs)]
    names |= {u.name.get(x) for u in units for x in ("ru", "kk", "en")}  # districts, okrugs
    seen = set()
    for name in ("kz-2024", "kz-2016", "kz-2018"):
        profile = load_profile(name)
        for calendar in _battery():
            report = checker.check(INST, profile, calendar)
            ids = forbidden(INST, profile, {m.id for m in calendar.meetings})
            for item in (*report.violations, *report.costs):
                text = finding(INST, profile, item, lang, calendar)
                seen.add(item.rule_id)
                assert text[0].isupper() or text[0] in "«0123456789", text
                assert text.endswith("."), text
                if item.rule_id in FINDINGS:  # its own sentence, not the generic one
                    assert "требованию «" not in text and "талабына сәйкес" not in text, text
                for n in sorted(names, key=len, reverse=True):  # sentence-initial too
                    text = text.replace(n, "").replace(n[:1].upper() + n[1:], "")
                assert_clean(text, ids, ROOT, f"{item.rule_id} {lang}")
    assert len(seen) >= 20  # the battery reaches most rules


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_bench_report_in_russian_and_kazakh(tmp_path, monkeypatch, lang):
    """The benchmark README of a committed run, written again in ``lang``: its own words are
    Russian or Kazakh; what stays Latin is the data (solver, instance and file names, the
    solvers' notes, commands in backquotes). The profile plot is drawn in ``lang`` too (the
    slower plots are left out here)."""
    from scheduler.bench import report
    from scheduler.bench.report import write_report

    titles = []
    monkeypatch.setattr(report.plt.Figure, "savefig",
                        lambda fig, *a, **k: titles.extend(ax.get_title() for ax in fig.axes))
    monkeypatch.setattr(report, "plot_size", lambda *a, **k: None)
    monkeypatch.setattr(report, "plot_over_time", lambda *a, **k: None)
    monkeypatch.setattr(report, "plot_time_to_target", lambda *a, **k: None)

    run_dir = tmp_path / "2026-11-24"
    run_dir.mkdir()
    shutil.copy(ROOT / "reports" / "bench" / "2026-11-24" / "results.csv", run_dir)
    text = write_report(run_dir, 30.0, lang=lang).read_text(encoding="utf-8")
    import pandas as pd

    data = pd.read_csv(run_dir / "results.csv")
    keep = set(data.instance) | set(data.solver) | set(data.family) | \
        set(data.note.dropna().astype(str).str.slice(0, 70))
    for word in sorted(keep, key=len, reverse=True):
        text = text.replace(str(word), "")
    text = re.sub(r"`[^`]*`|\]\([^)]*\)|Python|x86_64|aarch64|arm64", "", text)
    assert_clean(text, set(), tmp_path, f"bench README --lang {lang}")
    assert ("оптимум доказан" if lang == "ru" else "оңтайлылығы дәлелденген") in text
    assert titles == [report.TEXT["p_profile"][lang]]


def test_sheet_titles_keep_whole_names_and_items_their_plural():
    """A ministry's sheet keeps its whole name in the usual short forms (31 characters),
    and acts cite one item ('п. 6', '6-тармақ') or several ('пп. 6, 8', '6, 8-тармақтар')."""
    from scheduler.report.xlsx import sheet_title
    from scheduler.words import act_items

    inst = load_instance(INSTANCE)
    used: set[str] = set()
    titles = {b.id: sheet_title(b.name.ru, used) for b in inst.bodies}
    assert titles["science-higher-education"] == "Мин. науки и высш. образования"
    assert titles["water-resources-irrigation"] == "Мин. водн. ресурсов и ирригации"
    assert titles["ai-digital-development"] == "Мин. ИИ и цифрового развития"
    assert all(len(t) <= 31 for t in titles.values())
    assert (act_items("6", "ru"), act_items("6", "kk")) == ("п. 6", "6-тармақ")
    assert (act_items("6, 8", "ru"), act_items("6,8", "kk")) == ("пп. 6, 8", "6, 8-тармақтар")
    assert (act_items("1-3", "ru"), act_items("1-3", "en")) == ("пп. 1–3", "items 1-3")


NEW_RULE_FINDINGS = [  # (rule, the checker's English message, meetings, officials, regions)
    ("AKIM-ROTATION", "The Akim of Mangystau Region holds 4 planned meetings in February "
     "2027; at most 3 a month.", ("health-q1",), ("akim-mangystau",), ()),
    ("AKIM-ROTATION", "The meeting 'x' is not in the akim's own rural okrug 'o1'.",
     ("akim-mangystau-q1",), (), ()),
    ("AKIM-SPREAD", "District 'd1' would host 2 akims' meetings on Saturday 27 February 2027; "
     "at most 1 a day.", ("akim-mangystau-q1", "akim-mangystau-q2"), (), ()),
    ("AKIM-SPREAD", "Mangystau Region hosts 4 akims' meetings on Saturday 27 February 2027, "
     "1 beyond 3.", (), (), ("mangystau",)),
    ("FREQ-SPACING", "The Minister of Health holds 3 planned meetings within 7 days from "
     "Saturday 13 February 2027; at most 2.", ("health-q1",), ("minister-health",), ()),
    ("FREQ-SPACING", "The Minister of Health's meetings on Saturday 13 February 2027, Sunday "
     "14 February 2027 are less than 7 days apart (1 meeting(s) beyond the first over the "
     "7-day runs holding them).", (), ("minister-health",), ()),
    ("FREQ-LOAD", "The Minister of Health holds 3 planned meetings in Q1, 2 beyond 1.", (),
     ("minister-health",), ()),
    ("TIME-EVENING", "The meeting 'x' is a working day's evening 2.5 h from Astana, the "
     "presenter's base: a weekend would spare the working day.", ("education-alert",), (), ()),
    ("URGENT-EARLY", "The meeting 'x' comes 2 day(s) after social tension ...",
     ("education-alert",), (), ()),
    ("TRAVEL-BASE", "The Minister of Health cannot travel back to the base for the working "
     "day Monday 15 February 2027, Akmola Region to Astana: the trip takes 9.0 h, the longest "
     "travel window is 8.0 h.", (), ("minister-health",), ("akmola", "astana")),
    ("ATTEND-GOV", "The meeting 'x' has 0 members of the Government attending; it needs 1.",
     ("akim-mangystau-q1",), (), ()),
    ("DL-LOCAL-LISTS", "The calendar is approved on Tuesday 1 December 2026, before the local "
     "bodies' lists are due on Tuesday 15 December 2026.", (), (), ()),
    ("DL-AKIM-CAL", "The akims' calendar is approved on 01-25, after it is due at the "
     "Government on 01-20.", (), (), ()),
    ("ATTEND-GOV", "The Minister of Health would be at two meetings at once on Saturday 13 "
     "February 2027: 'a' and 'b'.", ("health-q1", "akim-mangystau-q1"), ("minister-health",),
     ()),
]


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("rule_id, message, meetings, officials, regions", NEW_RULE_FINDINGS)
def test_findings_of_the_new_rules_are_sentences(tiny_instance, tiny_calendar, lang, rule_id,
                                                 message, meetings, officials, regions):
    """The rules added with issue 11's readings (akims' rotation and spread, a minister's
    spacing and load, evenings far from the base, early out-of-schedule meetings, travel
    from the base, members of the Government attending) have sentences of their own."""
    from scheduler.checker import Cost, Violation
    from scheduler.words import finding

    by_id = tiny_calendar.by_id()
    shown = [by_id[m] for m in meetings]
    fields = dict(meeting_ids=meetings, region_ids=regions or tuple(m.region_id for m in shown),
                  official_ids=officials or tuple(m.official_id for m in shown),
                  dates=tuple(m.date for m in shown))
    item = Cost(rule_id, 4.0, message, **fields) if "beyond" in message or "apart" in message \
        or "evening" in message or "comes" in message else Violation(rule_id, message, **fields)
    text = finding(tiny_instance, load_profile("kz-2024"), item, lang, tiny_calendar)
    assert "требованию «" not in text and "талабына сәйкес" not in text, text
    assert text.endswith(".") and (text[0].isupper() or text[0] == "«"), text
    assert not re.search(r"\b(d1|o1|x|a|b)\b|'", text), text
