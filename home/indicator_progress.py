"""How far each indicator has come from its 2021 value towards its 2025 target, and the small
server-rendered SVG pictures of it. Only values in the plan or entered by editors are shown."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join

BASELINE_YEAR, TARGET_YEAR = 2021, 2025


@dataclass(frozen=True)
class Progress:
    indicator: object
    latest: object  # the IndicatorActual of the latest year, or None

    @property
    def share(self):
        """Fraction of the way from the 2021 value to the 2025 target that the latest value has
        covered (negative when it moved away, above 1 when past the target); None if unknown."""
        baseline, target = self.indicator.baseline_2021, self.indicator.target_2025
        if self.latest is None or baseline is None or target == baseline:
            return None
        return float((self.latest.value - baseline) / (target - baseline))

    @property
    def percent(self):
        return None if self.share is None else round(self.share * 100)

    def bar_svg(self):
        """A track from the 2021 value (left) to the 2025 target (right), filled as far as the
        latest value has come. Decorative: the numbers are in the text and table beside it."""
        filled = min(max(self.share or 0, 0), 1) * 100
        return format_html(
            '<svg class="progress-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
            'aria-hidden="true" focusable="false">'
            '<rect class="progress-track" x="0.5" y="0.5" width="99" height="9" rx="2"/>'
            "{}</svg>",
            format_html(
                '<rect class="progress-fill" x="0" y="0" width="{}" height="10" rx="2"/>',
                f"{filled:.1f}",
            )
            if filled
            else "",
        )


def indicator_progress(indicators):
    """[Progress] for indicators fetched with prefetch_related("actuals")."""
    return [
        Progress(indicator, max(indicator.actuals.all(), key=lambda a: a.year, default=None))
        for indicator in indicators
    ]


def yearly_values(indicator):
    """[(year, value, kind)] from the 2021 value to the 2025 target, kind being "baseline",
    "actual" or "target"."""
    rows = []
    if indicator.baseline_2021 is not None:
        rows.append((BASELINE_YEAR, indicator.baseline_2021, "baseline"))
    rows += [(actual.year, actual.value, "actual") for actual in indicator.actuals.all()]
    rows.append((TARGET_YEAR, indicator.target_2025, "target"))
    return sorted(rows, key=lambda row: (row[0], row[2] == "target"))


def line_chart_svg(rows, width=640, height=260):
    """A line through the known values by year; the target is an open circle at the end of a
    dashed line. Decorative, like the bar: the table on the same page holds the numbers."""
    left, right, top, bottom = 56, 16, 16, 32
    values = [Decimal(value) for _year, value, _kind in rows]
    low, high = min(*values, Decimal(0)), max(values)
    span = float(high - low) or 1.0

    def x(year):
        return left + (year - BASELINE_YEAR) / (TARGET_YEAR - BASELINE_YEAR) * (
            width - left - right
        )

    def y(value):
        return top + (1 - float(Decimal(value) - low) / span) * (height - top - bottom)

    known = [(x(year), y(value)) for year, value, kind in rows if kind != "target"]
    target = next((x(year), y(value)) for year, value, kind in rows if kind == "target")
    years = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle">{}</text>',
        ((f"{x(year):.1f}", height - 10, year) for year in range(BASELINE_YEAR, TARGET_YEAR + 1)),
    )
    axis = format_html(
        '<text x="{}" y="{}" text-anchor="end">{}</text><text x="{}" y="{}" text-anchor="end">{}'
        "</text>",
        left - 8,
        f"{y(high) + 4:.1f}",
        f"{high.normalize():f}",
        left - 8,
        f"{y(low) + 4:.1f}",
        f"{low.normalize():f}",
    )
    dashed = (
        format_html(
            '<line class="chart-target-line" x1="{}" y1="{}" x2="{}" y2="{}"/>',
            f"{known[-1][0]:.1f}",
            f"{known[-1][1]:.1f}",
            f"{target[0]:.1f}",
            f"{target[1]:.1f}",
        )
        if known
        else ""
    )
    line = (
        format_html(
            '<polyline class="chart-line" points="{}"/>',
            " ".join(f"{px:.1f},{py:.1f}" for px, py in known),
        )
        if len(known) > 1
        else ""
    )
    dots = format_html_join(
        "",
        '<circle class="chart-dot" cx="{}" cy="{}" r="5"/>',
        ((f"{px:.1f}", f"{py:.1f}") for px, py in known),
    )
    return format_html(
        '<svg class="line-chart" viewBox="0 0 {} {}" aria-hidden="true" focusable="false">'
        '<line class="chart-axis" x1="{}" y1="{}" x2="{}" y2="{}"/>{}{}{}{}{}'
        '<circle class="chart-target" cx="{}" cy="{}" r="6"/></svg>',
        width,
        height,
        left,
        height - bottom,
        width - right,
        height - bottom,
        years,
        axis,
        dashed,
        line,
        dots,
        f"{target[0]:.1f}",
        f"{target[1]:.1f}",
    )
