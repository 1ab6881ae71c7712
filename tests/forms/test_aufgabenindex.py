"""Each step in its own transaction refreshes the task index (kept apart
from tests/forms/test_meine_aufgaben_eingrenzung.py, whose Anträge are built
once for the module: this test counts every Antrag that waits)."""

from plone import api


def test_each_step_in_its_own_transaction_refreshes_the_task_index(
    make_antrag, add_person, transition, vote, datenbank
):
    """On a real site every step is a request of its own: the indexing queue
    does not merge them into one full reindex, so each step must refresh
    ``wartet_auf`` and ``faellig_ab`` itself."""
    from Products.CMFCore.indexing import processQueue

    catalog = api.portal.get_tool("portal_catalog")

    def wartet(schluessel):
        processQueue()
        return [
            b.getPath()
            for b in catalog.unrestrictedSearchResults(wartet_auf=schluessel)
        ]

    antrag = make_antrag()
    add_person(antrag)
    pfad = "/".join(antrag.getPhysicalPath())
    assert wartet("fb-10:SNMitarbeiter") == [pfad]
    transition(antrag, "einreichen", "mitarbeiter")
    assert wartet("fb-10:SNMitarbeiter") == []
    assert wartet("fb-10:SNFachbereichsleitung") == [pfad]
    transition(antrag, "genehmigen", "leitung")
    vote(antrag, "agentur", "agentur", "ja")
    assert wartet("fb-10:SNPOA") == [pfad]
    processQueue()
    (brain,) = catalog.unrestrictedSearchResults(
        UID=antrag.UID(), faellig_ab={"query": "2099-01-01", "range": "max"}
    )
    vote(antrag, "poa", "poa", "ja")
    assert wartet("fb-10:SNPOA") == []
    assert wartet("fb-10:SNPersonalrat") == [pfad]
