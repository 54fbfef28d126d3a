"""Russian and Belarusian sentences written for the tests (never article text), each with what
the extraction contract (EXTRACTION.md) reads from it, in two halves: `dev` (the rules were
improved against it) and `held` (written afterwards, scored without changing a rule)."""
