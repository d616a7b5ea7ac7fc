"""Test set-up: make tests/ importable for shared helpers (speechgen)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
