"""The comments include: what a visitor sees, and a query count that does not grow."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from associations.models import Association
from projects.comments.services import comment_context, comments_for_project
from tests import factories

from .personas import make_personas

pytestmark = pytest.mark.django_db


def render(personas, user):
    """The include as an English page shows it (the assertions read English)."""
    request = RequestFactory().get(personas.project.get_absolute_url())
    request.user = user
    with translation.override("en"):
        return render_to_string(
            "projects/includes/_comments.html",
            comment_context(user, personas.project),
            request=request,
        )


def add_threads(personas, count):
    for n in range(count):
        top = factories.CommentFactory(
            project=personas.project,
            author=personas.member_b,
            association=personas.association_b,
            body=f"top {n}",
        )
        factories.CommentFactory(
            project=personas.project,
            author=personas.member,
            association=personas.association_a,
            parent=top,
            body=f"reply {n}",
        )
        factories.CommentFactory(
            project=personas.project,
            author=personas.staff,
            association=None,
            official=True,
            parent=top,
            body=f"answer {n}",
        )


@pytest.mark.parametrize("actor", ["anonymous", "member", "staff"])
def test_query_count_does_not_grow_with_comments(actor):
    from django.contrib.auth.models import AnonymousUser

    personas = make_personas()
    user = personas.user(actor) or AnonymousUser()
    Association.objects.update(logo="associations/logos/logo.png")
    add_threads(personas, 1)
    with CaptureQueriesContext(connection) as one:
        html_one = render(personas, user)
    add_threads(personas, 9)
    with CaptureQueriesContext(connection) as ten:
        html_ten = render(personas, user)

    assert html_one.count('<article class="comment') == 3
    assert html_ten.count('<article class="comment') == 30
    assert len(one) == len(ten)


def test_comments_for_project_uses_two_queries(django_assert_num_queries):
    personas = make_personas()
    add_threads(personas, 5)
    with django_assert_num_queries(2):
        comments = list(comments_for_project(personas.project))
        replies = [reply for comment in comments for reply in comment.visible_replies]
        [(c.association, c.author) for c in comments + replies]
    assert len(comments) == 5
    assert len(replies) == 10


def test_comment_shows_the_association_name_and_logo():
    personas = make_personas()
    Association.objects.filter(pk=personas.association_a.pk).update(logo="associations/logos/a.png")
    factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    html = render(personas, personas.outsider)
    assert personas.association_a.name in html
    assert 'src="/media/associations/logos/a.png"' in html


def test_comment_logo_is_served_at_a_small_size():
    from tests.helpers import jpeg

    personas = make_personas()
    association = personas.association_a
    association.logo = jpeg(1000, 800, name="logo.jpg")
    association.save()
    factories.CommentFactory(
        project=personas.project, author=personas.member, association=association
    )
    html = render(personas, personas.outsider)
    img = re.search(r'<img [^>]*class="comment__logo"[^>]*>', html).group(0)
    small = f"/en/img/320/{association.logo.name}"
    # Browsers without srcset get a rendition too, never the full upload.
    assert f'src="/en/img/640/{association.logo.name}"' in img
    assert f"{small} 320w" in img and f"{association.logo.url} 1000w" in img
    assert 'sizes="40px"' in img
    assert 'alt=""' in img  # the association's name follows it
    assert 'width="1000" height="800"' in img and 'loading="lazy"' in img


def test_official_answer_is_marked_as_such():
    personas = make_personas()
    top = factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    factories.CommentFactory(
        project=personas.project,
        author=personas.staff,
        association=None,
        official=True,
        parent=top,
        body="The works resume in May.",
    )
    html = render(personas, personas.outsider)
    assert 'class="comment comment--official"' in html
    assert "Official answer of the council" in html


def test_deleted_comment_shows_as_deleted_and_its_replies_stay():
    personas = make_personas()
    top = factories.CommentFactory(
        project=personas.project,
        author=personas.member,
        association=personas.association_a,
        body="secret words",
    )
    factories.CommentFactory(
        project=personas.project,
        author=personas.member_b,
        association=personas.association_b,
        parent=top,
        body="still here",
    )
    top.soft_delete()
    html = render(personas, personas.outsider)
    assert "secret words" not in html
    assert "This comment was deleted by its author." in html
    assert "still here" in html
    assert ">1 comment<" in html  # the deleted one is not counted


def test_hidden_comments_and_their_replies_are_absent_and_not_counted():
    personas = make_personas()
    shown = factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    hidden = factories.CommentFactory(
        project=personas.project,
        author=personas.member_b,
        association=personas.association_b,
        body="rude words",
    )
    hidden_reply = factories.CommentFactory(
        project=personas.project,
        author=personas.member_b,
        association=personas.association_b,
        parent=shown,
        body="rude reply",
    )
    hidden.hide()
    hidden_reply.hide()
    html = render(personas, personas.outsider)
    assert "rude words" not in html
    assert "rude reply" not in html
    assert f'id="comment-{hidden.pk}"' not in html
    assert ">1 comment<" in html


def test_only_the_author_sees_edit_and_delete_and_only_others_see_report():
    personas = make_personas()
    comment = factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    as_author = render(personas, personas.member)
    as_other = render(personas, personas.member_b)
    assert f"/comments/{comment.pk}/edit/" in as_author
    assert f"/comments/{comment.pk}/delete/" in as_author
    assert f"/comments/{comment.pk}/report/" not in as_author
    assert f"/comments/{comment.pk}/edit/" not in as_other
    assert f"/comments/{comment.pk}/delete/" not in as_other
    assert f"/comments/{comment.pk}/report/" in as_other


def test_visitors_without_the_right_get_no_comment_form():
    from django.contrib.auth.models import AnonymousUser

    personas = make_personas()
    post_url = f"/projects/{personas.project.slug}/comments/"
    assert post_url not in render(personas, AnonymousUser())
    assert "/accounts/login/?next=" in render(personas, AnonymousUser())
    assert post_url not in render(personas, personas.pending)
    assert post_url in render(personas, personas.member)
    assert post_url in render(personas, personas.staff)


def test_member_chooses_among_approved_associations_only():
    personas = make_personas()
    third = factories.AssociationFactory()
    factories.MembershipFactory(user=personas.member, association=personas.association_b)
    factories.MembershipFactory(user=personas.member, association=third, status="approved")
    html = render(personas, personas.member)
    assert f'<option value="{personas.association_a.pk}">' in html
    assert f'<option value="{third.pk}">' in html
    assert f'<option value="{personas.association_b.pk}">' not in html
