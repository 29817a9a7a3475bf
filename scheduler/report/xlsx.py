"""The bilingual workbook ``calendar.xlsx``: the calendar as the commission reads it.

Headers are Russian / Kazakh; names of bodies, officials and regions have a Russian and
a Kazakh column. Sheets: a summary with the legend; the whole half-year; one per
quarter; one per ministry and akimat; one per region; the deadlines; the compliance
table. Dates and times are real cells, header rows are frozen, out-of-schedule meetings
and substitutions are filled in colour. Text is always a text cell, never a formula
(``scheduler.safe_text``). A calendar that breaks hard rules opens on a red draft sheet
that lists the violations, and every sheet prints the draft banner at the top of each page.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.checker import CheckReport
from scheduler.instance import BodyKind, Instance
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.profile import DESCRIPTIVE_FIELDS, Profile
from scheduler.report import common as c
from scheduler.safe_text import append_row, one_line
from scheduler.summary import summarise

DATE_FORMAT = "DD.MM.YYYY"
TIME_FORMAT = "HH:MM"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
THIN = Side(style="thin", color="B7B7B7")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
DRAFT_RED = "C00000"
MAX_WIDTH = 60
BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def meeting_fill(m: Meeting) -> PatternFill | None:
    oos = m.kind is MeetingKind.out_of_schedule
    if oos and m.substituted:
        return PatternFill("solid", fgColor=c.COLOUR_BOTH)
    if oos:
        return PatternFill("solid", fgColor=c.COLOUR_OOS)
    if m.substituted:
        return PatternFill("solid", fgColor=c.COLOUR_SUBST)
    return None


# A column: (header label key, language of names or None, value of a meeting, number format)
Column = tuple[str, Callable[[Meeting], object], str | None, int | None]


def _columns(inst: Instance) -> list[Column]:
    """The meeting columns: header, value, number format, fixed width (None = fit)."""
    def both(key: str, fn: Callable[[Meeting, str], str], width: int | None = None) -> list:
        return [(f"{c.LABELS[key]['ru']} (рус.) / {c.LABELS[key]['kk']} (орыс.)",
                 lambda m: fn(m, "ru"), None, width),
                (f"{c.LABELS[key]['ru']} (каз.) / {c.LABELS[key]['kk']} (қаз.)",
                 lambda m: fn(m, "kk"), None, width)]

    def agenda(part: str) -> Callable[[Meeting], str]:
        return lambda m: f"{c.agenda(m, 'ru')[part]} / {c.agenda(m, 'kk')[part]}".strip(" /")

    cols: list[Column] = [
        (c.bi("col_id"), lambda m: m.id, None, None),
        (c.bi("col_date"), lambda m: m.date, DATE_FORMAT, 12),
        (c.bi("col_weekday"), lambda m: f"{c.weekday(m.date, 'ru')} / {c.weekday(m.date, 'kk')}",
         None, None),
        (c.bi("col_start"), lambda m: m.start, TIME_FORMAT, None),
        (c.bi("col_end"), lambda m: m.end, TIME_FORMAT, None),
        (c.bi("quarter"), lambda m: m.quarter, None, None),
        (c.bi("col_kind"), lambda m: f"{c.kind_label(m, 'ru')} / {c.kind_label(m, 'kk')}",
         None, 30),
    ]
    cols += both("col_body", lambda m, lang: c.body_name(inst, m.body_id, lang), 40)
    cols += both("col_official", lambda m, lang: c.official_title(inst, m.official_id, lang), 40)
    cols += both("col_presenter", lambda m, lang: c.official_title(inst, m.presenter_id, lang), 40)
    cols += both("col_region", lambda m, lang: c.region_name(inst, m.region_id, lang), 30)
    cols += both("col_centre", lambda m, lang: c.centre_name(inst, m.region_id, lang), 20)
    cols += both("col_reason", lambda m, lang: c.reason_text(inst, m, lang), 60)
    cols += both("col_issues", lambda m, lang: "; ".join(c.issue_texts(inst, m, lang)), 60)
    cols += [
        (c.bi("col_announce_by"), lambda m: m.announce_by, DATE_FORMAT, 16),
        (c.bi("col_results_by"), lambda m: m.results_by, DATE_FORMAT, 16),
        (c.bi("col_report_min"), lambda m: m.report_minutes, None, 14),
        (c.bi("col_qa_min"), lambda m: m.qa_minutes, None, 14),
        (c.bi("col_channel"), agenda("channel"), None, 50),
        (c.bi("col_audience"), agenda("audience"), None, 50),
    ]
    return cols


def _text_width(value: object) -> int:
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, dt.time):
        return 5
    if value is None:
        return 0
    return max((len(line) for line in str(value).splitlines()), default=0)


def _header(ws: Worksheet, headers: list[str]) -> None:
    append_row(ws, headers)
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = BORDER
    ws.row_dimensions[1].height = 45


def _fit(ws: Worksheet, fixed: dict[int, int | None] | None = None) -> None:
    """Column widths that fit the longest value (headers wrap onto up to three lines)."""
    fixed = fixed or {}
    for idx, column in enumerate(ws.iter_cols(min_row=1, max_row=ws.max_row), start=1):
        given = fixed.get(idx)
        if given:
            width = given
        else:
            header = _text_width(column[0].value)
            body = max((_text_width(cell.value) for cell in column[1:]), default=0)
            width = max(body + 2, min(header // 2 + 3, 30), 6)
        ws.column_dimensions[get_column_letter(idx)].width = min(width, MAX_WIDTH)


def _legend(ws: Worksheet, row: int, col: int) -> None:
    ws.cell(row=row, column=col, value=c.bi("legend")).font = HEADER_FONT
    for i, (colour, key) in enumerate(((c.COLOUR_OOS, "legend_oos"),
                                       (c.COLOUR_SUBST, "legend_subst"),
                                       (c.COLOUR_BOTH, "legend_both")), start=1):
        cell = ws.cell(row=row + i, column=col, value=c.bi(key))
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.border = BORDER


def meeting_sheet(wb: Workbook, title: str, inst: Instance, meetings: list[Meeting]) -> Worksheet:
    ws = wb.create_sheet(title)
    cols = _columns(inst)
    _header(ws, [c.bi("col_no")] + [col[0] for col in cols])
    for n, m in enumerate(meetings, start=1):
        append_row(ws, [n] + [col[1](m) for col in cols])
        fill = meeting_fill(m)
        for j, cell in enumerate(ws[ws.max_row]):
            cell.border = BORDER
            cell.alignment = WRAP
            if j > 0 and cols[j - 1][2]:
                cell.number_format = cols[j - 1][2]
            if fill is not None:
                cell.fill = fill
    ws.freeze_panes = "C2"  # header row and the number + meeting id stay in view
    last = get_column_letter(len(cols) + 1)
    if meetings:
        ws.auto_filter.ref = f"A1:{last}{ws.max_row}"
    _fit(ws, {i + 2: col[3] for i, col in enumerate(cols)})
    legend_col = len(cols) + 3
    _legend(ws, 1, legend_col)
    ws.column_dimensions[get_column_letter(legend_col)].width = 55
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def print_sheet(wb: Workbook, title: str, inst: Instance, meetings: list[Meeting],
                lang: str) -> Worksheet:
    """The meeting list as the commission reads it on paper, in one language: the eight
    columns of the PDF report, wrapped, rows as high as their text, A4 landscape fitted to
    the page width, the header row repeated on every page."""
    import math

    from scheduler.report.pdf import _common_agenda, _meeting_rows

    ws = wb.create_sheet(title)
    note = _common_agenda(meetings, lang)  # the same stream and invitees: said once, on top
    headers, rows, widths_mm = _meeting_rows(inst, meetings, lang, agenda_too=not note)
    widths = [max(4.0, w / 2.0) for w in widths_mm]
    first = 1
    if note:
        append_row(ws, [note.replace("\n", "; ")])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws.cell(1, 1).alignment = WRAP
        ws.row_dimensions[1].height = 30
        first = 2
    append_row(ws, headers)
    for cell in ws[first]:
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[first].height = 45
    small = Font(size=9)
    for m, row in zip(meetings, rows):
        append_row(ws, row)
        fill = meeting_fill(m)
        lines = 1
        for j, cell in enumerate(ws[ws.max_row]):
            cell.border, cell.alignment, cell.font = BORDER, WRAP, small
            if fill is not None:
                cell.fill = fill
            per_line = max(1.0, widths[j] * 1.2)
            lines = max(lines, sum(max(1, math.ceil(len(part) / per_line))
                                   for part in str(cell.value or "").split("\n")))
        ws.row_dimensions[ws.max_row].height = 12 * lines + 3
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = f"A{first + 1}"
    ws.print_title_rows = f"{first}:{first}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.right.text = "&P / &N"
    ws.oddHeader.left.text = c.tr("report_title", lang)
    return ws


# Short forms for a name longer than a sheet's 31 characters, tried in this order, so that
# a ministry's sheet keeps its whole name ("Мин. науки и высш. образования") rather than
# losing its last words.
SHEET_ABBREVIATIONS = (
    ("искусственного интеллекта", "ИИ"), ("социальной", "соц."), ("населения", "насел."),
    ("высшего", "высш."), ("природных", "прир."), ("водных", "водн."),
    ("строительства", "строит."), ("информации", "информ."), ("развития", "разв."),
)


def sheet_title(text: str, used: set[str]) -> str:
    """A valid, unique sheet name of at most 31 characters."""
    text = BAD_SHEET_CHARS.sub(" ", one_line(text)).strip().strip("'") or "sheet"
    for long, short in (("Министерство ", "Мин. "), ("Акимат ", "Ак. "), (" области", " обл."),
                        ("области ", "обл. "), (" область", " обл."), ("область ", "обл. "),
                        ("города ", "г. "), ("город ", "г. ")):
        text = text.replace(long, short)
    for long, short in SHEET_ABBREVIATIONS:  # the usual short forms, one at a time
        if len(text) <= 31:
            break
        text = text.replace(long, short)
    base = text
    if len(text) > 31:  # cut between words, and not after a bare "and"
        base = re.sub(r"\s+(и|және|and|of|для)$", "", text[:32].rsplit(" ", 1)[0])
    base = base[:31].rstrip()
    name, n = base, 2
    while name.lower() in {u.lower() for u in used}:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)].rstrip() + suffix
        n += 1
    used.add(name)
    return name


def _simple_sheet(wb: Workbook, title: str, headers: list[str], rows: list[list],
                  formats: dict[int, str] | None = None, fills: list | None = None,
                  widths: dict[int, int | None] | None = None, freeze: str = "A2") -> Worksheet:
    ws = wb.create_sheet(title)
    _header(ws, headers)
    formats = formats or {}
    for i, row in enumerate(rows):
        append_row(ws, row)
        for j, cell in enumerate(ws[ws.max_row]):
            cell.border = BORDER
            cell.alignment = WRAP
            if j in formats:
                cell.number_format = formats[j]
            if fills and fills[i] is not None:
                cell.fill = fills[i]
    ws.freeze_panes = freeze
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{ws.max_row}"
    _fit(ws, widths)
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def _summary_sheet(wb: Workbook, title: str, inst: Instance, profile: Profile,
                   calendar: Calendar, report: CheckReport) -> None:
    s = summarise(inst, profile, calendar)
    rows: list[list] = [
        [c.bi("report_title"), ""],
        [c.bi("horizon"), calendar.horizon],
        [c.bi("instance"), calendar.instance],
        [c.bi("profile"), calendar.profile],
        [c.bi("approval_date"), calendar.approval_date],
        [c.bi("quality_row"), f"{c.quality_text(calendar, 'ru', report)} / "
                              f"{c.quality_text(calendar, 'kk', report)}"],
    ]
    rows += [[label, value] for label, value in s.rows(c.bi, lambda q: (
        f"{c.bi('meetings')}, {c.tr('sheet_quarter', 'ru', q=q)} / "
        f"{c.tr('sheet_quarter', 'kk', q=q)}"))]
    ws = _simple_sheet(wb, title, [c.bi("col_title"), c.bi("col_value")], rows,
                       widths={1: 60, 2: 50}, freeze="A2")
    ws["B6"].number_format = DATE_FORMAT
    ws.auto_filter.ref = None
    _legend(ws, ws.max_row + 2, 1)


def _annex_sheet(wb: Workbook, title: str, profile: Profile, calendar: Calendar,
                 report: CheckReport) -> None:
    """The planners' annex: the solver's figures in plain words, then the rule ids."""
    from scheduler.report.html import rule_id_rows, solver_rows

    ru, kk = solver_rows(calendar, report, "ru"), solver_rows(calendar, report, "kk")
    rows: list[list] = [[c.bi("annex_solver"), "", ""], [c.tr("annex_solver_note", "ru"), "", ""],
                        [c.tr("annex_solver_note", "kk"), "", ""]]
    rows += [[f"{a[0]} / {b[0]}", a[1] if a[1] == b[1] else f"{a[1]} / {b[1]}", ""]
             for a, b in zip(ru, kk)]
    rows += [["", "", ""], [c.bi("annex_rules"), "", ""],
             [c.bi("col_rule_id"), c.bi("col_title"), c.bi("col_source")]]
    rows += [[a[0], f"{a[1]} / {b[1]}", a[2]] for a, b in zip(rule_id_rows(profile, calendar,
                                                                           report, "ru"),
                                                              rule_id_rows(profile, calendar,
                                                                           report, "kk"))]
    ws = _simple_sheet(wb, title, [c.bi("col_title"), c.bi("col_value"), ""], rows,
                       widths={1: 60, 2: 70, 3: 40}, freeze="A2")
    ws.auto_filter.ref = None
    from openpyxl.styles import Alignment

    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _deadline_sheet(wb: Workbook, title: str, inst: Instance, profile: Profile,
                    calendar: Calendar) -> None:
    meetings = calendar.by_id()
    rows, fills = [], []
    for d in c.all_deadlines(inst, profile, calendar):
        m = meetings.get(d.meeting_id)
        rows.append([d.date, c.rule_title(profile, d.rule_id, "ru"), d.text["ru"], d.text["kk"],
                     d.meeting_id,
                     c.official_title(inst, m.presenter_id, "ru") if m else "",
                     c.region_name(inst, m.region_id, "ru") if m else "",
                     m.date if m else None])
        fills.append(None if m else PatternFill("solid", fgColor="FFF2CC"))
    headers = [c.bi("col_deadline"), c.bi("rule"), f"{c.LABELS['col_what']['ru']} (рус.)",
               f"{c.LABELS['col_what']['kk']} (қаз.)", c.bi("col_id"),
               c.bi("col_presenter"), c.bi("col_region"), c.bi("col_date")]
    _simple_sheet(wb, title, headers, rows, formats={0: DATE_FORMAT, 7: DATE_FORMAT}, fills=fills,
                  widths={1: 13, 3: 60, 4: 60, 8: 12})


def compliance_rows(profile: Profile, report: CheckReport, lang: str) -> list[dict]:
    """One row per rule id of the profile (and CALENDAR): kind, source, holds, counts, cost."""
    violations = report.violations_by_rule
    costs = report.cost_by_rule
    rows = []
    for rule_id, rule in [("CALENDAR", None)] + list(profile.rules.items()):
        kind = rule.kind if rule else "hard"
        enabled = rule.enabled if rule else True
        checked = rule_id in report.checked
        costed = rule_id in report.costed
        if not enabled:
            holds = "—"
        elif checked:
            holds = c.tr("yes" if violations.get(rule_id, 0) == 0 else "no", lang)
        elif kind == "milestone":
            holds = c.tr("dates_only", lang)
        elif kind == "format":
            holds = c.tr("yes", lang)
        elif costed:
            holds = c.tr("cost_only", lang)
        else:
            holds = "—"
        rows.append({
            "rule_id": rule_id, "title": c.rule_title(profile, rule_id, lang),
            "kind": c.tr(f"rule_kind_{kind}", lang), "source": rule.source if rule else "—",
            "enabled": c.tr("yes" if enabled else "no", lang), "holds": holds,
            "violations": violations.get(rule_id, 0) if checked else None,
            "cost": costs.get(rule_id) if costed else None,
            "ok": not checked or violations.get(rule_id, 0) == 0,
        })
    return rows


def rule_parameters(profile: Profile, rule_id: str) -> str:
    """The rule's own parameters in this profile ("lead_months = 1; counted_from = DL-MVK"),
    so that each profile's compliance table states its own numbers."""
    rule = profile.rules.get(rule_id)
    if rule is None:
        return ""
    skip = DESCRIPTIVE_FIELDS
    return "; ".join(f"{k} = {', '.join(map(str, v)) if isinstance(v, tuple) else v}"
                     for k, v in rule.model_dump().items()
                     if k not in skip and v is not None and v != () and v != "")


