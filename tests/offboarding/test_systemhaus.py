"""The Systemhaus both ways (issue 23 item 3, domain.md „Systemhaus both
ways“, DV § 4): a revocation order for exactly the Persons whose access
ends, through each trigger, once; every order carries its one-time link;
unconfirmed orders are reminded, then escalated to the POA, by the daily
job. Integration layer, mails read from MockMailHost."""

from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.berichte.bericht import report
from stadtdo.sozialnetz.datenschutz import einwilligung
from stadtdo.sozialnetz.datenschutz.auskunft import auskunft
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.notifications import bestaetigung
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.rechte.mitglieder import mitgliedschaft_aendern
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from tests.offboarding.conftest import RITA
from urllib.parse import parse_qs
from urllib.parse import urlparse
import pytest
import re


ERIKA = "Mustermann, Erika, erika.mustermann@stadtdo.de (Redakteur*in)"
RITA_ZEILE = "Redakteurin, Rita, rita.redakteurin@stadtdo.example (Redakteur*in)"


def _run(today, **kwargs):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return run_jobs(today=today, **kwargs)


def _sperrungen(mails):
    return [
        m
        for m in mails.all()
        if m["Subject"].endswith(": Auftrag zur Sperrung")
        and "Erinnerung" not in m["Subject"]
    ]


def _auftraege(antrag, art):
    return [
        a for a in IMitteilungsstand(antrag).systemhaus_auftraege if a.get("art") == art
    ]


def _personen_zeilen(text):
    """The lines of the order's list of Persons."""
    return [z.strip() for z in text.splitlines() if z.strip().startswith("- ")]


def _eine_sperrung(mails, systemhaus, antrag, *zeilen):
    """Exactly one revocation order, to the Systemhaus, naming exactly the
    Persons ``zeilen`` (with their reason); returns its text."""
    (mail,) = _sperrungen(mails)
    assert mail["To"] == systemhaus
    assert mail["Reply-To"] == "poa@stadtdo.example"
    assert antrag.antragsnummer in mail["Subject"]
    text = mail.get_content()
    assert _personen_zeilen(text) == [f"- {z}" for z in zeilen]
    assert "aufzuheben (DV § 4)" in text
    (auftrag,) = _auftraege(antrag, "sperrung")
    assert auftrag["empfaenger"] == [systemhaus]
    assert bestaetigung.link(antrag, auftrag["id"]) in text
    return text


# (a) each trigger of a revocation: exactly one order naming exactly the Persons


def test_task_end_found_by_the_daily_job(konto, mails, systemhaus):
    ende = date.today() + timedelta(days=10)
    antrag = konto(taetigkeit_bis=ende)
    mails.clear()
    assert [e for e in _run(ende, dry_run=True) if e["art"] == "systemhaus_sperrung"]
    assert _sperrungen(mails) == [] and _auftraege(antrag, "sperrung") == []

    eintraege = _run(ende)
    (eintrag,) = [e for e in eintraege if e["art"] == "systemhaus_sperrung"]
    assert eintrag["antragsnummer"] == antrag.antragsnummer
    _eine_sperrung(mails, systemhaus, antrag, f"{RITA_ZEILE}: Aufgabe beendet")
    # the job again (the same day, the next day): nothing more
    _run(ende)
    _run(ende + timedelta(days=1))
    assert len(_sperrungen(mails)) == 1
    assert len(_auftraege(antrag, "sperrung")) == 1


def test_consent_withdrawn(konto, mails, systemhaus):
    antrag = konto()
    mails.clear()
    with api.env.adopt_user(username="sta11"):
        einwilligung.widerruf_vermerken(antrag["person"])
    _eine_sperrung(mails, systemhaus, antrag, f"{ERIKA}: Einwilligung widerrufen")


def test_user_deleted_left_the_city(konto, mails, systemhaus):
    antrag = konto()
    mails.clear()
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=RITA)
    text = _eine_sperrung(
        mails,
        systemhaus,
        antrag,
        f"{RITA_ZEILE}: aus der Stadtverwaltung ausgeschieden (Benutzerkonto entfernt)",
    )
    assert "Mustermann" not in text


