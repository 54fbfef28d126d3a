"""Figures with honest uncertainty: `(low, high)` when dates leave the exact value open."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bounds:
    """The smallest and largest value the recorded facts allow; equal when the value is exact."""

    low: int
    high: int

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def __add__(self, other: Bounds) -> Bounds:
        return Bounds(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Bounds) -> Bounds:
        return Bounds(self.low - other.high, self.high - other.low)

    def contains(self, value: int) -> bool:
        return self.low <= value <= self.high

    def overlaps(self, other: Bounds) -> bool:
        return self.low <= other.high and other.low <= self.high

    def as_dict(self) -> dict[str, int]:
        return {"low": self.low, "high": self.high}


ZERO = Bounds(0, 0)