def full_compliance(profile: Profile, calendar: Calendar, report: CheckReport,
                    lang: str) -> list[dict]:
    """The compliance rows; every enabled rule (milestones and formats included) is judged
    by the checker, and each row carries the profile's own parameters."""
    rows = compliance_rows(profile, report, lang)
    for row in rows:
        row["parameters"] = rule_parameters(profile, row["rule_id"])
    return rows


def _compliance_sheet(wb: Workbook, title: str, profile: Profile, calendar: Calendar,
                      report: CheckReport) -> None:
    ru = full_compliance(profile, calendar, report, "ru")
    kk = full_compliance(profile, calendar, report, "kk")
    rows, fills = [], []
    for a, b in zip(ru, kk):
        rows.append([a["rule_id"], a["title"], b["title"], f"{a['kind']} / {b['kind']}",
                     a["source"], f"{a['enabled']} / {b['enabled']}",
                     a["holds"] if a["holds"] == b["holds"] else f"{a['holds']} / {b['holds']}",
                     a["violations"], a["cost"], a["parameters"]])
        fills.append(None if a["ok"] else PatternFill("solid", fgColor="F4B6B6"))
    headers = [c.bi("col_rule_id"), f"{c.LABELS['col_title']['ru']} (рус.)",
               f"{c.LABELS['col_title']['kk']} (қаз.)", c.bi("col_rule_kind"), c.bi("col_source"),
               c.bi("col_enabled"), c.bi("col_holds"), c.bi("violations"), c.bi("cost"),
               c.bi("col_parameters")]
    rows.append([c.bi("total"), "", "", "", "", "", "", sum(r["violations"] or 0 for r in ru),
                 sum(r["cost"] or 0 for r in ru), ""])
    fills.append(None)
    ws = _simple_sheet(wb, title, headers, rows, fills=fills, widths={2: 55, 3: 55})
    for cell in ws[ws.max_row]:
        cell.font = HEADER_FONT


