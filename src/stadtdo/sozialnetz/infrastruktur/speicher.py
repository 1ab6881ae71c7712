"""Stores in annotations: ``annotation`` is the one get-or-create of a
persistent object under a key of an object's annotations (the Antrag's
votes, records and flags, a department's digest, the site's counters);
``portal_baum`` the site-wide ``OOBTree`` stores (notification preferences,
answers of keyed REST writes)."""

from BTrees.OOBTree import OOBTree
from collections.abc import Callable
from plone import api
from typing import Any
from zope.annotation.interfaces import IAnnotations


def annotation(obj: Any, key: str, fabrik: Callable[[], Any] | None = None) -> Any:
    """What is stored under ``key`` in the annotations of ``obj``. Missing:
    with ``fabrik`` a new ``fabrik()`` is stored and returned, without it
    ``None`` (reading never writes)."""
    annotations = IAnnotations(obj)
    wert = annotations.get(key)
    if wert is None and fabrik is not None:
        wert = annotations[key] = fabrik()
    return wert


def portal_baum(key: str, *, anlegen: bool = False) -> Any:
    """The tree stored under ``key``; created with ``anlegen``, else ``None``
    while nothing was stored."""
    return annotation(api.portal.get(), key, OOBTree if anlegen else None)
