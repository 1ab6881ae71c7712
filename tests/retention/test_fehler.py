"""One bad item never stops the daily job (issue 12, item 3)."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.datenschutz.aufbewahrung import ANONYM_NAME
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.jobs import lauf as jobs
from stadtdo.sozialnetz.jobs import ueberpruefung
from stadtdo.sozialnetz.jobs.ausfuehren import Job
from stadtdo.sozialnetz.notifications.personendaten import SystemhausAuftraege
from tests.retention.helpers import art
from tests.retention.helpers import run


#: an end entered before it is reached (an end entered late counts from the
#: day of entry: tests/services/test_stichtage.py)
ENDE = date.today() + timedelta(days=30)
HEUTE = ENDE + timedelta(days=180)


def test_one_broken_person_is_reported_and_the_others_anonymised(
    make_antrag, add_person, monkeypatch
):
    kaputt = make_antrag()
    add_person(kaputt, taetigkeit_bis=ENDE)
    gut = make_antrag()
    add_person(gut, taetigkeit_bis=ENDE)
    original = SystemhausAuftraege.anonymisieren

    def scrub(self, antrag, **kwargs):
        if antrag.getId() == kaputt.getId():
            raise RuntimeError("kaputter Datensatz")
        return original(self, antrag, **kwargs)

    monkeypatch.setattr(SystemhausAuftraege, "anonymisieren", scrub)
    result = run(HEUTE)

    (fehler,) = art(result, "fehler")
    assert fehler["job"] == "aufbewahrung"
    assert fehler["antragsnummer"] == kaputt.antragsnummer
    assert "kaputter Datensatz" in fehler["fehler"]
    assert [e["antragsnummer"] for e in art(result, "anonymisierung")] == [
        gut.antragsnummer
    ]
    assert gut["person"].nachname == ANONYM_NAME
    # the broken one was rolled back completely
    assert kaputt["person"].nachname == "Mustermann"
    assert IDatenschutzstand(kaputt).anonymisierungen == ()


def test_a_failing_job_does_not_stop_the_others(make_antrag, add_person, monkeypatch):
    antrag = make_antrag()
    add_person(antrag, taetigkeit_bis=ENDE)

    def kaputt(today, dry_run=False):
        raise RuntimeError("Digest kaputt")

    monkeypatch.setattr(
        jobs, "JOBS", (Job("jahresuebersicht", lauf=kaputt), *jobs.JOBS[1:])
    )
    result = run(HEUTE)

    assert [e["job"] for e in art(result, "fehler")] == ["jahresuebersicht"]
    assert len(art(result, "anonymisierung")) == 1


def test_jobs_view_lists_the_failure(make_antrag, add_person, monkeypatch, portal):
    def kaputt(today, dry_run=False):
        raise RuntimeError("Digest kaputt")

    monkeypatch.setattr(jobs, "JOBS", (Job("jahresuebersicht", lauf=kaputt),))
    request = portal.REQUEST
    request.method = "GET"
    with api.env.adopt_roles(["Manager"]):
        text = api.content.get_view("sozialnetz-jobs", portal, request)()
    assert "1 Fehler" in text
    assert "Fehler in jahresuebersicht" in text


def test_one_broken_antrag_does_not_stop_the_yearly_review(antrag_in, monkeypatch):
    kaputt = antrag_in("genehmigt")
    gut = antrag_in("genehmigt")
    original = ueberpruefung._ueberpruefung_faellig

    def faellig(antrag, today):
        if antrag.getId() == kaputt.getId():
            raise RuntimeError("kaputter Antrag")
        return original(antrag, today)

    monkeypatch.setattr(ueberpruefung, "_ueberpruefung_faellig", faellig)
    # as the site owner: the review job searches the catalog as the caller
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        result = jobs.run_jobs(today=date.today() + timedelta(days=366))

    (fehler,) = art(result, "fehler")
    assert (fehler["job"], fehler["antragsnummer"]) == (
        "ueberpruefung",
        kaputt.antragsnummer,
    )
    assert [m["antragsnummer"] for m in art(result, "ueberpruefung")] == [
        gut.antragsnummer
    ]
