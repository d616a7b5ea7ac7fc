"""Fixtures of the phrase-book tests."""

from __future__ import annotations

import pytest

from drafter.library import BUILTIN, Library


@pytest.fixture
def no_builtin_bank(monkeypatch):
    """The built-in library without its phrase bank (its profiles and the rest stay), so that a bank a
    test writes into a ``--library`` is the whole bank."""
    folders = Library.phrase_folders
    monkeypatch.setattr(Library, "phrase_folders", lambda self: [f for f in folders(self) if f[1] != BUILTIN])
