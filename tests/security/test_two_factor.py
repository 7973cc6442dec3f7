"""Optional TOTP two-factor authentication for staff (django-otp, staff_2fa/): set-up confirmed
only by a valid code, the code asked after the password on both admins, wrong codes refused and
throttled, removal with a current code, and the pages in the admin's language."""

import logging
import re
from base64 import b32encode
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_otp import user_has_device
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from staff_2fa.views import new_backup_codes
from tests.editorial.admin_text import english_phrases

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password"
VERIFY = "/admin/two-factor/verify/"
SETUP = "/admin/two-factor/setup/"
REMOVE = "/admin/two-factor/remove/"


@pytest.fixture
def staff():
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)


def code(device, drift=0):
    """The code the staff member's app shows now (drift=1: the next one)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + drift)
    return f"{value:0{device.digits}d}"


def code_after_last_used(device):
    """The code of the time step after the one last accepted: the app's next code whatever the
    clock did meanwhile. A sign-in verified just past a step boundary syncs the stored drift to
    -1, so "now + 1" computed from the drift the test started with can fall outside tolerance."""
    device.refresh_from_db()
    step = TOTP(device.bin_key, device.step, device.t0, device.digits)
    step.time = device.t0 + (device.last_t + 1) * device.step
    return f"{step.token():0{device.digits}d}"


def wrong_code(device):
    """A code that none of the accepted time steps (now, one before, one after) gives."""
    accepted = {code(device, drift) for drift in (-1, 0, 1)}
    return next(c for c in (f"{n:06d}" for n in range(1000)) if c not in accepted)


def staff_2fa_log(caplog):
    """The portal's own audit lines (axes logs a wrong code as a failed login beside them)."""
    return [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "staff_2fa.views"]


