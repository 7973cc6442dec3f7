from django.urls import path

from . import views

urlpatterns = [
    path("maps/places.geojson", views.reference_places, name="map_places"),
]
