"""Comments on projects: who may write, posting, replying, moderation and notices.

Permission *checks* answer questions (`can_comment`, `may_post_as`); the
views turn a "no" into a 403. The functions that change data assume the view
has asked.
"""

from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import translation

from associations.models import Association, Membership
from portal import ratelimit
from portal.links import site_url
from portal.mail import send_in_language
from projects.models import (
    COMMENT_MAX_LENGTH,
    COMMENT_PAGE_PARAMETER,
    COMMENT_THREADS_PER_PAGE,
    Comment,
    CommentReport,
    Project,
)

REPORTS_TO_HIDE = 3


# --- reading ---------------------------------------------------------------


def comments_for_project(project: Project) -> QuerySet[Comment]:
    """Visible threads, newest first, each with its visible replies (oldest first)
    in `visible_replies`.

    Two queries for a page of threads, whatever the number of replies.
    """
    replies = (
        Comment.objects.visible()
        .select_related("author", "association")
        .order_by("created_at", "pk")
    )
    return (
        project.comments.threads()
        .select_related("author", "association")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="visible_replies"))
    )


def representable_associations(user) -> QuerySet[Association]:
    """Associations the user may speak for: their approved memberships."""
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.APPROVED
    ).order_by("name")


def comment_context(user, project: Project, page_number=None) -> dict:
    """Everything `projects/includes/_comments.html` needs, in a fixed number of queries.

    The threads come a page at a time (``COMMENT_THREADS_PER_PAGE``), newest
    first, each with all its replies; ``page_number`` is the requested page.
    """
    page = Paginator(comments_for_project(project), COMMENT_THREADS_PER_PAGE).get_page(page_number)
    associations = list(representable_associations(user))
    return {
        "project": project,
        "comments": list(page.object_list),
        "comment_page": page,
        "comment_page_parameter": COMMENT_PAGE_PARAMETER,
        "comment_count": project.comments.shown().count(),
        "comment_associations": associations,
        "can_comment": bool(user.is_authenticated and (user.is_staff or associations)),
        "comment_max_length": COMMENT_MAX_LENGTH,
        "report_reasons": CommentReport.Reason.choices,
    }


# --- permissions -----------------------------------------------------------


def can_comment(user) -> bool:
    """Council staff answer officially; others need an approved membership."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return representable_associations(user).exists()


def may_post_as(user, association: Association | None) -> bool:
    if association is None:
        return user.is_staff
    return representable_associations(user).filter(pk=association.pk).exists()


def is_official(author, association: Association | None) -> bool:
    """An official answer is the council speaking: staff writing in no association's name.

    A staff member who also represents an association and writes on its
    behalf speaks for the association, like any other representative.
    """
    return author.is_staff and association is None


# --- abuse limits ----------------------------------------------------------


def consume_comment_allowance(user, association: Association | None) -> bool:
    """Count one comment against the user's allowance (``COMMENTS_RATE_LIMIT``).

    False once it is spent. Official answers (see ``is_official``) are not counted.

    While the shared cache is down, each app server keeps granting the same
    allowance from its own count: representatives can still take part in the
    discussion (a Redis restart should not silence them), and a flood stays
    bounded by the allowance times the number of app processes.
    """
    if is_official(user, association):
        return True
    return ratelimit.consume(
        "comments",
        str(user.pk),
        settings.COMMENTS_RATE_LIMIT,
        during_outage=settings.COMMENTS_RATE_LIMIT,
    )


# --- writing ---------------------------------------------------------------


def post_comment(
    *,
    project: Project,
    author,
    body: str,
    association: Association | None = None,
    parent: Comment | None = None,
) -> Comment:
    """Save a comment or a reply; staff's in no association's name are official answers.

    Replies to a reply are refused: discussions stay one level deep.
    """
    if parent is not None and (parent.parent_id is not None or parent.project_id != project.pk):
        raise ValueError("A reply must answer a top-level comment of the same project.")
    comment = Comment.objects.create(
        project=project,
        author=author,
        association=association,
        parent=parent,
        body=body,
        official=is_official(author, association),
    )
    if parent is not None:
        notify_reply(comment)
    return comment


def report_comment(comment: Comment, reporter, *, reason: str, text: str = "") -> bool:
    """Record the user's report (once per user); hide the comment at the threshold.

    Returns False when this user had already reported the comment. Reports
    made before staff last reviewed the comment do not count again.
    """
    try:
        with transaction.atomic():
            CommentReport.objects.create(
                comment=comment, reporter=reporter, reason=reason, text=text
            )
    except IntegrityError:
        return False
    comment.refresh_report_count()
    if not comment.hidden:
        reports = comment.reports.all()
        if comment.reviewed_at is not None:
            reports = reports.filter(created_at__gt=comment.reviewed_at)
        if reports.order_by().values("reporter").distinct().count() >= REPORTS_TO_HIDE:
            comment.hide(reviewed=False)
    return True


# --- notices ---------------------------------------------------------------


def notify_reply(reply: Comment) -> None:
    """E-mail the approved representatives of the answered comment's association.

    Each gets it in the language they used when they asked to join; the
    person who replied does not get their own reply.
    """
    parent = reply.parent
    if parent is None or parent.association_id is None:
        return
    memberships = (
        Membership.objects.approved()
        .filter(association_id=parent.association_id)
        .exclude(user=reply.author)
        .exclude(user__email="")
        .select_related("user")
    )
    by_language = defaultdict(list)
    for membership in memberships:
        by_language[membership.language or settings.LANGUAGE_CODE].append(membership.user.email)
    template = "emails/comment_official_answer" if reply.official else "emails/comment_reply"
    for language, recipients in by_language.items():
        with translation.override(language):
            context = {
                "reply": reply,
                "parent": parent,
                "project_title": reply.project.title,
                "association_name": parent.association.name,
                "replier_name": reply.association.name if reply.association else "",
                "comment_url": site_url(reply.get_absolute_url()),
            }
        send_in_language(language, recipients, template, context, commune=reply.project.commune)
