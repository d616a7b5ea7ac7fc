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


def test_a_character_that_starts_a_word_the_texts_go_on_differently_is_no_literal():
    """A speech's four point heads (会见港澳各界时的讲话, 2018): 国 is in every one, but as 国家 three times
    and 国际 once — the slot takes it (更加积极主动{A}, not 更加积极主动{A}国{B}); 抓…促… and 惟…者…
    keep their one-character literals (what follows them differs in every text)."""
    heads = ["更加积极主动助力国家全面开放", "更加积极主动融入国家发展大局", "更加积极主动参与国家治理实践",
             "更加积极主动促进国际人文交流"]
    assert induce(heads).pattern() == "更加积极主动{A}"
    assert induce(["抓党建促发展", "抓改革促落实", "抓作风促提升"]).pattern() == "抓{A}促{B}"
    assert induce(["惟改革者进", "惟创新者强", "惟改革创新者胜"]).pattern() == "惟{A}者{B}"
