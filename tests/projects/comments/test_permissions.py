"""Who may do what with comments: every refusal is a 403 (or sign-in for anonymous
visitors) and leaves the database as it was."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from associations.models import Membership
from projects.models import Comment, CommentReport
from tests import factories

from .personas import make_personas, snapshot

pytestmark = pytest.mark.django_db

ALLOWED, FORBIDDEN, SIGN_IN = "allowed", "403", "sign in"
ACTORS = ["anonymous", "outsider", "pending", "member", "staff"]

# What each actor may do. "own" actions only make sense for actors who can
# have written a comment: the approved member and staff.
MATRIX = {
    "comment": {
        "anonymous": SIGN_IN,
        "outsider": FORBIDDEN,
        "pending": FORBIDDEN,
        "member": ALLOWED,
        "staff": ALLOWED,
    },
    "comment_as_b": {
        "anonymous": SIGN_IN,
        "outsider": FORBIDDEN,
        "pending": FORBIDDEN,
        "member": FORBIDDEN,
        "staff": FORBIDDEN,
    },
    "reply": {
        "anonymous": SIGN_IN,
        "outsider": FORBIDDEN,
        "pending": FORBIDDEN,
        "member": ALLOWED,
        "staff": ALLOWED,
    },
    "edit_own": {"member": ALLOWED, "staff": ALLOWED},
    "edit_own_after_15_minutes": {"member": FORBIDDEN, "staff": FORBIDDEN},
    "edit_other": {
        "anonymous": SIGN_IN,
        "outsider": FORBIDDEN,
        "pending": FORBIDDEN,
        "member": FORBIDDEN,
        "staff": FORBIDDEN,
    },
    "delete_own": {"member": ALLOWED, "staff": ALLOWED},
    "delete_other": {
        "anonymous": SIGN_IN,
        "outsider": FORBIDDEN,
        "pending": FORBIDDEN,
        "member": FORBIDDEN,
        "staff": FORBIDDEN,
    },
    "report": {
        "anonymous": SIGN_IN,
        "outsider": ALLOWED,
        "pending": ALLOWED,
        "member": ALLOWED,
        "staff": ALLOWED,
    },
    "hide": {
        "anonymous": SIGN_IN,
        "outsider": SIGN_IN,
        "pending": SIGN_IN,
        "member": SIGN_IN,
        "staff": ALLOWED,
    },
}
CASES = [
    (action, actor, expected)
    for action, outcomes in MATRIX.items()
    for actor, expected in outcomes.items()
]


def prepare(personas, action: str, actor: str):
    """Build the rows `action` needs; return the request to make and a check of its effect."""
    p = personas
    user = p.user(actor)
    client = p.client(actor)
    slug = p.project.slug
    others = factories.CommentFactory(
        project=p.project, author=p.member_b, association=p.association_b, body="B speaks"
    )

    def url(name, **kwargs):
        return reverse(f"comments:{name}", kwargs={"slug": slug, **kwargs})

    def own_comment():
        return factories.CommentFactory(
            project=p.project,
            author=user,
            association=None if user.is_staff else p.association_a,
            official=user.is_staff,
            body="mine",
        )

    def post(path, data=None):
        return lambda: client.post(path, data or {})

    # Staff speak for the council; everyone else for association A.
    association = "" if actor == "staff" else p.association_a.pk

    if action == "comment":
        return (
            post(url("post"), {"association": association, "body": "New"}),
            lambda: Comment.objects.filter(body="New").count() == 1,
        )
    if action == "comment_as_b":
        return (
            post(url("post"), {"association": p.association_b.pk, "body": "As B"}),
            lambda: Comment.objects.filter(body="As B").exists(),
        )
    if action == "reply":
        return (
            post(url("reply", pk=others.pk), {"association": association, "body": "Answer"}),
            lambda: others.replies.filter(body="Answer").count() == 1,
        )
    if action in {"edit_own", "edit_own_after_15_minutes"}:
        comment = own_comment()
        if action == "edit_own_after_15_minutes":
            Comment.objects.filter(pk=comment.pk).update(
                created_at=timezone.now() - datetime.timedelta(minutes=16)
            )
        return (
            post(url("edit", pk=comment.pk), {"body": "Edited"}),
            lambda: Comment.objects.get(pk=comment.pk).body == "Edited",
        )
    if action == "edit_other":
        return (
            post(url("edit", pk=others.pk), {"body": "Edited"}),
            lambda: Comment.objects.get(pk=others.pk).body == "Edited",
        )
    if action == "delete_own":
        comment = own_comment()
        return (
            post(url("delete", pk=comment.pk)),
            lambda: Comment.objects.get(pk=comment.pk).deleted,
        )
    if action == "delete_other":
        return (
            post(url("delete", pk=others.pk)),
            lambda: Comment.objects.get(pk=others.pk).deleted,
        )
    if action == "report":
        return (
            post(url("report", pk=others.pk), {"reason": "spam", "text": ""}),
            lambda: CommentReport.objects.filter(comment=others, reporter=user).exists(),
        )
    if action == "hide":
        return (
            post(
                reverse("admin:projects_comment_changelist"),
                {"action": "hide_selected", "_selected_action": [others.pk]},
            ),
            lambda: Comment.objects.get(pk=others.pk).hidden,
        )
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "actor", "expected"), CASES)
def test_permission_matrix(action, actor, expected):
    make_request, took_effect = prepare(make_personas(), action, actor)
    before = snapshot()

    response = make_request()

    if expected == ALLOWED:
        assert response.status_code == 302
        assert "login/" not in response["Location"]
        assert took_effect()
        return
    if expected == FORBIDDEN:
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert "login/" in response["Location"]
    assert not took_effect()
    assert snapshot() == before


def test_anonymous_visitor_is_sent_to_sign_in_and_back_to_the_comments():
    personas = make_personas()
    response = personas.client("anonymous").post(
        reverse("comments:post", kwargs={"slug": personas.project.slug}),
        {"body": "Hello"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "%23comments" in response["Location"]


@pytest.mark.parametrize("name", ["post", "reply", "edit", "delete", "report"])
def test_endpoints_refuse_get(name):
    personas = make_personas()
    comment = factories.CommentFactory(project=personas.project, author=personas.member)
    kwargs = {"slug": personas.project.slug}
    if name != "post":
        kwargs["pk"] = comment.pk
    response = personas.client("member").get(reverse(f"comments:{name}", kwargs=kwargs))
    assert response.status_code == 405


def test_comment_endpoints_check_csrf():
    personas = make_personas()
    client = personas.client("member")
    client.handler.enforce_csrf_checks = True
    response = client.post(
        reverse("comments:post", kwargs={"slug": personas.project.slug}),
        {"association": personas.association_a.pk, "body": "No token"},
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_unpublished_project_cannot_be_commented():
    personas = make_personas()
    personas.project.published = False
    personas.project.save()
    response = personas.client("member").post(
        reverse("comments:post", kwargs={"slug": personas.project.slug}),
        {"association": personas.association_a.pk, "body": "Hello"},
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_hidden_comment_cannot_be_answered_edited_or_reported():
    personas = make_personas()
    hidden = factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    hidden.hide()
    client = personas.client("member")
    for name, data in [("reply", {"body": "x"}), ("edit", {"body": "x"}), ("report", {})]:
        response = client.post(
            reverse(f"comments:{name}", kwargs={"slug": personas.project.slug, "pk": hidden.pk}),
            {"association": personas.association_a.pk, "reason": "spam", **data},
        )
        assert response.status_code == 404
    assert Comment.objects.count() == 1
    assert Comment.objects.get().body == hidden.body


def test_staff_comment_is_an_official_answer():
    personas = make_personas()
    top = factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    personas.client("staff").post(
        reverse("comments:reply", kwargs={"slug": personas.project.slug, "pk": top.pk}),
        {"association": "", "body": "The works resume in May."},
    )
    answer = top.replies.get()
    assert answer.official
    assert answer.association is None
    assert answer.author == personas.staff


def test_member_comment_is_on_behalf_of_the_chosen_association():
    personas = make_personas()
    response = personas.client("member").post(
        reverse("comments:post", kwargs={"slug": personas.project.slug}),
        {"association": personas.association_a.pk, "body": "Nous suivons ce chantier."},
    )
    comment = Comment.objects.get()
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert comment.association == personas.association_a
    assert not comment.official


def staff_representative_of_a(personas):
    """The staff persona, also an approved representative of association A."""
    factories.MembershipFactory(
        user=personas.staff, association=personas.association_a, status="approved"
    )
    return personas.client("staff")


def test_staff_representative_posting_for_the_association_speaks_for_it_not_the_council():
    personas = make_personas()
    client = staff_representative_of_a(personas)

    response = client.post(
        reverse("comments:post", kwargs={"slug": personas.project.slug}),
        {"association": personas.association_a.pk, "body": "Notre association soutient ce pont."},
    )

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert comment.association == personas.association_a
    assert comment.author == personas.staff
    assert not comment.official


def test_staff_representative_posting_as_the_council_gives_an_official_answer():
    personas = make_personas()
    client = staff_representative_of_a(personas)

    client.post(
        reverse("comments:post", kwargs={"slug": personas.project.slug}),
        {"association": "", "body": "The council will publish the schedule."},
    )

    comment = Comment.objects.get()
    assert comment.association is None
    assert comment.official


@pytest.mark.parametrize(
    ("speaks_for", "official", "subject"),
    [
        ("association", False, "New reply to your association's comment on “{}”"),
        ("council", True, "The council answered your association's comment on “{}”"),
    ],
)
def test_staff_representative_reply_is_official_only_in_the_councils_name(
    speaks_for, official, subject
):
    personas = make_personas()
    client = staff_representative_of_a(personas)
    Membership.objects.filter(user=personas.member_b).update(language="en")
    top = factories.CommentFactory(
        project=personas.project, author=personas.member_b, association=personas.association_b
    )
    association = personas.association_a if speaks_for == "association" else None

    client.post(
        reverse("comments:reply", kwargs={"slug": personas.project.slug, "pk": top.pk}),
        {"association": association.pk if association else "", "body": "Answer."},
    )

    reply = top.replies.get()
    assert reply.official is official
    assert reply.association == association
    # Association B's representative is told who answered: the council, or association A.
    (notice,) = mail.outbox
    assert notice.to == [personas.member_b.email]
    with translation.override("en"):
        title = personas.project.title
    assert notice.subject == subject.format(title)
