from calendar import monthrange
from contextlib import suppress
from datetime import date
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from core.links import absolute_url
from core.models.fields import (
    choice,
    coordinate,
    optional_date,
    optional_line,
    optional_link,
    optional_number,
)
from core.models.images import IMAGES_PANEL, PageImages
from core.models.mixins import CLAUSE_PANEL, PlanClauseMixin, PlanSourced
from core.models.pages import SectionPage, page_search_fields
from core.public import public
from core.renditions import card_images, child_cards
from tourism import exports
from tourism.blocks import DayBlock
from tourism.itinerary import Itinerary, TripRequest
from tourism.trip_options import TripOptionsForm, day_plans


class TourismIndexPage(RoutablePageMixin, SectionPage):
    subpage_types = ["tourism.RoutePage", "tourism.AttractionPage", "tourism.EventPage"]
    frontend_cache_url_names = ["events_feed"]  # caching/purge.py; the feed links here

    class Meta:
        verbose_name = _("tourism index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["routes"] = child_cards(self, RoutePage, "path").annotate(
            stop_count=Count("stops", filter=Q(stops__attraction__in=public_attraction_ids()))
        )
        context["attractions"] = child_cards(self, AttractionPage, "path").select_related("county")
        events = self.live_events().prefetch_related(card_images())
        context["events"] = events
        # Called by the template, so that the trip planner, which renders through this method
        # too, does not fetch the events; the template's loop over `events` reuses the fetch.
        context["undated_events"] = lambda: [event for event in events if not event.in_calendar]
        return context

    def live_events(self):
        return (
            public(EventPage.objects.child_of(self))
            .select_related("attraction")
            .prefetch_related("dates")
            .order_by("path")
        )

    def live_attractions(self):
        return (
            public(AttractionPage.objects.child_of(self))
            .select_related("county")
            .order_by("county__name", "path")
        )

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("calendar")]

    @path("calendar/", name="calendar")
    def calendar(self, request):
        feed = exports.icalendar(
            gettext("Xinxiang tourism events"),
            self.live_events(),
            timezone.localdate(),
            request.get_host(),
            lambda page: absolute_url(page, request),
        )
        return exports.download(feed, exports.ICALENDAR_TYPE, "xinxiang-events.ics")

    def trip_request(self, request):
        """The live attractions by key, and the visitor's picks and options among them: read
        once per request, which asks for them twice (its ETag, then the planner's view)."""
        if not hasattr(request, "trip_request"):
            attractions = {attraction.slug: attraction for attraction in self.live_attractions()}
            picks = TripRequest.from_query(request.GET, attractions)
            options = TripOptionsForm(request.GET, attractions.values())
            request.trip_request = attractions, picks, options
        return request.trip_request

    def canonical_query(self, request):
        """The trip planner's picks and options as it reads them (core/page_query.py)."""
        if not request.GET:
            return ""
        attractions, picks, options = self.trip_request(request)
        if options.errors:  # shown beside the visitor's own input
            return None
        if picks.error:  # which names only how many places were picked
            picked = [("a", "")] * len(request.GET.getlist("a"))
        else:
            picked = [("a", slug) for slug in picks.slugs]
        return "&".join(filter(None, [urlencode(picked), options.query()]))

    def trip(self, request):
        """The visitor's picks and options from the query string; the picks in the shortest
        order from the chosen start (which joins the picks if it was not one of them)."""
        attractions, picks, options = self.trip_request(request)
        start = attractions.get(options.value("start") or "")
        chosen = [attractions[slug] for slug in picks.slugs]
        if chosen and start and start not in chosen:
            chosen.insert(0, start)
        itinerary = Itinerary.in_visiting_order(chosen, start)
        return attractions, picks, options, itinerary

    @staticmethod
    def trip_query(itinerary, options):
        """Rebuilds this trip in the planner, e.g. from a shared link."""
        return "&".join(filter(None, [itinerary.trip_query, options.query()]))

    def trip_url(self, request, itinerary, options):
        plan_url = absolute_url(self, request) + self.reverse_subpage("plan")
        return f"{plan_url}?{self.trip_query(itinerary, options)}"

    def trip_days(self, itinerary, options):
        first_day = options.value("date")
        events = list(self.live_events()) if first_day else []
        return day_plans(itinerary, options.value("days") or 1, first_day, events)

    @path("plan/", name="plan")
    def plan(self, request):
        attractions, picks, options, itinerary = self.trip(request)
        return self.render(
            request,
            template="tourism/trip_plan.html",
            context_overrides={
                "attractions": attractions.values(),
                "picks": picks,
                "options": options,
                "itinerary": itinerary,
                "days": self.trip_days(itinerary, options),
                "trip_query": self.trip_query(itinerary, options),
                "map_points": itinerary.map_points(request),
            },
        )

    @path("plan/gpx/", name="trip_gpx")
    def trip_gpx(self, request):
        _attractions, _picks, options, itinerary = self.trip(request)
        document = exports.gpx(
            gettext("My Xinxiang trip"),
            itinerary,
            self.trip_url(request, itinerary, options),
            lambda page: absolute_url(page, request),
        )
        return exports.download(document, exports.GPX_TYPE, "xinxiang-trip.gpx")

    @path("plan/ics/", name="trip_ics")
    def trip_ics(self, request):
        """The trip's days as all-day calendar entries; only a trip with a first day has them."""
        _attractions, _picks, options, itinerary = self.trip(request)
        if not (itinerary and options.value("date")):
            return HttpResponseBadRequest(
                gettext("Choose places and a first day to get the trip as a calendar.")
            )
        document = exports.trip_icalendar(
            gettext("My Xinxiang trip"),
            self.trip_days(itinerary, options),
            request.get_host(),
            self.trip_url(request, itinerary, options),
        )
        return exports.download(document, exports.ICALENDAR_TYPE, "xinxiang-trip.ics")


