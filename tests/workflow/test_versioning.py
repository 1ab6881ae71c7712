"""Versions: every edit and every transition saves one (CMFEditions), so the
submitted, approved and superseded states can be shown and compared."""

from plone import api
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


def _versions(obj):
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_user(username="mitarbeiter"):
        return repository.getHistoryMetadata(obj)


def _comments(obj):
    metadata = _versions(obj)
    return [
        metadata.retrieve(i)["metadata"]["sys_metadata"]["comment"]
        for i in range(metadata.getLength(countPurged=False))
    ]


def test_creation_saves_an_initial_version(make_antrag):
    assert _versions(make_antrag()).getLength(countPurged=False) == 1


def test_edit_saves_a_version(make_antrag):
    antrag = make_antrag()
    with api.env.adopt_user(username="mitarbeiter"):
        antrag.kontoname = "@neu"
        notify(ObjectModifiedEvent(antrag))
    assert _versions(antrag).getLength(countPurged=False) == 2


def test_every_transition_saves_a_version_of_antrag_and_persons(antrag_in):
    antrag = antrag_in("genehmigt")
    comments = _comments(antrag)
    assert any(c.startswith("Einreichen (entwurf → genehmigung_fbl)") for c in comments)
    assert any("(beteiligung → genehmigt)" in c for c in comments)
    person_comments = _comments(antrag["person"])
    assert any("(entwurf → genehmigung_fbl)" in c for c in person_comments)
    assert any("(beteiligung → genehmigt)" in c for c in person_comments)


def test_submitted_version_can_be_retrieved_after_reapplication(
    antrag_in, transition, vote
):
    from stadtdo.sozialnetz.verfahren import schritte

    antrag = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(antrag)
        neu.kontoname = "@geaendert"
        notify(ObjectModifiedEvent(neu))
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "genehmigen", "leitung")
    vote(neu, "agentur", "agentur", "ja", "ok")
    vote(neu, "poa", "poa", "ja")
    vote(neu, "personalrat", "personalrat", "ja")
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_user(username="personalrat"):
        history = repository.getHistory(antrag)
        oldest = history[len(history) - 1].object
    assert oldest.kontoname == antrag.kontoname != neu.kontoname
    assert any("(genehmigt → archiviert)" in c for c in _comments(antrag))


def test_versions_readable_by_fachbereich_and_bodies(antrag_in):
    antrag = antrag_in("beteiligung")
    for userid in ("mitarbeiter", "leitung", "poa"):
        with api.env.adopt_user(username=userid):
            assert api.user.has_permission(
                "CMFEditions: Access previous versions", obj=antrag
            )
