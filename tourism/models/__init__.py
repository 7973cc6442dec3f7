from .pages import AttractionPage, EventDate, EventPage, RoutePage, RouteStop, TourismIndexPage

__all__ = ["AttractionPage", "EventDate", "EventPage", "RoutePage", "RouteStop", "TourismIndexPage"]
