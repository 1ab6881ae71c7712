"""Single-line fields refuse line breaks over REST with a German message:
they end up in mail headers (issue 12, item 3)."""

from tests.conftest import ANTRAG_DATEN
from tests.services.test_rest_process import _create_antrag
from tests.services.test_rest_process import _errors
from tests.services.test_rest_process import _person_json
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
from tests.services.test_rest_process import FB10


MELDUNG = "Das Feld ist einzeilig: Bitte entfernen Sie den Zeilenumbruch."


def test_account_name_with_line_break_is_400(api_as):  # noqa: F811
    data = dict(ANTRAG_DATEN, kontoname="@konto\nBcc: x@example.org")
    response = api_as("mitarbeiter").post(FB10, json=dict(data, **{"@type": "Antrag"}))
    assert response.status_code == 400
    (error,) = _errors(response)
    assert error["field"] == "kontoname"
    assert error["message"].startswith(MELDUNG)


def test_person_name_with_line_break_is_400(api_as):  # noqa: F811
    url = _create_antrag(api_as)
    response = api_as("mitarbeiter").post(
        url, json=dict(_person_json(), nachname="Muster\r\nmann")
    )
    assert response.status_code == 400
    (error,) = _errors(response)
    assert error["field"] == "nachname"
    assert error["message"].startswith(MELDUNG)
