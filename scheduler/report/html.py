"""The printable report ``report.html``: one self-contained file, A4 landscape.

Sections: the summary, the charts (PNG, embedded as base64), the compliance table, the
deadlines of the half-year and the meeting list with each meeting's agenda. Every label
comes from ``scheduler.i18n`` in the report's language.
"""

from __future__ import annotations

import base64
from html import escape

from scheduler.checker import CheckReport
from scheduler.i18n import decimal
from scheduler.instance import Instance
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.profile import Profile
from scheduler.report import common as c
from scheduler.report.xlsx import full_compliance
from scheduler.summary import summarise

CSS = f"""
@page {{ size: A4 landscape; margin: 11mm 10mm 12mm 10mm;
        @bottom-right {{ content: counter(page) " / " counter(pages); font-size: 8pt; }} }}
* {{ box-sizing: border-box; }}
body {{ font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 9pt;
       color: #1a1a1a; margin: 0 auto; max-width: 1200px; padding: 8px; }}
h1 {{ font-size: 17pt; margin: 0 0 2px 0; color: #1f4e79; }}
h2 {{ font-size: 13pt; color: #1f4e79; border-bottom: 2px solid #1f4e79; padding-bottom: 2px;
     margin: 18px 0 8px 0; break-before: page; page-break-before: always; }}
h2.first {{ break-before: auto; page-break-before: auto; }}
.subtitle {{ color: #555; font-size: 10pt; margin-bottom: 10px; }}
table {{ border-collapse: collapse; width: 100%; }}
table.meetings {{ table-layout: fixed; }}
th, td {{ border: 0.6pt solid #b7b7b7; padding: 2px 4px; vertical-align: top; text-align: left; }}
th {{ background: #ddebf7; font-weight: bold; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
td.num, th.num {{ text-align: right; white-space: nowrap; }}
td.nowrap {{ white-space: nowrap; }}
.cols {{ display: flex; gap: 16px; align-items: flex-start; }}
.cols > div {{ flex: 1; }}
table.kv td:first-child {{ width: 62%; }}
.oos td {{ background: #{c.COLOUR_OOS}; }}
.subst td {{ background: #{c.COLOUR_SUBST}; }}
.both td {{ background: #{c.COLOUR_BOTH}; }}
.bad td {{ background: #f4b6b6; }}
.legend span {{ display: inline-block; padding: 1px 6px; margin-right: 8px;
               border: 0.6pt solid #b7b7b7; }}
figure {{ margin: 0 0 10px 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }}
figure.page {{ break-before: page; page-break-before: always; }}
figure img {{ max-width: 100%; max-height: 172mm; }}
.small {{ font-size: 7.5pt; }}
.meetings td {{ font-size: 7.5pt; }}
table.rules td, table.rules th {{ font-size: 7.5pt; padding: 1px 4px; }}
.note {{ color: #444; font-size: 8pt; margin: 4px 0 8px 0; }}
.draft {{ color: #c00000; border: 2pt solid #c00000; font-size: 14pt; font-weight: bold;
         padding: 6px 10px; margin: 6px 0 10px 0; }}
"""


