"""Editors' edits of their own body's data: topical issues, the blocked and preferred dates
of an akimat's region, absences, change requests for the next re-plan.

An edit never changes what was imported: the edited instance is written out as JSON and read
back by the CLI's own reader (``scheduler.io.load_instance``), so it is refused with the
CLI's messages ("FILE: issues[12] (id 'x'), field 'weight': ..."), and stored as a new
instance revision whose parent is the one it was made from. Messages about the edited row
are shown at the form's field; any other message above the form.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from scheduler.instance import Instance
from scheduler.io import InputError, Problem
from scheduler.web import services as s
from scheduler.web.models import StoredInstance


class EditRefused(Exception):
    """The edited instance does not pass the CLI's validation: the problems of the edited
    row per form field (``text.ru`` as ``text_ru``), and the others."""

    def __init__(self, problems: list[Problem], fields: dict[str, list[Problem]]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems, self.fields = problems, fields


def edit(stored: StoredInstance, apply: Callable[[dict], None], user, *, note: str,
         table: str = "", index: int | None = None, **detail) -> StoredInstance:
    """Apply ``change`` to the instance's data and store the result as a new revision.

    ``table``/``index`` name the row the form edits: messages about it are given per field
    (``text.ru`` as ``text_ru``). Raises :class:`EditRefused`.
    """
    data = json.loads(json.dumps(s.instance_of(stored).model_dump(mode="json")))
    apply(data)
    content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    name = Path(stored.source_name).stem + ".json"
    try:
        inst = s.read_instance_upload(name, content)
    except InputError as exc:
        fields: dict[str, list[Problem]] = {}
        rest = []
        for problem in exc.problems:
            if index is not None and problem.field and problem.at(table, index):
                fields.setdefault(problem.field.replace(".", "_"), []).append(problem)
            else:
                rest.append(problem)
        raise EditRefused(rest, fields) from None
    return s.store_instance(inst, name, content, user, parent=stored, note=note[:300], **detail)


def body_issues(inst: Instance, code: str) -> list[tuple[int, dict]]:
    """(row in the instance, issue) of the body's topical issues."""
    return [(i, t.model_dump(mode="json")) for i, t in enumerate(inst.issues)
            if t.body_id == code]


def new_issue_id(inst: Instance, region_id: str) -> str:
    taken = {t.id for t in inst.issues}
    n = 1
    while f"{region_id}-{n}" in taken:
        n += 1
    return f"{region_id}-{n}"[:64]


def issue_change(op: str, code: str, form: dict, row: int | None) -> Callable[[dict], None]:
    """Add, change or remove one of the body's issues in the instance's data."""
    def change(data: dict) -> None:
        if op == "delete":
            del data["issues"][row]
            return
        item = {"id": form["issue_id"], "region_id": form["region_id"], "body_id": code,
                "weight": form["weight"], "text": {"ru": form["text_ru"],
                                                   "kk": form["text_kk"],
                                                   "en": form["text_en"]}}
        if op == "add":
            data["issues"].append(item)
        else:
            data["issues"][row] = item
    return change


def date_change(op: str, region_id: str, form: dict, row: int | None
                ) -> Callable[[dict], None]:
    """Add or remove a blocked or preferred date of the akimat's region."""
    def change(data: dict) -> None:
        if op == "delete":
            del data["region_dates"][row]
            return
        data["region_dates"].append({"region_id": region_id, "date": form["date"],
                                     "kind": form["kind"], "note": form["note"]})
    return change
