"""Benchmark: writing a speech as .docx, against python-docx writing the same text plainly, in the same run.

    python bench/bench_render.py [--repeat 10]

Baseline: python-docx's default document with one plain paragraph per paragraph of the speech, saved.
Measured: drafter's reference writer (python-docx: styles, fonts, page setup, numbering, page-number
fields) and its fast writer (the same bytes; unchanging parts built once per profile) for the same
speech, and `drafter new` assembly plus the fast writer for each built-in outline. Prints ms and
ratios, and the peak memory of one write.
"""

from __future__ import annotations

import argparse
import io
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import drafter  # noqa: E402
from drafter.library import Library  # noqa: E402
from drafter.outlines.assemble import assemble  # noqa: E402
from drafter.render.docx import build_document, docx_bytes  # noqa: E402
from drafter.render.docx_fast import fast_docx  # noqa: E402
from timing import best_of  # noqa: E402

LIBRARY = Library.resolve([], env={})
PROFILE = LIBRARY.profile("gbt9704")


def plain_docx(texts: list[str]) -> None:
    import docx

    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.save(io.BytesIO())


def reference_docx(speech: drafter.Speech) -> bytes:
    return docx_bytes(build_document(speech, PROFILE))


def drafter_docx(speech: drafter.Speech) -> bytes:
    return fast_docx(speech, PROFILE)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    speech = drafter.read(ROOT / "examples" / "corpus" / "002_196b020fa5f85377.txt")
    texts = [s.title for s in speech.headings()] + [p.text for p in speech.paragraphs()]
    base = best_of(lambda: plain_docx(texts), args.repeat)
    print(f"{'what':<36}{'ms':>9}{'ratio':>8}")
    print(f"{'baseline: python-docx, plain':<36}{base * 1000:>9.1f}{1.0:>8.1f}")
    ref = best_of(lambda: reference_docx(speech), args.repeat)
    print(f"{'reference writer (seed 002)':<36}{ref * 1000:>9.1f}{ref / base:>8.1f}")
    full = best_of(lambda: drafter_docx(speech), args.repeat)
    print(f"{'fast writer (seed 002)':<36}{full * 1000:>9.1f}{full / base:>8.2f}")
    for entry in LIBRARY.outlines():
        outline = entry.outline
        t = best_of(lambda outline=outline: drafter_docx(assemble(outline)), args.repeat)
        print(f"{'drafter new ' + entry.id:<36}{t * 1000:>9.1f}{t / base:>8.2f}")
    tracemalloc.start()
    drafter_docx(speech)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory of one write: {peak / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