def _table(headers: list[str], rows: list[list[str]], classes: list[str] | None = None,
           numeric: set[int] | None = None, table_class: str = "") -> str:
    numeric = numeric or set()
    head = "".join(f'<th{" class=num" if i in numeric else ""}>{escape(h)}</th>'
                   for i, h in enumerate(headers))
    body = []
    for r, row in enumerate(rows):
        cls = f' class="{classes[r]}"' if classes and classes[r] else ""
        cells = "".join(f'<td{" class=num" if i in numeric else ""}>{cell}</td>'
                        for i, cell in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    tc = f' class="{table_class}"' if table_class else ""
    return f"<table{tc}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _row_class(m: Meeting) -> str:
    oos = m.kind is MeetingKind.out_of_schedule
    return "both" if oos and m.substituted else "oos" if oos else "subst" if m.substituted else ""


def _legend(lang: str) -> str:
    return ('<p class="legend small">'
            f'<b>{escape(c.tr("legend", lang))}:</b> '
            f'<span style="background:#{c.COLOUR_OOS}">{escape(c.tr("legend_oos", lang))}</span>'
            f'<span style="background:#{c.COLOUR_SUBST}">{escape(c.tr("legend_subst", lang))}'
            f'</span><span style="background:#{c.COLOUR_BOTH}">'
            f'{escape(c.tr("legend_both", lang))}</span></p>')


def _summary(inst: Instance, profile: Profile, calendar: Calendar, report: CheckReport,
             lang: str) -> str:
    s = summarise(inst, profile, calendar)
    t = lambda key: escape(c.tr(key, lang))  # noqa: E731
    left = [[t("horizon"), escape(calendar.horizon)],
            [t("instance"), escape(calendar.instance)],
            [t("profile"), escape(calendar.profile)],
            [t("approval_date"), c.fmt_date(calendar.approval_date)],
            [t("quality_row"), escape(c.quality_text(calendar, lang, report))]]
    if calendar.created:
        left.append([t("created"), calendar.created.strftime("%d.%m.%Y %H:%M UTC")])
    right = [[label, str(value)] for label, value in s.rows(
        t, lambda q: f"{t('meetings')}, {escape(c.tr('sheet_quarter', lang, q=q))}")]
    head = [t("col_title"), t("col_value")]
    return (f'<div class="cols"><div>{_table(head, left, table_class="kv")}</div>'
            f'<div>{_table(head, right, numeric={1}, table_class="kv")}</div></div>')


def compliance_rows(profile: Profile, calendar: Calendar, report: CheckReport,
                    lang: str) -> tuple[list[str], list[list[str]], list[str]]:
    """The commission's compliance table: each rule by title, its act, whether it holds
    (plain text cells; the rule ids are in the planners' annex)."""
    from scheduler.words import source_text

    rows, classes = [], []
    found = full_compliance(profile, calendar, report, lang)
    for r in found:
        rows.append([r["title"], r["kind"], source_text(r["source"], lang), r["holds"],
                     "" if r["violations"] is None else str(r["violations"]),
                     "" if r["cost"] is None else f"{r['cost']:g}"])
        classes.append("" if r["ok"] else "bad")
    total = sum(r["cost"] or 0 for r in found)
    rows.append([c.tr("total", lang), "", "", "", str(len(report.violations)), f"{total:g}"])
    classes.append("")
    headers = [c.tr(k, lang) for k in ("col_title", "col_rule_kind", "col_source",
                                        "col_holds", "violations", "cost")]
    return headers, rows, classes


def _compliance(profile: Profile, calendar: Calendar, report: CheckReport, lang: str) -> str:
    headers, rows, classes = compliance_rows(profile, calendar, report, lang)
    rows = [[escape(x) for x in row] for row in rows]
    rows[-1][0] = f"<b>{rows[-1][0]}</b>"
    return (f'<p class="note">{escape(c.tr("sources_note_plain", lang))}</p>'
            + _table(headers, rows, classes, numeric={4, 5}, table_class="rules"))


def solver_rows(calendar: Calendar, report: CheckReport, lang: str) -> list[list[str]]:
    """Annex 1: the solver's figures, each with its plain name."""
    return [[c.tr("quality_row", lang), c.quality_text(calendar, lang, report)],
            [c.tr("solver_status", lang), c.status_text(calendar, lang, report)],
            [c.tr("objective", lang), "" if calendar.objective is None
             else f"{calendar.objective:g}"],
            [c.tr("bound", lang), "" if calendar.bound is None else f"{calendar.bound:g}"],
            [c.tr("gap", lang), c.gap_text(calendar, lang)],
            [c.tr("time", lang), "" if calendar.wall_time_s is None
             else decimal(calendar.wall_time_s, lang)]]


def rule_id_rows(profile: Profile, calendar: Calendar, report: CheckReport,
                 lang: str) -> list[list[str]]:
    """Annex 2: rule ids with titles and the catalogue's source codes, for the planners."""
    return [[r["rule_id"], r["title"], r["source"]]
            for r in full_compliance(profile, calendar, report, lang)]


def _annexes(profile: Profile, calendar: Calendar, report: CheckReport, lang: str) -> str:
    t = lambda key: escape(c.tr(key, lang))  # noqa: E731
    solver = [[escape(a), escape(b)] for a, b in solver_rows(calendar, report, lang)]
    ids = [[f"<b>{escape(a)}</b>", escape(b), escape(s)]
           for a, b, s in rule_id_rows(profile, calendar, report, lang)]
    return (f'<h2>{t("annex_solver")}</h2><p class="note">{t("annex_solver_note")}</p>'
            + _table([c.tr("col_title", lang), c.tr("col_value", lang)], solver,
                     table_class="kv")
            + f'<h2 class="first">{t("annex_rules")}</h2><p class="note">{t("annex_rules_note")}'
            f'</p>' + _table([c.tr("col_rule_id", lang), c.tr("col_title", lang),
                              c.tr("col_source", lang)], ids, table_class="rules"))


def _deadlines(inst: Instance, profile: Profile, lang: str) -> str:
    rows = [[c.fmt_date(d.date), escape(d.text[lang])]
            for d in c.horizon_deadlines(inst, profile)]
    headers = [c.tr("col_deadline", lang), c.tr("col_what", lang)]
    return _table(headers, rows) + f'<p class="note">{escape(c.tr("deadlines_note", lang))}</p>'


def _meetings(inst: Instance, calendar: Calendar, lang: str) -> str:
    meetings = c.sorted_meetings(calendar)
    if not meetings:
        return f"<p>{escape(c.tr('no_meetings', lang))}</p>"
    agendas = [c.agenda(m, lang) for m in meetings]
    common_channel = len({a["channel"] for a in agendas}) == 1
    common_audience = len({a["audience"] for a in agendas}) == 1
    note = []
    if common_channel and agendas[0]["channel"]:
        note.append(f"<b>{escape(c.tr('col_channel', lang))}:</b> {escape(agendas[0]['channel'])}")
    if common_audience and agendas[0]["audience"]:
        note.append(f"<b>{escape(c.tr('col_audience', lang))}:</b> "
                    f"{escape(agendas[0]['audience'])}")
    rows, classes = [], []
    for n, (m, a) in enumerate(zip(meetings, agendas), start=1):
        who = escape(c.official_title(inst, m.official_id, lang))
        if m.substituted:
            who += f"<br><i>{escape(c.tr('col_presenter', lang))}: " \
                   f"{escape(c.official_title(inst, m.presenter_id, lang))}</i>"
        centre = c.centre_name(inst, m.region_id, lang)
        where = escape(c.region_name(inst, m.region_id, lang)) + \
            (f"<br><span class=small>{escape(centre)}</span>" if centre else "")
        agenda = f"{m.report_minutes if m.report_minutes is not None else '—'} / " \
                 f"{m.qa_minutes if m.qa_minutes is not None else '—'}"
        if not common_channel and a["channel"]:
            agenda += f"<br>{escape(a['channel'])}"
        if not common_audience and a["audience"]:
            agenda += f"<br>{escape(a['audience'])}"
        about = "; ".join(escape(x) for x in c.issue_texts(inst, m, lang))
        reason = c.reason_text(inst, m, lang)
        if reason:
            about += ("<br>" if about else "") + f"<i>{escape(reason)}</i>"
        rows.append([
            str(n),
            f"{c.fmt_date(m.date)}, {escape(c.weekday(m.date, lang))}<br>"
            f"{c.fmt_time(m.start)}–{c.fmt_time(m.end)}",
            escape(c.kind_label(m, lang)), who, where, about, agenda,
            f"{c.fmt_date(m.announce_by)}<br>{c.fmt_date(m.results_by)}",
        ])
        classes.append(_row_class(m))
    headers = ["№", f"{c.tr('col_date', lang)}, {c.tr('col_time', lang).lower()}",
               c.tr("col_kind", lang), c.tr("col_official", lang), c.tr("col_region", lang),
               f"{c.tr('col_issues', lang)} / {c.tr('col_reason', lang).lower()}",
               c.tr("col_agenda_qa", lang),
               c.tr("col_announce_results", lang)]
    table = _table(headers, rows, classes, numeric={0}, table_class="meetings")
    widths = (3, 10, 9, 17, 13, 28, 9, 11)
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    table = table.replace('<table class="meetings">', f'<table class="meetings"><colgroup>{cols}'
                          '</colgroup>', 1)
    return (_legend(lang) + (f'<p class="note">{"<br>".join(note)}</p>' if note else "")
            + table)


def render_html(inst: Instance, profile: Profile, calendar: Calendar, report: CheckReport,
                charts: dict[str, bytes], lang: str = "ru", changes_html: str = "") -> str:
    """The whole report as one HTML document; ``charts`` maps a chart name to PNG bytes;
    ``changes_html`` is the change notice of a re-plan (a section), if any."""
    c.check_lang(lang)
    t = lambda key: escape(c.tr(key, lang))  # noqa: E731
    figures = []
    for i, (name, png) in enumerate(charts.items()):
        data = base64.b64encode(png).decode("ascii")
        cls = ' class="page"' if i else ""
        figures.append(f'<figure{cls}><img alt="{escape(name)}" '
                       f'src="data:image/png;base64,{data}"></figure>')
    check = t("check_ok") if report.ok else t("check_failed")
    draft = c.draft_banner(report, lang)
    banner = f'<p class="draft">{escape(draft)}</p>' if draft else ""
    title = f"{t('draft')}: {t('report_title')}" if draft else t("report_title")
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — {escape(calendar.horizon)}</title>
<style>{CSS}</style>
</head>
<body>
<h1>{title} — {escape(calendar.horizon)}</h1>
{banner}
<div class="subtitle">{t("report_subtitle")}. {check}.</div>
<h2 class="first">{t("summary")}</h2>
{_summary(inst, profile, calendar, report, lang)}
<h2 class="first">{t("deadlines")}</h2>
{_deadlines(inst, profile, lang)}
<h2>{t("charts")}</h2>
{"".join(figures)}
<h2>{t("compliance")}</h2>
{_compliance(profile, calendar, report, lang)}
<h2>{t("meeting_list")}</h2>
{_meetings(inst, calendar, lang)}
{changes_html}
{_annexes(profile, calendar, report, lang)}
</body>
</html>
"""
