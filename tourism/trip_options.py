"""The trip planner's options beside the picks: where to start, from which date, for how many
days; and the day-by-day plan they give."""

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_DAYS = 5


class TripOptionsForm(forms.Form):
    start = forms.ChoiceField(label=_("Start at"), required=False)
    date = forms.DateField(
        label=_("First day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    days = forms.TypedChoiceField(
        label=_("Number of days"),
        choices=[(n, n) for n in range(1, MAX_DAYS + 1)],
        coerce=int,
        required=False,
        empty_value=None,
    )

    def __init__(self, data, attractions):
        super().__init__(data)
        self.fields["start"].choices = [
            ("", _("Wherever makes the trip shortest")),
            *((attraction.slug, attraction.title) for attraction in attractions),
        ]

    def value(self, name):
        """The field's cleaned value; None when it was left empty or is not valid."""
        self.is_valid()
        return self.cleaned_data.get(name) or None

    def query(self):
        """The valid options as URL parameters, for the shareable link and the calendar."""
        pairs = [(name, self.value(name)) for name in ("start", "date", "days")]
        return urlencode([(name, str(value)) for name, value in pairs if value])


@dataclass
class DayPlan:
    number: int
    date: date | None
    itinerary: object
    events: list


def day_plans(itinerary, days, first_day, events):
    """The itinerary by day; with a first day, each day's date and the events held on it."""
    plans = []
    for number, part in enumerate(itinerary.split_into_days(days), start=1):
        day = first_day + timedelta(days=number - 1) if first_day else None
        held = [event for event in events if day and event.occurs_on(day)]
        plans.append(DayPlan(number, day, part, held))
    return plans
