"""``report.pdf`` for the commission and one PDF per ministry and akimat (``pdf/BODY.pdf``).

Pure Python from the package registry: fpdf2 draws the pages with the DejaVu Sans font
that matplotlib ships (Kazakh letters included), so no system library is needed. A4
landscape, page numbers in the footer, table headers repeated on every page. The
commission's PDF has the same content as ``report.html``: the summary, the deadlines, the
charts, compliance with the rules, the meeting list, the change notice of a re-plan, and
the annexes (the solver's figures, the rule ids).
"""

from __future__ import annotations

import io
from collections.abc import Set
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from scheduler.checker import CheckReport
from scheduler.instance import BodyKind, Instance
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.profile import DlAkimCal, DlChange, DlLocalLists, DlQreport, DlResults, Profile
from scheduler.report import common as c
from scheduler.summary import summarise

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
HEAD_FILL = (221, 235, 247)
BLUE = (31, 78, 121)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


class _Doc(FPDF):
    def __init__(self, title: str, lang: str, draft: str = "") -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_font(FONT, size=9)
        self.set_margins(10, 11, 10)
        self.set_auto_page_break(True, margin=13)
        self.doc_title, self.lang, self.draft = title, lang, draft
        self.set_title(title)
        self.set_lang(lang)
        self.set_creator("kz-meetings-scheduler")
        self.alias_nb_pages("{nb}")

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 7)
        self.set_text_color(110, 110, 110)
        self.cell(0, 4, (f"{self.draft} — " if self.draft else "") + self.doc_title,
                  new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, c.tr("page_of", self.lang, n=self.page_no(), total="{nb}"), align="R")
        self.set_text_color(0, 0, 0)

    # ------------------------------------------------------------------ blocks
    def h1(self, text: str) -> None:
        self.set_font(FONT, "B", 15)
        self.set_text_color(*BLUE)
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, "", 9)

    def h2(self, text: str, new_page: bool = True) -> None:
        if new_page:
            self.add_page()
        elif self.get_y() > self.h - 50:
            self.add_page()
        self.ln(2)
        self.set_font(FONT, "B", 12)
        self.set_text_color(*BLUE)
        self.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*BLUE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, "", 9)
        self.ln(2)

    def para(self, text: str, size: float = 8.5, style: str = "", colour=(60, 60, 60)) -> None:
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, "", 9)
        self.ln(1)

    def banner(self, text: str) -> None:
        self.set_font(FONT, "B", 12)
        self.set_text_color(192, 0, 0)
        self.set_draw_color(192, 0, 0)
        self.multi_cell(0, 7, text, border=1, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, "", 9)
        self.ln(2)

    def grid(self, headers: list[str], rows: list[list[str]], widths: tuple[float, ...],
             fills: list[tuple[int, int, int] | None] | None = None, size: float = 7.5,
             align_right: Set[int] = frozenset()) -> None:
        """A table whose header row repeats on every page."""
        self.set_font(FONT, "", size)
        self.set_draw_color(183, 183, 183)
        self.set_fill_color(255, 255, 255)
        heading = FontFace(emphasis="BOLD", fill_color=HEAD_FILL)
        with self.table(col_widths=widths, headings_style=heading, line_height=size * 0.48,
                        text_align=tuple("RIGHT" if i in align_right else "LEFT"
                                         for i in range(len(widths))),
                        first_row_as_headings=True, repeat_headings=1,
                        padding=0.8) as table:
            head = table.row()
            for text in headers:
                head.cell(text)
            for r, values in enumerate(rows):
                fill = (fills[r] if fills else None) or (255, 255, 255)
                row = table.row(style=FontFace(fill_color=fill))
                for value in values:
                    row.cell(value)
        self.set_font(FONT, "", 9)
        self.ln(2)


def _row_fill(m: Meeting) -> tuple[int, int, int] | None:
    oos = m.kind is MeetingKind.out_of_schedule
    if oos and m.substituted:
        return _rgb(c.COLOUR_BOTH)
    if oos:
        return _rgb(c.COLOUR_OOS)
    return _rgb(c.COLOUR_SUBST) if m.substituted else None