def log_in(client):
    response = client.post("/admin/login/", {"username": "boss", "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_user_without_a_device_is_unaffected(client, staff):
    log_in(client)
    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/").status_code == 200
    # The account page offers the set-up.
    account = client.get("/admin/account/").content.decode()
    assert SETUP in account
    assert "Set up two-factor authentication" in account


def test_with_a_device_the_admins_ask_for_the_code_after_the_password(client, device):
    log_in(client)
    for url in ["/admin/", "/admin/pages/", "/admin/account/", "/django-admin/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(f"{VERIFY}?next="), url
    page = client.get(VERIFY).content.decode()
    assert "Two-factor authentication" in page
    assert 'name="otp_token"' in page


def test_a_wrong_code_is_refused_and_logged(client, device, caplog):
    log_in(client)
    with caplog.at_level(logging.INFO, logger="staff_2fa"):
        response = client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": "12"})
    assert response.status_code == 200
    assert "Wrong or expired code" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    assert staff_2fa_log(caplog) == [
        (
            "WARNING",
            f"2FA verification refused: user boss (id {device.user_id}) from 127.0.0.1: "
            "invalid_token",
        )
    ]


def test_the_right_code_opens_both_admins_and_is_logged(client, device, caplog):
    log_in(client)
    with caplog.at_level(logging.INFO, logger="staff_2fa"):
        response = client.post(
            VERIFY,
            {
                "otp_device": device.persistent_id,
                "otp_token": code(device),
                "next": "/admin/pages/",
            },
        )
    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/").status_code == 200
    assert staff_2fa_log(caplog) == [
        ("INFO", f"2FA verification: user boss (id {device.user_id}) from 127.0.0.1")
    ]


def test_wrong_codes_slow_down_the_next_check(client, device):
    """django-otp's throttling: after a wrong code even the right one waits (1 s, then 2 s …)."""
    log_in(client)
    client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": wrong_code(device)})
    response = client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": code(device)})
    assert "1 wrong code in a row" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    # Once the wait is over, the right code is accepted.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=2)
    )
    response = client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": code(device)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_set_up_shows_a_qr_code_and_the_key_and_confirms_only_with_a_valid_code(client, staff):
    log_in(client)
    page = client.get(SETUP).content.decode()
    pending = TOTPDevice.objects.get(user=staff)
    assert not pending.confirmed
    assert "<svg" in page and "<path" in page  # drawn here, no image service
    key = b32encode(pending.bin_key).decode()
    assert " ".join(key[i : i + 4] for i in range(0, len(key), 4)) in page

    response = client.post(
        SETUP, {"otp_device": pending.persistent_id, "otp_token": wrong_code(pending)}
    )
    assert "Wrong or expired code" in response.content.decode()
    assert not user_has_device(staff)
    assert client.get("/admin/").status_code == 200  # still optional: nothing changed

    TOTPDevice.objects.filter(pk=pending.pk).update(throttling_failure_timestamp=None)
    response = client.post(SETUP, {"otp_device": pending.persistent_id, "otp_token": code(pending)})
    assert response.status_code == 302
    assert user_has_device(staff)
    # This session entered the code; a new sign-in asks for it.
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    log_in(client)
    assert client.get("/admin/").url.startswith(VERIFY)


def test_removing_the_device_needs_a_current_code(client, device, staff):
    log_in(client)
    client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": code(device)})
    assert REMOVE in client.get("/admin/account/").content.decode()
    assert client.get(REMOVE).status_code == 200

    response = client.post(REMOVE, {"otp_device": device.persistent_id, "otp_token": "12"})
    assert "Wrong or expired code" in response.content.decode()
    assert user_has_device(staff)

    # The code just used to sign in is spent: the app's next one removes the device.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    response = client.post(
        REMOVE, {"otp_device": device.persistent_id, "otp_token": code_after_last_used(device)}
    )
    assert response.status_code == 302
    assert not user_has_device(staff)
    client.post("/admin/logout/")
    log_in(client)
    assert client.get("/admin/").status_code == 200


def test_the_chinese_admin_asks_for_the_code_in_chinese(client, device, staff):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "zh-hans"
    profile.save()
    log_in(client)
    page = client.get(VERIFY).content.decode()
    assert "双重身份验证" in page
    assert english_phrases(page) == set()
    response = client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": "12"})
    page = response.content.decode()
    assert "验证码错误或已过期" in page
    assert english_phrases(page) == set()


def test_the_chinese_set_up_page_is_in_chinese(client, staff):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "zh-hans"
    profile.save()
    log_in(client)
    assert "设置双重身份验证" in client.get("/admin/account/").content.decode()
    page = client.get(SETUP).content.decode()
    apps = ["FreeOTP", "Google Authenticator", "Microsoft Authenticator"]
    assert english_phrases(page, content=[*apps, staff.username]) == set()


def test_staff_2fa_required_sends_admin_users_without_a_device_to_set_up(client, staff, settings):
    settings.STAFF_2FA_REQUIRED = True
    log_in(client)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(f"{SETUP}?next=")
    assert client.get(SETUP).status_code == 200


def wrong_codes(client, device, count, **headers):
    """Each one checked: django-otp's wait after the previous wrong code is over."""
    for _attempt in range(count):
        TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
        response = client.post(
            VERIFY,
            {"otp_device": device.persistent_id, "otp_token": wrong_code(device)},
            **headers,
        )
    return response


def test_wrong_codes_lock_the_account_out_like_wrong_passwords(client, device, settings):
    log_in(client)
    response = wrong_codes(client, device, settings.AXES_FAILURE_LIMIT - 1)
    assert response.status_code == 200
    response = wrong_codes(client, device, 1, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many failed logins" in body and "try again in 30 minutes" in body
    # The half-finished sign-in is over, and the password alone no longer signs in.
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").url.startswith("/admin/login/")
    assert client.post("/admin/login/", {"username": "boss", "password": PASSWORD}).status_code == (
        429
    )
    # axes' own audit: every wrong code is a failed login on the verify page, the last locked.
    failures = AccessFailureLog.objects.filter(username="boss", path_info=VERIFY)
    assert failures.count() == settings.AXES_FAILURE_LIMIT
    assert failures.filter(locked_out=True).exists()
    assert "otp_token=****" in AccessAttempt.objects.get(username="boss").post_data


def test_wrong_passwords_and_wrong_codes_add_up(client, device, settings):
    """The password alone does not reset the count: someone who knows it could otherwise sign in
    again after every few wrong codes and keep guessing."""
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 2):
        client.post("/admin/login/", {"username": "boss", "password": "wrong"})
    log_in(client)
    assert wrong_codes(client, device, 1).status_code == 200
    log_in(client)
    assert wrong_codes(client, device, 1).status_code == 429


def test_a_locked_out_session_gets_no_code_checked(client, device, settings):
    log_in(client)
    wrong_codes(client, device, settings.AXES_FAILURE_LIMIT - 1)
    # Locked meanwhile from elsewhere (wrong passwords for the account on another address).
    client_elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    client_elsewhere.post("/admin/login/", {"username": "boss", "password": "wrong"})
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    response = client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": code(device)})
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302


def test_the_right_code_resets_the_count(client, device, settings):
    log_in(client)
    wrong_codes(client, device, settings.AXES_FAILURE_LIMIT - 1)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": code(device)})
    assert client.get("/admin/").status_code == 200
    assert not AccessAttempt.objects.filter(username="boss").exists()


def test_lockout_after_wrong_codes_in_chinese(client, device, settings):
    log_in(client)
    response = wrong_codes(
        client, device, settings.AXES_FAILURE_LIMIT, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert response.status_code == 429
    body = response.content.decode()
    assert "登录失败次数过多" in body and "30 分钟后重试" in body


BACKUP = "/admin/two-factor/backup-codes/"


def signed_in_with_code(client, device):
    log_in(client)
    client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": code(device)})
    assert client.get("/admin/").status_code == 200


def shown_codes(page):
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)


def test_backup_codes_are_made_on_request_and_shown_once(client, device, staff, caplog):
    signed_in_with_code(client, device)
    account = client.get("/admin/account/").content.decode()
    assert BACKUP in account and "Backup codes" in account
    assert "You have 0 unused backup codes." in client.get(BACKUP).content.decode()

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="staff_2fa"):
        page = client.post(BACKUP).content.decode()
    codes = shown_codes(page)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert sorted(codes) == sorted(StaticToken.objects.values_list("token", flat=True))
    assert staff_2fa_log(caplog) == [
        ("INFO", f"2FA backup codes: user boss (id {staff.pk}) from 127.0.0.1")
    ]
    # Not shown again; new ones replace them.
    page = client.get(BACKUP).content.decode()
    assert "You have 10 unused backup codes." in page and shown_codes(page) == []
    newer = shown_codes(client.post(BACKUP).content.decode())
    assert set(newer).isdisjoint(codes)
    assert sorted(newer) == sorted(StaticToken.objects.values_list("token", flat=True))


