"""Comment display: plain text with clickable links, and per-user permissions."""

from django import template
from django.utils.html import Urlizer
from django.utils.safestring import mark_safe

register = template.Library()


class CommentUrlizer(Urlizer):
    # Links written by the public: no ranking credit, no access to our window.
    url_template = '<a href="{href}" rel="nofollow ugc noopener"{attrs}>{url}</a>'


_urlize = CommentUrlizer()


@register.filter
def comment_text(value) -> str:
    """Escape everything, then turn http(s) and www. addresses into links; keep line breaks."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    html = _urlize(text, trim_url_limit=60, nofollow=False, autoescape=True)
    return mark_safe(html.replace("\n", "<br>\n"))


@register.simple_tag
def comment_can_edit(comment, user) -> bool:
    return comment.can_edit(user)


@register.simple_tag
def comment_can_delete(comment, user) -> bool:
    return comment.can_delete(user)
