"""POST endpoints behind the comment forms of the project page.

Each answers with a redirect back to the project page (and a message) when
the action succeeded, a page saying why when it did not (403 no right,
400 bad input, 429 too many comments), and sends anonymous visitors to sign in.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from projects.models import Comment, Project

from . import services
from .forms import CommentForm, EditCommentForm, ReportForm


def get_public_project(slug: str) -> Project:
    return get_object_or_404(Project.objects.published(), slug=slug)


def get_visible_comment(project: Project, pk: int) -> Comment:
    return get_object_or_404(
        Comment.objects.visible().select_related("association", "parent"),
        project=project,
        pk=pk,
    )


def project_url(project: Project, anchor: str = "comments") -> str:
    return f"{project.get_absolute_url()}#{anchor}"


def comment_endpoint(view):
    """POST only, on a published project; anonymous visitors go and sign in first."""

    @require_POST
    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        project = get_public_project(slug)
        if not request.user.is_authenticated:
            return redirect_to_login(project_url(project))
        return view(request, project, *args, **kwargs)

    return wrapper


def refuse(request, project: Project, message: str, status: int = 403):
    return render(
        request,
        "comments/refused.html",
        {"project": project, "message": message, "back_url": project_url(project)},
        status=status,
    )


def form_page(request, project: Project, form, title: str, status: int, message: str = ""):
    """Show the refused form with its text kept, so nothing typed is lost."""
    return render(
        request,
        "comments/form.html",
        {
            "project": project,
            "form": form,
            "title": title,
            "message": message,
            "action": request.path,
            "back_url": project_url(project),
        },
        status=status,
    )


NOT_A_REPRESENTATIVE = gettext_noop(
    "Only approved representatives of an association can comment. "
    "Ask to represent your association from its page; the council staff will approve you."
)
RATE_LIMITED = gettext_noop(
    "You have posted the most comments allowed for now (%(limit)d in %(minutes)d minutes). "
    "Please wait a few minutes before writing again."
)


def _post(request, project: Project, parent: Comment | None):
    user = request.user
    if not services.can_comment(user):
        return refuse(request, project, _(NOT_A_REPRESENTATIVE))
    form = CommentForm(
        request.POST,
        associations=services.representable_associations(user),
        official=user.is_staff,
    )
    title = _("Reply") if parent else _("Comment on this project")
    if not form.is_valid():
        if form.refused_association():
            return refuse(request, project, form.errors["association"][0])
        return form_page(request, project, form, title, status=400)
    if not services.consume_comment_allowance(user, form.cleaned_data["association"]):
        limit, period = settings.COMMENTS_RATE_LIMIT
        message = _(RATE_LIMITED) % {"limit": limit, "minutes": period // 60}
        return form_page(request, project, form, title, status=429, message=message)
    comment = services.post_comment(
        project=project,
        author=user,
        body=form.cleaned_data["body"],
        association=form.cleaned_data["association"],
        parent=parent,
    )
    if comment.official:
        messages.success(request, _("Your official answer is published."))
    else:
        messages.success(request, _("Your comment is published."))
    return redirect(project_url(project, f"comment-{comment.pk}"))


@comment_endpoint
def post(request, project):
    return _post(request, project, parent=None)


@comment_endpoint
def reply(request, project, pk):
    parent = get_visible_comment(project, pk)
    if parent.is_reply:
        return refuse(
            request, project, _("You can only reply to a comment, not to a reply."), status=400
        )
    if parent.deleted:
        return refuse(
            request, project, _("This comment was deleted; it can no longer be answered."), 400
        )
    return _post(request, project, parent=parent)


@comment_endpoint
def edit(request, project, pk):
    comment = get_visible_comment(project, pk)
    if not comment.can_edit(request.user):
        if comment.author_id == request.user.pk and not comment.deleted:
            return refuse(
                request,
                project,
                _(
                    "A comment can only be edited in the 15 minutes after it is posted. "
                    "You can still delete it."
                ),
            )
        return refuse(request, project, _("You can only edit your own comments."))
    form = EditCommentForm(request.POST)
    if not form.is_valid():
        return form_page(request, project, form, _("Edit your comment"), status=400)
    comment.edit(form.cleaned_data["body"])
    messages.success(request, _("Your comment is updated."))
    return redirect(project_url(project, f"comment-{comment.pk}"))


@comment_endpoint
def delete(request, project, pk):
    comment = get_visible_comment(project, pk)
    if not comment.can_delete(request.user):
        return refuse(request, project, _("You can only delete your own comments."))
    comment.soft_delete()
    messages.success(request, _("Your comment is deleted; the replies to it stay."))
    return redirect(project_url(project, f"comment-{comment.pk}"))


@comment_endpoint
def report(request, project, pk):
    comment = get_visible_comment(project, pk)
    if comment.author_id == request.user.pk:
        return refuse(request, project, _("You cannot report your own comment."))
    form = ReportForm(request.POST)
    if not form.is_valid():
        return form_page(request, project, form, _("Report this comment"), status=400)
    if services.report_comment(
        comment, request.user, reason=form.cleaned_data["reason"], text=form.cleaned_data["text"]
    ):
        messages.success(
            request, _("Thank you. The council staff will look at the comment you reported.")
        )
    else:
        messages.info(request, _("You have already reported this comment."))
    return redirect(project_url(project))
