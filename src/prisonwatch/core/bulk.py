"""Bulk computation over hundreds of thousands of records."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Folding a million events allocates millions of small tuples; CPython's collector would
    otherwise walk every live object again and again, for nothing, since none of them form
    cycles. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
