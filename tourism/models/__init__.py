from .pages import AttractionPage, EventPage, RoutePage, RouteStop, TourismIndexPage

__all__ = ["AttractionPage", "EventPage", "RoutePage", "RouteStop", "TourismIndexPage"]
