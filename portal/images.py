"""Smaller renditions of uploaded photos, made once on first request.

Uploads are already capped at IMAGE_MAX_DIMENSION; a phone on a slow
connection should not have to fetch that for a 360-pixel-wide screen, so
pages offer narrower copies in `srcset`. Renditions live in the default
storage beside the originals (every app server sees them) and an original
is never changed in place, so both can be cached for good.
"""

import hashlib
import io
import mimetypes
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image, UnidentifiedImageError

RENDITION_WIDTHS = (320, 640, 960)
RENDITION_ROOT = "renditions"
# Only public pictures may be resized through the public URL.
ALLOWED_PREFIXES = (
    "projects/photos/",
    "meetings/photos/",
    "meetings/visits/",
    "associations/logos/",
    "communes/logos/",
    "institutions/logos/",
)
DIMENSIONS_TIMEOUT = 60 * 60 * 24 * 30


class ImageMissing(Exception):
    pass


@dataclass(frozen=True)
class ImageInfo:
    src: str
    srcset: str
    width: int | None
    height: int | None


def is_allowed(name: str) -> bool:
    if not name or name.startswith("/") or "\\" in name:
        return False
    if any(part in {"", ".", ".."} for part in name.split("/")):
        return False
    return name.startswith(ALLOWED_PREFIXES)


def dimensions(image) -> tuple[int | None, int | None]:
    """Width and height of a stored image, remembered in the shared cache."""
    key = "sharaka:imgdim:" + hashlib.sha256(image.name.encode()).hexdigest()
    known = cache.get(key)
    if known is not None:
        return tuple(known)
    try:
        size = (image.width, image.height)
    except (OSError, ValueError, UnidentifiedImageError):
        return (None, None)
    cache.set(key, size, DIMENSIONS_TIMEOUT)
    return size


def rendition_url(name: str, width: int) -> str:
    return reverse("portal:image", kwargs={"width": width, "name": name})


def describe(image) -> ImageInfo:
    width, height = dimensions(image)
    original = image.url
    if not width or not is_allowed(image.name):
        return ImageInfo(original, "", width, height)
    widths = [w for w in RENDITION_WIDTHS if w < width]
    if not widths:
        return ImageInfo(original, "", width, height)
    candidates = [f"{rendition_url(image.name, w)} {w}w" for w in widths]
    candidates.append(f"{original} {width}w")
    # Browsers without srcset get a middle size rather than the full upload.
    fallback = rendition_url(image.name, 640 if 640 in widths else widths[-1])
    return ImageInfo(fallback, ", ".join(candidates), width, height)


def rendition(name: str, width: int, storage=default_storage) -> str:
    """Name of the stored copy of `name` at most `width` pixels wide; made if missing."""
    target = f"{RENDITION_ROOT}/{width}/{name}"
    if storage.exists(target):
        return target
    if not storage.exists(name):
        raise ImageMissing(name)
    try:
        with storage.open(name) as source, Image.open(source) as image:
            image_format = image.format if image.format in {"JPEG", "PNG", "WEBP"} else "JPEG"
            image.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
            output = io.BytesIO()
            if image_format == "JPEG":
                image.convert("RGB").save(
                    output, "JPEG", quality=80, optimize=True, progressive=True
                )
            else:
                image.save(output, image_format, optimize=True)
    except (OSError, UnidentifiedImageError) as exc:
        raise ImageMissing(name) from exc
    saved = storage.save(target, ContentFile(output.getvalue()))
    if saved != target:
        # Another request made the same rendition meanwhile: keep that one.
        storage.delete(saved)
    return target


def content_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
