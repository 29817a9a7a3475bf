"""Translation catalogues without GNU gettext: find the messages, compile .po to .mo.

``python -m scheduler.web.catalogues check``   every message of the templates and the code is
                                              in each .po catalogue, and each .mo is current
``python -m scheduler.web.catalogues compile`` write the .mo files with Babel
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

WEB = Path(__file__).resolve().parent
LOCALE = WEB / "locale"
LANGS = ("ru", "kk")

_TRANSLATE = re.compile(r'{%\s*translate\s+"((?:[^"\\]|\\.)*)"\s*%}')
_BLOCK = re.compile(r"{%\s*blocktranslate(?P<args>[^%]*)%}(?P<body>.*?)"
                    r"(?:{%\s*plural\s*%}(?P<plural>.*?))?{%\s*endblocktranslate\s*%}", re.S)
_VAR = re.compile(r"{{\s*(\w+)\s*}}")
_PY = re.compile(r'\b_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)[,)]')


def _block_id(text: str) -> str:
    return _VAR.sub(lambda m: f"%({m.group(1)})s", text)


def messages() -> dict[str, str | None]:
    """msgid -> msgid_plural (or None), from the templates and the Python modules."""
    found: dict[str, str | None] = {}
    for path in sorted((WEB / "templates").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for m in _TRANSLATE.finditer(text):
            found[m.group(1)] = None
        for m in _BLOCK.finditer(text):
            plural = m.group("plural")
            found[_block_id(m.group("body"))] = _block_id(plural) if plural is not None else None
    for path in sorted(WEB.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for m in _PY.finditer(path.read_text(encoding="utf-8")):
            parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
            found["".join(parts).replace('\\"', '"')] = None
    return found


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "django.po"


def compile_all() -> list[Path]:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for lang in LANGS:
        with open(po_path(lang), "rb") as handle:
            catalog = read_po(handle, locale=lang)
        mo = po_path(lang).with_suffix(".mo")
        with open(mo, "wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo)
    return written


def missing(lang: str) -> list[str]:
    from babel.messages.pofile import read_po

    with open(po_path(lang), "rb") as handle:
        catalog = read_po(handle, locale=lang)
    have = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    return [mid for mid in messages() if mid not in have or _untranslated(have[mid].string)]


def _untranslated(text: object) -> bool:
    """No text, or a plural with a form left empty."""
    return not text or (isinstance(text, tuple) and not all(text))


if __name__ == "__main__":
    if sys.argv[1:] == ["compile"]:
        for path in compile_all():
            print(path)
    else:
        problems = {lang: missing(lang) for lang in LANGS}
        for lang, ids in problems.items():
            for mid in ids:
                print(f"{lang}: untranslated: {mid!r}")
        sys.exit(1 if any(problems.values()) else 0)
