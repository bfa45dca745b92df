"""The tracker's counts per status, with shares of the total that add up to 100 %."""

from dataclasses import asdict, dataclass

from portal.views import StatusCount, shares_in_steps, status_summary

from .models import Recommendation


@dataclass
class StatusShare(StatusCount):
    # Whole per cent of the total. Rounded each on its own, 3/1/1/1 of 6 would
    # read 50 + 17 + 17 + 17 = 101 % above a total row of 100 %.
    share: int = 0


def tracker_summary(recommendations) -> dict:
    """`status_summary` of `recommendations` whose shares, and bar segments, sum to 100."""
    summary = status_summary(recommendations, Recommendation.Status)
    counts = [item.count for item in summary["items"]]
    shares = shares_in_steps(counts, summary["total"], step=1)
    # The stacked bar takes the same whole per cents, so it agrees with the table.
    items = [
        StatusShare(**{**asdict(item), "step": share}, share=share)
        for item, share in zip(summary["items"], shares, strict=True)
    ]
    return {
        **summary,
        "items": items,
        "implemented_share": next(
            item.share for item in items if item.value == Recommendation.Status.IMPLEMENTED
        ),
    }
