"""What changed between two calendars: moved, re-presented, added and cancelled meetings.

Meetings of one official are paired across the two calendars, closest first (same
slot and region, then same date or same region, then the nearest date); an unpaired old
meeting is cancelled, an unpaired new one is added.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass

from scheduler.meetings import Calendar, Meeting


@dataclass(frozen=True)
class Change:
    kind: str  # moved, re-presented, added, cancelled
    old: Meeting | None
    new: Meeting | None
    reason: str = ""

    @property
    def meeting(self) -> Meeting:
        """The meeting before the change, or after it when it is new."""
        either = self.old or self.new
        assert either is not None  # a change has the meeting before it, after it, or both
        return either

    @property
    def meeting_id(self) -> str:
        return self.meeting.id

    @property
    def what(self) -> tuple[str, ...]:
        """Which of date, region, presenter changed (moved and re-presented meetings)."""
        if self.old is None or self.new is None:
            return ()
        parts = []
        if (self.old.date, self.old.start) != (self.new.date, self.new.start):
            parts.append("date")
        if self.old.region_id != self.new.region_id:
            parts.append("region")
        if self.old.presenter_id != self.new.presenter_id:
            parts.append("presenter")
        return tuple(parts)

    def with_reason(self, reason: str) -> Change:
        return dataclasses.replace(self, reason=reason)

    def as_dict(self) -> dict:
        def side(m: Meeting | None) -> dict | None:
            if m is None:
                return None
            return {"id": m.id, "date": m.date.isoformat(), "start": m.start.strftime("%H:%M"),
                    "region_id": m.region_id, "presenter_id": m.presenter_id,
                    "official_id": m.official_id, "kind": m.kind.value}
        return {"kind": self.kind, "meeting_id": self.meeting_id, "what": list(self.what),
                "old": side(self.old), "new": side(self.new), "reason": self.reason}


def _distance(a: Meeting, b: Meeting) -> float:
    if a.kind != b.kind or a.alert_id != b.alert_id:
        return float("inf")
    same_slot = (a.date, a.start) == (b.date, b.start)
    if same_slot and a.region_id == b.region_id:
        return 0.0 if a.presenter_id == b.presenter_id else 1.0
    days = abs((a.date - b.date).days)
    if a.date == b.date or a.region_id == b.region_id:
        return 10.0 + days / 1000
    return 20.0 + days / 1000


def pair_meetings(old: Calendar, new: Calendar) -> list[tuple[Meeting | None, Meeting | None]]:
    """Pairs (old, new) per official, closest first; None where a side has no partner."""
    olds, news = defaultdict(list), defaultdict(list)
    for m in old.meetings:
        olds[m.official_id].append(m)
    for m in new.meetings:
        news[m.official_id].append(m)
    pairs: list[tuple[Meeting | None, Meeting | None]] = []
    for official in sorted(set(olds) | set(news)):
        options = sorted((_distance(a, b), i, j) for i, a in enumerate(olds[official])
                         for j, b in enumerate(news[official]))
        used_old, used_new = set(), set()
        for cost, i, j in options:
            if cost != float("inf") and i not in used_old and j not in used_new:
                used_old.add(i)
                used_new.add(j)
                pairs.append((olds[official][i], news[official][j]))
        pairs += [(a, None) for i, a in enumerate(olds[official]) if i not in used_old]
        pairs += [(None, b) for j, b in enumerate(news[official]) if j not in used_new]
    return pairs


def diff_calendars(old: Calendar, new: Calendar) -> list[Change]:
    """Every meeting that differs, in date order."""
    changes = []
    for a, b in pair_meetings(old, new):
        if a is None:
            changes.append(Change("added", None, b))
        elif b is None:
            changes.append(Change("cancelled", a, None))
        else:
            change = Change("moved", a, b)
            if change.what == ("presenter",):
                changes.append(Change("re-presented", a, b))
            elif change.what:
                changes.append(change)
    return sorted(changes, key=lambda c: (c.meeting.date, c.meeting_id))


def changes_markdown(changes: list[Change], refused=(), title: str = "Changes") -> str:
    """A plain list for people: one line per change and per refused request."""
    lines = [f"# {title}", ""]
    if not changes:
        lines.append("No meeting changed.")
    for c in changes:
        o, n = c.old, c.new
        if c.kind == "added":
            assert n is not None
            line = (f"- **added** {n.id}: {n.date} {n.start:%H:%M}, {n.region_id}, "
                    f"presented by {n.presenter_id}")
        elif c.kind == "cancelled":
            assert o is not None
            line = f"- **cancelled** {o.id}: was {o.date} {o.start:%H:%M}, {o.region_id}"
        else:
            assert o is not None and n is not None
            line = (f"- **{c.kind}** {o.id} ({', '.join(c.what)}): {o.date} {o.start:%H:%M} "
                    f"{o.region_id} {o.presenter_id} -> {n.date} {n.start:%H:%M} {n.region_id} "
                    f"{n.presenter_id}")
        lines.append(line + (f". Reason: {c.reason}" if c.reason else ""))
    if refused:
        lines += ["", "## Refused requests", ""]
        lines += [f"- {r.request_id}: {r.rule_id}: {r.reason}" for r in refused]
    return "\n".join(lines) + "\n"
