"""Bad input on the comment forms: nothing saved, and a message that says why.

Pages are requested in English so the messages can be read in the assertions.
"""

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from projects.comments.services import comment_context
from projects.models import Comment
from tests import factories

from .personas import make_personas, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas():
    return make_personas()


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"comments:{name}", kwargs=kwargs)


def post_comment(personas, body, association=None, actor="member"):
    association = personas.association_a.pk if association is None else association
    return personas.client(actor).post(
        url("post", slug=personas.project.slug), {"association": association, "body": body}
    )


def test_empty_comment_is_refused_with_a_message(personas):
    response = post_comment(personas, "   ")
    assert response.status_code == 400
    assert "Write something before sending: the comment is empty." in response.text
    assert not Comment.objects.exists()


def test_overlong_comment_is_refused_and_the_text_is_kept(personas):
    body = "ب" * 2001
    response = post_comment(personas, body)
    assert response.status_code == 400
    assert "A comment can have at most 2000 characters; this one has 2001." in response.text
    assert body in response.text  # handed back in the form, not lost
    assert not Comment.objects.exists()


def test_comment_of_exactly_the_limit_is_accepted(personas):
    response = post_comment(personas, "ب" * 2000)
    assert response.status_code == 302
    assert Comment.objects.get().body == "ب" * 2000


def test_posting_for_an_association_one_does_not_represent_is_refused(personas):
    before = snapshot()
    response = post_comment(personas, "As B", association=personas.association_b.pk)
    assert response.status_code == 403
    assert "You are not an approved representative of this association." in response.text
    assert snapshot() == before


def test_posting_for_an_association_still_pending_is_refused(personas):
    factories.MembershipFactory(user=personas.member, association=personas.association_b)
    response = post_comment(personas, "Pending", association=personas.association_b.pk)
    assert response.status_code == 403
    assert "You are not an approved representative of this association." in response.text
    assert not Comment.objects.exists()


def test_representative_must_choose_an_association(personas):
    response = post_comment(personas, "Who speaks?", association="")
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert not Comment.objects.exists()


def test_user_without_membership_is_told_how_to_comment(personas):
    response = post_comment(personas, "Hello", actor="outsider")
    assert response.status_code == 403
    assert "Only approved representatives of an association can comment." in response.text
    assert not Comment.objects.exists()


def test_reply_to_a_reply_is_refused(personas):
    top = factories.CommentFactory(
        project=personas.project, author=personas.member_b, association=personas.association_b
    )
    reply = factories.CommentFactory(
        project=personas.project,
        author=personas.member_b,
        association=personas.association_b,
        parent=top,
    )
    before = snapshot()
    response = personas.client("member").post(
        url("reply", slug=personas.project.slug, pk=reply.pk),
        {"association": personas.association_a.pk, "body": "Too deep"},
    )
    assert response.status_code == 400
    assert "You can only reply to a comment, not to a reply." in response.text
    assert snapshot() == before


def test_reply_to_a_deleted_comment_is_refused(personas):
    top = factories.CommentFactory(
        project=personas.project, author=personas.member_b, association=personas.association_b
    )
    top.soft_delete()
    response = personas.client("member").post(
        url("reply", slug=personas.project.slug, pk=top.pk),
        {"association": personas.association_a.pk, "body": "Late"},
    )
    assert response.status_code == 400
    assert "This comment was deleted; it can no longer be answered." in response.text
    assert not top.replies.exists()


def test_reply_on_another_projects_comment_is_not_found(personas):
    elsewhere = factories.CommentFactory(author=personas.member_b)
    response = personas.client("member").post(
        url("reply", slug=personas.project.slug, pk=elsewhere.pk),
        {"association": personas.association_a.pk, "body": "Wrong page"},
    )
    assert response.status_code == 404
    assert not elsewhere.replies.exists()


def test_edit_after_the_window_says_why(personas):
    import datetime

    from django.utils import timezone

    comment = factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=15, seconds=1)
    )
    response = personas.client("member").post(
        url("edit", slug=personas.project.slug, pk=comment.pk), {"body": "Too late"}
    )
    assert response.status_code == 403
    assert "only be edited in the 15 minutes after it is posted" in response.text
    assert Comment.objects.get(pk=comment.pk).body == comment.body


def test_empty_edit_is_refused(personas):
    comment = factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    response = personas.client("member").post(
        url("edit", slug=personas.project.slug, pk=comment.pk), {"body": ""}
    )
    assert response.status_code == 400
    assert "the comment is empty" in response.text
    assert Comment.objects.get(pk=comment.pk).body == comment.body


