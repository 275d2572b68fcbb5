"""Indicators fed automatically from other parts of Oversight.

`feed_stopsearch_disproportionality` turns the stop-and-search store's monthly
Black-to-White ratio for an area (Home Office method, Census 2021 populations) into the
values of an indicator, so that a board sees it beside its other figures with direction
of travel. Partial months (too few located records to read), months with fewer than 10
searches in either group and months where the ratio is undefined are left out, never
recorded as zero.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

from oversight.directory.models import Body
from oversight.stopsearch import dashboard
from oversight.stopsearch.store import Store

from . import operations
from .models import Indicator
from .operations import RecordReport, ValueRow

SOURCE = "data.police.uk stop and search records; ONS Census 2021 (TS021)"
OWNING_BODY = "Community Safety Partnership Statutory Officer Group"


def disproportionality_indicator(area: str, body: Body) -> Indicator:
    """The area's monthly disproportionality indicator, created the first time."""
    slug = f"stop-and-search-disproportionality-{slugify(area)}"
    indicator = Indicator.private_objects.filter(slug=slug).first()
    if indicator is not None:
        return indicator
    return operations.save_indicator(
        Indicator(
            slug=slug,
            name=f"Stop and search: Black to White ratio, {area}",
            description=(
                "How many times more often Black residents are searched than White "
                "residents, per head of population: the rate per 1,000 of person searches "
                "of Black people divided by the rate for White people, by month. Computed "
                "by Oversight from the police's published records."
            ),
            unit="ratio",
            better=Indicator.Better.LOWER,
            frequency=Indicator.Frequency.MONTHLY,
            body=body,
            source=SOURCE,
        ),
        benchmark_labels=[],
    )


def feed_stopsearch_disproportionality(
    store_path: Path, *, area: str = "Hackney", body_name: str = OWNING_BODY
) -> RecordReport | None:
    """Record every readable month of `area`'s ratio from the store at `store_path`.
    Returns None when the store does not exist or holds nothing for the area.
    Idempotent: running it again records nothing new."""
    if not Path(store_path).exists():
        return None
    with Store(store_path, read_only=True) as store:
        known = {a["area"]: a for a in dashboard.areas(store)}
        if area not in known:
            return None
        first, last = known[area]["first_month"], known[area]["last_month"]
        months = dashboard.disproportionality_by_month(store, area, first, last)
    rows = [
        ValueRow(
            period_start=date(int(m["month"][:4]), int(m["month"][5:7]), 1),
            value=Decimal(str(m["ratio"])).quantize(Decimal("0.01")),
            area=area,
            note=(
                f"{m['searches']} searches of Black people and {m['white_searches']} of "
                f"White people; 95% interval {m['ratio_ci95'][0]} to {m['ratio_ci95'][1]}"
            ),
        )
        for m in months
        # Too few searches in either group to compare: left out, as on the dashboard.
        if m["ratio"] is not None and not m["partial"] and m["ratio_ci95"] and not m["too_few"]
    ]
    if not rows:
        return None
    body, _ = Body.objects.get_or_create(name=body_name, defaults={"kind": Body.Kind.BOARD})
    indicator = disproportionality_indicator(area, body)
    return operations.record_values(indicator, rows, source=SOURCE)
