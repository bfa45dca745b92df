"""Picture renditions, and uploaded files as the development server serves them."""

import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from django.views.static import serve

from . import images

# Uploaded files a browser may show in the page; anything else is downloaded.
INLINE_MEDIA_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


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


@require_safe
def media_file(request, path):
    """An uploaded file in development (DEBUG), served as the production web server does.

    ``nosniff`` stops a browser from reading a file as another type than the
    one its name gives; documents (PDF, office files) come as attachments, so
    none is ever shown as a page of the site. deploy/nginx/sharaka.conf does
    the same in production.
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    if response.get("Content-Type", "").split(";")[0] not in INLINE_MEDIA_TYPES:
        response["Content-Disposition"] = content_disposition_header(True, posixpath.basename(path))
    return response
