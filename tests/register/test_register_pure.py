"""Search text of the register: normalised, validated, never a query."""

from stadtdo.sozialnetz.berichte.register import normalisieren
from stadtdo.sozialnetz.berichte.register import suche_pruefen
from stadtdo.sozialnetz.errors import AktionAbgelehnt
import pytest


@pytest.mark.parametrize(
    "eingabe,erwartet",
    [
        ("https://www.Instagram.com/StadtDortmund/", "instagram.com/stadtdortmund"),
        ("http://instagram.com/stadtdortmund", "instagram.com/stadtdortmund"),
        ("@StadtDortmund", "stadtdortmund"),
        ("  stadtdortmund  ", "stadtdortmund"),
        ("", ""),
        (None, ""),
    ],
)
def test_handle_and_url_are_compared_normalised(eingabe, erwartet):
    assert normalisieren(eingabe) == erwartet


def test_empty_search_is_no_filter():
    assert suche_pruefen("") is None
    assert suche_pruefen(None) is None


@pytest.mark.parametrize("q", [["a", "b"], {"x": 1}, "x" * 201])
def test_bad_search_is_refused_in_german(q):
    with pytest.raises(AktionAbgelehnt) as info:
        suche_pruefen(q)
    assert info.value.field == "q"
    assert "Suchbegriff" in info.value.message
