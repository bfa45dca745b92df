"""Follow-up of recommendations: one place where an update moves the status."""

import datetime

from django.db import transaction

from .models import Recommendation, RecommendationUpdate


@transaction.atomic
def record_update(
    recommendation: Recommendation,
    *,
    date: datetime.date,
    status: str,
    note: str,
    evidence=None,
    evidence_url: str = "",
) -> RecommendationUpdate:
    """Add a dated follow-up and move the recommendation to its status."""
    update = RecommendationUpdate.objects.create(
        recommendation=recommendation,
        date=date,
        status=status,
        note=note,
        evidence=evidence or "",
        evidence_url=evidence_url,
    )
    sync_status(recommendation)
    return update


def sync_status(recommendation: Recommendation) -> None:
    """The status is the one of the latest follow-up, when there is one."""
    latest = recommendation.updates.order_by("-date", "-pk").first()
    if latest and recommendation.status != latest.status:
        recommendation.status = latest.status
        recommendation.save(update_fields=["status", "updated_at"])