def test_a_backup_code_signs_in_once(client, device, staff):
    codes = new_backup_codes(staff)
    backup = StaticDevice.objects.get(user=staff)
    log_in(client)
    page = client.get(VERIFY).content.decode()
    assert 'type="radio"' in page and "Backup code" in page
    response = client.post(
        VERIFY,
        {
            "otp_device": backup.persistent_id,
            "otp_token": codes[0][:4].upper() + " " + codes[0][4:],
        },
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout/")
    log_in(client)
    response = client.post(VERIFY, {"otp_device": backup.persistent_id, "otp_token": codes[0]})
    assert "Wrong or expired code" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    StaticDevice.objects.filter(pk=backup.pk).update(throttling_failure_timestamp=None)
    client.post(VERIFY, {"otp_device": backup.persistent_id, "otp_token": codes[1]})
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device=backup).count() == 8


def test_backup_codes_need_an_authenticator_app(client, staff):
    log_in(client)
    assert BACKUP not in client.get("/admin/account/").content.decode()
    assert client.get(BACKUP).url == SETUP
    assert client.post(BACKUP).url == SETUP
    assert not StaticToken.objects.exists()


def test_backup_codes_in_chinese(client, device, staff):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "zh-hans"
    profile.save()
    signed_in_with_code(client, device)
    assert "备用验证码" in client.get("/admin/account/").content.decode()
    page = client.post(BACKUP).content.decode()
    assert "备用验证码" in page
    assert english_phrases(page, content=[staff.username, *shown_codes(page)]) == set()
    page = client.get(BACKUP).content.decode()
    assert english_phrases(page, content=[staff.username]) == set()

    client.post("/admin/logout/")
    log_in(client)
    page = client.get(VERIFY).content.decode()
    assert "备用验证码" in page
    assert english_phrases(page) == set()
