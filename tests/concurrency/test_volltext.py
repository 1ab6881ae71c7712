"""The catalog's text indexes merge two creates at the same moment (issue 14).

Plone's ``OkapiIndex`` keeps the documents of a rare word as a dict inside a
bucket of ``_wordinfo``; a bucket holding dicts cannot be merged by ZODB's
conflict resolution, so two creates that index words of the same bucket
conflict – the last 500s of ``make loadtest`` on the cluster.
``stadtdo.sozialnetz.infrastruktur.volltext`` keeps every word's documents in an IIBTree.
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from stadtdo.sozialnetz.infrastruktur import volltext
from stadtdo.sozialnetz.infrastruktur.volltext import ZusammenfuehrbarerOkapiIndex
from tests.concurrency.conftest import gleichzeitig
from tests.conftest import ANTRAG_DATEN
import transaction
import uuid


TEXTINDIZES = ("SearchableText", "Title", "Description")

#: a word only a few Anträge hold (their account's web address)
SELTEN = "zebrastreifenaktion"


def _wortindex(portal, name):
    return portal.portal_catalog._catalog.getIndex(name).index


def _dicts(portal):
    return {
        name: sum(
            isinstance(docs, dict)
            for docs in _wortindex(portal, name)._wordinfo.values()
        )
        for name in TEXTINDIZES
    }


def _anlegen(portal, wort=SELTEN):
    fb10 = portal["soziale-netzwerke"]["fb-10"]
    konto = f"@konto_{uuid.uuid4().hex[:10]}"
    antrag = createContentInContainer(
        fb10,
        "Antrag",
        checkConstraints=True,
        **dict(
            ANTRAG_DATEN, kontoname=konto, url=f"https://{wort}.example/{konto[1:]}"
        ),
    )
    return antrag.antragsnummer


def _schon_da(functional, anzahl=2):
    """FB 10 holds Anträge with the rare word already (fewer than the ten of
    ``OkapiIndex.DICT_CUTOFF``)."""
    with api.env.adopt_user(username="mitarbeiter"):
        for _ in range(anzahl):
            _anlegen(functional["portal"])
    transaction.commit()


def test_the_text_indexes_keep_no_word_list_in_a_dict(portal, antrag_in):
    antrag_in("beteiligung")
    for name in TEXTINDIZES:
        textindex = portal.portal_catalog._catalog.getIndex(name)
        assert type(textindex.index) is ZusammenfuehrbarerOkapiIndex
        # a rebuild of the index keeps it
        assert textindex._index_factory is ZusammenfuehrbarerOkapiIndex
        assert textindex.getIndexType() == "Okapi BM25 Rank"
    assert _dicts(portal) == dict.fromkeys(TEXTINDIZES, 0)


def test_two_creates_with_the_same_rare_word_commit_both(functional):
    """Both transactions add a document to the word list of ``SELTEN`` and new
    words (handle, number) to the text indexes at the same moment: both
    commit at the first attempt, and the word finds all four."""
    _schon_da(functional)
    ergebnisse = gleichzeitig(functional["zodbDB"], [("mitarbeiter", _anlegen)] * 2)
    assert [(status, konflikte) for status, _, konflikte in ergebnisse] == [
        ("ok", []),
        ("ok", []),
    ], ergebnisse
    transaction.begin()
    catalog = functional["portal"].portal_catalog
    treffer = catalog.unrestrictedSearchResults(SearchableText=SELTEN)
    assert {brain.antragsnummer for brain in treffer} >= {
        nummer for _, nummer, _ in ergebnisse
    }
    assert len(treffer) == 4


def test_plones_own_index_cannot_merge_them(functional):
    """The reason for ``volltext``: with Plone's ``OkapiIndex`` the same two
    creates conflict on the dicts of ``_wordinfo``. (Should ZCTextIndex or
    BTrees merge them one day, this test fails and the class can go.)"""
    portal = functional["portal"]
    volltext.zuruecksetzen(portal.portal_catalog)
    transaction.commit()
    try:
        _schon_da(functional)
        assert _dicts(portal)["SearchableText"] > 0
        ergebnisse = gleichzeitig(functional["zodbDB"], [("mitarbeiter", _anlegen)] * 2)
        status = sorted(status for status, _, _ in ergebnisse)
        assert status == ["error", "ok"], ergebnisse
        (fehler,) = [e for s, e, _ in ergebnisse if s == "error"]
        assert "BTrees.IOBTree" in fehler
    finally:
        transaction.begin()
        volltext.einrichten(portal.portal_catalog)
        transaction.commit()


def test_search_ranking_update_and_delete_work_as_before(portal):
    with api.env.adopt_user(username="mitarbeiter"):
        nummer = _anlegen(portal, wort="ottermoewe")
        andere = _anlegen(portal, wort="ottermoewe")
    catalog = portal.portal_catalog
    brains = catalog.unrestrictedSearchResults(
        SearchableText="ottermoewe", sort_on="sortable_title"
    )
    assert {b.antragsnummer for b in brains} == {nummer, andere}
    # ranked search (Okapi BM25) over the IIBTree word lists
    assert len(catalog.unrestrictedSearchResults(SearchableText="ottermoewe*")) == 2
    (antrag,) = [
        b._unrestrictedGetObject() for b in brains if b.antragsnummer == nummer
    ]
    antrag.url = "https://anderswo.example/neu"
    antrag.reindexObject(idxs=["SearchableText"])
    assert {
        b.antragsnummer
        for b in catalog.unrestrictedSearchResults(SearchableText="ottermoewe")
    } == {andere}
    assert {
        b.antragsnummer
        for b in catalog.unrestrictedSearchResults(SearchableText="anderswo")
    } == {nummer}
    wid = _wortindex(portal, "SearchableText")._lexicon._wids["anderswo"]
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(antrag, check_linkintegrity=False)
    assert not catalog.unrestrictedSearchResults(SearchableText="anderswo")
    assert wid not in _wortindex(portal, "SearchableText")._wordinfo
    assert _dicts(portal) == dict.fromkeys(TEXTINDIZES, 0)


def test_a_catalog_rebuild_keeps_the_index(portal):
    with api.env.adopt_user(username="mitarbeiter"):
        nummer = _anlegen(portal, wort="dachsbau")
    catalog = portal.portal_catalog
    with api.env.adopt_roles(["Manager"]):
        catalog.clearFindAndRebuild()
    assert type(_wortindex(portal, "SearchableText")) is ZusammenfuehrbarerOkapiIndex
    assert [
        b.antragsnummer
        for b in catalog.unrestrictedSearchResults(SearchableText="dachsbau")
    ] == [nummer]
    assert _dicts(portal) == dict.fromkeys(TEXTINDIZES, 0)
