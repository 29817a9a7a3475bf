"""Downloads kept per version: each .ics is written once for its version and language,
a new version gets its own, and a subscription serves the newest published version."""

from __future__ import annotations

import pytest

from scheduler.web import services as s
from scheduler.web.models import VersionFile

V = "/h/2027-H1/v/1/"


@pytest.fixture
def made(monkeypatch):
    """The .ics files written, as (what, id, language)."""
    calls: list[tuple] = []
    real = s._make_ics

    def counting(version, what, ident, lang):
        calls.append((version.number, what, ident, lang))
        return real(version, what, ident, lang)

    monkeypatch.setattr(s, "_make_ics", counting)
    return calls


def second_version(seeded, region: str = "almaty-city"):
    """Version 2: version 1 with its first meeting moved to ``region``."""
    cal = s.calendar_of(seeded["version"])
    first = cal.meetings[0].model_copy(update={"region_id": region})
    moved = cal.model_copy(update={"meetings": (first, *cal.meetings[1:])})
    v1 = seeded["version"]
    return s.new_version(seeded["halfyear"], "imported", moved, seeded["stored"],
                         v1.profile_name, v1.profile_toml, None), first


def test_ics_written_once_per_version_and_language(as_role, seeded, made):
    client = as_role("planner")
    url = V + "ics/region/almaty-city.ics"
    first, again = client.get(url), client.get(url)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content and made == [(1, "region", "almaty-city", "ru")]
    assert VersionFile.objects.filter(version=seeded["version"],
                                      name="ics-region-almaty-city-ru.ics").exists()
    kk = client.get(url, HTTP_ACCEPT_LANGUAGE="kk")
    assert kk.content != first.content and len(made) == 2  # its own file per language
    version, moved = second_version(seeded)
    newer = client.get(f"/h/2027-H1/v/{version.number}/ics/region/almaty-city.ics")
    assert newer.content != first.content and made[-1][0] == 2  # never version 1's file
    assert moved.id.encode() in newer.content and moved.id.encode() not in first.content


def test_subscription_serves_the_newest_published_version(client, seeded):
    planner = seeded["users"]["planner"]
    url = "/subscribe/2027-H1/region/almaty-city.ics"
    for action in ("agree", "approve", "publish"):
        s.move_state(seeded["version"], action, planner)
    published_first = client.get(url).content
    version, moved = second_version(seeded)
    assert client.get(url).content == published_first  # version 2 is only a draft
    for action in ("agree", "approve", "publish"):
        s.move_state(version, action, planner)
    newest = client.get(url).content
    assert moved.id.encode() in newest and moved.id.encode() not in published_first


def test_region_files_made_ahead_by_the_files_worker(seeded, made):
    s.warm_downloads(seeded["version"])
    regions = {r.id for r in s.instance_of(seeded["stored"]).regions}
    assert {(what, ident, lang) for _, what, ident, lang in made} == {
        ("region", r, lang) for r in regions for lang in ("ru", "kk")}
