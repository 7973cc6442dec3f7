"""Security headers: CSP with object-src and base-uri, Permissions-Policy, a CSP for the admins."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/", "/en/search/?q=river", "/api/search/?q=x"])
def test_public_responses_forbid_plugins_base_tags_and_features(client, home_page, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "object-src 'none'" in policy
    assert "base-uri 'self'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admins_get_a_report_only_policy(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy-Report-Only"]
    assert "object-src 'none'" in policy and "script-src 'self'" in policy
    assert "Content-Security-Policy" not in response.headers
    assert "Permissions-Policy" in response.headers
