"""Scoring drafter's parse of the real pages in tests/data/pages/ against their hand-labelled truth.

Used by tests/test_parse_pages.py, and on its own to print the per-field table and every miss:

    PYTHONPATH=. python tests/pages_score.py [-v]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

PAGES = Path(__file__).resolve().parent / "data" / "pages"
TRUTH = yaml.safe_load((PAGES / "truth.yaml").read_text(encoding="utf-8"))
FILES = sorted(TRUTH)
FIELDS = ("title", "subtitle", "speaker", "date", "published", "salutation", "removed", "headings", "parts")

_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})


def key(text: str | None) -> str | None:
    """A comparison form of a label: blanks collapsed (ASCII and U+3000), half-width marks made full-width,
    leading dashes and wrapping parentheses of a subtitle dropped."""
    if not text:
        return None
    text = re.sub(r"[\s\u3000]+", " ", text.translate(_FULL)).strip()
    text = text.lstrip("—―-").strip()
    if text.startswith("（") and text.endswith("）"):
        text = text[1:-1]
    return text or None


def iso(date: str | None) -> str | None:
    if not date:
        return None
    m = re.match(r"^\D*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})", date) \
        or re.match(r"^.*?([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月"
                    r"([一二三四五六七八九十]{1,3})日", date)
    if not m:
        return date
    from drafter.zh import cn_to_int      # a date in Chinese numerals: 二〇〇一年一月一日

    return f"{cn_to_int(m.group(1))}-{cn_to_int(m.group(2)):02d}-{cn_to_int(m.group(3)):02d}"


def _collapse(text: str) -> str:
    return re.sub(r"[\s\u3000]+", " ", text).strip()


def got_fields(speech, html: bool) -> dict:
    meta = speech.meta
    if html:
        removed = sorted(_collapse(r.text) for r in speech.removed)
    else:
        removed = sorted(r.line for r in speech.removed)
    # a page holding several texts: the headings of each text (the truth restarts depth in each part)
    sections = [s for p in speech.parts for s in p.speech.headings()] if speech.parts else speech.headings()
    heads = [(None if html else s.line, s.depth, s.style, bool(s.run_in), key(s.title)) for s in sections]
    parts = [(key(p.title), key(p.speaker)) for p in speech.parts] if len(speech.parts) > 1 else None
    return {
        "title": key(meta.text("title")),
        "subtitle": key(meta.text("subtitle")),
        "speaker": key(meta.text("speaker")),
        "date": iso(meta.text("date")),
        "published": iso(meta.text("published")),
        "salutation": key(speech.salutation),
        "removed": removed,
        "headings": heads,
        "parts": parts,
    }


def want_fields(truth: dict, html: bool) -> dict:
    if html:
        removed = sorted(_collapse(r["text"]) for r in truth["removed"])
    else:
        removed = sorted(r["line"] for r in truth["removed"])
    heads = [(None if html else h["line"], h["depth"], h["style"], bool(h.get("run_in", False)), key(h["text"]))
             for h in truth["headings"]]
    parts = [(key(p["title"]), key(p["speaker"])) for p in truth["parts"]] if truth.get("parts") else None
    return {
        "title": key(truth["title"]),
        "subtitle": key(truth.get("subtitle")),
        "speaker": key(truth.get("speaker")),
        "date": truth.get("date"),
        "published": truth.get("published"),
        "salutation": key(truth.get("salutation")),
        "removed": removed,
        "headings": heads,
        "parts": parts,
    }


def score(read=None) -> dict[str, dict[str, tuple]]:
    """{file: {field: (got, want)}} for every page."""
    if read is None:
        from drafter.structure import read_speech as read
    out = {}
    for name in FILES:
        html = name.endswith((".html", ".htm"))
        speech = read(PAGES / name)
        got, want = got_fields(speech, html), want_fields(TRUTH[name], html)
        out[name] = {f: (got[f], want[f]) for f in FIELDS}
    return out


def table(results: dict) -> dict[str, float]:
    return {f: sum(r[f][0] == r[f][1] for r in results.values()) / len(results) for f in FIELDS}


def main(verbose: bool) -> None:
    results = score()
    for field, share in table(results).items():
        print(f"{field:11s} {share:6.1%}")
    for name, fields in results.items():
        for field, (got, want) in fields.items():
            if got != want:
                if field == "removed" and isinstance(got, list):
                    extra = sorted(set(map(str, got)) - set(map(str, want)))
                    missing = sorted(set(map(str, want)) - set(map(str, got)))
                    print(f"MISS {name} removed: extra={extra} missing={missing}")
                elif field == "headings" and not verbose:
                    print(f"MISS {name} headings: got {len(got)} want {len(want)}; "
                          f"first diff {next(((g, w) for g, w in zip(got, want, strict=False) if g != w), None)}")
                else:
                    print(f"MISS {name} {field}: got {got!r} want {want!r}")


if __name__ == "__main__":
    main("-v" in sys.argv)
