"""English: the word lists of `words/` (one file per concept)."""

from __future__ import annotations

from prisonwatch.extract.lang import Language


class English(Language):
    code = "en"
    package = "prisonwatch.extract.lang.en"


EN = English()
