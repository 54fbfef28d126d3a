"""The pure core: records, vocabulary, timelines and ledger arithmetic.

Nothing here reads files, talks to a database or looks at the clock; every function takes what
it needs as arguments, so that the rules of the ledger can be tested exhaustively.
"""
