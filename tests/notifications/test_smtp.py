"""Delivery end to end: the running instance sends through its real MailHost
to an SMTP receiver on localhost (aiosmtpd), inside the transaction."""

from datetime import date
from plone import api
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from ZODB.POSException import ConflictError
import pytest
import time
import transaction


@pytest.fixture
def portal(functional_portal):
    return functional_portal


def _session(request_factory, userid):
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def test_agentur_statement_is_delivered_to_the_bodies(request_factory, antrag_in, smtp):
    antrag = antrag_in("stellungnahme_agentur")
    transaction.commit()
    smtp.messages.clear()
    response = _session(request_factory, "agentur").post(
        f"{antrag.absolute_url()}/@votum",
        json={"gremium": "agentur", "votum": "ja", "kommentar": "Beraten"},
    )
    assert response.status_code == 200, response.text
    smtp.wait_for(5)
    assert smtp.to("Beteiligungsverfahren") == [
        f"{u}@stadtdo.example"
        for u in ("datenschutz", "itsicherheit", "personalrat", "poa")
    ]
    assert smtp.to("Votum Dortmund-Agentur") == ["mitarbeiter@stadtdo.example"]
    message = next(
        m for _, m in smtp.messages if "Beteiligungsverfahren" in m["Subject"]
    )
    assert antrag.antragsnummer in message["Subject"]
    assert "Beraten" in message.get_content()


def test_a_retried_transaction_sends_once(portal, antrag_in, smtp):
    from plone import api
    from stadtdo.sozialnetz.verfahren import schritte

    antrag = antrag_in("beteiligung")
    transaction.commit()
    smtp.messages.clear()
    attempts = 0
    for attempt in transaction.manager.attempts(3):
        with attempt:
            attempts += 1
            with api.env.adopt_user(username="datenschutz"):
                schritte.votum(antrag, gremium="datenschutz", votum="ja")
            if attempts == 1:
                raise ConflictError("simulated conflict: the publisher retries")
    assert attempts == 2
    smtp.wait_for(1)
    time.sleep(0.5)
    assert smtp.to("Votum Datenschutz") == ["mitarbeiter@stadtdo.example"]


def _rest_admin(request_factory):
    session = request_factory(role="Manager", api=False)
    session.headers["Content-Type"] = "application/json"
    return session


def test_digest_job_over_http_mails_once(request_factory, antrag_in, smtp):
    antrag_in("genehmigt")
    api.portal.set_registry_record(
        "digest_monat", date.today().month, interface=ISozialnetzSettings
    )
    transaction.commit()
    smtp.messages.clear()
    admin = request_factory(role="Manager", api=False)
    preview = admin.get("@@sozialnetz-jobs")
    assert preview.status_code == 200
    assert "Vorschau" in preview.text and "Jahresübersicht" in preview.text
    time.sleep(0.3)
    assert smtp.messages == []
    for _ in range(2):
        response = _rest_admin(request_factory).post("@sozialnetz-jobs", json={})
        assert response.status_code == 200, response.text
    assert response.json()["mitteilungen"] == []  # the second run sends nothing
    smtp.wait_for(2)
    time.sleep(0.5)
    assert smtp.to("Jahresübersicht") == [
        "leitung@stadtdo.example",
        "stellvertretung@stadtdo.example",
    ]


def test_a_date_override_only_previews(request_factory, antrag_in, smtp):
    antrag_in("genehmigt")
    transaction.commit()
    smtp.messages.clear()
    januar = date(date.today().year + 1, 1, 2).isoformat()
    response = _rest_admin(request_factory).post(
        "@sozialnetz-jobs", json={"datum": januar}
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "datum"
    admin = request_factory(role="Manager", api=False)
    response = admin.post(f"@@sozialnetz-jobs?datum={januar}")
    assert response.status_code == 400
    assert "nur in der Vorschau" in response.text
    time.sleep(0.3)
    assert smtp.messages == []


def test_the_jobs_page_runs_only_with_a_csrf_token(request_factory, smtp):
    admin = request_factory(role="Manager", api=False)
    response = admin.post("@@sozialnetz-jobs", allow_redirects=False)
    assert response.status_code == 403
    assert "ausgeführt" not in response.text


@pytest.mark.parametrize("userid", ["mitarbeiter", "sta11", "poa"])
def test_jobs_are_for_admins_only(request_factory, smtp, userid):
    response = _session(request_factory, userid).post(
        "@@sozialnetz-jobs", allow_redirects=False
    )
    assert response.status_code in (302, 401, 403)
    assert "ausgeführt" not in response.text
    session = _session(request_factory, userid)
    session.headers.update(
        {"Accept": "application/json", "Content-Type": "application/json"}
    )
    response = session.post("@sozialnetz-jobs", json={})
    assert response.status_code in (401, 403)


def test_bad_date_is_refused(request_factory, smtp):
    response = request_factory(role="Manager", api=False).get(
        "@@sozialnetz-jobs?datum=morgen"
    )
    assert response.status_code == 400
    assert "JJJJ-MM-TT" in response.text
