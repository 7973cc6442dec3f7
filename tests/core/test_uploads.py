"""A broken upload gets a clear error and changes nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model


def test_corrupt_image_upload_is_refused_with_a_message(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("up", "up@example.org", "pw"))
    broken = SimpleUploadedFile("map.png", b"\x89PNG\r\n\x1a\n not really an image", "image/png")
    response = client.post(reverse("wagtailimages:add"), {"title": "Map", "file": broken})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()
