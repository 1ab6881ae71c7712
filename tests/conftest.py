"""Fixtures shared by all tests: the add-on's layers and the demo actors."""

from datetime import date
from pathlib import Path
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from pytest_plone import fixtures_factory
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.testing import FUNCTIONAL_TESTING
from stadtdo.sozialnetz.testing import INTEGRATION_TESTING
from stadtdo.sozialnetz.verfahren import schritte
import pytest
import transaction


pytest_plugins = ["pytest_plone", "tests.smtp_receiver", "tests.vorrat"]

#: The marker every test of a directory under tests/ gets (explicit marks
#: keep working): ``make test-fast`` deselects them with ``-m``.
MARKER_JE_VERZEICHNIS = {
    "browser": "browser",
    "cluster": "cluster",
    "ldap": "ldap",
    # Zope instances of their own in subprocesses (zconsole, runwsgi):
    # package build, upgrade of a release database, backup and restore
    "release": "slow",
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark tests by their directory, before ``-m`` deselects and before the
    skips of tests/cluster/conftest.py look at the markers."""
    tests = Path(__file__).parent
    for item in items:
        try:
            verzeichnis = Path(item.path).relative_to(tests).parts[0]
        except ValueError:
            continue
        marker = MARKER_JE_VERZEICHNIS.get(verzeichnis)
        if marker is not None and item.get_closest_marker(marker) is None:
            item.add_marker(marker)


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def datenbank(portal):
    return portal["soziale-netzwerke"]


@pytest.fixture
def fb10(datenbank):
    return datenbank["fb-10"]


@pytest.fixture
def fb50(datenbank):
    return datenbank["fb-50"]


@pytest.fixture
def as_user(portal):
    """Context manager factory: ``with as_user("leitung"): ...``."""

    def _as_user(userid):
        return api.env.adopt_user(username=userid)

    return _as_user


#: Valid data for section 1–3 of an Antrag; tests override single fields.
ANTRAG_DATEN = {
    "plattform": "instagram",
    "auftrittsart": "profil",
    "kontoname": "@stadtdortmund_buergerdienste",
    "ziele_zielgruppe": "Junge Menschen über Termine und Services informieren.",
    "themen_redaktionsplan": "Wöchentlich zwei Beiträge zu Öffnungszeiten und Services.",
    "pflege_in_arbeitszeit": True,
    "moderation": "Kommentare werden werktäglich gesichtet; Hassrede wird gelöscht.",
    "vertretung": "Zwei Redakteurinnen vertreten sich gegenseitig.",
    "impressum_url": "https://www.dortmund.de/impressum",
    "datenschutzerklaerung_url": "https://www.dortmund.de/datenschutz",
    "offizieller_auftritt": True,
    "verhaltensregeln_ausgehaendigt": True,
    "pseudonym_moeglich": False,
    "schulung": "Social-Media-Schulung im März.",
    "begruendung_produktwahl": "Die Zielgruppe ist fast nur auf Instagram erreichbar.",
}


@pytest.fixture
def antrag_daten():
    return dict(ANTRAG_DATEN)


PERSON_DATEN = {
    "nachname": "Mustermann",
    "vorname": "Erika",
    "email": "erika.mustermann@stadtdo.de",
    "funktion": "redaktion",
    "rechte_aufgaben": "Beiträge erstellen und Kommentare beantworten.",
    "einwilligung": True,
    "einwilligung_datum": date(2026, 1, 15),
    "schulung_status": "durchgefuehrt",
    "taetigkeit_von": date(2026, 2, 1),
    "internetfreischaltung": True,
}


def schritt(obj, name, userid, comment=""):
    """Take a step as ``userid`` through the process layer (which fires the
    real workflow); returns the new state."""
    with api.env.adopt_user(username=userid):
        schritte.ausfuehren(obj, name, kommentar=comment)
    return api.content.get_state(obj)


def abstimmen(antrag, userid, gremium, votum, kommentar="", endgueltig=False):
    """Vote as ``userid`` for ``gremium`` through the process layer."""
    with api.env.adopt_user(username=userid):
        schritte.votum(
            antrag,
            gremium=gremium,
            votum=votum,
            kommentar=kommentar,
            endgueltig=endgueltig,
        )
    return api.content.get_state(antrag)


class Bausteine:
    """The helpers behind ``make_antrag``, ``add_person`` and ``antrag_in``,
    as one object: the fixtures hand out its methods, and data built once
    per module (tests/vorrat.py) uses the very same code."""

    def __init__(self, fb10, antrag_daten=None, person_daten=None):
        self.fb10 = fb10
        # the fixtures' own dicts, not copies: a test (or fixture) that
        # changes ``person_daten`` before ``antrag_in`` changes what is built
        self.antrag_daten = dict(ANTRAG_DATEN) if antrag_daten is None else antrag_daten
        self.person_daten = dict(PERSON_DATEN) if person_daten is None else person_daten

    def make_antrag(self, container=None, userid="mitarbeiter", **fields):
        """Create an Antrag in FB 10 as ``mitarbeiter`` (or ``userid``).

        Uses Dexterity's own add path (permission and type checks, name
        chooser), as the add form and plone.restapi do.
        """
        data = dict(self.antrag_daten, **fields)
        with api.env.adopt_user(username=userid):
            return createContentInContainer(
                container or self.fb10, "Antrag", checkConstraints=True, **data
            )

    def add_person(self, antrag, userid="mitarbeiter", **fields):
        """Add a Person to ``antrag`` as ``userid`` (default: mitarbeiter)."""
        with api.env.adopt_user(username=userid):
            return createContentInContainer(
                antrag,
                "Person",
                checkConstraints=True,
                **dict(self.person_daten, **fields),
            )

    def antrag_in(self, state, mit_anlage=False):
        """Create an Antrag with one Person (and an Anlage if ``mit_anlage``)
        and walk it to ``state`` through the process layer."""
        transition, vote = schritt, abstimmen
        antrag = self.make_antrag()
        self.add_person(antrag)
        if mit_anlage:
            with api.env.adopt_user(username="mitarbeiter"):
                createContentInContainer(
                    antrag,
                    "Anlage",
                    title="Konzept",
                    file=NamedBlobFile(b"%PDF-1.4 Konzept", filename="konzept.pdf"),
                )
        if state == "entwurf":
            return antrag
        transition(antrag, "einreichen", "mitarbeiter")
        if state == "genehmigung_fbl":
            return antrag
        if state == "zurueckgewiesen":
            transition(antrag, "zurueckweisen", "leitung", "Bitte überarbeiten.")
            return antrag
        transition(antrag, "genehmigen", "leitung")
        if state == "stellungnahme_agentur":
            return antrag
        vote(antrag, "agentur", "agentur", "ja", "Beratung erfolgt.")
        if state == "beteiligung":
            return antrag
        if state in ("genehmigt", "eingestellt", "archiviert"):
            vote(antrag, "poa", "poa", "ja")
            vote(antrag, "personalrat", "personalrat", "ja")
            if state == "eingestellt":
                transition(antrag, "einstellen", "mitarbeiter")
            if state == "archiviert":
                with api.env.adopt_user(username="mitarbeiter"):
                    neu = schritte.erneut_stellen(antrag)
                transition(neu, "einreichen", "mitarbeiter")
                transition(neu, "genehmigen", "leitung")
                vote(neu, "agentur", "agentur", "ja", "Beratung erfolgt.")
                vote(neu, "poa", "poa", "ja")
                vote(neu, "personalrat", "personalrat", "ja")
            return antrag
        if state == "abgelehnt":
            vote(
                antrag,
                "personalrat",
                "personalrat",
                "nein",
                "Nicht mitbestimmungsfähig.",
                True,
            )
            return antrag
        raise ValueError(state)

    def antrag_im_zustand_fuer(self, transition_id):
        """An Antrag in the state in which the transition is due
        (``ZUSTAND``); for ``rueckfrage_beantworten`` with an open Rückfrage
        of the Personalrat."""
        antrag = self.antrag_in(ZUSTAND[transition_id])
        if transition_id == "rueckfrage_beantworten":
            abstimmen(antrag, "personalrat", "personalrat", "rueckfrage", "Vertretung?")
        return antrag


@pytest.fixture
def bausteine(fb10, antrag_daten, person_daten):
    return Bausteine(fb10, antrag_daten, person_daten)


@pytest.fixture
def make_antrag(bausteine):
    """Create an Antrag in FB 10 (``Bausteine.make_antrag``)."""
    return bausteine.make_antrag


@pytest.fixture
def person_daten():
    return dict(PERSON_DATEN)


@pytest.fixture
def add_person(bausteine):
    """Add a Person to an Antrag (``Bausteine.add_person``)."""
    return bausteine.add_person


@pytest.fixture
def transition():
    """Take a step as ``userid`` through the process layer (``schritt``)."""
    return schritt


@pytest.fixture
def vote():
    """Vote through the process layer (``abstimmen``)."""
    return abstimmen


@pytest.fixture
def antrag_in(bausteine):
    """Create an Antrag and walk it to a state (``Bausteine.antrag_in``)."""
    return bausteine.antrag_in


@pytest.fixture
def browser_as(functional):
    """``browser_as("leitung")``: a zope.testbrowser signed in as a demo user
    (functional layer; ``browser_as(None)`` is anonymous)."""

    def _browser(userid):
        browser = Browser(functional["app"])
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.addHeader("Accept-Language", "de")
        if userid is not None:
            browser.addHeader(
                "Authorization", f"Basic {userid}:{demo_password(userid)}"
            )
        transaction.commit()
        return browser

    return _browser


#: The state in which each transition is tried: the first state it leaves.
#: (Every transition of the workflow must be here: see the first test.)
ZUSTAND = {
    "einreichen": "entwurf",
    "genehmigen": "genehmigung_fbl",
    "zurueckweisen": "genehmigung_fbl",
    "stellungnahme_abgeben": "stellungnahme_agentur",
    "votum_agentur": "stellungnahme_agentur",
    "votum_datenschutz": "beteiligung",
    "votum_personalrat": "beteiligung",
    "votum_poa": "beteiligung",
    "votum_itsicherheit": "beteiligung",
    "rueckfrage_beantworten": "beteiligung",  # with an open Rückfrage
    "beteiligung_genehmigt": "beteiligung",
    "beteiligung_abgelehnt": "beteiligung",
    "einstellen": "genehmigt",
    "archivieren": "genehmigt",
    "einschaetzung_nachtragen": "genehmigt",
}


@pytest.fixture
def antrag_im_zustand_fuer(bausteine):
    """``antrag_im_zustand_fuer("votum_poa")``: an Antrag in the state in
    which the transition is due (``ZUSTAND``); for ``rueckfrage_beantworten``
    with an open Rückfrage of the Personalrat."""

    return bausteine.antrag_im_zustand_fuer


@pytest.fixture
def genehmigt_mit_rueckfrage(antrag_in, vote):
    """The issue's case: Datenschutz asks, the FB answers, POA and
    Personalrat vote Ja – approved while Datenschutz and IT-Sicherheit gave
    no vote."""
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "rueckfrage", "Wer moderiert?")
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "personalrat", "personalrat", "ja")
    with api.env.adopt_user(username="mitarbeiter"):
        schritte.rueckfrage_beantworten(
            antrag, gremium="datenschutz", antwort="Das Team Online moderiert."
        )
    assert api.content.get_state(antrag) == "genehmigt"
    return antrag
