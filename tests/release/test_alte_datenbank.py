"""A database of the first release (profile 1000) upgrades with nothing lost.

The fixture tests/fixtures/profil-1000.tar.xz was made by
scripts/alte_datenbank.py with the 1000 code (commit fcb1dfa) through its
REST API; profil-1000.tar.xz.json beside it holds what that code answered for
every Antrag. Here a copy is upgraded with today's code as an administrator
does (scripts/aktualisieren.py = „Aktualisieren“ in the add-ons control
panel), served, and asked the same through REST.
"""

from tests.release import instanz
import json
import pytest
import re


PROFIL = "1000"
#: Anträge whose state the upgrade changes on purpose, and to what.
NEUER_STATUS = {
    # 1001: a draft the head sent back is frozen (continue by re-application)
    "zurueckgewiesen": "zurueckgewiesen",
    # 1002: approved until its re-application is approved
    "vorgaenger": "genehmigt",
}
#: The history entries the upgrade adds.
UMSTELLUNGEN = {"umstellung_zurueckgewiesen", "umstellung_wiederhergestellt"}


@pytest.fixture(scope="module")
def erwartet():
    with open(instanz.FIXTURES / f"profil-{PROFIL}.tar.xz.json", encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    var = tmp_path_factory.mktemp("profil-1000")
    instanz.entpacken(instanz.FIXTURES / f"profil-{PROFIL}.tar.xz", var)
    conf = instanz.konfigurieren(var)
    ausgabe = instanz.zconsole(conf, "aktualisieren.py")
    pruefung = instanz.pruefen(conf)
    with instanz.server(var) as rest:
        rest.ausgabe = ausgabe
        rest.pruefung = pruefung
        rest.var = var
        yield rest


def url(site, erwartet, name):
    return f"{site.base}/{erwartet['antraege'][name]['pfad']}"


def test_fixture_is_a_database_of_profile_1000(erwartet):
    assert erwartet["profil"] == PROFIL
    assert len(erwartet["antraege"]) >= 15


def test_upgrade_reports_each_step_and_ends_at_the_profile_version(site):
    assert "stadtdo.sozialnetz:default: 1000 → 1010" in site.ausgabe
    assert site.ausgabe.count("1000 → 1001:") == 11
    assert site.ausgabe.count("1001 → 1002:") == 3
    assert site.ausgabe.count("1002 → 1003:") == 5
    assert site.ausgabe.count("1003 → 1004:") == 1
    assert site.ausgabe.count("1004 → 1005:") == 1
    assert site.ausgabe.count("1005 → 1006:") == 1
    assert site.ausgabe.count("1006 → 1007:") == 1
    assert site.ausgabe.count("1007 → 1008:") == 1
    assert site.ausgabe.count("1008 → 1009:") == 2
    assert site.ausgabe.count("1009 → 1010:") == 1
    addon = site("admin", "GET", "@addons/stadtdo.sozialnetz")
    assert addon["upgrade_info"]["available"] is False
    assert addon["upgrade_info"]["installedVersion"] == "1010"


def test_the_upgraded_database_checks_clean(site):
    """Every record loads (no broken object), catalog and votes agree."""
    rc, ausgabe = site.pruefung
    assert rc == 0, ausgabe
    assert "0 Befunde" in ausgabe


def test_every_vote_comment_history_entry_and_version_as_before(site, erwartet):
    from alte_datenbank import erwartung

    antraege = {n: url(site, erwartet, n) for n in erwartet["antraege"]}
    jetzt = erwartung(site, antraege)
    for name, alt in erwartet["antraege"].items():
        neu = jetzt[name]
        assert neu["antragsnummer"] == alt["antragsnummer"], name
        assert neu["voten"] == alt["voten"], name
        assert neu["eintraege"] == alt["eintraege"], name
        assert neu["offene_rueckfragen"] == alt["offene_rueckfragen"], name
        assert neu["kinder"] == alt["kinder"], name
        assert neu["versionen"] == alt["versionen"], name
        assert neu["review_state"] == NEUER_STATUS.get(name, alt["review_state"]), name
        # newest first: the old history is the tail, the upgrade's entries on top
        hinzu = neu["workflow"][: len(neu["workflow"]) - len(alt["workflow"])]
        assert neu["workflow"][len(hinzu) :] == alt["workflow"], name
        assert {e["action"] for e in hinzu} <= UMSTELLUNGEN, name
        assert bool(hinzu) == (name in NEUER_STATUS), name


def test_the_uebersicht_columns_show_the_stored_votes(site, erwartet):
    report = site("poa", "GET", "soziale-netzwerke/@sozialnetz-report")
    zeilen = {z["antragsnummer"]: z for z in report["offene_antraege"]}
    for name, alt in erwartet["antraege"].items():
        if alt["review_state"] != "beteiligung":
            continue
        zeile = zeilen[alt["antragsnummer"]]
        assert zeile["voten"] == {g: v["votum"] for g, v in alt["voten"].items()}, name
    from stadtdo.sozialnetz.content.gremien import GREMIEN

    seite = site.html("poa", "soziale-netzwerke/@@uebersicht")
    spalten = {
        nummer: re.findall(r'class="sn-votum sn-votum-([a-z_]+)"', zeile)
        for zeile in re.findall(r"<tr>(.*?)</tr>", seite, re.S)
        for nummer in re.findall(r">(SN-\d{4}-\d{4})</a>", zeile)
    }
    gezeigt = 0
    for name, alt in erwartet["antraege"].items():
        if alt["antragsnummer"] in spalten:
            gezeigt += 1
            assert spalten[alt["antragsnummer"]] == [
                alt["voten"][g.id]["votum"] for g in GREMIEN
            ], name
    assert gezeigt >= 10


def test_meine_aufgaben_of_each_body(site, erwartet):
    nummer = {n: a["antragsnummer"] for n, a in erwartet["antraege"].items()}
    seite = site.html("personalrat", "soziale-netzwerke/@@meine-aufgaben")
    assert nummer["beteiligung_offen"] in seite
    assert nummer["genehmigt"] not in seite
    seite = site.html("leitung", "soziale-netzwerke/@@meine-aufgaben")
    assert nummer["bei_leitung"] in seite
    assert nummer["erneut_gestellt"] in seite
    seite = site.html("agentur", "soziale-netzwerke/@@meine-aufgaben")
    assert nummer["bei_agentur"] in seite
    seite = site.html("mitarbeiter", "soziale-netzwerke/@@meine-aufgaben")
    assert nummer["rueckfrage_offen"] in seite


def test_deadlines_of_the_votes_due(site, erwartet):
    report = site("poa", "GET", "soziale-netzwerke/@sozialnetz-report")
    zeilen = {z["antragsnummer"]: z for z in report["offene_antraege"]}
    fristen = zeilen[erwartet["antraege"]["beteiligung_offen"]["antragsnummer"]][
        "fristen"
    ]
    assert {g for g, f in fristen.items() if f} == {
        "datenschutz",
        "itsicherheit",
        "personalrat",
        "poa",
    }


def test_report_and_register_list_the_approved_accounts(site, erwartet):
    konto = {n: a["kontoname"] for n, a in erwartet["antraege"].items()}
    report = site("poa", "GET", "soziale-netzwerke/@sozialnetz-report")
    # the predecessor of a pending re-application is approved again
    nummer = {n: a["antragsnummer"] for n, a in erwartet["antraege"].items()}
    aktiv = {z["antragsnummer"]: z for z in report["aktive_konten"]}
    # the predecessor of a pending re-application is approved again
    assert set(aktiv) == {
        nummer["genehmigt"],
        nummer["kette_neu"],
        nummer["vorgaenger"],
    }
    assert (
        aktiv[nummer["vorgaenger"]]["aenderung_beantragt"] == nummer["erneut_gestellt"]
    )
    register = site("anonymous", "GET", "@offizielle-kanaele")
    offiziell = {k["konto"] for k in register["konten"]}
    assert {konto["genehmigt"], konto["kette_neu"], konto["vorgaenger"]} <= offiziell
    assert konto["entwurf"] not in offiziell


def test_full_text_search_finds_old_antraege(site, erwartet):
    for name in ("genehmigt", "rueckfrage_offen", "entwurf"):
        alt = erwartet["antraege"][name]
        treffer = site(
            "admin",
            "GET",
            f"@search?SearchableText={alt['antragsnummer']}&portal_type=Antrag",
        )
        assert [i["@id"] for i in treffer["items"]] == [url(site, erwartet, name)]


def test_the_incident_report_is_kept(site):
    seite = site.html("admin", "soziale-netzwerke/vorfall-melden/@@saveddata")
    assert "Drohende Kommentare" in seite


def test_the_jobs_run_without_error(site):
    vorschau = site.html("admin", "@@sozialnetz-jobs")
    assert "alle Voten stimmen mit Verlauf und Katalog überein" in vorschau
    assert "Fehler in" not in vorschau
    erledigt = site("admin", "POST", "@sozialnetz-jobs", {})
    assert erledigt["fehler"] == []


# The process goes on (these change the database: they come last).


def test_a_pending_vote_leads_to_genehmigt(site, erwartet):
    adresse = url(site, erwartet, "beteiligung_offen")
    for gremium in ("datenschutz", "itsicherheit", "poa", "personalrat"):
        site(gremium, "POST", f"{adresse}/@votum", {"gremium": gremium, "votum": "ja"})
    assert site("admin", "GET", adresse)["review_state"] == "genehmigt"


def test_an_open_rueckfrage_can_be_answered(site, erwartet):
    adresse = url(site, erwartet, "rueckfrage_offen")
    site(
        "mitarbeiter",
        "POST",
        f"{adresse}/@rueckfrage",
        {"gremium": "personalrat", "antwort": "Die Stellvertretung."},
    )
    assert site("admin", "GET", f"{adresse}/@votum")["offene_rueckfragen"] == []


def test_approving_the_pending_reapplication_archives_the_predecessor(site, erwartet):
    adresse = url(site, erwartet, "erneut_gestellt")
    site("leitung", "POST", f"{adresse}/@workflow/genehmigen", {})
    site("agentur", "POST", f"{adresse}/@votum", {"gremium": "agentur", "votum": "ja"})
    for gremium in ("poa", "personalrat"):
        site(gremium, "POST", f"{adresse}/@votum", {"gremium": gremium, "votum": "ja"})
    assert site("admin", "GET", adresse)["review_state"] == "genehmigt"
    vorgaenger = url(site, erwartet, "vorgaenger")
    assert site("admin", "GET", vorgaenger)["review_state"] == "archiviert"
