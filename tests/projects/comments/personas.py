"""The people of the comment tests, built once per test.

A published project; associations A and B; a visitor with no membership, one
whose request for A is pending, an approved representative of A, one of B,
and a council staff member allowed to moderate comments.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.test import Client

from associations.models import Association, Membership
from projects.models import Comment, CommentReport, Project
from tests import factories

APPROVED = Membership.Status.APPROVED


@dataclass
class Personas:
    project: Project
    association_a: Association
    association_b: Association
    outsider: object
    pending: object
    member: object
    member_b: object
    staff: object

    def user(self, actor: str):
        return None if actor == "anonymous" else getattr(self, actor)

    def client(self, actor: str) -> Client:
        client = Client()
        user = self.user(actor)
        if user is not None:
            client.force_login(user)
        return client


def make_personas() -> Personas:
    project = factories.ProjectFactory(slug="guelmim-oued-oum-laachar-bridge")
    association_a = factories.AssociationFactory()
    association_b = factories.AssociationFactory()
    staff = factories.UserFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="projects",
            codename__in=["view_comment", "change_comment", "view_commentreport"],
        )
    )
    factories.StaffScopeFactory(user=staff, commune=project.commune)
    return Personas(
        project=project,
        association_a=association_a,
        association_b=association_b,
        outsider=factories.UserFactory(),
        pending=factories.MembershipFactory(association=association_a).user,
        member=factories.MembershipFactory(association=association_a, status=APPROVED).user,
        member_b=factories.MembershipFactory(association=association_b, status=APPROVED).user,
        staff=staff,
    )


def snapshot() -> tuple:
    """Everything a refused action must leave untouched."""
    return (
        list(
            Comment.objects.order_by("pk").values_list(
                "pk", "body", "hidden", "deleted", "association", "parent", "official"
            )
        ),
        list(CommentReport.objects.order_by("pk").values_list("pk", "comment", "reporter")),
    )
