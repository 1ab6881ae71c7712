"""Approved demo accounts for the public register (``offizielle-kanaele``),
e.g. for its screenshot: three Anträge of FB 10 walked through the whole
process by the demo users. Idempotent: does nothing if the site has an
approved Antrag. Run with the instance stopped, after ``make create-site``:

    .venv/bin/zconsole run instance/etc/zope.conf scripts/demo_register.py
"""

from AccessControl.SecurityManagement import newSecurityManager
from datetime import date
from plone import api
from plone.dexterity.utils import createContentInContainer
from stadtdo.sozialnetz.verfahren import schritte
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")

KONTEN = (
    (
        "instagram",
        "@stadtdortmund_buergerdienste",
        "https://www.instagram.com/stadtdortmund_buergerdienste/",
    ),
    (
        "mastodon",
        "@buergerdienste@dortmund.social",
        "https://dortmund.social/@buergerdienste",
    ),
    (
        "youtube",
        "Stadt Dortmund – Bürgerdienste",
        "https://www.youtube.com/@dortmund-buergerdienste",
    ),
)

ANTRAG = {
    "auftrittsart": "profil",
    "ziele_zielgruppe": "Bürgerinnen und Bürger über Termine und Services informieren.",
    "themen_redaktionsplan": "Wöchentlich zwei Beiträge.",
    "pflege_in_arbeitszeit": True,
    "moderation": "Kommentare werden werktäglich gesichtet.",
    "vertretung": "Zwei Redakteurinnen vertreten sich gegenseitig.",
    "impressum_url": "https://www.dortmund.de/impressum",
    "datenschutzerklaerung_url": "https://www.dortmund.de/datenschutz",
    "offizieller_auftritt": True,
    "verhaltensregeln_ausgehaendigt": True,
    "datenschutz_beteiligt": True,
    "pseudonym_moeglich": False,
    "schulung": "Social-Media-Schulung im März.",
    "begruendung_produktwahl": "Die Zielgruppe ist dort erreichbar.",
}

PERSON = {
    "nachname": "Beispiel",
    "vorname": "Berta",
    "email": "berta.beispiel@stadtdo.example",
    "funktion": "redaktion",
    "rechte_aufgaben": "Beiträge erstellen.",
    "einwilligung": True,
    "einwilligung_datum": date(2026, 1, 15),
    "schulung_status": "durchgefuehrt",
    "taetigkeit_von": date(2026, 2, 1),
    "internetfreischaltung": False,
}


def genehmigtes_konto(fb, plattform, konto, url):
    with api.env.adopt_user(username="mitarbeiter"):
        antrag = createContentInContainer(
            fb, "Antrag", plattform=plattform, kontoname=konto, url=url, **ANTRAG
        )
        createContentInContainer(antrag, "Person", **PERSON)
        schritte.einreichen(antrag)
    with api.env.adopt_user(username="leitung"):
        schritte.genehmigen(antrag)
    for gremium in ("agentur", "poa", "personalrat"):
        with api.env.adopt_user(username=gremium):
            schritte.votum(antrag, gremium=gremium, votum="ja")
    return antrag


def main(app):
    app = makerequest(app)
    app.REQUEST["PARENTS"] = [app]
    newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
    site = app[SITE_ID]
    setSite(site)
    if api.content.find(portal_type="Antrag", review_state="genehmigt"):
        print("The site has approved Anträge already.")
        return
    fb = site["soziale-netzwerke"]["fb-10"]
    for plattform, konto, url in KONTEN:
        antrag = genehmigtes_konto(fb, plattform, konto, url)
        print(f"{antrag.antragsnummer}: {konto} ({api.content.get_state(antrag)})")
    transaction.commit()


main(app)  # noqa: F821 - "app" is provided by zconsole run