def _draft_sheet(wb: Workbook, title: str, report: CheckReport) -> None:
    """The first sheet of a draft: the banner in Russian and Kazakh, then each violation."""
    rows = [[c.draft_banner(report, "ru"), ""], [c.draft_banner(report, "kk"), ""]]
    rows += [[v.rule_id, v.message] for v in report.violations]
    ws = _simple_sheet(wb, title, [c.bi("col_rule_id"), c.bi("message")], rows,
                       widths={1: 40, 2: 120})
    ws.auto_filter.ref = None
    for row in ws.iter_rows(min_row=2, max_row=3):
        for cell in row:
            cell.font = Font(bold=True, size=14, color=DRAFT_RED)


def _mark_draft(wb: Workbook, report: CheckReport) -> None:
    """Every sheet: a red tab, and the draft banner printed at the top of each page."""
    text = f"{c.draft_banner(report, 'ru')} / {c.draft_banner(report, 'kk')}"
    for ws in wb.worksheets:
        ws.sheet_properties.tabColor = DRAFT_RED
        ws.oddHeader.center.text = text
        ws.oddHeader.center.color = DRAFT_RED
        ws.oddHeader.center.font = "Arial,Bold"


def build_workbook(inst: Instance, profile: Profile, calendar: Calendar,
                   report: CheckReport, changes: Callable | None = None) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    meetings = c.sorted_meetings(calendar)

    def title(key: str, **fields) -> str:
        ru, kk = c.tr(key, "ru", **fields), c.tr(key, "kk", **fields)
        return sheet_title(f"{ru} - {kk}" if len(ru) + len(kk) + 3 <= 31 else ru, used)

    if report.violations:
        _draft_sheet(wb, title("draft"), report)
    _summary_sheet(wb, title("sheet_summary"), inst, profile, calendar, report)
    meeting_sheet(wb, title("sheet_all"), inst, meetings)
    for lang in ("ru", "kk"):
        print_sheet(wb, sheet_title(c.tr("sheet_print", lang), used), inst, meetings, lang)
    for q in inst.horizon.quarters:
        meeting_sheet(wb, title("sheet_quarter", q=q), inst,
                      [m for m in meetings if m.quarter == q])
    _deadline_sheet(wb, title("sheet_deadlines"), inst, profile, calendar)
    _compliance_sheet(wb, title("sheet_compliance"), profile, calendar, report)
    if changes is not None:
        changes(wb, title("sheet_changes"))
    for kind in (BodyKind.ceb, BodyKind.akimat, BodyKind.university):
        for body in inst.bodies:
            mine = [m for m in meetings if m.body_id == body.id]
            if body.kind is kind and mine:
                meeting_sheet(wb, sheet_title(body.name.ru, used), inst, mine)
    for region in inst.regions:  # every region, so an empty sheet shows "no meetings here"
        mine = [m for m in meetings if m.region_id == region.id]
        meeting_sheet(wb, sheet_title(region.name.ru, used), inst, mine)
    _annex_sheet(wb, title("sheet_annex"), profile, calendar, report)
    from scheduler.calendar_io import add_data_sheet

    add_data_sheet(wb, calendar, inst)  # hidden: what `check` and `replan` read back
    if report.violations:
        _mark_draft(wb, report)
    return wb


def workbook_bytes(inst: Instance, profile: Profile, calendar: Calendar,
                   report: CheckReport, changes: Callable | None = None) -> bytes:
    """``changes(workbook, title)`` adds the change notice sheet of a re-plan, if given."""
    buffer = io.BytesIO()
    build_workbook(inst, profile, calendar, report, changes).save(buffer)
    return buffer.getvalue()
