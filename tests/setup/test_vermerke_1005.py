"""Profile version 1005: the bare attributes modules set on a Person (and
the Anlagen counter on the Antrag) before move into one annotation adapter
per concern (issue 22) – on the item and in every version CMFEditions stored
of it."""

from datetime import date
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz.content.stand import IInhaltsstand
from stadtdo.sozialnetz.content.stand import Inhaltsstand
from stadtdo.sozialnetz.datenschutz.aufbewahrung import gespeicherte_versionen
from stadtdo.sozialnetz.datenschutz.stand import DatenschutzstandPerson
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.rechte.stand import IKontostand
from stadtdo.sozialnetz.rechte.stand import Kontostand
from stadtdo.sozialnetz.upgrades import v1005
from tests.retention.helpers import retrieved_versions


PROFILE = "stadtdo.sozialnetz:default"
PERSON_ALT = {
    "einwilligung_widerrufen_am": date(2025, 1, 2),
    "einwilligung_widerruf_vermerkt": {
        "am": "2025-01-03",
        "von": "leitung",
        "zeit": "",
    },
    "taetigkeit_bis_vermerkt": {
        "wert": "2025-01-01",
        "am": "2025-01-03",
        "von": "mitarbeiter",
        "zeit": "",
    },
    "anonymisiert_am": date(2025, 7, 1),
    "benutzer": "mitarbeiter",
    "benutzer_verknuepft": {"von": "sta11", "zeit": "2025-01-01", "quelle": "sta11"},
}
ANTRAG_ALT = {"anlagen_zaehler": 7}


def _alt_setzen(obj, alt):
    """The attributes as the modules of 1004 set them."""
    for name, wert in alt.items():
        setattr(obj, name, dict(wert) if isinstance(wert, dict) else wert)


def _person_lesen(datenschutz, konto):
    return {
        "einwilligung_widerrufen_am": datenschutz.einwilligung_widerrufen_am,
        "einwilligung_widerruf_vermerkt": datenschutz.einwilligung_widerruf_vermerkt,
        "taetigkeit_bis_vermerkt": datenschutz.taetigkeit_bis_vermerkt,
        "anonymisiert_am": datenschutz.anonymisiert_am,
        "benutzer": konto.benutzer,
        "benutzer_verknuepft": konto.benutzer_verknuepft,
    }


def _antrag_lesen(inhalt):
    return {"anlagen_zaehler": inhalt.anlagen_zaehler}


def _ohne_attribute(obj, alt):
    obj._p_activate()
    for name in alt:
        assert name not in obj.__dict__, name


def test_bare_attributes_of_persons_and_versions_move_into_annotations(
    make_antrag, add_person
):
    antrag = make_antrag()
    person = add_person(antrag)
    _alt_setzen(person, PERSON_ALT)
    _alt_setzen(antrag, ANTRAG_ALT)
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_roles(["Manager"]):
        repository.save(person, comment="mit alten Attributen")
        repository.save(antrag, comment="mit alten Attributen")
    assert any(getattr(v, "benutzer", None) for v in gespeicherte_versionen(person))
    assert any(
        getattr(v, "anlagen_zaehler", None) for v in gespeicherte_versionen(antrag)
    )

    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1004")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (
        setup.getVersionForProfile(PROFILE),
    )

    assert (
        _person_lesen(IDatenschutzstandPerson(person), IKontostand(person))
        == PERSON_ALT
    )
    assert konten.verknuepft_mit(person) == "mitarbeiter"
    assert _antrag_lesen(IInhaltsstand(antrag)) == ANTRAG_ALT
    _ohne_attribute(person, PERSON_ALT)
    _ohne_attribute(antrag, ANTRAG_ALT)
    for stored in gespeicherte_versionen(person):
        _ohne_attribute(stored, PERSON_ALT)
    for stored in gespeicherte_versionen(antrag):
        _ohne_attribute(stored, ANTRAG_ALT)

    versionen = [v for v in retrieved_versions(person) if v.__dict__]
    assert versionen
    assert [  # the version saved with the attributes keeps them
        v
        for v in versionen
        if _person_lesen(DatenschutzstandPerson(v), Kontostand(v)) == PERSON_ALT
    ]
    for version in versionen:
        for name in PERSON_ALT:
            assert name not in version.__dict__, name
    antrag_versionen = [v for v in retrieved_versions(antrag) if v.__dict__]
    assert [v for v in antrag_versionen if _antrag_lesen(Inhaltsstand(v)) == ANTRAG_ALT]

    # again: nothing left to move, nothing changed
    with api.env.adopt_roles(["Manager"]):
        assert v1005.vermerke(setup) == 0
    assert (
        _person_lesen(IDatenschutzstandPerson(person), IKontostand(person))
        == PERSON_ALT
    )


def test_a_new_anlage_counts_on_from_the_moved_counter(make_antrag):
    """A number given before the move is not given again."""
    antrag = make_antrag()
    _alt_setzen(antrag, ANTRAG_ALT)
    with api.env.adopt_roles(["Manager"]):
        assert v1005.vermerke(None) == 1
        anlage = createContentInContainer(
            antrag,
            "Anlage",
            checkConstraints=False,
            file=NamedBlobFile(data=b"%PDF-1.4\n", filename="x.pdf"),
        )
    assert anlage.getId() == f"{antrag.antragsnummer.lower()}-anlage-8"
    assert IInhaltsstand(antrag).anlagen_zaehler == 8
    assert "anlagen_zaehler" not in antrag.__dict__
