"""The pages of an institution and of a person, where search results about them lead."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_institution_page_lists_its_public_meetings_presentations_and_people(client):
    institution = factories.InstitutionFactory(name_ar="وكالة الحوض المائي", acronym="ABH")
    meeting = factories.MeetingFactory(title_ar="لقاء الماء")
    meeting.partners.add(institution)
    hidden = factories.MeetingFactory(title_ar="لقاء مخفي", published=False)
    hidden.organisers.add(institution)
    presentation = factories.PresentationFactory(
        meeting=meeting, institution=institution, title_ar="عرض الفيضانات"
    )
    person = factories.PersonFactory(full_name_ar="مدير الوكالة", institution=institution)

    response = client.get(institution.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "وكالة الحوض المائي" in html and "(ABH)" in html
    assert f'href="{meeting.get_absolute_url()}"' in html
    assert f'href="{presentation.get_absolute_url()}"' in html
    assert f'href="{person.get_absolute_url()}"' in html
    assert "لقاء مخفي" not in html


def test_person_page_links_each_speech_to_its_place_on_the_meeting_page(client):
    person = factories.PersonFactory(full_name_ar="لطيفة الشاي")
    speech = factories.SpeechFactory(speaker=person, title_ar="كلمة ترحيبية")
    factories.SpeechFactory(
        speaker=person,
        title_ar="كلمة في لقاء مخفي",
        meeting=factories.MeetingFactory(published=False),
    )

    response = client.get(person.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{speech.get_absolute_url()}"' in html
    assert speech.get_absolute_url().endswith(f"#speech-{speech.pk}")
    assert "لقاء مخفي" not in html
    meeting_page = client.get(speech.meeting.get_absolute_url()).content.decode()
    assert f'id="speech-{speech.pk}"' in meeting_page
    # The meeting page links the speaker's name to the person's page.
    assert f'href="{person.get_absolute_url()}"' in meeting_page


@pytest.mark.parametrize("name", ["portal:institution_detail", "portal:person_detail"])
def test_unknown_institution_or_person_is_not_found(client, name):
    assert client.get(reverse(name, kwargs={"pk": 999999})).status_code == 404


def test_institution_page_keeps_its_queries_and_its_lists_bounded(client):
    institution = factories.InstitutionFactory()

    def add_meetings(count):
        for _ in range(count):
            meeting = factories.MeetingFactory()
            meeting.organisers.add(institution)
            factories.PresentationFactory(meeting=meeting, institution=institution)

    add_meetings(1)
    with CaptureQueriesContext(connection) as few:
        client.get(institution.get_absolute_url())
    add_meetings(14)
    with CaptureQueriesContext(connection) as many:
        response = client.get(institution.get_absolute_url())
    assert len(few.captured_queries) == len(many.captured_queries)
    assert len(response.context["meetings"]) == 10
    assert len(response.context["presentations"]) == 10


def test_every_page_has_a_search_box_that_works_without_javascript(client):
    factories.ProjectFactory(title_ar="حديقة التواغيل")
    for path in ["/ar/", "/fr/projects/", "/en/meetings/"]:
        html = client.get(path).content.decode()
        form = html.split('class="header-search"')[1].split("</form>")[0]
        assert 'method="get"' in form
        assert 'name="q"' in form and 'maxlength="200"' in form
        assert 'type="submit"' in form
    # The box's address and field are the search page's: a plain GET finds.
    html = client.get("/ar/").content.decode()
    assert 'action="/ar/search/"' in html
    response = client.get("/ar/search/", {"q": "التواغيل"})
    assert [r["heading"] for r in response.context["best"]] == ["حديقة التواغيل"]
