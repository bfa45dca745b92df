"""In a real browser: the Guelmim itinerary read on a phone, the pages without
JavaScript, and a representative's own page."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from associations.models import Association, Membership
from meetings.models import AssociationAttendance, Certificate
from tests import factories
from tests.browser.helpers import screenshot
from tests.browser.pages import GUELMIM_ASSOCIATION, GUELMIM_MEETING, GUELMIM_PROJECT
from tests.projects.map.test_map import local_tiles  # noqa: F401  (autouse fixture)

PHONE = {"width": 360, "height": 740}


def boxes_overlap(a, b) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_itinerary_shows_its_fifteen_numbers_apart_on_a_phone(page, live_server, demo_data, lang):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{lang}/meetings/{GUELMIM_MEETING}/")
    itinerary = page.locator(".mini-map--itinerary")
    page.wait_for_selector(".mini-map--itinerary[data-loaded='true']")
    itinerary.scroll_into_view_if_needed()
    map_box = itinerary.bounding_box()

    stops = itinerary.locator(".leaflet-marker-icon.map-stop").all()
    boxes = {}
    for stop in stops:
        number = stop.inner_text()
        box = stop.bounding_box()
        # A finger-sized target, wholly inside the map...
        assert box["width"] >= 44 and box["height"] >= 44, (number, box)
        assert (
            map_box["x"] <= box["x"] and box["x"] + box["width"] <= map_box["x"] + map_box["width"]
        )
        assert (
            map_box["y"] <= box["y"]
            and box["y"] + box["height"] <= map_box["y"] + map_box["height"]
        )
        # ...whose number is the element on top at its centre: nothing hides it.
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('.map-stop')?.innerText",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top == number, f"stop {number} is hidden under stop {on_top}"
        boxes[number] = box
    assert sorted(boxes, key=int) == [str(n) for n in range(1, 16)]
    numbers = sorted(boxes)
    for i, first in enumerate(numbers):
        for second in numbers[i + 1 :]:
            assert not boxes_overlap(boxes[first], boxes[second]), (first, second)
    screenshot(page, f"itinerary-phone-{lang}")


def test_itinerary_list_and_map_mark_the_same_stop(page, live_server, demo_data):
    page.goto(f"{live_server.url}/fr/meetings/{GUELMIM_MEETING}/")
    page.wait_for_selector(".mini-map--itinerary[data-loaded='true']")
    marker = page.locator(".leaflet-marker-icon.map-stop", has_text="7").first
    item = page.locator(".itinerary__stop").nth(6)

    item.hover()
    assert "map-stop--current" in marker.get_attribute("class")
    page.mouse.move(0, 0)
    assert "map-stop--current" not in marker.get_attribute("class")

    marker.scroll_into_view_if_needed()
    marker.hover()
    assert "itinerary__stop--current" in item.get_attribute("class")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_without_javascript_a_note_stands_in_for_the_maps(browser, live_server, demo_data, lang):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/{lang}/meetings/{GUELMIM_MEETING}/")
        note = page.locator(".itinerary-map .map-note")
        assert note.is_visible()
        assert not page.locator(".mini-map--itinerary").is_visible()
        assert not page.locator(".itinerary-map-caption").is_visible()
        # The note comes before the list of stops, and the box takes no room.
        assert note.bounding_box()["y"] < page.locator(".itinerary__stops").bounding_box()["y"]
        assert page.locator(".itinerary-map").bounding_box()["height"] < 200
        screenshot(page, f"itinerary-no-js-{lang}")

        page.goto(f"{live_server.url}/{lang}/projects/{GUELMIM_PROJECT}/")
        assert page.locator(".location-map .map-note").is_visible()
        assert not page.locator(".mini-map--location").is_visible()
    finally:
        context.close()


def test_with_javascript_the_note_is_gone(page, live_server, demo_data):
    page.goto(f"{live_server.url}/ar/meetings/{GUELMIM_MEETING}/")
    page.wait_for_selector(".mini-map--itinerary[data-loaded='true']")
    assert not page.locator(".itinerary-map .map-note").is_visible()
    assert page.locator(".itinerary-map-caption").is_visible()


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_representative_page_links_association_certificates_and_meetings(
    page, live_server, demo_data, lang
):
    association = Association.objects.get(slug=GUELMIM_ASSOCIATION)
    user = get_user_model().objects.create_user(
        username="amina", email="amina@example.org", password="Oued-Noun-2010!"
    )
    factories.MembershipFactory(
        user=user, association=association, status=Membership.Status.APPROVED
    )
    certificates = Certificate.objects.public().filter(recipient_association=association)
    attended = AssociationAttendance.objects.public().filter(association=association)
    assert certificates.exists() and attended.exists()
    sign_in(page, live_server, user)

    page.goto(f"{live_server.url}/{lang}/account/")
    block = page.locator(".account-association")
    assert block.count() == 1
    block.get_by_role(
        "link", name=association.name_ar if lang == "ar" else association.name_fr
    ).first.click()
    assert page.url.endswith(f"/{lang}/associations/{association.slug}/")
    page.go_back()

    pdf_links = block.locator("a[type='application/pdf']")
    assert pdf_links.count() == certificates.count()
    with page.expect_download() as download:
        pdf_links.first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    meetings = block.locator(".account-list--meetings")
    for attendance in attended:
        assert meetings.locator(f"a[href$='/meetings/{attendance.meeting.slug}/']").count() == 1
    screenshot(page, f"account-{lang}")


@pytest.mark.parametrize("path", ["/ar/certificates/verify/", "/fr/search/?q=eau", "/ar/map/"])
def test_form_controls_are_styled_targets_of_at_least_44_px(page, live_server, demo_data, path):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{path}")
    controls = page.locator(
        "main button:visible, main input:visible:not([type='checkbox']):not([type='radio']),"
        " main select:visible, main summary:visible"
    ).all()
    assert controls
    for control in controls:
        box = control.bounding_box()
        label = (
            control.get_attribute("name") or control.inner_text() or control.get_attribute("type")
        )
        assert box["height"] >= 44, (label, box)
        assert box["width"] >= 44, (label, box)
    button = page.locator("main button[type='submit']:visible").first
    # The site's own look, not the browser's grey default.
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(11, 90, 84)"
