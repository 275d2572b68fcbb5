"""The SVG charts: named and described images, flags in words as well as patterns."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from oversight import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def texts(svg: ET.Element) -> list[str]:
    return [t.text for t in svg.iter(f"{SVG}text")]


def test_column_chart_is_a_named_described_image_escaping_its_text():
    svg = parse(
        charts.column_chart(
            "c", "Searches <by> month", "Desc & more", [charts.Column("Jan", "2018", 5, text="5")]
        )
    )
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c-title c-desc"
    assert svg.find(f"{SVG}title").text == "Searches <by> month"
    assert svg.find(f"{SVG}desc").text == "Desc & more"


def test_partial_months_are_hatched_and_labelled_and_missing_months_say_no_data():
    columns = [
        charts.Column("Jan", "2018", 100, text="100"),
        charts.Column("Feb", "2018", 3, partial=True, text="3"),
        charts.Column("Mar", "2018", None, partial=True),
    ]
    svg = parse(charts.column_chart("v", "t", "d", columns))
    words = texts(svg)
    assert words.count("partial") == 1
    assert words.count("no data") == 1
    assert {"100", "3", "Jan", "Feb", "Mar", "2018"} <= set(words)
    # Bars and the legend's swatch are outlined; the pattern's own stripes are not.
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("stroke") == charts.BAR]
    fills = [r.get("fill") for r in bars]
    # Two bars and the legend's swatch; the missing month has no bar.
    assert fills.count("url(#v-hatch)") == 2 and fills.count(charts.BAR) == 1
    assert any("partial" in (w or "") and "Hatched" in (w or "") for w in words)


def test_crowded_column_charts_thin_their_labels_but_keep_every_partial_flag():
    columns = [
        charts.Column(f"M{i}", str(2018 + i // 12), 10 if i % 5 else 1, partial=not i % 5)
        for i in range(36)
    ]
    words = texts(parse(charts.column_chart("v", "t", "d", columns)))
    assert words.count("partial") == 8
    assert sum(1 for w in words if w and w.startswith("M")) == 12
    assert {"2018", "2019", "2020"} <= set(words)


def test_bar_chart_draws_confidence_intervals_and_a_labelled_reference_line():
    bars = [
        charts.Bar("Black", 4.66, "4.66 (4.35 to 4.99)", 4.35, 4.99),
        charts.Bar("White", 1.0, "1.00"),
        charts.Bar("Other", None, "not available"),
    ]
    svg = parse(charts.bar_chart("r", "t", "d", bars, reference=(1.0, "1 = the White rate")))
    words = texts(svg)
    assert {"Black", "4.66 (4.35 to 4.99)", "1 = the White rate", "not available"} <= set(words)
    assert len(list(svg.iter(f"{SVG}path"))) == 1  # one whisker
    assert any(line.get("stroke-dasharray") for line in svg.iter(f"{SVG}line"))


def test_one_huge_interval_does_not_squash_the_other_bars():
    bars = [
        charts.Bar("A", 5.0, "5", 4.0, 6.0),
        charts.Bar("B", 20.0, "20", 2.5, 161.0),
    ]
    svg = parse(charts.bar_chart("r", "t", "d", bars))
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    # The scale stops at twice the highest value (40), not at 161.
    assert widths[0] / widths[1] == pytest.approx(5 / 20, rel=0.01)
    assert widths[1] > 100


def test_long_labels_wrap_on_word_boundaries():
    lines = charts.wrap("Criminal Justice and Public Order Act 1994 (section 60)", 200, 14)
    assert len(lines) > 1
    assert " ".join(lines) == "Criminal Justice and Public Order Act 1994 (section 60)"


@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (7, 10), (23, 25), (634, 1000), (4.99, 5), (161, 200)]
)
def test_scales_end_on_round_numbers(value, ceiling):
    assert charts.nice_ceiling(value) == ceiling
