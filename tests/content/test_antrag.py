"""The Antrag's Kopfdaten (filled automatically) and its field rules."""

from datetime import date
from plone import api
from stadtdo.sozialnetz.content.antrag import IAntrag
from zope.interface import Invalid
from zope.schema import ValidationError
import contextlib
import pytest
import re


def test_antragsnummer_is_human_readable(make_antrag):
    antrag = make_antrag()
    assert re.fullmatch(rf"SN-{date.today().year}-\d{{4}}", antrag.antragsnummer)


def test_short_name_is_antragsnummer(make_antrag):
    antrag = make_antrag()
    assert antrag.getId() == antrag.antragsnummer.lower()


def test_antragsnummern_are_consecutive(make_antrag):
    first, second = make_antrag(), make_antrag()
    assert int(second.antragsnummer[-4:]) == int(first.antragsnummer[-4:]) + 1


def test_antragsnummer_unique_under_many_creations(make_antrag):
    numbers = [make_antrag().antragsnummer for _ in range(150)]
    assert len(set(numbers)) == 150


def test_fachbereich_filled_from_department_folder(make_antrag):
    assert make_antrag().fachbereich == "FB 10 – Bürgerdienste"


def test_antragsteller_is_the_creating_user(make_antrag):
    assert make_antrag(userid="mitarbeiter").antragsteller == "mitarbeiter"


def test_new_antrag_is_a_neuantrag(make_antrag):
    assert make_antrag().antragsart == "neuantrag"


def test_title_is_derived_from_number_platform_and_account(make_antrag):
    antrag = make_antrag(plattform="facebook", kontoname="Stadt Dortmund")
    assert antrag.Title() == f"{antrag.antragsnummer} – Facebook – Stadt Dortmund"


def test_sonstige_platform_shows_its_name(make_antrag):
    antrag = make_antrag(plattform="sonstige", plattform_sonstige="Bluesky")
    assert "Bluesky" in antrag.Title()


def test_catalog_knows_header_data(make_antrag):
    antrag = make_antrag()
    with api.env.adopt_user(username="mitarbeiter"):
        brain = api.content.find(antragsnummer=antrag.antragsnummer)[0]
    assert (brain.fachbereich, brain.fachbereich_titel, brain.plattform_titel) == (
        "fb-10",
        "FB 10 – Bürgerdienste",
        "Instagram",
    )
    assert brain.review_state == "entwurf"


def test_new_antrag_starts_as_draft(make_antrag):
    assert api.content.get_state(make_antrag()) == "entwurf"


class _Data:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def _invariant_errors(**data):
    errors = []
    with contextlib.suppress(Invalid):
        IAntrag.validateInvariants(_Data(**data), errors)
    return {getattr(error, "field", None) for error in errors}


def test_sonstige_requires_platform_name():
    assert _invariant_errors(plattform="sonstige") == {"plattform_sonstige"}
    assert (
        _invariant_errors(plattform="sonstige", plattform_sonstige="Bluesky") == set()
    )


def test_work_outside_hours_must_be_justified():
    assert _invariant_errors(pflege_in_arbeitszeit=False) == {
        "begruendung_ausserhalb_arbeitszeit"
    }
    assert (
        _invariant_errors(
            pflege_in_arbeitszeit=False,
            begruendung_ausserhalb_arbeitszeit="Rufbereitschaft bei Großveranstaltungen",
        )
        == set()
    )


@pytest.mark.parametrize(
    "field,value,ok",
    [
        ("impressum_url", "https://www.dortmund.de/impressum", True),
        ("impressum_url", "kein link", False),
        ("kontoname", "@stadtdortmund", True),
        ("plattform", "facebook", True),
        ("plattform", "myspace", False),
        ("auftrittsart", "kanal", True),
        ("auftrittsart", "fanclub", False),
    ],
)
def test_field_validation(make_antrag, field, value, ok):
    antrag = make_antrag()
    bound = IAntrag[field].bind(antrag)
    if ok:
        bound.validate(value)
    else:
        with pytest.raises(ValidationError):
            bound.validate(value)


@pytest.mark.parametrize(
    "field",
    [
        "plattform",
        "auftrittsart",
        "kontoname",
        "ziele_zielgruppe",
        "impressum_url",
        "datenschutzerklaerung_url",
        "begruendung_produktwahl",
        "offizieller_auftritt",
    ],
)
def test_required_fields(field):
    assert IAntrag[field].required


def test_header_fields_cannot_be_entered():
    for name in ("antragsnummer", "fachbereich", "antragsteller", "antragsart"):
        assert IAntrag[name].readonly
