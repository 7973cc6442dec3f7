from django.urls import path

from . import views

urlpatterns = [
    path("share-cards/<int:page_id>-<int:revision>.png", views.share_card_image, name="share_card"),
]