PRACTICAL_HELP = _(
    "Optional. Only what the attraction itself announces (the plan gives none); the page shows "
    "only what is filled in."
)


class AttractionPage(PlanSourced, PlanClauseMixin, PageImages, Page):
    summary = models.TextField(
        _("what the plan says"),
        help_text=_("What the plan says about the attraction, and no more than it states."),
    )
    county = models.ForeignKey(
        "core.County",
        verbose_name=_("county or district"),
        on_delete=models.PROTECT,
        help_text=_("The county or district the attraction is in."),
    )
    latitude = coordinate(
        _("latitude"),
        90,
        help_text=_("In decimal degrees (WGS84, as GPS gives it), e.g. 35.5979 for Baligou."),
    )
    longitude = coordinate(
        _("longitude"),
        180,
        help_text=_("In decimal degrees (WGS84, as GPS gives it), e.g. 113.5572 for Baligou."),
    )

    # Practical information: optional, entered by editors from the site's own announcements
    # (the plan gives none); the page shows only what is filled in.
    opening_hours = models.TextField(_("opening hours"), blank=True, help_text=PRACTICAL_HELP)
    tickets = models.TextField(_("tickets"), blank=True, help_text=PRACTICAL_HELP)
    getting_there = models.TextField(_("how to get there"), blank=True, help_text=PRACTICAL_HELP)
    accessibility = models.TextField(_("accessibility"), blank=True, help_text=PRACTICAL_HELP)
    phone = optional_line(_("phone"), max_length=40, help_text=PRACTICAL_HELP)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("county"),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location (WGS84)")
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldPanel("tickets"),
                FieldPanel("getting_there"),
                FieldPanel("accessibility"),
                FieldPanel("phone"),
            ],
            heading=_("Practical information"),
        ),
        CLAUSE_PANEL,
        IMAGES_PANEL,
    ]
    search_fields = page_search_fields("summary", "clause_quote")
    parent_page_types = ["tourism.TourismIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("attraction")

    def frontend_cache_dependents(self):
        """Routes through this attraction and events held here show it (caching/purge.py)."""
        return [*RoutePage.objects.filter(stops__attraction=self).distinct(), *self.events.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_points"] = Itinerary([self]).map_points(request)
        context["routes"] = (
            public(RoutePage.objects.all()).filter(stops__attraction=self).distinct()
        )
        context["events"] = (
            public(self.events.all()).prefetch_related(card_images()).order_by("path")
        )
        return context


ROUTE_DAY_VARIANTS = (1, 2, 3)


class RoutePage(RoutablePageMixin, PlanSourced, PlanClauseMixin, PageImages, Page):
    intro = RichTextField(
        _("introduction"),
        help_text=_("What the route is and which part of the plan it follows, in a few sentences."),
    )
    days = StreamField(
        [("day", DayBlock())],
        blank=True,
        verbose_name=_("day-by-day plan"),
        help_text=_(
            "One entry per day, each with its title and its stops, all from the stops above, "
            "in travelling order."
        ),
    )
    practical = RichTextField(
        _("practical information"),
        blank=True,
        help_text=_(
            "Optional: general advice for the trip, such as roads and weather; no times or "
            "prices unless the sites announce them."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("stops", label=_("Stops, in travelling order")),
        FieldPanel("days"),
        FieldPanel("practical"),
        CLAUSE_PANEL,
        IMAGES_PANEL,
    ]
    search_fields = page_search_fields("intro", "practical")
    parent_page_types = ["tourism.TourismIndexPage"]
    subpage_types = []

    listed_on_home = True

    class Meta:
        verbose_name = _("tourism route")

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("gpx"), self.reverse_subpage("geojson")]

    def frontend_cache_dependents(self):
        """Its stops' pages list the routes through them (caching/purge.py)."""
        return list(self.itinerary.attractions)

    @cached_property
    def itinerary(self):
        """The public stops (core/public.py); the others are left out, as if not entered."""
        # pk breaks ties between stops an editor left without an explicit order. By id, so that
        # a preview's unsaved stops (modelcluster) can be matched too.
        stops = (
            self.stops.filter(attraction_id__in=public_attraction_ids())
            .select_related("attraction__county")
            .order_by("sort_order", "pk")
        )
        return Itinerary(stop.attraction for stop in stops)

    def day_plans(self):
        """[(day title, its public stops as an itinerary)] for the day-by-day plan."""
        days = [
            (day.value["title"], [stop for stop in day.value["stops"] if stop]) for day in self.days
        ]
        entered = [stop.pk for _title, stops in days for stop in stops]
        shown = set(public_attraction_ids().filter(pk__in=entered))
        return [
            (title, Itinerary(stop for stop in stops if stop.pk in shown)) for title, stops in days
        ]

    def day_variants(self):
        """[(days, trip planner query)] for planning this route over one, two or three days,
        as far as it has a stop for each day; the trip starts at the route's first stop."""
        stops = self.itinerary.attractions
        if not stops:
            return []
        picks = [("a", attraction.slug) for attraction in stops] + [("start", stops[0].slug)]
        return [
            (days, urlencode([*picks, ("days", days)]))
            for days in ROUTE_DAY_VARIANTS
            if days <= len(stops)
        ]

    def events_along(self):
        """Events of this route, or held at one of its stops."""
        return (
            public(EventPage.objects.all())
            .filter(Q(route=self) | Q(attraction__in=self.itinerary.attractions))
            .select_related("attraction")
            .prefetch_related(card_images())
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: a page viewed again is served from the page-body fragment cache, and none of
        # these queries should run for it. The template calls them when it renders.
        context["itinerary"] = SimpleLazyObject(lambda: self.itinerary)
        context["map_points"] = lambda: self.itinerary.map_points(request)
        context["events"] = self.events_along
        context["day_plans"] = self.day_plans
        context["day_variants"] = self.day_variants
        return context

    @path("gpx/", name="gpx")
    def gpx(self, request):
        document = exports.gpx(
            self.title,
            self.itinerary,
            absolute_url(self, request),
            lambda page: absolute_url(page, request),
        )
        return exports.download(document, exports.GPX_TYPE, f"{self.slug}.gpx")

    @path("geojson/", name="geojson")
    def geojson(self, request):
        document = exports.geojson(
            self.title, self.itinerary, lambda page: absolute_url(page, request)
        )
        return exports.download(document, exports.GEOJSON_TYPE, f"{self.slug}.geojson")


def public_attraction_ids():
    return public(AttractionPage.objects.all()).values_list("pk", flat=True)


class RouteStop(Orderable):
    route = ParentalKey(RoutePage, on_delete=models.CASCADE, related_name="stops")
    attraction = models.ForeignKey(
        AttractionPage, verbose_name=_("attraction"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("attraction")]


class EventPage(PlanSourced, PlanClauseMixin, PageImages, Page):
    class Kind(models.TextChoices):
        FESTIVAL = "festival", _("Festival")  # 节
        FORUM = "forum", _("Forum")  # 论坛
        EXPO = "expo", _("Expo")  # 展会
        CEREMONY = "ceremony", _("Ceremony")  # 庆典

    summary = models.TextField(
        _("summary"), help_text=_("What the plan says about the event, and no more than it states.")
    )
    kind = choice(
        _("kind"),
        Kind,
        help_text=_(
            "What the plan calls the event: a festival (节), a forum (论坛, e.g. the Yellow River "
            "Protection and Cultural Development Forum), an expo (展会) or a ceremony (庆典, "
            "e.g. the Bigan Birthday Commemoration)."
        ),
    )
    attraction = optional_link(
        AttractionPage,
        _("venue"),
        related_name="events",
        help_text=_("The attraction where it is held, if the plan names one."),
    )
    route = optional_link(
        RoutePage,
        _("route"),
        related_name="events",
        help_text=_("The tourist route the event belongs to, if any."),
    )
    # The plan gives a date for some events only (e.g. 19 May, China Tourism Day); editors add
    # concrete dates as they are announced, and only dated events appear in the calendar feed.
    month = optional_number(
        _("month"),
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Only if the plan states it, e.g. 5 for China Tourism Day (19 May)."),
    )
    day = optional_number(
        _("day"),
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Only if the plan states it, e.g. 19 for China Tourism Day (19 May)."),
    )
    # The next dates, kept by save() from the per-year list of dates below (search and the
    # event cards read them); editors enter the list.
    start_date = optional_date(_("next start date"), editable=False)
    end_date = optional_date(_("next end date"), editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("kind"),
        FieldPanel("attraction"),
        FieldPanel("route"),
        MultiFieldPanel(
            [
                FieldPanel("month"),
                FieldPanel("day"),
            ],
            heading=_("When"),
        ),
        InlinePanel("dates", label=_("Dates, one entry per year")),
        CLAUSE_PANEL,
        IMAGES_PANEL,
    ]
    search_fields = page_search_fields("summary")
    parent_page_types = ["tourism.TourismIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    frontend_cache_url_names = ["events_feed"]  # caching/purge.py

    def frontend_cache_dependents(self):
        """Its venue's page and its route's page list it (caching/purge.py)."""
        # By id: `route` is also the name of Page.route(), which the field does not replace.
        return list(Page.objects.filter(pk__in=[self.attraction_id, self.route_id]).specific())

    @property
    def is_yearly(self):
        """Known only as a day of the year (e.g. 19 May), not as a concrete date."""
        return (
            self.start_date is None
            and bool(self.month and self.day)
            and self.day <= monthrange(2000, self.month)[1]  # 2000 is a leap year: 29 Feb counts
        )

    @property
    def day_of_year(self):
        """The yearly day (or, with no day, the month) as a date in leap year 2000, for display."""
        return date(2000, self.month, self.day or 1) if self.month else None

    @property
    def has_passed(self):
        """Whether the stored dates are over, so the event was last held then (each night
        refresh_event_dates moves them on to later entered dates, if any)."""
        return self.start_date is not None and (self.end_date or self.start_date) < (
            timezone.localdate()
        )

    @property
    def in_calendar(self):
        return self.start_date is not None or self.is_yearly

    def save(self, *args, **kwargs):
        upcoming = self.next_occurrence(timezone.localdate(), stored=False)
        self.start_date, self.end_date = upcoming or (None, None)
        super().save(*args, **kwargs)

    def next_occurrence(self, today, stored=True):
        """(first day, last day or None) of the entered dates: the next one still running on
        or after `today`, else the latest one. `stored` reads the dates from the database."""
        entries = self.dates.all() if stored else self.dates.get_object_list()
        dates = sorted((entry.start_date, entry.end_date) for entry in entries if entry.start_date)
        if not dates:
            return None
        return next((d for d in dates if (d[1] or d[0]) >= today), dates[-1])

    def occurs_on(self, day):
        """Whether the event is held on `day`, as far as its dates are known."""
        for entry in self.dates.all():
            if entry.start_date <= day <= (entry.end_date or entry.start_date):
                return True
        return self.is_yearly and (day.month, day.day) == (self.month, self.day)

    def next_date(self, today):
        """The first day of the entered dates still running on or after `today`, else of the
        last entered ones, when the event was last held (a past date: the card says "Last
        held"); for an event known only as a day of the year, its next date on or after
        `today`; None if undated."""
        occurrence = self.next_occurrence(today)
        if occurrence or not self.is_yearly:
            return occurrence and occurrence[0]
        year = today.year
        while True:  # ends: is_yearly means the day exists at least in leap years
            with suppress(ValueError):  # 29 February outside leap years
                candidate = date(year, self.month, self.day)
                if candidate >= today:
                    return candidate
            year += 1


class EventDate(Orderable):
    """One year's dates of an event, as announced (the plan gives none)."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="dates")
    start_date = models.DateField(_("first day"))
    end_date = optional_date(_("last day"))

    panels = [FieldPanel("start_date"), FieldPanel("end_date")]

    class Meta(Orderable.Meta):
        verbose_name = _("date")

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
