"""Moderation and official answers on project comments, from the back office."""

from django.urls import reverse

from projects.models import Comment
from tests import factories

from .admin_forms import admin_form_data, page_errors

ADD_URL = reverse("admin:projects_comment_add")
CHANGELIST_URL = reverse("admin:projects_comment_changelist")


def test_official_answer_is_signed_by_the_staff_member(staff_client, staff_user):
    question = factories.CommentFactory()
    data = admin_form_data(staff_client.get(ADD_URL))
    data.update(project=question.project.pk, parent=question.pk, body="جواب المجلس", official="on")

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 302, page_errors(response)
    answer = Comment.objects.get(parent=question)
    assert answer.author == staff_user
    assert answer.official


def test_unofficial_comment_without_association_is_a_form_error(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    project = factories.ProjectFactory()
    data = admin_form_data(staff_client.get(ADD_URL))
    data.update(project=project.pk, body="تعليق")

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "Choose the association the comment is written for" in response.content.decode()
    assert not Comment.objects.exists()


def test_staff_hide_and_restore_comments_in_bulk(staff_client):
    comments = factories.CommentFactory.create_batch(2)
    selected = [comment.pk for comment in comments]

    staff_client.post(CHANGELIST_URL, {"action": "hide", "_selected_action": selected})
    assert Comment.objects.filter(hidden=True).count() == 2

    staff_client.post(CHANGELIST_URL, {"action": "restore", "_selected_action": selected})
    assert Comment.objects.filter(hidden=True).count() == 0
