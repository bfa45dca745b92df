"""National size: no page's HTML grows with the number of communes, plans,
meetings or institutions, and the figures the pages show are cached under the
stored data versions."""

import datetime
import re

import pytest
from django.utils import timezone

from portal.models import DataVersion, version_stamps
from projects.models import Project, Sector
from recommendations.models import Theme
from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

PAGES = [
    "/fr/",
    "/fr/communes/",
    "/fr/projects/",
    "/fr/map/",
    "/fr/associations/",
    "/fr/meetings/",
    "/fr/recommendations/",
]
# Digits of counts ("5 communes", "200 communes") and of generated names differ.
MARGIN = 0.02


def country(n: int):
    """``n`` communes, each with a plan, a past and an upcoming meeting, an institution
    and a recommendation addressed to it, a project and an association."""
    today = timezone.localdate()
    # Sectors and themes are short fixed vocabularies: shared, as in real life.
    sector = Sector.objects.first() or factories.SectorFactory()
    theme = Theme.objects.first() or factories.ThemeFactory()
    for i in range(n):
        commune = factories.CommuneFactory(province_ar=f"إقليم {i % 3}")
        plan = factories.DevelopmentPlanFactory(commune=commune)
        factories.MeetingFactory(commune=commune, start_date=today + datetime.timedelta(days=i))
        meeting = factories.MeetingFactory(
            commune=commune, start_date=today - datetime.timedelta(days=i + 1)
        )
        factories.RecommendationFactory(
            meeting=meeting, addressed_to=factories.InstitutionFactory(), theme=theme
        )
        factories.ProjectFactory(commune=commune, plan=plan, sector=sector)
        factories.AssociationFactory(commune=commune)


def html_sizes(client) -> dict[str, int]:
    sizes = {}
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        # Only the markup counts: the digits of counts and generated names vary.
        sizes[path] = len(re.sub(r"\d+", "0", response.content.decode()))
    return sizes


def test_no_page_grows_with_communes_plans_meetings_or_institutions(client):
    # 50 of each fill the first page of every list (20 rows; the map's list,
    # 50), so that what is left to grow is what must not: filter choices,
    # cards of every commune, every meeting.
    country(50)
    few = html_sizes(client)
    country(150)
    many = html_sizes(client)
    for path in PAGES:
        assert many[path] <= few[path] * (1 + MARGIN), (path, few[path], many[path])


def test_growing_filters_are_text_boxes_not_lists_of_choices(client):
    country(3)
    for path, names in [
        ("/fr/projects/", ("commune", "plan")),
        ("/fr/map/", ("commune", "plan")),
        ("/fr/associations/", ("commune",)),
        ("/fr/meetings/", ("commune", "series")),
        ("/fr/recommendations/", ("commune", "meeting", "addressed_to")),
    ]:
        content = client.get(path).content.decode()
        for name in names:
            assert re.search(rf'<input type="text" name="{name}"[^>]*data-suggest-url=', content), (
                path,
                name,
            )
            assert f'<select name="{name}"' not in content, (path, name)


@pytest.mark.parametrize("path", PAGES)
def test_query_counts_stay_pinned_whatever_the_size(client, path):
    country(2)
    few = count_queries(client, path)
    country(20)
    assert count_queries(client, path) == few


def test_a_write_gives_a_new_stamp_and_a_new_figure(client):
    factories.ProjectFactory()
    before = version_stamps("projects")
    assert client.get("/fr/projects/").context["page_obj"].paginator.count == 1

    factories.ProjectFactory()

    assert version_stamps("projects") != before
    assert client.get("/fr/projects/").context["page_obj"].paginator.count == 2


@pytest.mark.parametrize(
    "write",
    [
        lambda project: Project.objects.filter(pk=project.pk).update(published=False),
        lambda project: Project.objects.filter(pk=project.pk).delete(),
        lambda project: project.delete(),
        lambda project: Project.objects.bulk_update([project], ["title_ar"]),
        lambda project: Project.objects.bulk_create(
            [Project(commune=project.commune, sector=project.sector, title_ar="x", slug="x")]
        ),
        lambda project: project.sector.save(),
    ],
    ids=["update", "queryset-delete", "delete", "bulk-update", "bulk-create", "sector-save"],
)
def test_every_way_of_writing_projects_bumps_their_version(write):
    project = factories.ProjectFactory()
    before = version_stamps("projects")
    write(project)
    assert version_stamps("projects") != before


def test_an_unchanged_list_reads_its_figures_from_the_cache(client, django_assert_num_queries):
    for _ in range(3):
        factories.ProjectFactory()
    client.get("/fr/projects/")
    # The version stamps, the sectors of the filter and the page's rows: no count.
    with django_assert_num_queries(3) as queries:
        client.get("/fr/projects/")
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)


def test_a_lost_version_row_comes_back_with_a_new_stamp():
    factories.ProjectFactory()
    before = version_stamps("projects")
    DataVersion.objects.all().delete()
    assert version_stamps("projects") != before
