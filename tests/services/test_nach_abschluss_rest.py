"""The assessment after the end of the process through REST (issue 23
item 1; the rule: tests/workflow/test_nach_abschluss.py)."""

from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.verfahren import workflow
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
from tests.workflow.test_nach_abschluss import _verlauf
import csv
import io
import transaction


def test_rest_records_the_late_assessment(api_as, genehmigt_mit_rueckfrage):  # noqa: F811
    antrag = genehmigt_mit_rueckfrage
    transaction.commit()
    url = f"{antrag.absolute_url()}/@votum"
    response = api_as("itsicherheit").post(
        url, json={"gremium": "itsicherheit", "votum": "rueckfrage", "kommentar": "?"}
    )
    assert response.status_code == 400, response.text
    assert "nur noch seine Einschätzung" in response.json()["error"]["message"]
    response = api_as("itsicherheit").post(
        url, json={"gremium": "itsicherheit", "votum": "ja"}
    )
    assert response.status_code == 200, response.text
    tabelle = api_as("poa").get(url).json()
    zeile = next(r for r in tabelle["gremien"] if r["gremium"] == "itsicherheit")
    assert (zeile["votum"], zeile["nach_abschluss"]) == ("ja", True)
    zeile = next(r for r in tabelle["gremien"] if r["gremium"] == "datenschutz")
    assert zeile["votum_titel"] == "kein Votum"


def test_rest_workflow_endpoint_names_the_vote_endpoint(
    api_as,  # noqa: F811
    genehmigt_mit_rueckfrage,
):
    antrag = genehmigt_mit_rueckfrage
    transaction.commit()
    response = api_as("itsicherheit").post(
        f"{antrag.absolute_url()}/@workflow/{workflow.NACHTRAG}", json={}
    )
    assert response.status_code == 400, response.text
    assert "@votum" in response.json()["error"]["message"]
    transaction.begin()
    assert _verlauf(antrag)[-1]["action"] != workflow.NACHTRAG


def test_rest_tells_why_the_decision_waits(api_as, antrag_in, vote):  # noqa: F811
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "rueckfrage", "Wer moderiert?")
    vote(antrag, "poa", "poa", "ja")
    transaction.commit()
    url = f"{antrag.absolute_url()}/@votum"
    assert api_as("poa").get(url).json()["entscheidung_wartet_auf"] == []
    vote(antrag, "personalrat", "personalrat", "ja")
    transaction.commit()
    assert api_as("personalrat").get(url).json()["entscheidung_wartet_auf"] == [
        "datenschutz"
    ]


def test_report_csv_and_uebersicht_say_kein_votum_after_the_end(
    request_factory, genehmigt_mit_rueckfrage
):
    antrag = genehmigt_mit_rueckfrage
    transaction.commit()
    session = request_factory(basic_auth=("poa", demo_password("poa")), api=False)
    session.headers["Accept"] = "text/csv"
    response = session.get("soziale-netzwerke/@sozialnetz-report?status=genehmigt")
    zeilen = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    (zeile,) = [z for z in zeilen if z["antragsnummer"] == antrag.antragsnummer]
    assert zeile["votum_itsicherheit"] == "kein_votum"
    assert zeile["votum_datenschutz"] == "kein_votum"
    assert zeile["votum_poa"] == "ja"
    session.headers["Accept"] = "text/html"
    seite = session.get("soziale-netzwerke/@@uebersicht?status=genehmigt").text
    reihe = next(r for r in seite.split("<tr") if antrag.antragsnummer in r)
    assert reihe.count("kein Votum") == 2
    assert ">offen<" not in reihe
