"""Plain English for the rules' explanation sentences (``describe`` of each rule module)."""

from __future__ import annotations

import datetime as dt

from scheduler.instance import Instance


def title(instance: Instance, official_id: str) -> str:
    return instance.official(official_id).title.en


def region(instance: Instance, region_id: str) -> str:
    return instance.region(region_id).name.en


def day_text(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"
