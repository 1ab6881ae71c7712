"""Groups and local roles that mirror the ACL of the Notes database.

Per Fachbereich three groups get local roles on the department folder; the
review bodies' groups get theirs on the database folder; StA 11 holds a global
role to administer all of this (Anlage 1 Nr. 1).
"""

from plone import api
from plone.i18n.normalizer.interfaces import IIDNormalizer
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.rechte.lokale_rollen import stand_sichern
from zope.component import getUtility


#: Department groups: suffix, title template, local role on the FB folder.
FACHBEREICH_GRUPPEN = (
    ("mitarbeiter", "{kuerzel}: Mitarbeiter*innen", "SNMitarbeiter"),
    (
        "leitung",
        "{kuerzel}: Fachbereichsleitung und Stellvertretung",
        "SNFachbereichsleitung",
    ),
    (
        "datenschutzfachkraft",
        "{kuerzel}: Datenschutzfachkräfte",
        "SNDatenschutzfachkraft",
    ),
)


#: StA 11 administers rights: a global role, given through this group.
BERECHTIGUNGSVERWALTUNG = (
    "sn-sta11",
    "Soziale Netzwerke: Berechtigungsverwaltung (StA 11)",
    "SNBerechtigungsverwaltung",
)


def fachbereich_group_id(kuerzel, suffix):
    """``("FB 10", "leitung")`` -> ``"fb-10-leitung"``."""
    slug = getUtility(IIDNormalizer).normalize(kuerzel)
    return f"{slug}-{suffix}"


def _ensure_group(groupid, title):
    group = api.group.get(groupname=groupid)
    if group is None:
        group = api.group.create(groupname=groupid, title=title)
    return group


def setup_fachbereich_groups(folder):
    """Create the department's groups and give them their local roles.

    Idempotent; returns the group ids by suffix.
    """
    result = {}
    for suffix, title, role in FACHBEREICH_GRUPPEN:
        groupid = fachbereich_group_id(folder.kuerzel, suffix)
        _ensure_group(groupid, title.format(kuerzel=folder.kuerzel))
        api.group.grant_roles(groupname=groupid, roles=[role], obj=folder)
        result[suffix] = groupid
    folder.reindexObjectSecurity()
    _stand_sichern(folder)
    return result


def _stand_sichern(obj):
    """The groups' roles are the state from which the Rechteprotokoll
    records later changes."""
    stand_sichern(obj)


def setup_gremium_groups(datenbank):
    """Create the review bodies' groups, give them their local roles on the
    database folder, and create the StA 11 group with its global role."""
    for gremium in GREMIEN:
        _ensure_group(gremium.gruppe, gremium.gruppentitel)
        api.group.grant_roles(
            groupname=gremium.gruppe, roles=[gremium.rolle], obj=datenbank
        )
    groupid, title, role = BERECHTIGUNGSVERWALTUNG
    _ensure_group(groupid, title)
    api.group.grant_roles(groupname=groupid, roles=[role])
    datenbank.reindexObjectSecurity()
    _stand_sichern(datenbank)
