from django.urls import path

from search import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/", views.suggestions, name="search_suggest"),
    path("go/<int:record_id>/<int:page_id>/", views.go, name="search_go"),
]
