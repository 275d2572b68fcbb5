"""Direction of travel, RAG against target and comparison with a benchmark are derived,
never typed. The rules (also in the indicators section of the docs):

Direction of travel compares the latest headline value (the council's own figure, no
breakdown) with the one before it (the latest earlier period that has a value):

- fewer than two values: **not enough data**;
- equal values: **no change**;
- when higher is better, a rise is **improving** and a fall **worsening**; when lower is
  better, the reverse;
- when neither direction is better, the change is reported as it is: **rising** or
  **falling**.

RAG against target applies to the latest headline value:

- no target: **no target** (no colour);
- **green (target met)**: at least the target when the target is a minimum, at most the
  target when it is a maximum;
- **amber (close to target)**: not met, but the gap to the target is no more than 10% of
  the target (a gap of exactly 10% is amber; a target of 0 has no amber band);
- **red (target missed)**: otherwise.

A benchmark comparison sets the headline value against the benchmark's value for the
same period: better, worse or the same as it (using the direction that is better), or
higher or lower when neither direction is better.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

HIGHER = "higher"
LOWER = "lower"
NEITHER = "neither"
AT_LEAST = "at_least"
AT_MOST = "at_most"

AMBER_BAND = Decimal("0.10")


class Direction(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no_change"
    RISING = "rising"
    FALLING = "falling"
    NOT_ENOUGH_DATA = "not_enough_data"

    @property
    def label(self) -> str:
        return {
            "improving": "Improving",
            "worsening": "Worsening",
            "no_change": "No change",
            "rising": "Rising",
            "falling": "Falling",
            "not_enough_data": "Not enough data",
        }[self.value]


class TargetRag(StrEnum):
    """Values match includes/rag_tag.html; the labels replace its deadline words."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            "green": "Target met",
            "amber": "Close to target",
            "red": "Target missed",
            "none": "No target",
        }[self.value]


def direction_of_travel(latest: Decimal | None, previous: Decimal | None, better: str) -> Direction:
    """Apply the direction rule above to the latest and the previous headline value."""
    if latest is None or previous is None:
        return Direction.NOT_ENOUGH_DATA
    if latest == previous:
        return Direction.NO_CHANGE
    rose = latest > previous
    if better == HIGHER:
        return Direction.IMPROVING if rose else Direction.WORSENING
    if better == LOWER:
        return Direction.WORSENING if rose else Direction.IMPROVING
    return Direction.RISING if rose else Direction.FALLING


def rag_against_target(value: Decimal | None, target: Decimal | None, comparison: str) -> TargetRag:
    """Apply the RAG rule above. A value with no target, or a target with no value or no
    comparison, has no RAG."""
    if value is None or target is None or comparison not in {AT_LEAST, AT_MOST}:
        return TargetRag.NONE
    met = value >= target if comparison == AT_LEAST else value <= target
    if met:
        return TargetRag.GREEN
    if abs(value - target) <= AMBER_BAND * abs(target):
        return TargetRag.AMBER
    return TargetRag.RED


def compare_with_benchmark(value: Decimal, benchmark: Decimal, better: str) -> str:
    """Words for `value` set against `benchmark`: "better than", "worse than", "the same
    as", or "higher than" / "lower than" when neither direction is better."""
    if value == benchmark:
        return "the same as"
    higher = value > benchmark
    if better == HIGHER:
        return "better than" if higher else "worse than"
    if better == LOWER:
        return "worse than" if higher else "better than"
    return "higher than" if higher else "lower than"


def format_number(value: Decimal | None) -> str:
    """A value as people write it: no trailing zeros, thousands separated ("1,234.5");
    "" for no value."""
    if value is None:
        return ""
    text = f"{value.normalize():,f}"
    return "0" if text in {"-0", "0"} else text
