"""How the CLI writes figures: bounds a reader cannot misread."""

from __future__ import annotations

from prisonwatch.cli.render import bounds


def test_bounds_with_a_negative_end_are_written_with_to() -> None:
    """The identity's expected stock can start below zero (-3–43 reads as "minus 3 to 43" or
    as "minus (3 to 43)"): written as the difference column writes it, "-3 to 43"."""
    assert bounds({"low": -3, "high": 43}) == "-3 to 43"
    assert bounds({"low": -5, "high": -2}) == "-5 to -2"
    assert bounds({"low": 14, "high": 37}) == "14–37"
    assert bounds({"low": 4, "high": 4}) == "4"
