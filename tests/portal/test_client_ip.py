"""The client's address for rate limits: X-Forwarded-For is read only as far as
TRUSTED_PROXY_COUNT says proxies of ours wrote it, and a bad header never
yields an address the client chose."""

import os
import subprocess
import sys

import pytest
from allauth.account.adapter import get_adapter
from django.conf import settings as django_settings
from django.test import RequestFactory

from portal.client_ip import client_ip, parse_ip

PROXY = "10.0.0.5"


def request(forwarded_for=None, remote=PROXY):
    headers = {} if forwarded_for is None else {"HTTP_X_FORWARDED_FOR": forwarded_for}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("203.0.113.7")) == PROXY
    assert client_ip(request("198.51.100.1, 203.0.113.7")) == PROXY
    assert client_ip(request()) == PROXY


def test_one_proxy_means_the_last_entry(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("203.0.113.7")) == "203.0.113.7"
    # The client wrote everything left of what our proxy appended.
    assert client_ip(request("198.51.100.1, 203.0.113.7")) == "203.0.113.7"


def test_two_proxies_mean_the_second_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("198.51.100.1, 203.0.113.7, 10.0.0.9")) == "203.0.113.7"


@pytest.mark.parametrize(
    "header",
    [
        None,  # the request did not come through the proxy
        "",
        "   ",
        "not-an-address",
        "198.51.100.1, unknown",
        "198.51.100.1,",
        "203.0.113.7; DROP TABLE",
        "999.1.1.1",
    ],
)
def test_a_missing_or_malformed_entry_falls_back_to_the_connection(settings, header):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(header)) == PROXY


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 3
    assert client_ip(request("198.51.100.1, 203.0.113.7")) == PROXY


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        (" 203.0.113.7 ", "203.0.113.7"),
        ("203.0.113.7:51234", "203.0.113.7"),
        ("2001:DB8:0::1", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("", ""),
        ("localhost", ""),
        ("[nonsense]", ""),
    ],
)
def test_addresses_are_read_in_canonical_form(value, expected):
    assert parse_ip(value) == expected


def test_no_address_at_all_is_an_empty_string(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(remote="")) == ""


def test_allauth_counts_the_same_client(settings):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    forwarded = request("198.51.100.1, 203.0.113.7")
    assert get_adapter(forwarded).get_client_ip(forwarded) == client_ip(forwarded)


def settings_values(value):
    env = {k: v for k, v in os.environ.items() if k != "TRUSTED_PROXY_COUNT"}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    if value is not None:
        env["TRUSTED_PROXY_COUNT"] = value
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_PROXY_COUNT)",
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(("value", "expected"), [(None, "0 0"), ("", "0 0"), ("2", "2 2")])
def test_the_count_comes_from_the_environment_and_reaches_allauth(value, expected):
    completed = settings_values(value)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("one", "TRUSTED_PROXY_COUNT must be an integer, not 'one'"),
        ("-1", "TRUSTED_PROXY_COUNT must be 0 or more, not -1"),
    ],
)
def test_a_bad_count_stops_the_start(value, message):
    completed = settings_values(value)
    assert completed.returncode != 0
    assert message in completed.stderr