def test_left_the_group(konto, mails, systemhaus, datenbank):
    antrag = konto()
    mails.clear()
    with api.env.adopt_user(username="sta11"):
        mitgliedschaft_aendern(
            datenbank, gruppe="fb-10-mitarbeiter", benutzer=RITA, mitglied=False
        )
    _eine_sperrung(
        mails,
        systemhaus,
        antrag,
        f"{RITA_ZEILE}: gehört dem Fachbereich nicht mehr an",
    )


def test_account_closed(konto, mails, systemhaus, transition):
    antrag = konto()
    mails.clear()
    transition(antrag, "einstellen", "leitung", "Kanal wird nicht mehr betrieben")
    assert api.content.get_state(antrag) == "eingestellt"
    _eine_sperrung(
        mails,
        systemhaus,
        antrag,
        f"{ERIKA}: Auftritt eingestellt",
        f"{RITA_ZEILE}: Auftritt eingestellt",
    )


def test_left_out_of_the_approved_reapplication(
    konto, mails, systemhaus, transition, vote, add_person
):
    antrag = konto()
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(antrag)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(neu["person-1"])  # Rita is left out
    add_person(neu, vorname="Nina", nachname="Neu", email="nina.neu@stadtdo.example")
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "genehmigen", "leitung")
    vote(neu, "agentur", "agentur", "ja", "Beratung erfolgt.")
    vote(neu, "poa", "poa", "ja")
    mails.clear()
    assert _sperrungen(mails) == []  # the old approval holds until then
    vote(neu, "personalrat", "personalrat", "ja")
    assert api.content.get_state(antrag) == "archiviert"
    _eine_sperrung(
        mails,
        systemhaus,
        antrag,
        f"{RITA_ZEILE}: im genehmigten erneuten Antrag nicht mehr benannt",
    )
    # Erika stays unlocked; the new Antrag orders the unlocking of its Persons
    (freischaltung,) = [
        m for m in mails.all() if m["Subject"].endswith(": Auftrag zur Freischaltung")
    ]
    assert neu.antragsnummer in freischaltung["Subject"]
    assert "Neu, Nina" in freischaltung.get_content()


def test_only_persons_who_had_internet_unlocking(konto, mails, systemhaus):
    ende = date.today() + timedelta(days=5)
    antrag = konto(taetigkeit_bis=ende, internetfreischaltung=False)
    mails.clear()
    _run(ende)
    assert _sperrungen(mails) == []
    assert _auftraege(antrag, "sperrung") == []


def test_never_twice_for_the_same_person(konto, mails, systemhaus, transition):
    """Deleted (and thereby out of the group), then the account closed: Rita
    is ordered locked once, the closing names only Erika."""
    antrag = konto()
    mails.clear()
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=RITA)
    assert len(_sperrungen(mails)) == 1
    mails.clear()
    transition(antrag, "einstellen", "leitung")
    (mail,) = _sperrungen(mails)
    assert _personen_zeilen(mail.get_content()) == [f"- {ERIKA}: Auftritt eingestellt"]
    assert [list(a["person_ids"]) for a in _auftraege(antrag, "sperrung")] == [
        ["person-1"],
        ["person"],
    ]


def test_no_revocation_before_approval(konto, mails, systemhaus):
    antrag = konto(state="beteiligung")
    mails.clear()
    with api.env.adopt_user(username="sta11"):
        einwilligung.widerruf_vermerken(antrag["person"])
    assert _sperrungen(mails) == []


# (b) the link of every order


def _offen(antrag):
    with api.env.adopt_user(username="poa"):
        return report(antrag.aq_parent.aq_parent)["systemhaus_offen"]


def _link_aus(text):
    (url,) = re.findall(r"https?://\S+@@systemhaus-bestaetigen\?\S+", text)
    query = parse_qs(urlparse(url).query)
    return query["auftrag"][0], query["sig"][0]


