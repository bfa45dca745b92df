"""Template helpers for the public pages: money, progress, images, language links,
and the punctuation and numbers of each language."""

import re
from decimal import Decimal, InvalidOperation

from django import template
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.numberformat import format as number_format
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language, override, pgettext

from portal import images

register = template.Library()

# Grouping and currency as each language writes amounts in Morocco. The
# no-break spaces keep an amount on one line and, being "common separators"
# for the bidirectional algorithm, keep its digit groups in order inside
# right-to-left text.
MONEY_FORMATS = {
    "ar": {"group": "\u00a0", "decimal": ",", "pattern": "{amount}\u00a0د.م."},
    "fr": {"group": "\u202f", "decimal": ",", "pattern": "{amount}\u00a0MAD"},
    "en": {"group": ",", "decimal": ".", "pattern": "{amount}\u00a0MAD"},
}


@register.filter
def mad(value):
    """An amount in Moroccan dirhams, e.g. "1 500 000 د.م." or "1,500,000 MAD"."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    spec = MONEY_FORMATS.get((get_language() or "ar")[:2], MONEY_FORMATS["ar"])
    decimals = 0 if amount == amount.to_integral_value() else 2
    digits = number_format(
        amount,
        decimal_sep=spec["decimal"],
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=spec["group"],
        force_grouping=True,
        use_l10n=False,
    )
    return spec["pattern"].format(amount=digits)


# Left-to-right isolate … pop directional isolate (Unicode's bidirectional
# algorithm): what they enclose is laid out on its own, left to right.
LRI, PDI = "\u2066", "\u2069"
# A range of numbers or years: "2010–2015", "2010 - 2015", "1/2".
NUMBER_RANGE = re.compile(r"\d+(?:[.,]\d+)?(?:\s*[–—-]\s*|/)\d+(?:[.,]\d+)?")


@register.filter(is_safe=True)
def isolate_numbers(text):
    """Number ranges read in order in right-to-left text.

    In Arabic, "2010 – 2015" would show as "2015 – 2010": the dash is a
    neutral between two numbers, each laid out right to left. Isolated, the
    range reads left to right like any number. No markup is added, so the
    filter suits attributes and already-escaped HTML alike.
    """
    if not text:
        return text
    isolated = NUMBER_RANGE.sub(lambda match: f"{LRI}{match.group(0)}{PDI}", str(text))
    return mark_safe(isolated) if isinstance(text, SafeData) else isolated


@register.simple_tag
def comma():
    """The comma between two parts of a phrase: "، " in Arabic, ", " in French and English."""
    return pgettext("list separator", ", ")


# One way of writing a percentage per language: French puts a narrow
# no-break space before the sign; Arabic keeps "90%" in that order, isolated
# so that the sign never lands on the other side of the number.
PERCENT_FORMATS = {"ar": LRI + "{value}%" + PDI, "fr": "{value}\u202f%", "en": "{value}%"}


@register.filter
def percent(value):
    """A whole percentage as the current language writes it: "90%", "90 %"."""
    if value is None or value == "":
        return ""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return ""
    pattern = PERCENT_FORMATS.get((get_language() or "ar")[:2], PERCENT_FORMATS["en"])
    return pattern.format(value=number)


@register.simple_tag
def percent_pattern():
    """The current language's percentage with "{value}" for the number, for scripts."""
    return PERCENT_FORMATS.get((get_language() or "ar")[:2], PERCENT_FORMATS["en"])


@register.simple_tag(takes_context=True)
def translated_path(context, lang_code):
    """This page's address in another language (query string kept)."""
    request = context.get("request")
    if request is None:
        with override(lang_code):
            return reverse("portal:home")
    path = request.get_full_path()
    translated = translate_url(path, lang_code)
    if translated == path:
        # Not a known page (the 404 page): swap the language prefix.
        prefix = f"/{get_language()}/"
        if path.startswith(prefix):
            translated = f"/{lang_code}/{path[len(prefix) :]}"
    return translated


@register.inclusion_tag("portal/includes/_progress.html")
def progress_bar(value, label=""):
    """A labelled 0–100 % bar that reads the same without CSS."""
    try:
        percent = max(0, min(100, int(value or 0)))
    except (TypeError, ValueError):
        percent = 0
    return {"percent": percent, "label": label}


@register.simple_tag
def responsive_image(image, alt, sizes="100vw", css_class="", eager=False):
    """An <img> with width/height, smaller renditions in srcset and lazy loading."""
    if not image:
        return ""
    info = images.describe(image)
    attrs = {
        "src": info.src,
        "alt": alt,
        "class": css_class,
        "srcset": info.srcset,
        "sizes": sizes if info.srcset else "",
        "width": info.width or "",
        "height": info.height or "",
        "loading": "" if eager else "lazy",
        "decoding": "async",
    }
    rendered = mark_safe(
        " ".join(
            format_html('{}="{}"', name, value)
            for name, value in attrs.items()
            if value != "" or name == "alt"
        )
    )
    return format_html("<img {}>", rendered)


@register.simple_tag(takes_context=True)
def nav_current(context, namespace, page_name="list"):
    """aria-current for a navigation link: "page" on the section's page, "true" inside it."""
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None or match.namespace != namespace:
        return ""
    if match.url_name == page_name:
        return mark_safe(' aria-current="page"')
    return mark_safe(' aria-current="true"')


@register.simple_tag(takes_context=True)
def query_with(context, name, value):
    """This page's query string with ``name`` set to ``value``, back on the first page."""
    query = context["request"].GET.copy()
    query[name] = value
    query.pop("page", None)
    return f"?{query.urlencode()}"


@register.filter
def elided_pages(page_obj) -> list:
    """Page numbers around ``page_obj``'s, with the first and the last; None for a gap."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
