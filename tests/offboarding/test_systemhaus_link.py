"""The public page of the Systemhaus's one-time link
(``@@systemhaus-bestaetigen``), through the Classic UI on the functional
layer, anonymous: GET shows the order and changes nothing, POST records the
confirmation (Verlauf, Antrag page); expired, reused and tampered links are
refused with a German page (4xx) and nothing is recorded."""

from DateTime import DateTime
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.notifications import bestaetigung
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from urllib.parse import parse_qs
from urllib.parse import urlparse
import pytest
import re
import time
import transaction


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def auftrag(antrag_in, systemhaus, smtp):
    """An approved Antrag and the link of its unlocking order, read from the
    mail the Systemhaus received."""
    antrag = antrag_in("genehmigt")
    transaction.commit()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not smtp.to("Auftrag zur Freischaltung"):
        time.sleep(0.05)
    (mail,) = [m for _to, m in smtp.messages if "Freischaltung" in m["Subject"]]
    assert smtp.to("Auftrag zur Freischaltung") == [systemhaus]
    (link,) = re.findall(
        r"https?://\S+@@systemhaus-bestaetigen\?\S+", mail.get_content()
    )
    (eintrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    assert link == bestaetigung.link(antrag, eintrag["id"])
    return antrag, eintrag["id"], link


def _eintrag(antrag, auftrag_id):
    transaction.begin()
    return IMitteilungsstand(antrag).auftrag(auftrag_id)


def _status(browser):
    return int(browser.headers["status"].split()[0])


def _mit_sig(link, sig):
    teile = urlparse(link)
    query = parse_qs(teile.query)
    return f"{link.split('?')[0]}?auftrag={query['auftrag'][0]}&sig={sig}"


def test_get_shows_the_order_and_changes_nothing_post_confirms(auftrag, browser_as):
    antrag, auftrag_id, link = auftrag
    seite = browser_as("leitung")
    seite.open(antrag.absolute_url())
    assert "Aufträge an das Systemhaus" in seite.contents
    assert "offen" in seite.contents

    browser = browser_as(None)
    transaction.begin()
    letzte = antrag._p_jar.db().lastTransaction()
    browser.open(link)
    assert _status(browser) == 200
    assert "Auftrag an das Dortmunder Systemhaus bestätigen" in browser.contents
    assert "Mustermann, Erika" in browser.contents
    assert antrag.antragsnummer in browser.contents
    assert "Freischaltung" in browser.contents
    browser.open(link)  # twice: still nothing recorded
    assert _eintrag(antrag, auftrag_id)["bestaetigt_am"] is None
    # GET wrote nothing at all: no transaction reached the database
    assert antrag._p_jar.db().lastTransaction() == letzte

    browser.getControl("Auftrag ist erledigt").click()
    assert _status(browser) == 200
    assert "Vielen Dank" in browser.contents
    bestaetigt = _eintrag(antrag, auftrag_id)["bestaetigt_am"]
    assert bestaetigt
    assert antrag._p_jar.db().lastTransaction() != letzte  # POST did write

    seite.open(antrag.absolute_url())
    assert "Auftrag zur Freischaltung als erledigt bestätigt" in seite.contents
    assert "Dortmunder Systemhaus" in seite.contents
    assert "erledigt am" in seite.contents

    # the link used again: refused, the first confirmation stays
    browser.open(link)
    assert _status(browser) == 409
    assert "bereits verwendet" in browser.contents
    assert "Auftrag ist erledigt" not in browser.contents
    browser.post(link.split("?")[0], link.split("?")[1])
    assert _status(browser) == 409
    assert _eintrag(antrag, auftrag_id)["bestaetigt_am"] == bestaetigt


def test_a_tampered_link_is_refused(auftrag, browser_as):
    antrag, auftrag_id, link = auftrag
    sig = parse_qs(urlparse(link).query)["sig"][0]
    falsch = _mit_sig(link, ("0" if sig[0] != "0" else "1") + sig[1:])
    browser = browser_as(None)
    browser.open(falsch)
    assert _status(browser) == 403
    assert "Dieser Link ist ungültig" in browser.contents
    assert "Mustermann" not in browser.contents
    browser.post(falsch.split("?")[0], falsch.split("?")[1])
    assert _status(browser) == 403
    browser.open(link.split("?")[0])  # no parameters at all
    assert _status(browser) == 403
    assert _eintrag(antrag, auftrag_id)["bestaetigt_am"] is None


def test_an_expired_link_is_refused(auftrag, browser_as):
    antrag, auftrag_id, link = auftrag
    eintrag = _eintrag(antrag, auftrag_id)
    eintrag["zeit"] = DateTime(DateTime().asdatetime() - timedelta(days=31)).ISO8601()
    transaction.commit()
    browser = browser_as(None)
    browser.open(link)
    assert _status(browser) == 410
    assert "Dieser Link ist abgelaufen" in browser.contents
    browser.post(link.split("?")[0], link.split("?")[1])
    assert _status(browser) == 410
    assert _eintrag(antrag, auftrag_id)["bestaetigt_am"] is None
    assert api.content.get_state(antrag) == "genehmigt"
