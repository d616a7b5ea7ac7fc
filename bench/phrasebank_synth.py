"""A synthetic phrase bank in the new format, for the benchmark and the large-bank tests.

    python bench/phrasebank_synth.py OUT_DIR [--entries 100000]

Texts are clauses of the seed speeches (examples/corpus) recombined: one to three clauses or
stretches of clauses, some with a slot {A}, so they read like formulas and share characters and
bigrams as a real bank does. Every entry has years (2008–2024, per-year counts), one to twelve
sources and an example; one in twenty is ``dated``. ``phrasebank/sentences.jsonl`` holds the
recombined corpus sentences (a quarter as many as entries). Deterministic for a given size.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUNCTIONS = ["opening.context", "transition", "significance", "requirement", "measures", "frame", "formula",
             "formulation", "triad", "quotation", "closing.call", "closing.modesty"]


def clauses() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/corpus").glob("*.txt")))
    parts = re.split(r"[，。；！？：、\n（）()“”\"《》\s,;:]+", text)
    return sorted({p for p in parts if 3 <= len(p) <= 30})


def make_bank(out: Path, entries: int = 100_000, seed: int = 12) -> Path:
    """Write ``out/phrasebank/*.yaml`` (+ sentences.jsonl); returns ``out``."""
    import yaml

    rng = random.Random(seed)
    pool = clauses()
    folder = out / "phrasebank"
    folder.mkdir(parents=True, exist_ok=True)
    by_function: dict[str, list] = {f: [] for f in FUNCTIONS}
    seen: set[str] = set()
    docs = [f"{i:04d}_{hashlib.md5(str(i).encode()).hexdigest()[:12]}.txt" for i in range(3000)]
    sentences = []
    while len(seen) < entries:
        parts = rng.sample(pool, rng.choice((1, 1, 2, 2, 3)))
        cut = [p[rng.randrange(0, max(1, len(p) - 6)):] if rng.random() < 0.3 else p for p in parts]
        text = rng.choice(("，", "、", "")).join(cut)[:40]
        if rng.random() < 0.15 and len(text) > 6:
            i = rng.randrange(1, len(text) - 2)
            text = text[:i] + "{A}" + text[i + 2:]
        if text in seen or len(text) < 4:
            continue
        seen.add(text)
        function = FUNCTIONS[len(seen) % len(FUNCTIONS)]
        first = rng.randint(2008, 2024)
        last = min(2024, first + rng.choice((0, 0, 1, 2, 4, 8)))
        by_year = {y: rng.randint(1, 6) for y in range(first, last + 1) if rng.random() < 0.7} or {first: 1}
        first, last = min(by_year), max(by_year)
        nsrc = rng.randint(1, 12)
        sources = sorted({f"{rng.choice(docs)}:{rng.randint(1, 80)}" for _ in range(nsrc)})
        example = "".join(rng.sample(pool, 1)) + "，" + text.replace("{A}", rng.choice(pool)[:4]) + "。"
        entry = {"id": f"{function}.{hashlib.sha1(text.encode()).hexdigest()[:8]}", "function": function,
                 "text": text}
        if "{A}" in text:
            entry["slots"] = ["A"]
        entry["seen"] = {"docs": len({s.split(':')[0] for s in sources}), "count": sum(by_year.values())}
        entry["sources"] = sources
        entry["example"] = example
        entry["years"] = {"first": first, "last": last, "by_year": by_year}
        if rng.random() < 0.05:
            entry["dated"] = True
        by_function[function].append(entry)
        if len(sentences) < entries // 4:
            sentences.append({"text": example, "source": sources[0], "year": last})
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for function, items in by_function.items():
        with (folder / f"{function}.yaml").open("w", encoding="utf-8") as f:
            f.write(f"# synthetic bank: {function}, {len(items)} entries\n")
            yaml.dump(items, f, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)
    with (folder / "sentences.jsonl").open("w", encoding="utf-8") as f:
        for s in sentences:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    n = int(sys.argv[sys.argv.index("--entries") + 1]) if "--entries" in sys.argv else 100_000
    print(make_bank(Path(sys.argv[1]), n))