def test_the_unlocking_order_carries_its_link_and_is_confirmed_once(
    antrag_in, vote, mails, systemhaus
):
    antrag = antrag_in("beteiligung")
    vote(antrag, "poa", "poa", "ja")
    mails.clear()
    vote(antrag, "personalrat", "personalrat", "ja")
    (order,) = [m for m in mails.all() if "Freischaltung" in m["Subject"]]
    text = order.get_content()
    assert "einmalig, 30 Tage gültig" in text
    auftrag, sig = _link_aus(text)
    (eintrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    assert auftrag == f"{antrag.UID()}.{eintrag['id']}"
    assert bestaetigung.pruefen(auftrag, sig)[0] == "gueltig"
    assert eintrag["bestaetigt_am"] is None  # checking wrote nothing
    assert _offen(antrag) == [
        {
            "@id": antrag.absolute_url(),
            "antragsnummer": antrag.antragsnummer,
            "auftraege": [{"art": "freischaltung", "seit": eintrag["zeit"]}],
        }
    ]

    zustand, _antrag, _e = bestaetigung.bestaetigen(auftrag, sig)
    assert zustand == "gueltig" and eintrag["bestaetigt_am"]
    assert _offen(antrag) == []
    erst = eintrag["bestaetigt_am"]
    assert bestaetigung.bestaetigen(auftrag, sig)[0] == "erledigt"
    assert eintrag["bestaetigt_am"] == erst


def test_tampered_and_expired_links_are_refused(antrag_in, systemhaus):
    antrag = antrag_in("genehmigt")
    (eintrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    auftrag, sig = _link_aus(bestaetigung.link(antrag, eintrag["id"]))
    anders = sig[:-1] + ("0" if sig[-1] != "0" else "1")
    assert bestaetigung.bestaetigen(auftrag, anders)[0] == "ungueltig"
    assert bestaetigung.bestaetigen(auftrag + "x", sig)[0] == "ungueltig"
    assert bestaetigung.bestaetigen(auftrag, "")[0] == "ungueltig"
    spaeter = DateTime(eintrag["zeit"]) + 31
    assert bestaetigung.bestaetigen(auftrag, sig, jetzt=spaeter)[0] == "abgelaufen"
    assert eintrag["bestaetigt_am"] is None
    api.portal.set_registry_record(
        "systemhaus_link_tage", 40, interface=ISozialnetzSettings
    )
    assert bestaetigung.pruefen(auftrag, sig, jetzt=spaeter)[0] == "gueltig"


def test_another_sites_secret_makes_the_link_invalid(antrag_in, systemhaus, portal):
    antrag = antrag_in("genehmigt")
    (eintrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    auftrag, sig = _link_aus(bestaetigung.link(antrag, eintrag["id"]))
    from zope.annotation.interfaces import IAnnotations

    IAnnotations(portal)[bestaetigung.GEHEIMNIS_KEY]["schluessel"] = "0" * 64
    assert bestaetigung.pruefen(auftrag, sig)[0] == "ungueltig"


# (c) reminder and escalation by the daily job


def _arten(eintraege):
    return [
        e["art"]
        for e in eintraege
        if e["art"] in ("systemhaus_erinnerung", "systemhaus_eskalation")
    ]


def test_unconfirmed_order_is_reminded_then_escalated_once(
    antrag_in, mails, systemhaus
):
    antrag = antrag_in("genehmigt")
    (eintrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    gesendet = DateTime(eintrag["zeit"]).asdatetime().date()
    erinnerung = plus_arbeitstage(gesendet, 5)
    mails.clear()
    assert _arten(_run(plus_arbeitstage(gesendet, 4))) == []
    assert _arten(_run(erinnerung, dry_run=True)) == ["systemhaus_erinnerung"]
    assert mails.all() == [] and eintrag["erinnert_am"] is None

    assert _arten(_run(erinnerung)) == ["systemhaus_erinnerung"]
    (mail,) = [m for m in mails.all() if "Erinnerung" in m["Subject"]]
    assert mail["To"] == systemhaus
    text = mail.get_content()
    assert f"vom {gesendet:%d.%m.%Y} ist noch nicht als erledigt bestätigt" in text
    assert "- Mustermann, Erika <erika.mustermann@stadtdo.de>" in text
    assert bestaetigung.link(antrag, eintrag["id"]) in text
    assert eintrag["erinnert_am"] == erinnerung.isoformat()
    assert _arten(_run(erinnerung)) == []  # once

    mails.clear()
    eskalation = plus_arbeitstage(erinnerung, 5)
    assert _arten(_run(plus_arbeitstage(erinnerung, 4))) == []
    assert _arten(_run(eskalation)) == ["systemhaus_eskalation"]
    (mail,) = mails.all()
    assert mail["To"] == "poa@stadtdo.example"
    assert "nicht bestätigt" in mail["Subject"]
    assert f"trotz Erinnerung am {erinnerung:%d.%m.%Y}" in mail.get_content()
    assert _arten(_run(eskalation + timedelta(days=7))) == []  # once
    assert len(mails.all()) == 1


def test_a_confirmed_order_is_not_reminded(antrag_in, mails, systemhaus):
    antrag = antrag_in("genehmigt")
    (eintrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    bestaetigung.bestaetigen(*_link_aus(bestaetigung.link(antrag, eintrag["id"])))
    mails.clear()
    assert _arten(_run(date.today() + timedelta(days=60))) == []
    assert mails.all() == []


def test_the_reminder_follows_the_setting(antrag_in, mails, systemhaus):
    api.portal.set_registry_record(
        "systemhaus_erinnerung_arbeitstage", 2, interface=ISozialnetzSettings
    )
    antrag = antrag_in("genehmigt")
    (eintrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    gesendet = DateTime(eintrag["zeit"]).asdatetime().date()
    assert _arten(_run(plus_arbeitstage(gesendet, 2))) == ["systemhaus_erinnerung"]


@pytest.mark.parametrize(
    "einstellung,wert",
    [
        ("systemhaus_link_tage", 30),
        ("systemhaus_erinnerung_arbeitstage", 5),
        ("systemhaus_eskalation_arbeitstage", 5),
    ],
)
def test_settings_have_their_defaults(portal, einstellung, wert):
    assert (
        api.portal.get_registry_record(einstellung, interface=ISozialnetzSettings)
        == wert
    )


def test_the_jobs_preview_shows_the_reminder_and_sends_nothing(
    antrag_in, mails, systemhaus, portal
):
    antrag = antrag_in("genehmigt")
    (eintrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    gesendet = DateTime(eintrag["zeit"]).asdatetime().date()
    mails.clear()
    request = portal.REQUEST
    request.form["datum"] = plus_arbeitstage(gesendet, 5).isoformat()
    request.method = "GET"
    with api.env.adopt_roles(["Manager"]):
        text = api.content.get_view("sozialnetz-jobs", portal, request)()
    assert "Erinnerung: Auftrag zur Freischaltung" in text
    assert "Empfänger:  freischaltung@dosys.example" in text
    assert mails.all() == []
    assert eintrag["erinnert_am"] is None


def test_a_confirmed_revocation_is_its_own_entry_in_the_verlauf(
    konto, systemhaus, transition, portal
):
    antrag = konto()
    transition(antrag, "einstellen", "leitung")
    (auftrag,) = _auftraege(antrag, "sperrung")
    view = api.content.get_view("view", antrag, portal.REQUEST)
    assert [a["stand"] for a in view.systemhaus_auftraege()] == ["offen", "offen"]
    bestaetigung.bestaetigen(*_link_aus(bestaetigung.link(antrag, auftrag["id"])))
    (eintrag,) = [e for e in view.verlauf() if e["wer"] == "Dortmunder Systemhaus"]
    assert eintrag["titel"] == "Auftrag zur Sperrung als erledigt bestätigt"
    assert eintrag["kommentar"] == (
        "Mustermann, Erika <erika.mustermann@stadtdo.de>; "
        "Redakteurin, Rita <rita.redakteurin@stadtdo.example>"
    )
    assert eintrag["iso"] == DateTime(auftrag["bestaetigt_am"]).ISO8601()
    freischaltung, sperrung = view.systemhaus_auftraege()
    assert freischaltung["stand"] == "offen" and freischaltung["offen"] is True
    assert sperrung["titel"] == "Auftrag zur Sperrung"
    assert sperrung["stand"].startswith("erledigt am ")
    assert sperrung["offen"] is False


def test_the_art_15_report_names_both_orders_with_their_kind(
    konto, systemhaus, datenbank
):
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=RITA)
    (sperrung,) = _auftraege(antrag, "sperrung")
    bestaetigung.bestaetigen(*_link_aus(bestaetigung.link(antrag, sperrung["id"])))
    with api.env.adopt_user(username="datenschutz"):
        result = auskunft(datenbank, "Redakteurin")
    freischaltung, gesperrt = result["systemhaus_auftraege"]
    assert freischaltung["art"] == "freischaltung"
    assert freischaltung["bestaetigt_am"] is None
    assert gesperrt["art"] == "sperrung"
    assert gesperrt["personen"] == [
        "Redakteurin, Rita <rita.redakteurin@stadtdo.example>"
    ]
    assert gesperrt["bestaetigt_am"] == sperrung["bestaetigt_am"]
