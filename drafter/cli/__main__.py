"""``python -m drafter.cli``: the same as the ``drafter`` command."""

from drafter.cli import main

main()
