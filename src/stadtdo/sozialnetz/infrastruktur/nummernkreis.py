"""Counters that are not a write hotspot: every number is drawn in a short
transaction of its own, like a database sequence.

A counter written inside the request's transaction makes every two requests
that draw a number at the same moment conflict: the later one is repeated
from the start by Zope's publisher, and after a few repeats answered with a
500 (issue 14). A counter that resolves such conflicts (``BTrees.Length``)
would hand out the same number twice. So a number is drawn here in a new
connection to the same database, with its own transaction manager, which
commits at once; only that tiny transaction can conflict, and it is repeated
on the spot (up to :data:`VERSUCHE` times) without touching the request.

This works alike on FileStorage (several threads of one process) and on
RelStorage (several processes on one PostgreSQL database): the storage decides
which of two concurrent commits of the counter wins, the other one reads the
new value and draws again. Therefore a number is never given twice.

Gaps are possible and accepted: a number drawn for a request whose own
transaction is aborted later (an error, or a conflict elsewhere, after which
the publisher repeats the request and draws a new number) is used by nobody.
Numbers are ascending in the order in which they were drawn; the order of
the commits of the requests that use them may differ.
"""

from AccessControl.class_init import InitializeClass
from AccessControl.SecurityInfo import ClassSecurityInfo
from Acquisition import aq_base
from OFS.SimpleItem import SimpleItem
from plone import api
from Products.CMFUid.interfaces import IUniqueIdGenerator
from ZODB.POSException import ConflictError
from ZODB.POSException import POSKeyError
from zope.interface import implementer
import logging
import random
import time
import transaction


logger = logging.getLogger("stadtdo.sozialnetz.nummernkreis")

#: How often the short transaction of one draw is tried before giving up,
#: and the longest pause (s) between two tries. The pause grows from 10 ms
#: (random, so that competing draws spread out); 30 tries wait 5 s at most.
VERSUCHE = 30
LAENGSTE_PAUSE = 0.2


class _NichtGespeichert(Exception):
    """``obj`` is not committed yet: no other connection can load it."""


def ziehen(obj, aendern):
    """Run ``aendern(copy)`` on ``copy``, the committed state of the
    persistent ``obj``, in a transaction of its own, commit it and return the
    result of ``aendern``.

    ``aendern`` must only change ``copy`` (and objects reachable from it) and
    must not rely on acquisition. If ``obj`` is not committed yet (e.g. while
    the site itself is being created), ``aendern(obj)`` runs in the current
    transaction instead – nobody else can see ``obj`` then.
    """
    obj = aq_base(obj)
    if getattr(obj, "_p_jar", None) is None or obj._p_oid is None:
        return aendern(obj)
    try:
        return _in_eigener_transaktion(obj, aendern)
    except _NichtGespeichert:
        return aendern(obj)


def _in_eigener_transaktion(obj, aendern):
    tm = transaction.TransactionManager()
    conn = obj._p_jar.db().open(transaction_manager=tm)
    try:
        for versuch in range(1, VERSUCHE + 1):
            tm.begin()
            try:
                kopie = conn.get(obj._p_oid)
            except POSKeyError:
                raise _NichtGespeichert() from None
            try:
                ergebnis = aendern(kopie)
                tm.commit()
                return ergebnis
            except ConflictError:
                tm.abort()
                if versuch == VERSUCHE:
                    raise
                logger.info("%r: conflict while drawing, try %d", obj, versuch + 1)
                pause = min(LAENGSTE_PAUSE, 0.005 * 2**versuch)
                time.sleep(random.uniform(0, pause))
    finally:
        tm.abort()
        conn.close()


@implementer(IUniqueIdGenerator)
class HistorienIdGenerator(SimpleItem):
    """History ids of CMFEditions, drawn without a write hotspot.

    CMFEditions' ``portal_historyidhandler`` asks the ``IUniqueIdGenerator``
    utility for the history id of every object it versions for the first
    time – for every new Antrag, Person and Anlage. Plone registers the tool
    ``portal_uidgenerator`` for it, whose counter is a plain integer: every
    two creates at the same time conflict on it. This utility (registered in
    ``profiles/default/componentregistry.xml``) keeps using that very counter,
    so ids go on where the tool stopped and the tool can be registered again
    at uninstall, but increments it in a transaction of its own
    (:func:`ziehen`).
    """

    id = "stadtdo_historien_id_generator"
    meta_type = "Sozialnetz History Id Generator"

    security = ClassSecurityInfo()

    security.declarePrivate("__call__")

    def __call__(self):
        # not getToolByName: for this tool id it returns this very utility
        tool = api.portal.get()._getOb("portal_uidgenerator")
        return ziehen(tool, lambda zaehler: zaehler())

    security.declarePrivate("convert")

    def convert(self, uid):
        return int(uid)


InitializeClass(HistorienIdGenerator)
