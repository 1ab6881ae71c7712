"""What belongs to the database: its groups and the roles given in it."""

from dataclasses import dataclass
from stadtdo.sozialnetz.content.fachbereich import IFachbereich
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.rechte.gruppen import BERECHTIGUNGSVERWALTUNG
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.rechte.gruppen import FACHBEREICH_GRUPPEN


#: the review bodies' roles: given only through the bodies' groups
GREMIUM_ROLLEN = frozenset(gremium.rolle for gremium in GREMIEN)
#: the department roles: local roles of a Fachbereich folder's own groups
#: only (``regeln``); people get them by joining the group
FACHBEREICH_ROLLEN = tuple(rolle for _suffix, _titel, rolle in FACHBEREICH_GRUPPEN)
#: the department head's role: never together with a body role
KOPF_ROLLE = "SNFachbereichsleitung"
#: StA 11's role
VERWALTUNG_ROLLE = BERECHTIGUNGSVERWALTUNG[2]
VERWALTUNG_GRUPPE = BERECHTIGUNGSVERWALTUNG[0]
#: roles of the platform administrators: never given by the database
PLATTFORM_ROLLEN = frozenset(("Manager", "Site Administrator"))


@dataclass(frozen=True)
class Gruppe:
    id: str
    titel: str
    rolle: str
    ordner: object  # the folder on which the group holds its role
    gremium: str | None = None  # id of the review body, if any


def datenbank_gruppen(datenbank):
    """The groups whose membership StA 11 manages, by id: the review bodies'
    groups and, per Fachbereich folder, its three department groups.

    The StA 11 group itself is not among them: only a Manager changes it.
    """
    gruppen = {}
    for gremium in GREMIEN:
        gruppen[gremium.gruppe] = Gruppe(
            id=gremium.gruppe,
            titel=gremium.gruppentitel,
            rolle=gremium.rolle,
            ordner=datenbank,
            gremium=gremium.id,
        )
    for ordner in fachbereiche(datenbank):
        for suffix, titel, rolle in FACHBEREICH_GRUPPEN:
            groupid = fachbereich_group_id(ordner.kuerzel, suffix)
            gruppen[groupid] = Gruppe(
                id=groupid,
                titel=titel.format(kuerzel=ordner.kuerzel),
                rolle=rolle,
                ordner=ordner,
            )
    return gruppen


def fachbereiche(datenbank):
    return [
        obj
        for obj in datenbank.objectValues()
        if IFachbereich.providedBy(obj) and getattr(obj, "kuerzel", None)
    ]
