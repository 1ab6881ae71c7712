"""Concurrent creates of Anträge (issue 14, item 2): no write hotspot.

Each thread works in a ZODB connection and transaction of its own, as a
request of one Zope thread or of a second instance on the same database does.
Drawing an Antragsnummer, drawing a history id for CMFEditions and adding to
a Fachbereich folder no longer write an object that every create writes, so
two creates at the same moment do not conflict there; what conflicts in the
catalog is resolved or repeated like Zope's publisher does, and nothing is
lost, no number given twice.
"""

from Acquisition import aq_base
from datetime import date
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.folder.default import DefaultOrdering
from Products.CMFUid.interfaces import IUniqueIdGenerator
from tests.concurrency.conftest import eigene_verbindung
from tests.concurrency.conftest import gleichzeitig
from tests.conftest import ANTRAG_DATEN
from tests.conftest import PERSON_DATEN
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
import re
import threading
import transaction
import uuid


#: Classes of the former hotspots: the counters' mapping, Plone's uid
#: generator tool, the Fachbereich folder and its ordering list.
HOTSPOTS = (
    "persistent.mapping.PersistentMapping",
    "Products.CMFUid.UniqueIdGeneratorTool.UniqueIdGeneratorTool",
    "stadtdo.sozialnetz.content.fachbereich.Fachbereich",
    "persistent.list.PersistentList",
)


def _anlegen(portal):
    fb10 = portal["soziale-netzwerke"]["fb-10"]
    daten = dict(ANTRAG_DATEN, kontoname=f"@konto_{uuid.uuid4().hex[:8]}")
    antrag = createContentInContainer(fb10, "Antrag", checkConstraints=True, **daten)
    createContentInContainer(antrag, "Person", checkConstraints=True, **PERSON_DATEN)
    return antrag.getId(), antrag.antragsnummer


def _laufende_nummer(nummer):
    match = re.fullmatch(rf"SN-{date.today().year}-(\d{{4,}})", nummer)
    assert match, nummer
    return int(match.group(1))


def _vorhandene_antraege(functional, anzahl=3):
    """FB 10 holds some Anträge already, as every FB in use does; return the
    number of the last one."""
    with api.env.adopt_user(username="mitarbeiter"):
        for _ in range(anzahl):
            _, nummer = _anlegen(functional["portal"])
    transaction.commit()
    return nummer


def _zweimal_gleichzeitig(db, arbeit):
    """Run ``arbeit(portal)`` in two connections whose transactions overlap:
    both work, then both commit. Returns both results; a ConflictError of
    either commit fails the test."""
    ergebnisse = gleichzeitig(db, [("mitarbeiter", arbeit)] * 2)
    assert [status for status, _, _ in ergebnisse] == ["ok", "ok"], ergebnisse
    return [ergebnis for _, ergebnis, _ in ergebnisse]


def test_two_antragsnummern_drawn_at_the_same_moment_do_not_conflict(functional):
    from stadtdo.sozialnetz.content.antragsnummer import next_antragsnummer

    vorher = _vorhandene_antraege(functional, anzahl=1)

    nummern = _zweimal_gleichzeitig(
        functional["zodbDB"], lambda portal: next_antragsnummer()
    )

    laufend = sorted(_laufende_nummer(n) for n in nummern)
    assert laufend == [_laufende_nummer(vorher) + 1, _laufende_nummer(vorher) + 2]


def test_a_drawn_number_is_not_given_again_when_the_request_fails(functional):
    from stadtdo.sozialnetz.content.antragsnummer import next_antragsnummer

    db = functional["zodbDB"]
    vorher = _vorhandene_antraege(functional, anzahl=1)
    with eigene_verbindung(db, "mitarbeiter") as (portal, tm):
        verworfen = next_antragsnummer()
        tm.abort()  # the request fails: its number is a gap
    with eigene_verbindung(db, "mitarbeiter") as (portal, tm):
        danach = next_antragsnummer()
        tm.commit()
    assert _laufende_nummer(verworfen) == _laufende_nummer(vorher) + 1
    assert _laufende_nummer(danach) == _laufende_nummer(vorher) + 2


def test_two_history_ids_drawn_at_the_same_moment_do_not_conflict(functional):
    _vorhandene_antraege(functional, anzahl=1)
    tool = functional["portal"]._getOb("portal_uidgenerator")
    bisher = tool._uid_counter

    ids = _zweimal_gleichzeitig(
        functional["zodbDB"], lambda portal: getUtility(IUniqueIdGenerator)()
    )

    # they go on where Plone's tool stopped, and the tool counts on
    assert sorted(ids) == [bisher + 1, bisher + 2]
    conn = functional["zodbDB"].open()
    try:
        frisch = conn.root()["Application"]["plone"]._getOb("portal_uidgenerator")
        assert frisch._uid_counter == bisher + 2
    finally:
        conn.close()


