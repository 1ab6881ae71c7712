"""One run of the Notes import over the records of a reader.

Dry run and real run go through the same steps and say the same about each
record: a Notes-ID seen before in the file is refused as a duplicate, one
already in the database is skipped (so a second run creates nothing), the
rest is checked by ``pruefung.pruefen`` and – in the real run – written by
``anlegen.anlegen``. Links to predecessors are made at the end, once every
record of the file is known.
"""

from dataclasses import dataclass
from dataclasses import field
from plone import api
from stadtdo.sozialnetz.migration.anlegen import anlegen
from stadtdo.sozialnetz.migration.anlegen import verknuepfen
from stadtdo.sozialnetz.migration.pruefung import pruefen


NEU = "neu"  # would be / was created
VORHANDEN = "vorhanden"
ABGELEHNT = "abgelehnt"
HINWEIS = "hinweis"


@dataclass(frozen=True)
class Meldung:
    quelle: str  # "Zeile 3", "Dokument 2 (Zeile 41)"
    art: str
    text: str
    notes_id: str = ""


@dataclass
class Ergebnis:
    probelauf: bool = False
    meldungen: list[Meldung] = field(default_factory=list)

    def _art(self, art):
        return [m for m in self.meldungen if m.art == art]

    @property
    def neu(self):
        return self._art(NEU)

    @property
    def vorhanden(self):
        return self._art(VORHANDEN)

    @property
    def abgelehnt(self):
        return self._art(ABGELEHNT)

    @property
    def hinweise(self):
        return self._art(HINWEIS)

    def zusammenfassung(self):
        if self.probelauf:
            kopf = (
                f"Probelauf: {len(self.neu)} Antrag/Anträge würden angelegt, "
                f"{len(self.vorhanden)} bereits vorhanden, "
                f"{len(self.abgelehnt)} abgelehnt. Es wurde nichts geändert."
            )
        else:
            kopf = (
                f"{len(self.neu)} Antrag/Anträge angelegt, "
                f"{len(self.vorhanden)} bereits vorhanden, "
                f"{len(self.abgelehnt)} abgelehnt."
            )
        return "\n".join([f"{m.quelle}: {m.text}" for m in self.meldungen] + [kopf])


class _Katalog:
    """Looks Notes-IDs up in the catalog."""

    def __init__(self):
        self.catalog = api.portal.get_tool("portal_catalog")
        if "notes_id" not in self.catalog.indexes():
            # a catalog ignores unknown indexes and would match every Antrag
            raise RuntimeError(
                "Katalogindex notes_id fehlt: Profil stadtdo.sozialnetz erneut anwenden."
            )

    def brain(self, notes_id):
        """The catalog entry of the Antrag with ``notes_id``, or None."""
        brains = self.catalog.unrestrictedSearchResults(
            portal_type="Antrag", notes_id=notes_id
        )
        return brains[0] if brains else None

    def antrag(self, notes_id):
        brain = self.brain(notes_id)
        return brain._unrestrictedGetObject() if brain is not None else None


def _beschreibung(satz, daten):
    """What is (to be) created, in the file's words and the target state."""
    plattform = satz.plattform + (
        " (als Sonstige)" if daten["plattform_sonstige"] else ""
    )
    teile = [
        f"Notes-ID {daten['notes_id']}",
        daten["folder"].kuerzel,
        plattform,
        f"„{daten['kontoname']}“",
        f"Status {satz.status} → {daten['status']}",
        f"{len(daten['personen'])} Person(en)",
        f"{len(daten['anlagen'])} Anlage(n)",
    ]
    if daten["vorgaenger"]:
        teile.append(f"erneuter Antrag zu Notes-ID {daten['vorgaenger']}")
    return ", ".join(teile)


def _verknuepfen(ergebnis, katalog, links, neue_ids, probelauf):
    for quelle, notes_id, vorgaenger_id in links:
        vorgaenger = katalog.antrag(vorgaenger_id)
        if vorgaenger is None and not (probelauf and vorgaenger_id in neue_ids):
            ergebnis.meldungen.append(
                Meldung(
                    quelle,
                    HINWEIS,
                    f"Vorgänger mit Notes-ID {vorgaenger_id} ist weder in der Datei "
                    "noch in der Datenbank; der Antrag steht ohne Verknüpfung.",
                    notes_id,
                )
            )
        elif not probelauf:
            verknuepfen(katalog.antrag(notes_id), vorgaenger)


def uebernehmen(
    datenbank, datensaetze, *, probelauf=False, stapel=100, nach_stapel=None
):
    """Take over ``datensaetze`` (records of a reader) into ``datenbank``.

    Returns an Ergebnis with one Meldung per record (and hints on missing
    predecessors). In the real run ``nach_stapel(ergebnis)`` is called after
    every ``stapel`` new Anträge and at the end – the console script commits
    there, so a large export is written in batches. Reader errors
    (DateiFehler) pass through.
    """
    ergebnis = Ergebnis(probelauf=probelauf)
    katalog = _Katalog()
    gesehen = {}  # Notes-ID -> where it first appeared
    neue_ids = set()
    links = []  # (quelle, Notes-ID, Notes-ID of the predecessor)
    melden = ergebnis.meldungen.append
    for satz in datensaetze:
        if satz.form != "Antrag":  # e.g. a Person whose Antrag is not in the file
            melden(
                Meldung(satz.quelle, ABGELEHNT, "abgelehnt: " + "; ".join(satz.maengel))
            )
            continue
        if satz.notes_id and satz.notes_id in gesehen:
            melden(
                Meldung(
                    satz.quelle,
                    ABGELEHNT,
                    f"abgelehnt: Notes-ID {satz.notes_id} steht doppelt in der Datei "
                    f"(zuerst {gesehen[satz.notes_id]})",
                    satz.notes_id,
                )
            )
            continue
        gesehen.setdefault(satz.notes_id, satz.quelle)
        vorhanden = katalog.brain(satz.notes_id) if satz.notes_id else None
        if vorhanden is not None:  # the brain: a second run wakes no object
            melden(
                Meldung(
                    satz.quelle,
                    VORHANDEN,
                    f"bereits übernommen als {vorhanden.antragsnummer} "
                    f"(Notes-ID {satz.notes_id}), übersprungen",
                    satz.notes_id,
                )
            )
            antrag = vorhanden._unrestrictedGetObject() if satz.vorgaenger else None
            if antrag is not None and not antrag.vorgaenger:
                links.append((satz.quelle, satz.notes_id, satz.vorgaenger))
            continue
        daten, gruende = pruefen(datenbank, satz)
        if gruende:
            melden(
                Meldung(
                    satz.quelle,
                    ABGELEHNT,
                    "abgelehnt: " + "; ".join(gruende),
                    satz.notes_id,
                )
            )
            continue
        neue_ids.add(satz.notes_id)
        if daten["vorgaenger"]:
            links.append((satz.quelle, satz.notes_id, daten["vorgaenger"]))
        if probelauf:
            text = f"wird angelegt: {_beschreibung(satz, daten)}"
        else:
            antrag = anlegen(daten)
            text = f"angelegt als {antrag.antragsnummer}: {_beschreibung(satz, daten)}"
        melden(Meldung(satz.quelle, NEU, text, satz.notes_id))
        if not probelauf and nach_stapel and len(neue_ids) % stapel == 0:
            nach_stapel(ergebnis)
    _verknuepfen(ergebnis, katalog, links, neue_ids, probelauf)
    if not probelauf and nach_stapel:
        nach_stapel(ergebnis)
    return ergebnis
