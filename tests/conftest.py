"""Shared fixtures. The plan is loaded once per test session with the real `load_plan` command;
each test runs in a transaction that is rolled back, so every test sees the same content.

Do not use `django_db(transaction=True)`: it empties every table after the test, and the tests
after it would find no content. Use `django_capture_on_commit_callbacks(execute=True)` to run
on-commit hooks instead.
"""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_plan", stdout=StringIO())


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()
