"""Word data per language, kept apart from the rules that use it (as spaCy's `lang/<code>/`)."""
