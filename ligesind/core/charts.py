"""Bar charts drawn on the server as SVG, each with the table of its numbers: no JavaScript,
readable by a screen reader (the SVG is one labelled image; the table has the figures)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

WIDTH, HEIGHT, TOP, BOTTOM, LEFT = 600, 240, 24, 36, 8
Number = int | Decimal


@dataclass(frozen=True)
class Bar:
    label: date
    value: Number
    x: float
    y: float
    width: float
    height: float

    @property
    def value_y(self) -> float:
        return round(self.y - 5, 1)


@dataclass
class Chart:
    key: str
    title: str
    unit: str
    months: list[date]
    values: list[Number]
    bars: list[Bar] = field(init=False)

    def __post_init__(self) -> None:
        top = max((float(v) for v in self.values), default=0) or 1
        room = (WIDTH - LEFT) / max(len(self.values), 1)
        drawable = HEIGHT - TOP - BOTTOM
        self.bars = []
        for i, (month, value) in enumerate(zip(self.months, self.values, strict=True)):
            height = drawable * float(value) / top
            self.bars.append(
                Bar(
                    label=month,
                    value=value,
                    x=round(LEFT + i * room + room * 0.15, 1),
                    y=round(TOP + drawable - height, 1),
                    width=round(room * 0.7, 1),
                    height=round(height, 1),
                )
            )

    @property
    def total(self) -> Number:
        return sum(self.values, 0)

    @property
    def size(self) -> dict[str, int]:
        return {
            "width": WIDTH,
            "height": HEIGHT,
            "baseline": HEIGHT - BOTTOM,
            "months_y": HEIGHT - 12,
        }


def last_months(today: date, count: int = 12) -> list[date]:
    """The first day of each of the last ``count`` months, this month last."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def per_month(rows: dict[date, Number], months: list[date]) -> list[Number]:
    return [rows.get(month, 0) for month in months]
