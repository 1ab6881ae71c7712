"""The directory sets the link of a Person to its account at sign-in, by the
e-mail address it supplies – which its users therefore cannot change in
Plone (issue 20 item 5; ``rechte.konten``, ``verzeichnis.email_sperre``)."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.verzeichnis.abgleich import verzeichnis_email
import re
import transaction


MIRA = "ldap.mitarbeiterin"
MIRA_EMAIL = "mira.verzeichnis@stadtdo.example"
ERIKA = "erika.mustermann@stadtdo.de"


def _mit_token(request_factory, anmelden, uid, api=True):
    token = anmelden(uid).json()["token"]
    session = request_factory(api=api)
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def test_sign_in_links_the_persons_named_with_the_directory_address(
    portal, verzeichnis, anmelden, make_antrag, add_person
):
    antrag = make_antrag()
    mira = add_person(antrag, vorname="Mira", email="Mira.Verzeichnis@stadtdo.example")
    erika = add_person(antrag)
    vergeben = add_person(antrag, vorname="Mira", email=MIRA_EMAIL)
    with api.env.adopt_user(username="sta11"):
        konten.verknuepfen(vergeben, "mitarbeiter")  # StA 11's link stays
    transaction.commit()

    assert anmelden(MIRA).status_code == 200

    transaction.begin()
    assert konten.verknuepft_mit(mira) == MIRA
    assert konten.verknuepfung(mira)["quelle"] == konten.DURCH_VERZEICHNIS
    assert konten.verknuepft_mit(erika) is None
    assert konten.verknuepft_mit(vergeben) == "mitarbeiter"
    (eintrag,) = [
        e
        for e in protokoll.eintraege(principal=MIRA)
        if e["art"] == protokoll.KONTO_VERKNUEPFUNG
    ]
    assert eintrag["ziel"] == "/".join(mira.getPhysicalPath())
    assert "@login" in eintrag["quelle"]


def test_directory_user_cannot_change_the_email_over_rest(
    portal, verzeichnis, anmelden, request_factory
):
    session = _mit_token(request_factory, anmelden, MIRA)
    response = session.patch(f"@users/{MIRA}", json={"email": ERIKA})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["field"] == "email"
    assert "kommt aus dem Verzeichnis" in error["message"]

    # neither can an administrator; other properties stay editable
    admin = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    assert admin.patch(f"@users/{MIRA}", json={"email": ERIKA}).status_code == 400
    anders = session.patch(f"@users/{MIRA}", json={"email": MIRA_EMAIL.upper()})
    assert anders.status_code == 400, anders.text
    antwort = session.patch(
        f"@users/{MIRA}", json={"email": MIRA_EMAIL, "fullname": "Mira V."}
    )
    assert antwort.status_code == 204, antwort.text  # the address unchanged
    transaction.begin()
    assert api.user.get(userid=MIRA).getProperty("email") == MIRA_EMAIL
    assert api.user.get(userid=MIRA).getProperty("fullname") == "Mira V."
    assert verzeichnis_email(MIRA) == MIRA_EMAIL


def test_users_of_the_site_still_change_their_address(
    portal, verzeichnis, request_factory
):
    session = request_factory(basic_auth=("mitarbeiter", demo_password("mitarbeiter")))
    response = session.patch(
        "@users/mitarbeiter", json={"email": "neu@stadtdo.example"}
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert api.user.get(userid="mitarbeiter").getProperty("email") == (
        "neu@stadtdo.example"
    )


def test_personal_information_shows_the_directory_address_without_input(
    portal, verzeichnis, anmelden, request_factory
):
    session = _mit_token(request_factory, anmelden, MIRA, api=False)
    session.headers["Accept"] = "text/html"
    seite = session.get("@@personal-information")
    assert seite.status_code == 200, seite.text
    assert MIRA_EMAIL in seite.text
    assert not re.search(r'<input[^>]*name="form\.widgets\.email"', seite.text)
    assert "kommt aus dem Verzeichnis" in seite.text

    # a forged field changes nothing
    token = re.search(r'name="_authenticator" value="([^"]+)"', seite.text).group(1)
    antwort = session.post(
        "@@personal-information",
        data={
            "form.widgets.fullname": "Mira Verzeichnis",
            "form.widgets.email": ERIKA,
            "form.buttons.save": "Speichern",
            "_authenticator": token,
        },
    )
    assert antwort.status_code == 200
    transaction.begin()
    assert api.user.get(userid=MIRA).getProperty("email") == MIRA_EMAIL
    assert verzeichnis_email(MIRA) == MIRA_EMAIL


def test_user_information_of_the_control_panel_offers_no_input_either(
    portal, verzeichnis, anmelden, request_factory
):
    assert anmelden(MIRA).status_code == 200
    admin = request_factory(
        basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), api=False
    )
    admin.headers["Accept"] = "text/html"
    eingabe = r'<input[^>]*name="form\.widgets\.email"'
    seite = admin.get("@@user-information", params={"userid": MIRA})
    assert seite.status_code == 200, seite.text
    assert MIRA_EMAIL in seite.text
    assert not re.search(eingabe, seite.text)
    # a user of the site keeps the input
    seite = admin.get("@@user-information", params={"userid": "mitarbeiter"})
    assert seite.status_code == 200
    assert re.search(eingabe, seite.text)
