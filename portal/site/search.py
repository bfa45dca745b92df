"""The site search page: one query over every public kind of record.

The kinds are collected from the models: every searchable model
(``portal.models.Searchable``) says what it searches, what a result shows and
its key in the address; its manager's ``public()`` says what a visitor may find.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from portal.search import MAX_QUERY_LENGTH, filter_by_terms, searchable_models
from portal.text import query_terms

OVERVIEW_PER_KIND = 5
#: The overview counts at most this many matches per kind, then says "100+".
OVERVIEW_COUNT_CAP = 100
PAGE_SIZE = 20
SNIPPET_WORDS = 30


class SearchKind:
    """One kind of record the site search looks through: a searchable model."""

    def __init__(self, model):
        self.model = model
        self.key = model.search_key
        self.label = capfirst(model._meta.verbose_name_plural)

    def search(self, terms):
        # Each kind's Meta.ordering ends with the primary key, so pages of
        # equal titles never repeat or skip a row.
        return filter_by_terms(self.model.objects.public(), terms)

    def snippet(self, obj) -> str:
        for field in self.model.search_snippet_fields:
            value = getattr(obj, field, "") or ""
            if value.strip():
                return value
        return ""


def search_kinds() -> list[SearchKind]:
    return [SearchKind(model) for model in searchable_models()]


def _results(kind, objects):
    return [
        {
            "title": str(obj),
            "snippet": Truncator(kind.snippet(obj)).words(SNIPPET_WORDS),
            "url": obj.get_absolute_url(),
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
