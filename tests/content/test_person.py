"""Validation of a Person's data (domain.md §3, DV §2 and §6)."""

from datetime import date
from plone import api
from plone.dexterity.utils import createContentInContainer
from stadtdo.sozialnetz.content.person import EinwilligungFehlt
from stadtdo.sozialnetz.content.person import IPerson
from zope.interface import Invalid
from zope.schema.interfaces import ValidationError
import contextlib
import pytest


class _Data:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def _invariant_errors(**data):
    errors = []
    with contextlib.suppress(Invalid):
        IPerson.validateInvariants(_Data(**data), errors)
    return {getattr(error, "field", None) for error in errors}


def test_consent_must_be_given():
    IPerson["einwilligung"].validate(True)
    with pytest.raises(EinwilligungFehlt):
        IPerson["einwilligung"].validate(False)


def test_consent_error_message_is_german():
    assert "Einwilligung" in EinwilligungFehlt(False).doc()


@pytest.mark.parametrize(
    "email,ok",
    [
        ("vorname.nachname@stadtdo.de", True),
        ("a.b@dortmund.de", True),
        ("kein-at-zeichen", False),
        ("zwei@@stadtdo.de", False),
        ("leer zeichen@stadtdo.de", False),
    ],
)
def test_email_syntax(email, ok):
    if ok:
        IPerson["email"].validate(email)
    else:
        with pytest.raises(ValidationError):
            IPerson["email"].validate(email)


def test_task_end_must_be_after_start():
    assert _invariant_errors(
        taetigkeit_von=date(2026, 3, 1), taetigkeit_bis=date(2026, 2, 1)
    ) == {"taetigkeit_bis"}
    assert _invariant_errors(
        taetigkeit_von=date(2026, 3, 1), taetigkeit_bis=date(2026, 3, 1)
    ) == {"taetigkeit_bis"}
    assert (
        _invariant_errors(
            taetigkeit_von=date(2026, 3, 1), taetigkeit_bis=date(2027, 3, 1)
        )
        == set()
    )


def test_open_ended_task_is_valid():
    assert (
        _invariant_errors(taetigkeit_von=date(2026, 3, 1), taetigkeit_bis=None) == set()
    )


def test_planned_training_needs_a_date():
    assert _invariant_errors(schulung_status="geplant") == {"schulung_geplant_bis"}
    assert (
        _invariant_errors(
            schulung_status="geplant", schulung_geplant_bis=date(2026, 5, 1)
        )
        == set()
    )
    assert _invariant_errors(schulung_status="durchgefuehrt") == set()


def test_funktion_from_vocabulary(make_antrag, person_daten):
    antrag = make_antrag()
    field = IPerson["funktion"].bind(antrag)
    field.validate("redaktion")
    with pytest.raises(ValidationError):
        field.validate("chefin")


def test_person_title_is_the_name(make_antrag, person_daten):
    antrag = make_antrag()
    with api.env.adopt_user(username="mitarbeiter"):
        person = createContentInContainer(antrag, "Person", **person_daten)
    assert person.Title() == "Erika Mustermann"


def test_person_short_name_carries_no_personal_data(make_antrag, person_daten):
    antrag = make_antrag()
    with api.env.adopt_user(username="mitarbeiter"):
        first = createContentInContainer(antrag, "Person", **person_daten)
        second = createContentInContainer(antrag, "Person", **person_daten)
    assert (first.getId(), second.getId()) == ("person", "person-1")
