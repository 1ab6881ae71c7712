"""The runner of the daily jobs never swallows a ConflictError (issue 22):
rolling back one item and committing the rest would commit half a run. The
error reaches the caller (Zope's publisher, which aborts and retries), and
nothing of the run is committed."""

from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.jobs import aufbewahrung as job_aufbewahrung
from stadtdo.sozialnetz.jobs import lauf
from stadtdo.sozialnetz.jobs.ausfuehren import Job
from stadtdo.sozialnetz.jobs.lauf import LAUF_KEY
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations
import pytest
import transaction


ENDE = date.today() + timedelta(days=30)
HEUTE = ENDE + timedelta(days=180)


@pytest.fixture
def portal(functional_portal):
    return functional_portal


def test_a_conflict_in_one_item_aborts_the_whole_run(
    make_antrag, add_person, monkeypatch
):
    erstes = make_antrag()
    add_person(erstes, taetigkeit_bis=ENDE)
    zweites = make_antrag()
    add_person(zweites, taetigkeit_bis=ENDE)
    transaction.commit()
    original = job_aufbewahrung.anonymisieren
    angefasst = []

    def anonymisieren(person, **kw):
        if angefasst:  # the second Person: another transaction wrote it
            raise ConflictError("simulated conflict: the publisher retries")
        angefasst.append(person.getId())
        return original(person, **kw)

    monkeypatch.setattr(job_aufbewahrung, "anonymisieren", anonymisieren)
    with api.env.adopt_roles(["Manager"]), pytest.raises(ConflictError):
        run_jobs(today=HEUTE)
    # the first Person was anonymised in this transaction before the conflict
    assert angefasst
    transaction.abort()  # as the publisher does before it retries

    portal = api.portal.get()
    assert LAUF_KEY not in IAnnotations(portal)
    for antrag in (erstes, zweites):
        antrag = portal.unrestrictedTraverse("/".join(antrag.getPhysicalPath()))
        assert antrag["person"].nachname == "Mustermann"
        assert getattr(antrag, "anonymisierungen", None) is None


def test_a_conflict_in_a_job_is_not_reported_as_failure(monkeypatch):
    def konflikt(today, dry_run=False):
        raise ConflictError("simulated conflict")

    danach = []
    monkeypatch.setattr(
        lauf,
        "JOBS",
        (
            Job("jahresuebersicht", lauf=konflikt),
            Job("idempotenz", lauf=lambda today, dry_run: danach.append(1) or []),
        ),
    )
    with api.env.adopt_roles(["Manager"]), pytest.raises(ConflictError):
        run_jobs(today=HEUTE, dry_run=True)
    assert danach == []  # no later job ran in the doomed transaction
