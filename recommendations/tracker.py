"""The tracker's counts per status, with shares of the total that add up to 100 %."""

from portal.paging import status_summary

from .models import Recommendation


def tracker_summary(recommendations) -> dict:
    """`status_summary` in whole per cents, and the share already implemented.

    Rounded each on its own, 3/1/1/1 of 6 would read 50 + 17 + 17 + 17 = 101 %
    above a total row of 100 %; the summary's largest-remainder rounding keeps
    the table, the stacked bar and the implemented bar to the same figures.
    """
    summary = status_summary(recommendations, Recommendation.Status, step=1)
    implemented = next(
        item.share for item in summary["items"] if item.value == Recommendation.Status.IMPLEMENTED
    )
    return {**summary, "implemented_share": implemented}
