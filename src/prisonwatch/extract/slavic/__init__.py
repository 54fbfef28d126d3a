"""Reading Russian and Belarusian articles into the contract's claims, events, quotes, entities.

The rules are shared by both languages; the words they react to live in `lang/ru/` and
`lang/be/`, matched on lemmas (Russian, through pymorphy3) or on stems (Belarusian, for which
no offline lemmatiser is on PyPI).
"""
