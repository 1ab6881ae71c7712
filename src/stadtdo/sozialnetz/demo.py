"""The demo set: departments and one user per actor of the specification.

Used by ``scripts/create_site.py`` (``make start``) and by the test fixture, so
the tests run against exactly the set that README.rst lists. Never called by the
install profile.
"""

from plone import api
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.settings import ISozialnetzSettings
import logging


logger = logging.getLogger("stadtdo.sozialnetz")

#: id, title, Kürzel
FACHBEREICHE = (
    ("fb-10", "FB 10 – Bürgerdienste", "FB 10"),
    ("fb-32", "FB 32 – Ordnungsamt", "FB 32"),
    ("fb-50", "FB 50 – Sozialamt", "FB 50"),
)

#: user id, full name, groups. The password of each is ``demo-<user id>``.
#: The administrator ``admin`` is the Zope root user made by create_site.py.
BENUTZER = (
    ("mitarbeiter", "Mia Mitarbeiterin (FB 10)", ["fb-10-mitarbeiter"]),
    ("mitarbeiter50", "Max Mitarbeiter (FB 50)", ["fb-50-mitarbeiter"]),
    ("leitung", "Lena Leitung (Fachbereichsleitung FB 10)", ["fb-10-leitung"]),
    ("stellvertretung", "Stefan Stellvertretung (FB 10)", ["fb-10-leitung"]),
    (
        "dsfachkraft",
        "Dana Datenschutzfachkraft (FB 10)",
        ["fb-10-datenschutzfachkraft"],
    ),
    ("agentur", "Anton Agentur (Dortmund-Agentur)", ["sn-agentur"]),
    ("datenschutz", "Doris Datenschutz (Datenschutzbeauftragte)", ["sn-datenschutz"]),
    ("personalrat", "Paul Personalrat", ["sn-personalrat"]),
    ("poa", "Petra POA (Personal- und Organisationsamt)", ["sn-poa"]),
    ("itsicherheit", "Ida IT-Sicherheit", ["sn-itsicherheit"]),
    ("sta11", "Stella StA 11 (Berechtigungsverwaltung)", ["sn-sta11"]),
)


def demo_password(userid):
    return f"demo-{userid}"


#: addresses outside the demo users
DEMO_ADRESSEN = {
    "adresse_systemhaus": "freischaltung@dosys.example",
    "adresse_sicherheitskonzept": "sicherheitskonzept@stadtdo.example",
}


def create_demo_content(portal):
    """Create departments and demo users; idempotent, returns the database folder."""
    datenbank = get_datenbank(portal)
    for folder_id, title, kuerzel in FACHBEREICHE:
        if folder_id not in datenbank:
            api.content.create(
                container=datenbank,
                type="Fachbereich",
                id=folder_id,
                title=title,
                kuerzel=kuerzel,
            )
            logger.info("Created Fachbereich %s", title)
    for userid, fullname, groups in BENUTZER:
        _ensure_user(userid, fullname, groups=groups)
    for name, adresse in DEMO_ADRESSEN.items():
        if not einstellung(name):
            api.portal.set_registry_record(name, adresse, interface=ISozialnetzSettings)
    return datenbank


def _ensure_user(userid, fullname, *, groups=()):
    if api.user.get(userid=userid) is None:
        api.user.create(
            username=userid,
            email=f"{userid}@stadtdo.example",
            password=demo_password(userid),
            roles=["Member"],
            properties={"fullname": fullname},
        )
        logger.info("Created demo user %s", userid)
    for groupid in groups:
        api.group.add_user(groupname=groupid, username=userid)
