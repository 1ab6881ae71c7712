"""The mapping of directory groups onto the database's groups (registry)."""

from AccessControl import Unauthorized
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.rechte.umfang import datenbank_gruppen
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant


PREFIX = "stadtdo.sozialnetz.verzeichnis"
RECORD = f"{PREFIX}.gruppen_zuordnung"


def zeile_lesen(zeile):
    """``"SN-Agentur = sn-agentur"`` -> ``("SN-Agentur", "sn-agentur")``;
    None for an empty line. Raises ValueError for a line without ``=``."""
    zeile = (zeile or "").strip()
    if not zeile:
        return None
    verzeichnis, sep, portal = zeile.partition("=")
    verzeichnis, portal = verzeichnis.strip(), portal.strip()
    if not sep or not verzeichnis or not portal:
        raise ValueError(zeile)
    return verzeichnis, portal


def _zeilen_pruefen(zeilen):
    """Every line is ``Verzeichnisgruppe = Gruppe der Datenbank`` and names a
    group of the database (a department or review body group)."""
    if not zeilen:
        return True
    datenbank = get_datenbank()
    erlaubt = set(datenbank_gruppen(datenbank)) if datenbank is not None else None
    for zeile in zeilen or ():
        try:
            paar = zeile_lesen(zeile)
        except ValueError:
            raise Invalid(
                _(
                    "„${zeile}“ hat nicht die Form „Gruppe im Verzeichnis = Gruppe "
                    "der Datenbank“.",
                    mapping={"zeile": zeile},
                )
            ) from None
        if paar and erlaubt is not None and paar[1] not in erlaubt:
            raise Invalid(
                _(
                    "„${gruppe}“ ist keine Gruppe der Datenbank; zugeordnet werden "
                    "nur die Gruppen der Fachbereiche und der Gremien.",
                    mapping={"gruppe": paar[1]},
                )
            )
    return True


class IVerzeichnisSettings(Interface):
    """Which group of the directory stands for which group of the database."""

    gruppen_zuordnung = schema.List(
        title=_("Zuordnung der Verzeichnisgruppen"),
        description=_(
            "Eine Zeile je Gruppe: „Gruppe im Verzeichnis = Gruppe der Datenbank“, "
            "z. B. „SN-Agentur = sn-agentur“ oder „SN-FB10-Mitarbeitende = "
            "fb-10-mitarbeiter“. Bei jeder Anmeldung über das Verzeichnis werden die "
            "Mitgliedschaften in den hier genannten Gruppen der Datenbank danach "
            "abgeglichen; die Gewaltenteilung gilt, jede Änderung steht im "
            "Rechteprotokoll."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )

    @invariant
    def zuordnung_pruefen(data):
        _zeilen_pruefen(getattr(data, "gruppen_zuordnung", None))


#: permission (title) to change the mapping: Managers only
BERECHTIGUNG = permissions.MANAGE_DIRECTORY_MAPPING


def zuordnung_geaendert(event):
    """IRecordModifiedEvent: the mapping gives the groups of the database, so
    only who holds BERECHTIGUNG (Managers) changes it — on every way into the
    registry (control panel, ``@registry``, Plone's registry editor)."""
    if event.record.__name__ != RECORD:
        return
    if not api.user.has_permission(BERECHTIGUNG, obj=api.portal.get()):
        raise Unauthorized(
            deutsch(
                _(
                    "Die Zuordnung der Verzeichnisgruppen ändern nur "
                    "Administrator*innen mit Zope-Manager-Rechten."
                )
            )
        )


def zuordnung():
    """``{directory group (casefolded): database group id}``; empty where the
    profile ``ldap`` is not installed. Malformed lines are skipped."""
    zeilen = api.portal.get_registry_record(RECORD, default=None) or ()
    result = {}
    for zeile in zeilen:
        try:
            paar = zeile_lesen(zeile)
        except ValueError:
            continue
        if paar:
            result[paar[0].casefold()] = paar[1]
    return result