def _meeting_rows(inst: Instance, meetings: list[Meeting], lang: str,
                  agenda_too: bool = False) -> tuple[list[str], list[list[str]], tuple]:
    rows = []
    for n, m in enumerate(meetings, start=1):
        who = c.official_title(inst, m.official_id, lang)
        if m.substituted:
            presenter = c.official_title(inst, m.presenter_id, lang)
            who += f"\n{c.tr('col_presenter', lang)}: {presenter}"
        centre = c.centre_name(inst, m.region_id, lang)
        where = c.region_name(inst, m.region_id, lang) + (f"\n{centre}" if centre else "")
        about = "; ".join(c.issue_texts(inst, m, lang))
        reason = c.reason_text(inst, m, lang)
        if reason:
            about += ("\n" if about else "") + reason
        agenda = f"{m.report_minutes if m.report_minutes is not None else '—'} / " \
                 f"{m.qa_minutes if m.qa_minutes is not None else '—'}"
        if agenda_too:
            a = c.agenda(m, lang)
            agenda += "".join(f"\n{x}" for x in (a["channel"], a["audience"]) if x)
        rows.append([str(n), f"{c.fmt_date(m.date)}, {c.weekday(m.date, lang)}\n"
                             f"{c.fmt_time(m.start)}–{c.fmt_time(m.end)}",
                     c.kind_label(m, lang), who, where, about, agenda,
                     f"{c.fmt_date(m.announce_by)}\n{c.fmt_date(m.results_by)}"])
    headers = ["№", f"{c.tr('col_date', lang)}, {c.tr('col_time', lang).lower()}",
               c.tr("col_kind", lang), c.tr("col_official", lang), c.tr("col_region", lang),
               f"{c.tr('col_issues', lang)} / {c.tr('col_reason', lang).lower()}",
               c.tr("col_agenda_qa", lang), c.tr("col_announce_results", lang)]
    widths = (8, 24, 22, 42, 32, 86, 29 if not agenda_too else 44, 24)
    return headers, rows, widths


def _legend(pdf: _Doc, lang: str) -> None:
    pdf.set_font(FONT, "B", 7.5)
    pdf.cell(pdf.get_string_width(c.tr("legend", lang) + ": ") + 1, 5,
             c.tr("legend", lang) + ":")
    pdf.set_font(FONT, "", 7.5)
    for colour, key in ((c.COLOUR_OOS, "legend_oos"), (c.COLOUR_SUBST, "legend_subst"),
                        (c.COLOUR_BOTH, "legend_both")):
        pdf.set_fill_color(*_rgb(colour))
        text = c.tr(key, lang)
        pdf.cell(pdf.get_string_width(text) + 4, 5, text, border=1, fill=True)
        pdf.cell(3, 5, "")
    pdf.ln(7)
    pdf.set_font(FONT, "", 9)


def _common_agenda(meetings: list[Meeting], lang: str) -> str:
    agendas = [c.agenda(m, lang) for m in meetings]
    lines = []
    for part, key in (("channel", "col_channel"), ("audience", "col_audience")):
        values = {a[part] for a in agendas}
        if len(values) == 1 and agendas and agendas[0][part]:
            lines.append(f"{c.tr(key, lang)}: {agendas[0][part]}")
    return "\n".join(lines)


def _png_of(fig_bytes: bytes) -> io.BytesIO:
    return io.BytesIO(fig_bytes)


def render_pdf(inst: Instance, profile: Profile, calendar: Calendar, report: CheckReport,
               charts: dict[str, bytes], lang: str = "ru",
               changes: list[tuple[str, list[str], list[str]]] | None = None) -> bytes:
    """The commission's report as PDF bytes; ``changes`` is the change notice of a re-plan:
    (title, change lines, refused lines) per language section."""
    from scheduler.report.html import compliance_rows, rule_id_rows, solver_rows

    c.check_lang(lang)
    draft = c.draft_banner(report, lang)
    title = f"{c.tr('report_title', lang)} — {calendar.horizon}"
    pdf = _Doc(title, lang, c.tr("draft", lang) if draft else "")
    pdf.add_page()
    pdf.h1((f"{c.tr('draft', lang)}: " if draft else "") + title)
    if draft:
        pdf.banner(draft)
    check = c.tr("check_ok" if report.ok else "check_failed", lang)
    pdf.para(f"{c.tr('report_subtitle', lang)}. {check}.", size=10)

    s = summarise(inst, profile, calendar)
    pdf.h2(c.tr("summary", lang), new_page=False)
    left = [[c.tr("horizon", lang), calendar.horizon], [c.tr("instance", lang), calendar.instance],
            [c.tr("profile", lang), calendar.profile],
            [c.tr("approval_date", lang), c.fmt_date(calendar.approval_date)],
            [c.tr("quality_row", lang), c.quality_text(calendar, lang, report)]]
    left += [[label, str(value)] for label, value in s.rows(
        lambda key: c.tr(key, lang),
        lambda q: f"{c.tr('meetings', lang)}, {c.tr('sheet_quarter', lang, q=q)}")]
    pdf.grid([c.tr("col_title", lang), c.tr("col_value", lang)], left, (120, 157), size=8.5)

    pdf.h2(c.tr("deadlines", lang), new_page=False)
    pdf.grid([c.tr("col_deadline", lang), c.tr("col_what", lang)],
             [[c.fmt_date(d.date), d.text[lang]] for d in c.horizon_deadlines(inst, profile)],
             (30, 247), size=8.5)
    pdf.para(c.tr("deadlines_note", lang))

    pdf.h2(c.tr("charts", lang))
    for i, png in enumerate(charts.values()):
        if i:
            pdf.add_page()
        pdf.image(_png_of(png), x=pdf.l_margin, w=pdf.epw, h=pdf.eph - 22, keep_aspect_ratio=True)

    pdf.h2(c.tr("compliance", lang))
    pdf.para(c.tr("sources_note_plain", lang))
    headers, rows, classes = compliance_rows(profile, calendar, report, lang)
    pdf.grid(headers, rows, (95, 30, 102, 18, 16, 16),
             fills=[(244, 182, 182) if k == "bad" else None for k in classes],
             align_right={4, 5})

    pdf.h2(c.tr("meeting_list", lang))
    meetings = c.sorted_meetings(calendar)
    if not meetings:
        pdf.para(c.tr("no_meetings", lang), size=10)
    else:
        _legend(pdf, lang)
        note = _common_agenda(meetings, lang)
        if note:
            pdf.para(note)
        headers, rows, widths = _meeting_rows(inst, meetings, lang)
        pdf.grid(headers, rows, widths, fills=[_row_fill(m) for m in meetings])

    for section_title, lines, refused in changes or ():
        pdf.h2(section_title)
        _notice(pdf, lines, refused, lang)

    pdf.h2(c.tr("annex_solver", lang))
    pdf.para(c.tr("annex_solver_note", lang))
    pdf.grid([c.tr("col_title", lang), c.tr("col_value", lang)],
             solver_rows(calendar, report, lang), (90, 187), size=8.5)
    pdf.h2(c.tr("annex_rules", lang), new_page=False)
    pdf.para(c.tr("annex_rules_note", lang))
    pdf.grid([c.tr("col_rule_id", lang), c.tr("col_title", lang), c.tr("col_source", lang)],
             rule_id_rows(profile, calendar, report, lang), (40, 150, 87))
    return bytes(pdf.output())


