"""The user triggers through the doors of a running server: ``@users``
DELETE, ``@groups`` PATCH, StA 11's ``@rechte-mitglieder`` and rights page.
The mail to the head is delivered to an SMTP receiver and read there."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.verfahren import verantwortung
from tests.offboarding.conftest import brain
from tests.offboarding.conftest import RITA
from tests.rechte.conftest import mitglied
import pytest
import transaction


@pytest.fixture
def portal(functional_portal):
    return functional_portal


def _gruende(antrag):
    transaction.begin()  # as the server left it
    return [(e["person"], e["grund"]) for e in verantwortung.offene(antrag)]


def _mail_an_die_leitung(smtp, antrag):
    smtp.wait_for(2)
    assert smtp.to("Verantwortung klären") == [
        "leitung@stadtdo.example",
        "stellvertretung@stadtdo.example",
    ]
    mail = next(m for _to, m in smtp.messages if "Verantwortung" in m["Subject"])
    text = mail.get_content()
    assert antrag.antragsnummer in mail["Subject"]
    assert "Rita Redakteurin" in text
    assert "„Verantwortung übertragen“" in text
    return text


def test_user_deleted_over_rest_users(konto, smtp, rest):
    antrag = konto()
    transaction.commit()
    response = rest(SITE_OWNER_NAME).delete(f"@users/{RITA}")
    assert response.status_code == 204, response.text
    assert _gruende(antrag) == [("person-1", "benutzer_geloescht")]
    assert api.user.get(userid=RITA) is None
    assert brain(antrag).verantwortung_klaeren is True
    assert "aus dem Portal entfernt" in _mail_an_die_leitung(smtp, antrag)


def test_removed_from_the_group_over_rest_groups(konto, smtp, rest):
    antrag = konto()
    transaction.commit()
    response = rest(SITE_OWNER_NAME).patch(
        "@groups/fb-10-mitarbeiter", json={"users": {RITA: False}}
    )
    assert response.status_code == 204, response.text
    assert _gruende(antrag) == [("person-1", "gruppe_verlassen")]
    assert "keiner Gruppe des Fachbereichs" in _mail_an_die_leitung(smtp, antrag)


def test_removed_from_the_group_by_sta11_service(konto, smtp, rest):
    antrag = konto()
    transaction.commit()
    response = mitglied(rest("sta11"), "fb-10-mitarbeiter", RITA, False)
    assert response.status_code == 200, response.text
    assert _gruende(antrag) == [("person-1", "gruppe_verlassen")]
    _mail_an_die_leitung(smtp, antrag)


def test_removed_from_the_group_on_the_rights_page(konto, smtp, web, token):
    antrag = konto()
    transaction.commit()
    response = web("sta11").post(
        "soziale-netzwerke/@@rechte-verwalten",
        data={
            "aktion": "mitglied",
            "gruppe": "fb-10-mitarbeiter",
            "benutzer": RITA,
            "mitglied": "0",
            "_authenticator": token("sta11"),
        },
    )
    assert response.status_code == 302
    assert _gruende(antrag) == [("person-1", "gruppe_verlassen")]
    _mail_an_die_leitung(smtp, antrag)
