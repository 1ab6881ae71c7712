"""Offboarding tests: the demo actors, and a second named Person who is a
portal user of FB 10. Integration layer (MockMailHost) unless a module
takes the functional portal (``uses_server``) for REST and the Classic UI;
there mails are delivered to the SMTP receiver of tests/smtp_receiver.py."""

from plone import api
from stadtdo.sozialnetz.rechte import konten
from tests.notifications.conftest import mails  # noqa: F401 (fixture)
from tests.notifications.conftest import systemhaus  # noqa: F401 (fixture)
from tests.rechte.conftest import rest  # noqa: F401 (fixture)
from tests.rechte.conftest import token  # noqa: F401 (fixture)
from tests.rechte.conftest import web  # noqa: F401 (fixture)
import pytest
import transaction


RITA = "redakteurin"
RITA_EMAIL = "Rita.Redakteurin@stadtdo.example"


@pytest.fixture
def rita(portal):
    """The portal user ``redakteurin`` in FB 10's staff group."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username=RITA,
            email=RITA_EMAIL,
            password="geheim-12345678",
            properties={"fullname": "Rita Redakteurin"},
        )
        api.group.add_user(groupname="fb-10-mitarbeiter", username=RITA)
    return RITA


@pytest.fixture
def konto(rita, make_antrag, add_person, transition, vote):
    """``konto()``: an approved Antrag of FB 10 naming Erika Mustermann (no
    portal user, id ``person``) and Rita Redakteurin (linked by StA 11 to the
    portal user ``redakteurin``, id ``person-1``); ``state`` stops earlier,
    keyword arguments go to Rita's Person."""

    def _konto(state="genehmigt", **rita_felder):
        antrag = make_antrag()
        add_person(antrag)
        person = add_person(
            antrag,
            vorname="Rita",
            nachname="Redakteurin",
            email=RITA_EMAIL.lower(),
            **rita_felder,
        )
        with api.env.adopt_user(username="sta11"):  # the link, not the e-mail
            konten.verknuepfen(person, RITA)
        transition(antrag, "einreichen", "mitarbeiter")
        transition(antrag, "genehmigen", "leitung")
        vote(antrag, "agentur", "agentur", "ja", "Beratung erfolgt.")
        if state == "beteiligung":
            return antrag
        vote(antrag, "poa", "poa", "ja")
        vote(antrag, "personalrat", "personalrat", "ja")
        assert api.content.get_state(antrag) == "genehmigt"
        return antrag

    return _konto


@pytest.fixture
def frisch():
    """Look at the database as the server left it."""
    return transaction.begin


def verantwortung_mails(gesendet):
    return [m for m in gesendet.all() if "Verantwortung klären" in m["Subject"]]


def brain(antrag):
    catalog = api.portal.get_tool("portal_catalog")
    (result,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    return result
