"""The phrase bank as a book to browse: loading both bank formats, an on-disk index (SQLite FTS5
trigram, rebuilt when the YAML changes), ranked search (substring, words, characters in order,
pinyin, near misses, corpus sentences when nothing matches) and exports (HTML, CSV, .docx).

Core code: no terminal here (the views are ``drafter.cli.phrases_view``), and no library look-up:
the folders are given (``Library.phrasebook()`` gives the book of a library).

    from drafter.library import Library
    book = Library.resolve(["mylib/"]).phrasebook()
    for hit in book.search("担当作为", since=2018).hits:
        print(hit.score, hit.entry.id, hit.entry.text)
"""

from typing import TYPE_CHECKING, Any

from drafter.phrasebook.entry import Entry, plain_text

if TYPE_CHECKING:
    from drafter.phrasebook.search import TIERS, Hit, Phrasebook, Result, Sentence

__all__ = ["TIERS", "Entry", "Hit", "Phrasebook", "Result", "Sentence", "plain_text"]


def __getattr__(name: str) -> Any:
    """The search's names, imported when first asked for (a skeleton reads the bank without searching it)."""
    if name in ("TIERS", "Hit", "Phrasebook", "Result", "Sentence"):
        from drafter.phrasebook import search

        return getattr(search, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