def _notice(pdf: _Doc, lines: list[str], refused: list[str], lang: str) -> None:
    if not lines:
        pdf.para(c.tr("no_change", lang), size=9, colour=(0, 0, 0))
    for n, line in enumerate(lines, start=1):
        pdf.para(f"{n}. {line}", size=8.5, colour=(0, 0, 0))
    if refused:
        pdf.ln(2)
        pdf.para(c.tr("ch_refused", lang), size=10, style="B", colour=BLUE)
        for n, line in enumerate(refused, start=1):
            pdf.para(f"{n}. {line}", size=8.5, colour=(0, 0, 0))


def render_notice_pdf(title: str, sections: list[tuple[str, str, list[str], list[str]]]) -> bytes:
    """The bilingual change notice: per language (lang, heading, change lines, refused)."""
    pdf = _Doc(title, sections[0][0] if sections else "ru")
    for i, (lang, heading, lines, refused) in enumerate(sections):
        pdf.lang = lang
        pdf.add_page()
        pdf.h1(heading)
        pdf.ln(2)
        _notice(pdf, lines, refused, lang)
    return bytes(pdf.output())


def render_body_pdf(inst: Instance, profile: Profile, calendar: Calendar, body_id: str,
                    lang: str = "ru", draft: str = "") -> bytes:
    """One ministry's or akimat's own PDF: its meetings, their deadlines and agenda."""
    name = c.body_name(inst, body_id, lang)
    meetings = [m for m in c.sorted_meetings(calendar) if m.body_id == body_id]
    title = f"{c.tr('report_title', lang)} — {calendar.horizon}"
    pdf = _Doc(f"{name}. {title}", lang, c.tr("draft", lang) if draft else "")
    pdf.add_page()
    pdf.h1(name)
    pdf.para(title, size=11, colour=(0, 0, 0))
    if draft:
        pdf.banner(draft)
    pdf.h2(c.tr("meeting_list", lang), new_page=False)
    if not meetings:
        pdf.para(c.tr("no_meetings", lang), size=10)
    else:
        _legend(pdf, lang)
        headers, rows, widths = _meeting_rows(inst, meetings, lang, agenda_too=True)
        pdf.grid(headers, rows, widths, fills=[_row_fill(m) for m in meetings])
    ids = {m.id for m in meetings}
    own = [d for d in c.all_deadlines(inst, profile, calendar)
           if d.meeting_id in ids or (not d.meeting_id and d.rule_id in _BODY_MILESTONES.get(
               inst.body(body_id).kind, ()))]
    pdf.h2(c.tr("sheet_deadlines", lang), new_page=False)
    pdf.grid([c.tr("col_deadline", lang), c.tr("col_what", lang)],
             [[f"{c.fmt_date(d.date)}, {c.weekday(d.date, lang)}", d.text[lang]] for d in own],
             (36, 241), size=8)
    return bytes(pdf.output())


_BODY_MILESTONES = {BodyKind.ceb: tuple(r.rule_id for r in (DlChange, DlQreport, DlResults)),
                    BodyKind.akimat: tuple(r.rule_id for r in (DlLocalLists, DlAkimCal,
                                                               DlQreport, DlResults))}


def body_pdfs(inst: Instance, profile: Profile, calendar: Calendar, lang: str = "ru",
              draft: str = "") -> dict[str, bytes]:
    """``pdf/BODY.pdf`` for every ministry and akimat with a meeting in the calendar."""
    with_meetings = {m.body_id for m in calendar.meetings}
    return {f"pdf/{b.id}.pdf": render_body_pdf(inst, profile, calendar, b.id, lang, draft)
            for b in inst.bodies
            if b.id in with_meetings and b.kind in (BodyKind.ceb, BodyKind.akimat)}
