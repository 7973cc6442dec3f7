import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from home.models import NewsPage


@pytest.fixture
def make_person(db, django_user_model):
    def person(name, group, language="en"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return person


@pytest.fixture
def people(make_person):
    # Messages and comments in English, so the tests can read them.
    return {
        "editor": make_person("edna", "Editors"),
        "moderator": make_person("mo", "Moderators"),
        "translator": make_person("tran", "Translators"),
    }


@pytest.fixture
def article(db):
    return NewsPage.objects.live().order_by("path").first()
