"""A project's comments come a page of threads at a time, newest threads first."""

import datetime

import pytest
from django.utils import timezone

from projects.comments.services import comment_context
from projects.models import COMMENT_THREADS_PER_PAGE, Comment
from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def threads(project, n: int, replies: int = 1) -> list[Comment]:
    """``n`` top-level comments an hour apart (the last is the newest), each with replies."""
    start = timezone.now() - datetime.timedelta(days=30)
    made = []
    for i in range(n):
        comment = factories.CommentFactory(project=project, body=f"Thread {i}")
        Comment.objects.filter(pk=comment.pk).update(created_at=start + datetime.timedelta(hours=i))
        comment.refresh_from_db()
        for k in range(replies):
            factories.CommentFactory(project=project, parent=comment, body=f"Reply {i}.{k}")
        made.append(comment)
    return made


def test_the_first_page_has_the_newest_threads_with_their_replies(client):
    project = factories.ProjectFactory()
    made = threads(project, COMMENT_THREADS_PER_PAGE + 5)

    response = client.get(project.get_absolute_url())

    shown = response.context["comments"]
    assert [c.pk for c in shown] == [c.pk for c in reversed(made)][:COMMENT_THREADS_PER_PAGE]
    assert all(len(c.visible_replies) == 1 for c in shown)
    assert response.context["comment_count"] == 2 * len(made)
    content = response.content.decode()
    assert 'href="?comments=2#comments" rel="next"' in content
    assert "Thread 0" not in content


def test_the_last_page_has_the_oldest_threads_and_a_link_back(client):
    project = factories.ProjectFactory()
    made = threads(project, COMMENT_THREADS_PER_PAGE + 5)

    response = client.get(f"{project.get_absolute_url()}?comments=2")

    assert [c.pk for c in response.context["comments"]] == [c.pk for c in reversed(made[:5])]
    assert 'href="?comments=1#comments" rel="prev"' in response.content.decode()


def test_a_silly_page_number_gives_the_nearest_page(client):
    project = factories.ProjectFactory()
    threads(project, 3)
    for value in ("99", "first", "-1"):
        response = client.get(f"{project.get_absolute_url()}?comments={value}")
        assert response.status_code == 200
        assert len(response.context["comments"]) == 3


def test_a_comment_links_to_the_page_its_thread_is_on():
    project = factories.ProjectFactory()
    made = threads(project, COMMENT_THREADS_PER_PAGE + 1)
    oldest = made[0]
    reply = oldest.replies.get()
    newest = made[-1]

    assert newest.get_absolute_url() == f"{project.get_absolute_url()}#comment-{newest.pk}"
    assert oldest.get_absolute_url() == (
        f"{project.get_absolute_url()}?comments=2#comment-{oldest.pk}"
    )
    assert reply.get_absolute_url() == f"{project.get_absolute_url()}?comments=2#comment-{reply.pk}"
    annotated = Comment.objects.with_page().get(pk=reply.pk)
    assert annotated.get_absolute_url() == reply.get_absolute_url()


def test_the_project_page_keeps_its_queries_whatever_the_number_of_comments(client):
    project = factories.ProjectFactory()
    threads(project, 2)
    few = count_queries(client, project.get_absolute_url())
    threads(project, 3 * COMMENT_THREADS_PER_PAGE, replies=3)
    assert count_queries(client, project.get_absolute_url()) == few


def test_hidden_threads_and_their_replies_are_neither_shown_nor_counted():
    project = factories.ProjectFactory()
    shown, hidden = threads(project, 2)
    hidden.hide()
    context = comment_context(factories.UserFactory(), project)
    assert [c.pk for c in context["comments"]] == [shown.pk]
    assert context["comment_count"] == 2
