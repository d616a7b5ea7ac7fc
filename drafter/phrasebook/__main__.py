"""Write the corpus sentences of a phrase bank (``phrasebank/sentences.jsonl``) for a folder of speeches:

    python -m drafter.phrasebook sentences examples/corpus phrasebank/sentences.jsonl
"""

import sys

from drafter.phrasebook.bank import write_sentences

if len(sys.argv) != 4 or sys.argv[1] != "sentences":
    sys.exit(__doc__)
print(f"{write_sentences(sys.argv[2], sys.argv[3])} 句 → {sys.argv[3]}")
