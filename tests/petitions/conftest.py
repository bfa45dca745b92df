import datetime

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from associations.models import Membership
from tests import factories


def verified_user(**kwargs):
    user = factories.UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def commune(db):
    return factories.CommuneFactory(slug="guelmim", name_ar="كلميم", name_fr="Guelmim")


@pytest.fixture
def eligible_association(commune):
    return factories.AssociationFactory(
        commune=commune, verified=True, receipt_date=datetime.date(2015, 3, 1)
    )


@pytest.fixture
def representative(eligible_association):
    user = verified_user()
    factories.MembershipFactory(
        user=user, association=eligible_association, status=Membership.Status.APPROVED
    )
    return user
