"""The derived parts: direction of travel, RAG against target, benchmark words, and
reading period labels. Pure functions, no database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from oversight.indicators import periods
from oversight.indicators.rules import (
    AT_LEAST,
    AT_MOST,
    HIGHER,
    LOWER,
    NEITHER,
    Direction,
    TargetRag,
    compare_with_benchmark,
    direction_of_travel,
    format_number,
    rag_against_target,
)


@pytest.mark.parametrize(
    ("latest", "previous", "better", "expected"),
    [
        # Higher is better (e.g. a positive outcome rate).
        ("30", "25", HIGHER, Direction.IMPROVING),
        ("20", "25", HIGHER, Direction.WORSENING),
        # Lower is better: gun crime 7 in July 2021 against 16 in July 2019.
        ("7", "16", LOWER, Direction.IMPROVING),
        ("0.37", "0.29", LOWER, Direction.WORSENING),
        # Neither: MARAC cases rose from 154 to 197; more reporting is not judged.
        ("197", "154", NEITHER, Direction.RISING),
        ("154", "197", NEITHER, Direction.FALLING),
        # Equal values, whatever is better; 2.50 and 2.5 are the same figure.
        ("2.5", "2.50", HIGHER, Direction.NO_CHANGE),
        ("2.5", "2.5", LOWER, Direction.NO_CHANGE),
    ],
)
def test_direction_of_travel(latest, previous, better, expected):
    assert direction_of_travel(D(latest), D(previous), better) is expected


@pytest.mark.parametrize("better", [HIGHER, LOWER, NEITHER])
def test_one_figure_is_not_enough_data(better):
    assert direction_of_travel(D("7"), None, better) is Direction.NOT_ENOUGH_DATA
    assert direction_of_travel(None, None, better) is Direction.NOT_ENOUGH_DATA


@pytest.mark.parametrize(
    ("value", "target", "comparison", "expected"),
    [
        # A minimum of 80: met at 80 and above; amber down to 72 (10% of 80 is 8).
        ("80", "80", AT_LEAST, TargetRag.GREEN),
        ("95", "80", AT_LEAST, TargetRag.GREEN),
        ("79.99", "80", AT_LEAST, TargetRag.AMBER),
        ("72", "80", AT_LEAST, TargetRag.AMBER),
        ("71.99", "80", AT_LEAST, TargetRag.RED),
        # A maximum of 0.10: met at 0.10 and below; amber up to 0.11.
        ("0.10", "0.10", AT_MOST, TargetRag.GREEN),
        ("0.07", "0.10", AT_MOST, TargetRag.GREEN),
        ("0.11", "0.10", AT_MOST, TargetRag.AMBER),
        ("0.1101", "0.10", AT_MOST, TargetRag.RED),
        ("0.13", "0.10", AT_MOST, TargetRag.RED),
        # A target of 0 has no amber band.
        ("0", "0", AT_MOST, TargetRag.GREEN),
        ("0.0001", "0", AT_MOST, TargetRag.RED),
        # A negative target: the band is 10% of its size.
        ("-9", "-10", AT_MOST, TargetRag.AMBER),
    ],
)
def test_rag_against_target(value, target, comparison, expected):
    assert rag_against_target(D(value), D(target), comparison) is expected


def test_no_target_no_value_or_no_comparison_has_no_rag():
    assert rag_against_target(D("5"), None, AT_LEAST) is TargetRag.NONE
    assert rag_against_target(None, D("5"), AT_LEAST) is TargetRag.NONE
    assert rag_against_target(D("5"), D("5"), "") is TargetRag.NONE
    assert TargetRag.NONE.label == "No target"


def test_benchmark_words_follow_which_direction_is_better():
    # Reoffending 2.62 in Hackney against 3.8 nationally: lower is better.
    assert compare_with_benchmark(D("2.62"), D("3.8"), LOWER) == "better than"
    # Permanent exclusions 0.13 against 0.10 in England.
    assert compare_with_benchmark(D("0.13"), D("0.10"), LOWER) == "worse than"
    assert compare_with_benchmark(D("0.13"), D("0.10"), HIGHER) == "better than"
    assert compare_with_benchmark(D("0.13"), D("0.10"), NEITHER) == "higher than"
    assert compare_with_benchmark(D("0.1"), D("0.10"), LOWER) == "the same as"


@pytest.mark.parametrize(
    ("label", "frequency", "start"),
    [
        ("2021-06", periods.MONTHLY, date(2021, 6, 1)),
        ("2021-Q1", periods.QUARTERLY, date(2021, 1, 1)),
        ("2021 Q4", periods.QUARTERLY, date(2021, 10, 1)),
        ("2018/19", periods.ACADEMIC_YEAR, date(2018, 9, 1)),
        ("2018/2019", periods.ACADEMIC_YEAR, date(2018, 9, 1)),
        ("2020/21", periods.ANNUAL, date(2020, 4, 1)),
        ("1999/00", periods.ANNUAL, date(1999, 4, 1)),
        ("2021", periods.ANNUAL, date(2021, 1, 1)),
        ("2021-09-27", periods.QUARTERLY, date(2021, 9, 27)),
        ("Apr-Jun 2021", periods.QUARTERLY, None),
        ("2018/21", periods.ACADEMIC_YEAR, None),
        ("2021-13", periods.MONTHLY, None),
        ("", periods.MONTHLY, None),
    ],
)
def test_period_labels(label, frequency, start):
    assert periods.start_from_label(label, frequency) == start


def test_labels_made_from_a_start_date():
    assert periods.label_for(date(2021, 6, 1), periods.MONTHLY) == "2021-06"
    assert periods.label_for(date(2021, 4, 1), periods.QUARTERLY) == "2021-Q2"
    assert periods.label_for(date(2018, 9, 1), periods.ACADEMIC_YEAR) == "2018/19"
    assert periods.label_for(date(2020, 4, 1), periods.ANNUAL) == "2020/21"
    assert periods.label_for(date(2021, 1, 1), periods.ANNUAL) == "2021"
    assert periods.label_for(date(2021, 5, 17), periods.QUARTERLY) == "2021-05-17"


def test_numbers_are_written_as_people_write_them():
    assert format_number(D("0.1000")) == "0.1"
    assert format_number(D("100.0000")) == "100"
    assert format_number(D("1234.5")) == "1,234.5"
    assert format_number(D("-0.0")) == "0"
    assert format_number(None) == ""