def test_adding_an_antrag_does_not_write_the_fachbereich_folder(functional):
    portal = functional["portal"]
    _vorhandene_antraege(functional, anzahl=1)
    fb10 = aq_base(portal["soziale-netzwerke"]["fb-10"])
    annotations = fb10.__annotations__
    assert not fb10._p_changed

    with api.env.adopt_user(username="mitarbeiter"):
        _anlegen(portal)

    assert not fb10._p_changed
    assert not annotations._p_changed
    assert DefaultOrdering.ORDER_KEY not in IAnnotations(fb10)
    assert fb10.getOrdering().getObjectPosition("x") is None  # unordered


def test_editing_the_fachbereich_still_sets_its_modification_date(functional):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    fb10 = functional["portal"]["soziale-netzwerke"]["fb-10"]
    vorher = fb10.modified()
    fb10.title = "FB 10 – Bürgerdienste (neu)"
    notify(ObjectModifiedEvent(fb10))
    assert fb10.modified() > vorher
    brain = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=fb10.UID()
    )[0]
    assert brain.modified == fb10.modified()


def test_two_creates_at_the_same_moment_do_not_conflict_on_a_former_hotspot(
    functional,
):
    db = functional["zodbDB"]
    _vorhandene_antraege(functional)

    ergebnisse = []
    for _ in range(3):
        ergebnisse.extend(
            gleichzeitig(db, [("mitarbeiter", _anlegen)] * 2, wiederholungen=10)
        )

    assert {status for status, _, _ in ergebnisse} == {"ok"}, ergebnisse
    konflikte = [k for _, _, liste in ergebnisse for k in liste]
    assert not [k for k in konflikte if any(h in k for h in HOTSPOTS)], konflikte
    nummern = [nummer for _, (_, nummer), _ in ergebnisse]
    assert len(set(nummern)) == len(nummern) == 6


def test_many_concurrent_creates_lose_nothing_and_never_share_a_number(functional):
    db = functional["zodbDB"]
    vorher = _vorhandene_antraege(functional)

    anzahl = 8
    ergebnisse = gleichzeitig(
        db, [("mitarbeiter", _anlegen)] * anzahl, wiederholungen=10
    )

    assert {status for status, _, _ in ergebnisse} == {"ok"}, ergebnisse
    nummern = [nummer for _, (_, nummer), _ in ergebnisse]
    assert len(set(nummern)) == anzahl
    # every number is above the ones drawn before, none was given twice
    assert min(_laufende_nummer(n) for n in nummern) > _laufende_nummer(vorher)
    conn = db.open()
    try:
        portal = conn.root()["Application"]["plone"]
        fb10 = portal["soziale-netzwerke"]["fb-10"]
        history_ids = []
        for _, (antrag_id, nummer), _ in ergebnisse:
            antrag = fb10[antrag_id]
            assert antrag.antragsnummer == nummer
            assert antrag.objectIds()  # its Person was not lost
            history_ids.append(portal.portal_historyidhandler.queryUid(antrag))
        assert None not in history_ids
        assert len(set(history_ids)) == anzahl
        brains = portal.portal_catalog.unrestrictedSearchResults(
            portal_type="Antrag", path="/".join(fb10.getPhysicalPath())
        )
        alle = [b.antragsnummer for b in brains]
        assert len(alle) == len(set(alle))
        assert set(nummern) | {vorher} <= set(alle)
    finally:
        conn.close()


def test_numbers_drawn_in_many_threads_are_unique_and_ascending(functional):
    """The draw itself, without the rest of a create: 4 threads × 15 draws."""
    from stadtdo.sozialnetz.content.antragsnummer import next_antragsnummer

    db = functional["zodbDB"]
    vorher = _vorhandene_antraege(functional, anzahl=1)
    gezogen = {}

    def ziehen(name):
        with eigene_verbindung(db, "mitarbeiter") as (portal, tm):
            gezogen[name] = [_laufende_nummer(next_antragsnummer()) for _ in range(15)]
            tm.commit()

    threads = [threading.Thread(target=ziehen, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    alle = [n for liste in gezogen.values() for n in liste]
    assert len(alle) == 60
    assert sorted(alle) == list(
        range(_laufende_nummer(vorher) + 1, _laufende_nummer(vorher) + 61)
    )
    for liste in gezogen.values():
        assert liste == sorted(liste)  # ascending within each request
