"""The site search page: one query over every public kind of record."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .search import MAX_QUERY_LENGTH, query_terms, search_kinds

OVERVIEW_PER_KIND = 5
#: The overview counts at most this many matches per kind, then says "100+".
OVERVIEW_COUNT_CAP = 100
PAGE_SIZE = 20
SNIPPET_WORDS = 30


def _results(kind, objects):
    return [
        {
            "title": str(obj),
            "snippet": Truncator(kind.snippet(obj)).words(SNIPPET_WORDS),
            "url": kind.url(obj),
        }
        for obj in objects
    ]


def overview(kind, terms, per_kind=OVERVIEW_PER_KIND, cap=OVERVIEW_COUNT_CAP) -> dict:
    """The first `per_kind` matches of one kind and their number, counted up to `cap`.

    One query that stops after `cap + 1` matches, instead of a full count plus a
    second scan for the first rows: the expensive part of the search is the
    substring test on every row's stored search text.
    """
    rows = list(kind.search(terms)[: cap + 1])
    return {
        "kind": kind,
        "count": min(len(rows), cap),
        "capped": len(rows) > cap,
        "first": rows[:per_kind],
    }


def index(request):
    q = request.GET.get("q", "").strip()
    kinds = search_kinds()
    chosen = next((k for k in kinds if k.key == request.GET.get("kind")), None)
    context = {"q": q, "kinds": kinds, "kind": chosen, "max_length": MAX_QUERY_LENGTH}

    if len(q) > MAX_QUERY_LENGTH:
        context["error"] = _("Your search is too long. Please use at most %(max)d characters.") % {
            "max": MAX_QUERY_LENGTH
        }
        return render(request, "search/index.html", context, status=400)

    if "q" not in request.GET:  # the search page itself, before any search
        return render(request, "search/index.html", context)
    terms = query_terms(q)
    if not terms:  # empty, only spaces, or only punctuation
        context["error"] = _("Please type at least one word to search for.")
        return render(request, "search/index.html", context)

    if chosen:
        page = Paginator(chosen.search(terms), PAGE_SIZE).get_page(request.GET.get("page"))
        context["page"] = page
        context["results"] = _results(chosen, page.object_list)
    else:
        groups = [
            {**overview(kind, terms, cap=OVERVIEW_COUNT_CAP), "results": []} for kind in kinds
        ]
        for group in groups:
            group["results"] = _results(group["kind"], group.pop("first"))
        context["groups"] = groups
        context["count_cap"] = OVERVIEW_COUNT_CAP
        context["total"] = sum(group["count"] for group in groups)
    return render(request, "search/index.html", context)
