"""Old path of :mod:`numcheck.language.build`: ``python -m numcheck.lexicon.build``."""

import sys

from ..language.build import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
