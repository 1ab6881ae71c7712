"""The Art. 15 report as a function: what it finds for a name, an e-mail
address and a user id."""

from plone import api
from stadtdo.sozialnetz.datenschutz.auskunft import auskunft


EMAIL = "erika.mustermann@stadtdo.de"


def _auskunft(datenbank, anfrage):
    with api.env.adopt_user(username="datenschutz"):
        return auskunft(datenbank, anfrage)


def test_approved_antrag_lists_the_systemhaus_order(antrag_in, datenbank):
    antrag = antrag_in("genehmigt")
    data = _auskunft(datenbank, EMAIL)
    (auftrag,) = data["systemhaus_auftraege"]
    assert auftrag["antragsnummer"] == antrag.antragsnummer
    assert EMAIL in auftrag["personen"][0]


def test_surname_alone_finds_the_person(antrag_in, datenbank):
    antrag_in("entwurf")
    (person,) = _auskunft(datenbank, "mustermann")["personen"]
    assert person["felder"]["vorname"] == "Erika"


def test_other_person_is_not_found(antrag_in, datenbank):
    antrag_in("genehmigt")
    data = _auskunft(datenbank, "Max Beispiel")
    assert data["personen"] == data["erwaehnungen"] == []


def test_user_id_lists_account_and_steps(antrag_in, datenbank):
    antrag = antrag_in("genehmigung_fbl")
    data = _auskunft(datenbank, "mitarbeiter")
    assert data["benutzerkonto"]["userid"] == "mitarbeiter"
    arten = {(a["antragsnummer"], a["art"]) for a in data["aktionen"]}
    assert (antrag.antragsnummer, "Schritt einreichen") in arten


def test_recorded_digest_mail_is_listed(antrag_in, datenbank):
    from datetime import date
    from plone.app.testing import SITE_OWNER_NAME
    from stadtdo.sozialnetz.jobs.lauf import jahresuebersicht
    from stadtdo.sozialnetz.settings import einstellung

    antrag_in("genehmigt")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        gesendet = jahresuebersicht(date(2027, einstellung("digest_monat"), 5))
    assert gesendet
    # by the address the mail went to (a user id finds mails only through
    # the linked Persons or the address the directory supplies: the account's
    # own e-mail property is editable, tests/services/test_identitaet.py)
    (mitteilung,) = _auskunft(datenbank, "leitung@stadtdo.example")["mitteilungen"]
    assert mitteilung["art"] == "jahresuebersicht"
    assert mitteilung["jahr"] == 2027


def test_mention_kept_only_in_an_old_version_is_listed(make_antrag, datenbank):
    antrag = make_antrag(vertretung="Erika Mustermann vertritt.")
    antrag.vertretung = "Das Team vertritt sich."  # current text without the name
    stellen = [
        e["stelle"] for e in _auskunft(datenbank, "Erika Mustermann")["erwaehnungen"]
    ]
    assert stellen and all(s.startswith("vertretung (Version ") for s in stellen)
