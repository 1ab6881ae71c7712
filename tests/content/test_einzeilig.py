"""The single-line fields of Antrag and Person refuse every kind of line
break with a German message (forms and REST validate the same field)."""

from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.content.einzeilig import Zeilenumbruch
from stadtdo.sozialnetz.content.person import IPerson
import pytest


FELDER = [
    (IAntrag, "kontoname"),
    (IAntrag, "plattform_sonstige"),
    (IPerson, "nachname"),
    (IPerson, "vorname"),
]


@pytest.mark.parametrize("schema,name", FELDER)
@pytest.mark.parametrize("umbruch", ["\n", "\r", "\u2028", "\x85"])
def test_line_break_is_refused_in_german(portal, schema, name, umbruch):
    with pytest.raises(Zeilenumbruch) as info:
        schema[name].validate(f"eins{umbruch}zwei")
    assert info.value.doc().startswith("Das Feld ist einzeilig")


@pytest.mark.parametrize("schema,name", FELDER)
def test_single_line_is_accepted(portal, schema, name):
    schema[name].validate("Erika-Maria Müller")
