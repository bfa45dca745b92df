"""Which communes a staff account works for: the one answer every back-office page asks.

A superuser works for every commune (``None``). Any other account works for
the communes its ``StaffScope`` rows name, directly or through their province
or region; an account without a scope works for none. The answer is worked
out once per request (two small queries) and kept on the user object.
"""

from django.db.models import Q

from .models import Commune, StaffScope

_CACHE_ATTRIBUTE = "_sharaka_commune_ids"


def commune_ids(user) -> frozenset[int] | None:
    """The ids of the communes ``user`` may work on; ``None`` means every commune."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    scopes = list(StaffScope.objects.filter(user=user))
    lookup = Q(pk__in=[])
    for scope in scopes:
        if scope.level == StaffScope.Level.COMMUNE:
            lookup |= Q(pk=scope.commune_id)
        else:
            lookup |= scope.area_lookup()
    ids = (
        frozenset(Commune.objects.filter(lookup).values_list("pk", flat=True))
        if scopes
        else ids_of_nothing
    )
    setattr(user, _CACHE_ATTRIBUTE, ids)
    return ids


class _NoCommune(frozenset):
    """The answer for an account with no scope at all (not even an empty region)."""


ids_of_nothing = _NoCommune()


def has_scope(user) -> bool:
    """Whether ``user`` was given any commune, province or region (superusers: always)."""
    ids = commune_ids(user)
    return ids is None or not isinstance(ids, _NoCommune)


def forget(user) -> None:
    """Drop the answer kept on ``user`` (after its scopes changed in the same request)."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def covers(user, commune_id) -> bool:
    """Whether ``user`` works for the commune ``commune_id``."""
    ids = commune_ids(user)
    return ids is None or commune_id in ids


def filter_queryset(queryset, user, path: str, *, shared_when_empty: bool = False):
    """``queryset`` limited to the rows whose commune (reached by ``path``) ``user`` works for.

    ``path`` leads from the model to its commune (``"commune"``,
    ``"meeting__commune"``; ``"pk"`` for communes themselves). With
    ``shared_when_empty``, rows that belong to no commune (a national
    institution, a person without a commune) are kept too.
    """
    ids = commune_ids(user)
    if ids is None:
        return queryset
    lookup = Q(**{f"{path}__in": sorted(ids)})
    if shared_when_empty:
        lookup |= Q(**{f"{path}__isnull": True})
    return queryset.filter(lookup)


def commune_id_of(obj, path: str):
    """The id of the commune ``obj`` belongs to, following ``path`` through its attributes."""
    if path == "pk":
        return obj.pk
    *steps, last = path.split("__")
    for step in steps:
        obj = getattr(obj, step, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)
