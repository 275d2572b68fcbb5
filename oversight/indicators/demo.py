"""Demo indicators with real figures quoted in the sample documents
(samples/documents/sog-2021-09-27.txt and scrutiny-child-q-alignment.txt).

Where a document gives only a change ("197 cases, a 28% increase on the previous
year"), the earlier figure is derived from it and the value's note says so. None of the
documents gives a target, so none is invented: these indicators show "No target".

`add_demo_indicators()` is idempotent: it finds bodies and indicators by name and slug,
never overwrites an indicator someone has edited, and records values by upsert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from oversight.directory.models import Body

from . import operations
from .models import Indicator
from .operations import RecordReport, ValueRow

SOG = "Community Safety Partnership Statutory Officer Group"
CYP = "Children and Young People Scrutiny Commission"
SOG_NOTES = "SOG meeting notes, 27 September 2021"
EXCLUSIONS_REVIEW = "CYP Scrutiny Commission review of school exclusions, December 2021"


@dataclass(frozen=True)
class DemoIndicator:
    slug: str
    name: str
    body: str
    body_kind: str
    unit: str
    better: str
    frequency: str
    description: str
    source: str
    rows: list[ValueRow]


def _row(start: date, label: str, value: str, **extra) -> ValueRow:
    return ValueRow(period_start=start, period_label=label, value=Decimal(value), **extra)


GIRLS = {"breakdown_dimension": "sex", "breakdown_value": "Girls"}
BLACK_CARIBBEAN = {"breakdown_dimension": "ethnicity", "breakdown_value": "Black Caribbean"}
Y2018 = date(2018, 9, 1)

DEMO: list[DemoIndicator] = [
    DemoIndicator(
        slug="marac-cases-quarter",
        name="MARAC cases (quarter)",
        body=SOG,
        body_kind=Body.Kind.SUB_GROUP,
        unit="cases",
        better=Indicator.Better.NEITHER,
        frequency=Indicator.Frequency.QUARTERLY,
        description="Cases heard at the Multi-Agency Risk Assessment Conference. A rise "
        "may mean more reporting, so neither direction is counted as better.",
        source=SOG_NOTES,
        rows=[
            _row(
                date(2020, 4, 1),
                "Apr-Jun 2020",
                "154",
                note="Derived: 197 in Apr-Jun 2021 was reported as a 28% increase on the "
                "previous year (197 / 1.28 = 153.9).",
            ),
            _row(date(2021, 4, 1), "Apr-Jun 2021", "197"),
        ],
    ),
    DemoIndicator(
        slug="marac-cases-year",
        name="MARAC cases (full year)",
        body=SOG,
        body_kind=Body.Kind.SUB_GROUP,
        unit="cases",
        better=Indicator.Better.NEITHER,
        frequency=Indicator.Frequency.ANNUAL,
        description="Cases heard at the Multi-Agency Risk Assessment Conference in a year.",
        source=SOG_NOTES,
        rows=[
            _row(
                date(2019, 4, 1),
                "2019/20",
                "492",
                note="Derived: 595 was reported as a 21% increase on the previous year "
                "(595 / 1.21 = 491.7).",
            ),
            _row(
                date(2020, 4, 1),
                "2020/21",
                "595",
                note="The notes say 'full year'; taken as the year to March 2021.",
            ),
        ],
    ),
    DemoIndicator(
        slug="under-18-reoffending-rate",
        name="Under-18 reoffending rate",
        body=SOG,
        body_kind=Body.Kind.SUB_GROUP,
        unit="rate",
        better=Indicator.Better.LOWER,
        frequency=Indicator.Frequency.QUARTERLY,
        description="The reoffending rate of young people under 18, as reported by Safer "
        "Young Hackney.",
        source=SOG_NOTES,
        rows=[
            _row(
                date(2021, 9, 27),
                "Reported Sep 2021",
                "2.62",
                note="'Most recent reoffending figures'; the cohort period was not stated.",
            ),
            _row(date(2021, 9, 27), "Reported Sep 2021", "3.8", benchmark="National"),
        ],
    ),
    DemoIndicator(
        slug="permanent-exclusion-rate",
        name="Permanent exclusion rate",
        body=CYP,
        body_kind=Body.Kind.COMMISSION,
        unit="% of pupils",
        better=Indicator.Better.LOWER,
        frequency=Indicator.Frequency.ACADEMIC_YEAR,
        description="Permanent exclusions as a percentage of pupils.",
        source=EXCLUSIONS_REVIEW,
        rows=[
            _row(Y2018, "2018/19", "0.13"),
            _row(Y2018, "2018/19", "0.10", benchmark="England"),
            _row(Y2018, "2018/19", "0.07", benchmark="Inner London"),
            _row(Y2018, "2018/19", "0.09", **GIRLS),
            _row(Y2018, "2018/19", "0.05", benchmark="England", **GIRLS),
            _row(Y2018, "2018/19", "0.04", benchmark="Inner London", **GIRLS),
            _row(date(2015, 9, 1), "2015/16", "0.29", **BLACK_CARIBBEAN),
            _row(Y2018, "2018/19", "0.37", **BLACK_CARIBBEAN),
        ],
    ),
    DemoIndicator(
        slug="fixed-term-exclusion-rate",
        name="Fixed-term exclusion rate",
        body=CYP,
        body_kind=Body.Kind.COMMISSION,
        unit="% of pupils",
        better=Indicator.Better.LOWER,
        frequency=Indicator.Frequency.ACADEMIC_YEAR,
        description="Fixed-term exclusions as a percentage of pupils.",
        source=EXCLUSIONS_REVIEW,
        rows=[
            _row(Y2018, "2018/19", "7.06"),
            _row(Y2018, "2018/19", "5.36", benchmark="England"),
            _row(Y2018, "2018/19", "4.45", benchmark="London"),
        ],
    ),
    DemoIndicator(
        slug="gun-crime",
        name="Gun crime offences",
        body=SOG,
        body_kind=Body.Kind.SUB_GROUP,
        unit="offences",
        better=Indicator.Better.LOWER,
        frequency=Indicator.Frequency.MONTHLY,
        description="Gun crime offences recorded by the police in the borough in a month.",
        source="MPS performance update, " + SOG_NOTES,
        rows=[_row(date(2019, 7, 1), "2019-07", "16"), _row(date(2021, 7, 1), "2021-07", "7")],
    ),
]


@dataclass
class DemoReport:
    indicators_created: int
    values: RecordReport

    def to_dict(self) -> dict:
        return {"indicators_created": self.indicators_created, "values": self.values.to_dict()}


def _body(name: str, kind: str) -> Body:
    return Body.find(name) or Body.objects.get_or_create(name=name, defaults={"kind": kind})[0]


@transaction.atomic
def add_demo_indicators() -> DemoReport:
    """Create the demo indicators that are missing and record their figures."""
    created, values = 0, RecordReport()
    for demo in DEMO:
        indicator = Indicator.private_objects.filter(slug=demo.slug).first()
        if indicator is None:
            indicator = operations.save_indicator(
                Indicator(
                    slug=demo.slug,
                    name=demo.name,
                    body=_body(demo.body, demo.body_kind),
                    unit=demo.unit,
                    better=demo.better,
                    frequency=demo.frequency,
                    description=demo.description,
                    source=demo.source,
                ),
                benchmark_labels=sorted({r.benchmark for r in demo.rows if r.benchmark}),
            )
            created += 1
        values.add(operations.record_values(indicator, demo.rows, source=demo.source))
    return DemoReport(created, values)
