"""Old name of :mod:`numcheck.language`, kept so ``python -m numcheck.lexicon.build`` and
``from numcheck.lexicon import get_lexicon`` still work."""

from ..language import *  # noqa: F401,F403
