from django.conf import settings

from .search import MAX_QUERY_LENGTH


def site(request):
    # The header's search box keeps the search page's length limit.
    return {"SITE_URL": settings.SITE_URL, "SEARCH_MAX_LENGTH": MAX_QUERY_LENGTH}
