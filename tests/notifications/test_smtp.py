"""Delivery end to end: the running instance sends through its real MailHost
to an SMTP receiver on localhost (aiosmtpd), inside the transaction."""

from aiosmtpd.controller import Controller
from datetime import date
from email import message_from_bytes
from email import policy
from stadtdo.sozialnetz.demo import demo_password
from ZODB.POSException import ConflictError
import pytest
import socket
import time
import transaction


class Receiver:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((tuple(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def wait_for(self, count, timeout=10):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages

    def to(self, subject_part):
        return sorted(
            rcpt
            for rcpts, m in self.messages
            if subject_part in m["Subject"]
            for rcpt in rcpts
        )


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def smtp(portal):
    receiver = Receiver()
    port = _free_port()
    controller = Controller(receiver, hostname="127.0.0.1", port=port)
    controller.start()
    from plone import api

    # Plone's mailer reads host and port from the mail control panel settings.
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record(
        "plone.email_from_address", "soziale-netzwerke@stadtdo.example"
    )
    transaction.commit()
    yield receiver
    controller.stop()


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
    from stadtdo.sozialnetz.voten import record_votum

    antrag = antrag_in("beteiligung")
    transaction.commit()
    smtp.messages.clear()
    attempts = 0
    for attempt in transaction.manager.attempts(3):
        with attempt:
            attempts += 1
            with api.env.adopt_user(username="datenschutz"):
                record_votum(antrag, gremium="datenschutz", votum="ja")
            if attempts == 1:
                raise ConflictError("simulated conflict: the publisher retries")
    assert attempts == 2
    smtp.wait_for(1)
    time.sleep(0.5)
    assert smtp.to("Votum Datenschutz") == ["mitarbeiter@stadtdo.example"]


def test_digest_job_over_http_mails_once(request_factory, antrag_in, smtp):
    antrag_in("genehmigt")
    transaction.commit()
    smtp.messages.clear()
    admin = request_factory(role="Manager", api=False)
    day = date(date.today().year + 1, 1, 2).isoformat()
    preview = admin.get(f"@@sozialnetz-jobs?datum={day}")
    assert preview.status_code == 200
    assert "Vorschau" in preview.text and "Jahresübersicht" in preview.text
    time.sleep(0.3)
    assert smtp.messages == []
    for _ in range(2):
        response = admin.post(f"@@sozialnetz-jobs?datum={day}")
        assert response.status_code == 200, response.text
    smtp.wait_for(2)
    time.sleep(0.5)
    assert smtp.to("Jahresübersicht") == [
        "leitung@stadtdo.example",
        "stellvertretung@stadtdo.example",
    ]


def test_jobs_are_for_admins_only(request_factory, smtp):
    response = _session(request_factory, "mitarbeiter").post(
        "@@sozialnetz-jobs", allow_redirects=False
    )
    assert response.status_code in (302, 401, 403)
    assert "ausgeführt" not in response.text


def test_bad_date_is_refused(request_factory, smtp):
    response = request_factory(role="Manager", api=False).get(
        "@@sozialnetz-jobs?datum=morgen"
    )
    assert response.status_code == 400
    assert "JJJJ-MM-TT" in response.text
