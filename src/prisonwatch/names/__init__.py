"""Names across scripts and spellings: transliteration, keys, and matching to the registry."""
