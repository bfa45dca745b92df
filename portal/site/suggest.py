"""Search-as-you-type for the typed filters (``portal.lookups``): a few names as JSON.

``/<lang>/suggest/communes/?q=gue`` answers
``{"results": [{"value": "guelmim", "label": "كلميم — كلميم"}]}``: the value
is what the filter's box takes (a slug, or an institution's number), the
label what the visitor reads. ``static/js/suggest.js`` offers them under the
box; without JavaScript the box works the same, resolved when the form is sent.
"""

from django.http import Http404, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from meetings.filters import MEETINGS, SERIES
from portal.lookups import COMMUNES, INSTITUTIONS, MAX_SUGGESTIONS
from portal.paging import cached
from portal.search import MAX_QUERY_LENGTH
from projects.filters import PLANS

LOOKUPS = {lookup.key: lookup for lookup in (COMMUNES, PLANS, MEETINGS, SERIES, INSTITUTIONS)}
#: Fewer characters than this suggest nothing: a letter matches too much.
MIN_CHARACTERS = 2
SUGGEST_MAX_AGE = 300


@require_safe
def suggest(request, kind):
    lookup = LOOKUPS.get(kind)
    if lookup is None:
        raise Http404
    q = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = []
    if len(q) >= MIN_CHARACTERS:
        # Each keystroke asks again: the answer is cached until the records change.
        matches = lookup.matching(q)[:MAX_SUGGESTIONS]
        results = cached("suggest", matches, lambda: lookup.choices(matches))
    response = JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=SUGGEST_MAX_AGE)
    return response
