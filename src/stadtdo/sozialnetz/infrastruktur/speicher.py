"""Site-wide stores: an ``OOBTree`` under a key of the portal's annotations
(notification preferences, answers of keyed REST writes)."""

from BTrees.OOBTree import OOBTree
from plone import api
from zope.annotation.interfaces import IAnnotations


def portal_baum(key, *, anlegen=False):
    """The tree stored under ``key``; created with ``anlegen``, else ``None``
    while nothing was stored."""
    annotations = IAnnotations(api.portal.get())
    baum = annotations.get(key)
    if baum is None and anlegen:
        baum = annotations[key] = OOBTree()
    return baum
