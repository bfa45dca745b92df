"""Addresses (slugs) made from a record's title in whatever language it was written.

French or English titles give their words; an Arabic title alone is
transliterated into Latin letters (``anyascii``), so an address stays
readable and typeable. A taken slug gets ``-2``, ``-3``…; a title with
nothing to transliterate falls back to the kind of record.
"""

from anyascii import anyascii
from django.utils.text import slugify


def slug_from(*texts: str) -> str:
    """The slug of the first text that gives one (``""`` if none does)."""
    for text in texts:
        slug = slugify(anyascii(text or "").replace("'", "").replace("`", ""))
        if slug:
            return slug
    return ""


def unique_slug(model, base: str, *, max_length: int = 200, exclude_pk=None) -> str:
    """``base`` (or the model's name), with a number added when another row has it."""
    base = (base or slugify(model._meta.model_name)).strip("-")[: max_length - 5].strip("-")
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
