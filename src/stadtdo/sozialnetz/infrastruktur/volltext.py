"""Full-text indexes whose word lists merge when two writes meet (issue 14).

Plone's text indexes (``SearchableText``, ``Title``, ``Description``) are
ZCTextIndexes with an ``OkapiIndex``. It keeps, per word, the documents that
contain it in ``_wordinfo`` (an ``IOBTree`` word id → documents) – for a word
found in fewer than ten documents as a plain ``dict`` inside the BTree's
bucket. Two transactions that index documents with words in the same bucket
(every create adds its account handle and number; most words of a catalogue
of accounts are rare) then write the same bucket, and a bucket holding dicts
can never be merged: ZODB's conflict resolution of a BTree bucket compares
the values it holds, and two dicts cannot be ordered in Python 3. The
request is repeated, and under load repeated again until Zope gives up with
a 500 (the last create 500s of ``make loadtest`` on the cluster).

:class:`ZusammenfuehrbarerOkapiIndex` is the same index with every word's
documents in an ``IIBTree`` of its own, from the first document on: adding a
document changes that tree (whose buckets of integers merge) and not the
bucket of ``_wordinfo``, and a new word is a new key in the bucket, which
merges too. Search, ranking and the stored state are those of
``OkapiIndex``; the price is one small persistent object per word.

It is put in through ZCTextIndex's own extension point, the index factory
(``ZCTextIndex(index_factory=…)``, used again by ``clear()`` on a rebuild), by
:func:`einrichten` on install and in the upgrade; :func:`zuruecksetzen` puts
Plone's ``OkapiIndex`` back on uninstall (it reads IIBTrees as well). The
class is stored in the catalog by its dotted name: it must stay importable as
``stadtdo.sozialnetz.infrastruktur.volltext.ZusammenfuehrbarerOkapiIndex``.
"""

from BTrees.IIBTree import IIBTree
from plone import api
from Products.ZCTextIndex.interfaces import IZCTextIndex
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
import logging


logger = logging.getLogger(__name__)


class ZusammenfuehrbarerOkapiIndex(OkapiIndex):
    """``OkapiIndex`` that never keeps a word's documents in a dict."""

    def _wortliste(self, wid):
        """The IIBTree of ``wid``'s documents, created or converted (then
        stored in ``_wordinfo``); ``None`` if the word is new."""
        doc2score = self._wordinfo.get(wid)
        if isinstance(doc2score, dict):
            doc2score = IIBTree(doc2score)
            self._wordinfo[wid] = doc2score
        return doc2score

    def _add_wordinfo(self, wid, f, docid):
        doc2score = self._wortliste(wid)
        if doc2score is None:
            doc2score = self._wordinfo[wid] = IIBTree()
            self.length.change(1)
        doc2score[docid] = f

    def _mass_add_wordinfo(self, wid2weight, docid):
        neue_woerter = 0
        for wid, weight in wid2weight.items():
            doc2score = self._wortliste(wid)
            if doc2score is None:
                doc2score = self._wordinfo[wid] = IIBTree()
                neue_woerter += 1
            doc2score[docid] = weight
        if neue_woerter:
            self.length.change(neue_woerter)

    def _del_wordinfo(self, wid, docid):
        doc2score = self._wortliste(wid)
        del doc2score[docid]
        if not doc2score:
            del self._wordinfo[wid]
            self.length.change(-1)


def _okapi_textindizes(catalog):
    for index in catalog.getIndexObjects():
        if IZCTextIndex.providedBy(index) and isinstance(index.index, OkapiIndex):
            yield index


def _austauschen(textindex, klasse):
    """Give ``textindex`` a word index of ``klasse`` holding the same data
    (the BTrees are shared, not copied)."""
    alt = textindex.index
    if type(alt) is not klasse:
        alt._p_activate()
        neu = klasse.__new__(klasse)
        neu.__setstate__(alt.__getstate__())
        textindex.index = neu
    textindex._index_factory = klasse
    return textindex.index


def einrichten(catalog=None):
    """Make every Okapi text index of the catalog a
    :class:`ZusammenfuehrbarerOkapiIndex` and turn the dicts in its word
    lists into IIBTrees. Idempotent; returns the number of word lists
    converted."""
    catalog = catalog if catalog is not None else api.portal.get_tool("portal_catalog")
    umgestellt = 0
    for textindex in _okapi_textindizes(catalog):
        index = _austauschen(textindex, ZusammenfuehrbarerOkapiIndex)
        woerter = [
            wid for wid, docs in index._wordinfo.items() if isinstance(docs, dict)
        ]
        for wid in woerter:
            index._wordinfo[wid] = IIBTree(index._wordinfo[wid])
        umgestellt += len(woerter)
        logger.info(
            "Volltextindex %s: %d Wortlisten als IIBTree",
            textindex.getId(),
            len(woerter),
        )
    return umgestellt


def zuruecksetzen(catalog=None):
    """Give the text indexes Plone's ``OkapiIndex`` back (uninstall)."""
    catalog = catalog if catalog is not None else api.portal.get_tool("portal_catalog")
    for textindex in _okapi_textindizes(catalog):
        _austauschen(textindex, OkapiIndex)