def test_html_and_script_are_stored_as_text_and_shown_escaped(personas):
    body = '<script>alert("x")</script> <b>bold</b> <img src=x onerror=alert(1)>'
    post_comment(personas, body)
    assert Comment.objects.get().body == body

    html = render_to_string(
        "projects/includes/_comments.html",
        comment_context(personas.outsider, personas.project) | {"user": personas.outsider},
    )
    assert "<script>alert" not in html
    assert "<b>bold</b>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_links_become_clickable_and_nothing_else(personas):
    post_comment(personas, "See https://example.org/plan?a=1&b=2 and javascript:alert(1)")
    html = render_to_string(
        "projects/includes/_comments.html",
        comment_context(personas.outsider, personas.project) | {"user": personas.outsider},
    )
    assert (
        '<a href="https://example.org/plan?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "https://example.org/plan?a=1&amp;b=2</a>"
    ) in html
    assert 'href="javascript' not in html


def test_line_breaks_are_kept(personas):
    post_comment(personas, "first line\r\nsecond line")
    html = render_to_string(
        "projects/includes/_comments.html",
        comment_context(personas.outsider, personas.project) | {"user": personas.outsider},
    )
    assert "first line<br>\nsecond line" in html


def test_rate_limit_stops_the_sixth_comment_in_ten_minutes(personas):
    for n in range(5):
        assert post_comment(personas, f"comment {n}").status_code == 302

    response = post_comment(personas, "one too many")

    assert response.status_code == 429
    assert (
        "You have posted the most comments allowed for now (5 in 10 minutes). "
        "Please wait a few minutes before writing again."
    ) in response.text
    assert "one too many" in response.text  # kept in the form
    assert Comment.objects.count() == 5


def test_rate_limit_is_per_user(personas):
    for n in range(5):
        post_comment(personas, f"comment {n}")
    factories.MembershipFactory(
        user=personas.outsider, association=personas.association_a, status="approved"
    )
    assert post_comment(personas, "my first", actor="outsider").status_code == 302


def test_rate_limit_window_comes_from_settings(personas, settings):
    settings.COMMENTS_RATE_LIMIT = (1, 60)
    assert post_comment(personas, "first").status_code == 302
    response = post_comment(personas, "second")
    assert response.status_code == 429
    assert "the most comments allowed for now (1 in 1 minutes)" in response.text


def test_staff_answers_are_not_rate_limited(personas):
    for n in range(7):
        response = post_comment(personas, f"answer {n}", association="", actor="staff")
        assert response.status_code == 302
    assert Comment.objects.filter(official=True).count() == 7


def test_success_says_so_in_a_message(personas):
    response = post_comment(personas, "Merci pour ce chantier")
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Your comment is published."]


def test_report_twice_counts_once_and_says_so(personas):
    comment = factories.CommentFactory(
        project=personas.project, author=personas.member_b, association=personas.association_b
    )
    client = personas.client("outsider")
    target = url("report", slug=personas.project.slug, pk=comment.pk)
    client.post(target, {"reason": "spam"})
    response = client.post(target, {"reason": "abuse"})
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == (
        "You have already reported this comment."
    )
    assert comment.reports.count() == 1
    assert comment.reports.get().reason == "spam"


def test_report_with_an_unknown_reason_is_refused(personas):
    comment = factories.CommentFactory(
        project=personas.project, author=personas.member_b, association=personas.association_b
    )
    response = personas.client("outsider").post(
        url("report", slug=personas.project.slug, pk=comment.pk), {"reason": "boring"}
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.text
    assert not comment.reports.exists()


def test_one_cannot_report_ones_own_comment(personas):
    comment = factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    response = personas.client("member").post(
        url("report", slug=personas.project.slug, pk=comment.pk), {"reason": "spam"}
    )
    assert response.status_code == 403
    assert "You cannot report your own comment." in response.text
    assert not comment.reports.exists()


def test_rate_limit_is_counted_in_the_shared_cache(personas):
    from django.core.cache import cache

    for n in range(5):
        post_comment(personas, f"comment {n}")
    assert post_comment(personas, "blocked").status_code == 429
    cache.clear()  # what every app server shares; a process-local count would survive this
    assert post_comment(personas, "allowed again").status_code == 302


def test_staff_writing_for_an_association_count_against_the_allowance(personas, settings):
    settings.COMMENTS_RATE_LIMIT = (2, 600)
    factories.MembershipFactory(
        user=personas.staff, association=personas.association_a, status="approved"
    )
    for n in range(2):
        assert post_comment(personas, f"for A {n}", actor="staff").status_code == 302

    assert post_comment(personas, "for A again", actor="staff").status_code == 429
    # Answering as the council stays unlimited.
    assert post_comment(personas, "official", association="", actor="staff").status_code == 302
    assert list(Comment.objects.values_list("official", flat=True)) == [False, False, True]
