"""E-mail to an association's representatives when its comment is answered."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from associations.models import Membership
from portal.models import OutgoingEmail
from tests import factories

from .personas import make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas():
    return make_personas()


@pytest.fixture
def comment_of_b(personas):
    return factories.CommentFactory(
        project=personas.project,
        author=personas.member_b,
        association=personas.association_b,
        body="When will the bridge open?",
    )


def reply(personas, actor, comment, association):
    with translation.override("en"):
        target = reverse("comments:reply", kwargs={"slug": personas.project.slug, "pk": comment.pk})
    return personas.client(actor).post(target, {"association": association, "body": "In May."})


def test_official_answer_emails_the_association_representatives(personas, comment_of_b):
    reply(personas, "staff", comment_of_b, "")

    assert [message.to for message in mail.outbox] == [[personas.member_b.email]]
    message = mail.outbox[0]
    assert "أجاب المجلس على تعليق جمعيتك" in message.subject  # Arabic: the default language
    assert "In May." in message.body
    answer = comment_of_b.replies.get()
    assert f"/projects/{personas.project.slug}/#comment-{answer.pk}" in message.body


def test_reply_emails_every_approved_representative_but_not_the_replier(personas, comment_of_b):
    colleague = factories.MembershipFactory(
        association=personas.association_b, status=Membership.Status.APPROVED
    ).user
    factories.MembershipFactory(association=personas.association_b)  # pending: no e-mail

    reply(personas, "member", comment_of_b, personas.association_a.pk)

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([personas.member_b.email, colleague.email])
    assert all("رد جديد على تعليق جمعيتك" in m.subject for m in mail.outbox)
    assert all(personas.association_a.name in m.body for m in mail.outbox)


def test_representative_answering_their_own_association_gets_no_email(personas, comment_of_b):
    colleague = factories.MembershipFactory(
        association=personas.association_b, status=Membership.Status.APPROVED
    ).user
    reply(personas, "member_b", comment_of_b, personas.association_b.pk)
    assert [message.to for message in mail.outbox] == [[colleague.email]]


def test_each_representative_reads_the_email_in_their_language(personas, comment_of_b):
    Membership.objects.filter(user=personas.member_b).update(language="fr")
    personas.project.title_fr = "Pont de l'oued Oum Laachar"
    personas.project.save()
    arabic = factories.MembershipFactory(
        association=personas.association_b, status=Membership.Status.APPROVED, language="ar"
    ).user

    reply(personas, "staff", comment_of_b, "")

    by_recipient = {message.to[0]: message for message in mail.outbox}
    french, in_arabic = by_recipient[personas.member_b.email], by_recipient[arabic.email]
    assert f"/fr/projects/{personas.project.slug}/" in french.body
    assert "Pont de l'oued Oum Laachar" in french.subject
    assert personas.association_b.name_fr in french.body
    assert f"/ar/projects/{personas.project.slug}/" in in_arabic.body
    assert personas.project.title_ar in in_arabic.subject


def test_top_level_comment_sends_no_email(personas):
    with translation.override("en"):
        target = reverse("comments:post", kwargs={"slug": personas.project.slug})
    personas.client("member").post(
        target, {"association": personas.association_a.pk, "body": "First!"}
    )
    assert mail.outbox == []


def test_a_mail_outage_does_not_lose_the_reply(personas, comment_of_b, monkeypatch):
    from django.core.mail.backends import locmem

    def refuse(self, messages):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse)
    response = reply(personas, "staff", comment_of_b, "")
    assert response.status_code == 302
    assert comment_of_b.replies.count() == 1
    # Nor the notice: it waits for the next try.
    notice = OutgoingEmail.objects.get(to=personas.member_b.email)
    assert notice.status == OutgoingEmail.Status.QUEUED
    assert "SMTP server down" in notice.last_error
