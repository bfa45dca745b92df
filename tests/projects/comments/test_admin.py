"""Moderation of project comments from the back office."""

from django.urls import reverse

from projects.models import Comment
from tests import factories

ADD_URL = reverse("admin:projects_comment_add")
CHANGELIST_URL = reverse("admin:projects_comment_changelist")


def test_comments_are_written_on_the_public_pages_not_in_the_back_office(staff_client):
    assert staff_client.get(ADD_URL).status_code == 403


def test_staff_hide_and_restore_comments_in_bulk(staff_client):
    comments = factories.CommentFactory.create_batch(2)
    selected = [comment.pk for comment in comments]

    staff_client.post(CHANGELIST_URL, {"action": "hide_selected", "_selected_action": selected})
    assert Comment.objects.filter(hidden=True).count() == 2

    staff_client.post(CHANGELIST_URL, {"action": "restore_selected", "_selected_action": selected})
    assert Comment.objects.filter(hidden=True).count() == 0


def test_staff_read_the_reports_on_a_comments_page(staff_client):
    report = factories.CommentReportFactory(text="إساءة")

    response = staff_client.get(reverse("admin:projects_comment_change", args=[report.comment.pk]))

    assert response.status_code == 200
    assert "إساءة" in response.content.decode()
