"""Outlines: load and check outline files, expand their parts, and assemble a skeleton Speech.

``load`` reads and schema-checks a file, ``expand`` turns its parts into a tree of items,
``assemble`` renders the items with values into a Speech, ``check`` lints a file, ``values`` reads
answers files and ``--set`` options, ``sandbox`` runs the outline's Jinja text safely.
"""
