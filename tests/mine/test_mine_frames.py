"""Frames of parallel texts: the alignment they are found by."""

from __future__ import annotations

import random
from difflib import SequenceMatcher
from pathlib import Path

from drafter.mine.frames import _blocks, induce

ROOT = Path(__file__).resolve().parents[2]


def _difflib(a: str, b: str) -> tuple[tuple[int, int], ...]:
    return tuple((i, size) for i, _, size in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def test_texts_are_aligned_as_difflib_aligns_them():
    rng = random.Random(5)
    lines = [line.strip() for p in sorted((ROOT / "examples" / "corpus").glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines() if 4 < len(line.strip()) < 80]
    pairs = [(rng.choice(lines), rng.choice(lines)) for _ in range(1500)]
    for _ in range(3000):                  # few characters, so blocks tie, touch and repeat
        alphabet = "坚持全面从严治党，的"[:rng.randrange(1, 11)]
        pairs.append(tuple("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(2)))
    assert all(_blocks(a, b) == _difflib(a, b) for a, b in pairs)


def test_a_frame_keeps_what_parallel_texts_share():
    frame = induce(["坚持以上率下，扛牢主体责任", "坚持严管厚爱，扛牢监督责任", "坚持问题导向，扛牢整改责任"])
    assert frame is not None and frame.pattern() == "坚持{A}，扛牢{B}责任"
