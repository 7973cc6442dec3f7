"""Login throttling (django-axes) on both admins: per account and per address, with a clear
message in the visitor's language and an entry in the access log."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGINS = ["/admin/login/", "/django-admin/login/"]
PASSWORD = "the-right-password"


@pytest.fixture
def staff():
    return get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)


def log_in(client, url, username, password, address="203.0.113.20", **headers):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", LOGINS)
def test_right_password_after_too_many_wrong_ones_is_refused(client, staff, settings, url):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, url, "boss", "wrong").status_code == 200
    assert log_in(client, url, "boss", "wrong").status_code == 429
    response = log_in(client, url, "boss", PASSWORD, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "try again in 30 minutes" in response.content.decode()
    assert not is_logged_in(client)
    assert AccessFailureLog.objects.filter(username="boss", locked_out=True).exists()


@pytest.mark.parametrize("url", LOGINS)
def test_account_is_locked_from_every_address(client, staff, settings, url):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, url, "boss", "wrong", address=f"198.51.100.{attempt}")
    assert log_in(client, url, "boss", PASSWORD, address="192.0.2.1").status_code == 429
    assert not is_logged_in(client)


def test_address_is_locked_for_every_account(client, staff, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "/admin/login/", f"guess{attempt}", "wrong")
    assert log_in(client, "/admin/login/", "boss", PASSWORD).status_code == 429
    # Someone else, elsewhere, still gets in.
    assert log_in(client, "/admin/login/", "boss", PASSWORD, address="192.0.2.1").status_code == 302
    assert is_logged_in(client)


def test_lockout_counts_the_real_client_behind_the_proxy(client, staff, settings):
    """Behind nginx every login comes from 127.0.0.1: one visitor must not lock out the others."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(
            client,
            "/admin/login/",
            f"guess{attempt}",
            "wrong",
            address="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    assert AccessAttempt.objects.filter(ip_address="198.51.100.66").exists()
    response = log_in(
        client,
        "/admin/login/",
        "boss",
        PASSWORD,
        address="127.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.1",
    )
    assert response.status_code == 302


def test_lockout_message_in_chinese(client, staff, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = log_in(client, "/admin/login/", "boss", "wrong", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 429
    body = response.content.decode()
    assert "登录失败次数过多" in body and "30 分钟后重试" in body


def test_successful_login_is_unaffected_below_the_limit(client, staff, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "/admin/login/", "boss", "wrong")
    assert log_in(client, "/admin/login/", "boss", PASSWORD).status_code == 302
