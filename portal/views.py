"""Picture renditions: an uploaded image at one of the widths the pages ask for."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from . import images


@require_safe
def image_rendition(request, width, name):
    if width not in images.RENDITION_WIDTHS or not images.is_allowed(name):
        raise Http404
    try:
        stored = images.rendition(name, width)
    except images.ImageMissing as exc:
        raise Http404 from exc
    response = FileResponse(default_storage.open(stored), content_type=images.content_type(name))
    # The original behind a name never changes, so neither does its rendition.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
