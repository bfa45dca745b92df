"""Reports hide a comment at three different users; staff hide and restore in the admin."""

import pytest
from django.urls import reverse
from django.utils import translation

from projects.comments import services as comment_services
from projects.models import Comment
from tests import factories

from .personas import make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas():
    return make_personas()


@pytest.fixture
def comment(personas):
    return factories.CommentFactory(
        project=personas.project,
        author=personas.member_b,
        association=personas.association_b,
        body="Reported words",
    )


def report_as(user, comment):
    from django.test import Client

    client = Client()
    client.force_login(user)
    with translation.override("en"):
        target = reverse("comments:report", kwargs={"slug": comment.project.slug, "pk": comment.pk})
    return client.post(target, {"reason": "abuse", "text": "insulting"})


def test_three_reports_from_three_users_hide_the_comment(comment):
    for _ in range(3):
        report_as(factories.UserFactory(), comment)
    comment.refresh_from_db()
    assert comment.hidden
    assert comment.reviewed_at is None  # waiting for staff
    assert not Comment.objects.visible().filter(pk=comment.pk).exists()


def test_two_reports_do_not_hide_it(comment):
    for _ in range(2):
        report_as(factories.UserFactory(), comment)
    comment.refresh_from_db()
    assert not comment.hidden


def test_the_same_user_reporting_three_times_counts_once(comment):
    reporter = factories.UserFactory()
    for _ in range(3):
        report_as(reporter, comment)
    report_as(factories.UserFactory(), comment)
    comment.refresh_from_db()
    assert comment.reports.count() == 2
    assert not comment.hidden


def test_hidden_comment_leaves_the_page_and_the_count(personas, comment):
    from django.template.loader import render_to_string

    def page():
        context = comment_services.comment_context(personas.outsider, personas.project)
        return context["comment_count"], render_to_string(
            "projects/includes/_comments.html", context | {"user": personas.outsider}
        )

    assert page()[0] == 1
    for _ in range(3):
        report_as(factories.UserFactory(), comment)
    count, html = page()
    assert count == 0
    assert "Reported words" not in html


def run_action(client, action, comment):
    return client.post(
        reverse("admin:projects_comment_changelist"),
        {"action": action, "_selected_action": [comment.pk]},
    )


def test_staff_restore_a_comment_hidden_by_reports(personas, comment):
    for _ in range(3):
        report_as(factories.UserFactory(), comment)

    response = run_action(personas.client("staff"), "restore_selected", comment)

    assert response.status_code == 302
    comment.refresh_from_db()
    assert not comment.hidden
    assert comment.reviewed_at is not None
    assert Comment.objects.visible().filter(pk=comment.pk).exists()


def test_after_a_restore_only_new_reports_count(personas, comment):
    for _ in range(3):
        report_as(factories.UserFactory(), comment)
    run_action(personas.client("staff"), "restore_selected", comment)

    for _ in range(2):
        report_as(factories.UserFactory(), comment)
    comment.refresh_from_db()
    assert not comment.hidden

    report_as(factories.UserFactory(), comment)
    comment.refresh_from_db()
    assert comment.hidden


def test_staff_hide_a_comment_with_the_action(personas, comment):
    response = run_action(personas.client("staff"), "hide_selected", comment)
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden
    assert comment.reviewed_at is not None


def test_staff_hide_and_restore_from_the_change_form(personas, comment):
    client = personas.client("staff")
    change_url = reverse("admin:projects_comment_change", args=[comment.pk])
    page = client.get(change_url)
    assert page.status_code == 200

    client.post(change_url, {"hidden": "on", **inline_management_form()})
    comment.refresh_from_db()
    assert comment.hidden
    assert comment.reviewed_at is not None

    client.post(change_url, inline_management_form())
    comment.refresh_from_db()
    assert not comment.hidden


def inline_management_form():
    prefix = "reports"
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_staff_read_the_reports_on_the_comment_page(personas, comment):
    factories.CommentReportFactory(comment=comment, text="Insults a council member")
    page = personas.client("staff").get(reverse("admin:projects_comment_change", args=[comment.pk]))
    assert "Insults a council member" in page.text


def test_changelist_queries_do_not_grow_with_comments(personas, django_assert_max_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = personas.client("staff")
    changelist = reverse("admin:projects_comment_changelist")
    factories.CommentReportFactory(
        comment=factories.CommentFactory(project=personas.project, author=personas.member)
    )
    client.get(changelist)  # warm the session and permission caches
    cache.clear()  # the list's count is cached: compute it both times
    with CaptureQueriesContext(connection) as one:
        assert client.get(changelist).status_code == 200
    for _ in range(10):
        factories.CommentReportFactory(
            comment=factories.CommentFactory(project=personas.project, author=personas.member)
        )
    cache.clear()
    with CaptureQueriesContext(connection) as eleven:
        assert client.get(changelist).status_code == 200
    assert len(one) == len(eleven)


def test_reported_filter_lists_only_reported_comments(personas, comment):
    quiet = factories.CommentFactory(
        project=personas.project, author=personas.member, body="Quiet comment"
    )
    factories.CommentReportFactory(comment=comment)
    comment.refresh_report_count()  # as report_comment does after each report
    page = personas.client("staff").get(
        reverse("admin:projects_comment_changelist") + "?reported=yes"
    )
    assert "Reported words" in page.text
    assert quiet.body not in page.text


def test_each_report_updates_the_stored_count_the_back_office_lists(personas, comment):
    from projects.comments import services

    for _ in range(2):
        services.report_comment(comment, factories.UserFactory(), reason="spam")
    comment.refresh_from_db()
    assert comment.report_count == 2


def test_the_comment_list_counts_no_reports_and_has_no_date_drill_down(personas, comment):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = personas.client("staff").get(reverse("admin:projects_comment_changelist"))
    assert page.status_code == 200
    assert not any("projects_commentreport" in q["sql"] for q in queries.captured_queries)
    assert page.context["cl"].show_full_result_count is False
