"""The Art. 15 report lists the incident reports a person filed; their
content only for those who may read the reports (DV § 5)."""

from plone import api
from stadtdo.sozialnetz.datenschutz.auskunft import auskunft
from tests.vorfall.test_vorfall import BESCHREIBUNG
from tests.vorfall.test_vorfall import formular  # noqa: F401 (fixture)
from tests.vorfall.test_vorfall import meldung  # noqa: F401 (fixture)
from tests.vorfall.test_vorfall import portal  # noqa: F401 (fixture)
from tests.vorfall.test_vorfall import sicherheitskonzept  # noqa: F401 (fixture)


def test_sta11_sees_the_report_filed(meldung, datenbank):  # noqa: F811
    with api.env.adopt_user(username="sta11"):
        (eintrag,) = auskunft(datenbank, "mitarbeiter")["vorfallmeldungen"]
    assert eintrag["felder"]["beschreibung"] == BESCHREIBUNG


def test_datenschutz_sees_only_that_a_report_exists(meldung, datenbank):  # noqa: F811
    with api.env.adopt_user(username="datenschutz"):
        (eintrag,) = auskunft(datenbank, "mitarbeiter")["vorfallmeldungen"]
    assert eintrag["felder"].startswith("nur für die Berechtigungsverwaltung")
