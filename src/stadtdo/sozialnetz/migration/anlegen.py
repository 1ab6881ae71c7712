"""Writing one checked record: Antrag, Personen, Anlagen, votes, history.

The Antrag is created in its draft state (so Personen and Anlagen may be
added), then set to its recorded state with one workflow history entry
"aus Notes übernommen" that carries the Notes history as its comment.
"""

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz.migration.verfahren import aenderung_vermerken
from stadtdo.sozialnetz.migration.verfahren import vorgaenger_kette
from stadtdo.sozialnetz.migration.verfahren import voten_speicher
from stadtdo.sozialnetz.migration.verfahren import WORKFLOW


def _kommentar(daten):
    kommentar = (
        f"aus Notes übernommen (Notes-ID {daten['notes_id']}, "
        f"Antragsteller*in laut Notes: {daten['antragsteller'] or 'unbekannt'})"
    )
    if daten["verlauf"]:
        kommentar += ". Notes-Verlauf: " + "; ".join(daten["verlauf"])
    return kommentar


def _voten(antrag, daten, user):
    zeitpunkt = DateTime((daten["genehmigt"] or daten["erstellt"]).isoformat())
    storage = voten_speicher(antrag, create=True)
    for gremium, votum in daten["voten"].items():
        if votum == "offen":
            continue
        storage[gremium].eintraege.append(
            {
                "art": "votum",
                "votum": votum,
                "kommentar": "aus Notes übernommen",
                "endgueltig": False,
                "autor": user.getId(),
                "autor_name": "Notes-Übernahme",
                "zeit": zeitpunkt.ISO8601(),
            }
        )


def anlegen(daten):
    """Create the Antrag described by ``daten`` (from ``pruefung.pruefen``)."""
    felder = {}
    if daten["begruendung_html"]:
        felder["begruendung"] = RichTextValue(
            daten["begruendung_html"], "text/html", "text/x-html-safe"
        )
    antrag = createContentInContainer(
        daten["folder"],
        "Antrag",
        plattform=daten["plattform"],
        plattform_sonstige=daten["plattform_sonstige"],
        auftrittsart=daten["auftrittsart"],
        kontoname=daten["kontoname"],
        url=daten["url"],
        **felder,
    )
    antrag.notes_id = daten["notes_id"]
    antrag.notes_vorgaenger = daten["vorgaenger"] or None
    antrag.antragsteller = None  # not a user of this site; see notes_antragsteller
    antrag.notes_antragsteller = daten["antragsteller"]
    antrag.notes_genehmigt_am = daten["genehmigt"]
    antrag.creation_date = DateTime(daten["erstellt"].isoformat())
    for person in daten["personen"]:
        createContentInContainer(
            antrag,
            "Person",
            nachname=person.nachname,
            vorname=person.vorname,
            email=person.email,
            rechte_aufgaben="aus Notes übernommen",
        )
    for dateiname, typ, inhalt in daten["anlagen"]:
        createContentInContainer(
            antrag,
            "Anlage",
            file=NamedBlobFile(data=inhalt, filename=dateiname, contentType=typ),
        )
    user = api.user.get_current()
    _voten(antrag, daten, user)
    wf_tool = api.portal.get_tool("portal_workflow")
    wf_tool.setStatusOf(
        WORKFLOW,
        antrag,
        {
            "action": "aus_notes_uebernommen",
            "review_state": daten["status"],
            "actor": user.getId(),
            "comments": _kommentar(daten),
            "time": DateTime(),
            "gremium": "",
            "votum": "",
        },
    )
    wf_tool.getWorkflowById(WORKFLOW).updateRoleMappingsFor(antrag)
    antrag.reindexObject()
    for child in antrag.objectValues():
        child.reindexObjectSecurity()
    return antrag


def verknuepfen(antrag, vorgaenger):
    """Mark ``antrag`` as re-application of ``vorgaenger`` ("5. Bisherige Anträge")."""
    antrag.vorgaenger = api.content.get_uuid(vorgaenger)
    antrag.antragsart = "erneuter_antrag"
    antrag.reindexObject(idxs=["vorgaenger", "antragsart"])
    for frueher in vorgaenger_kette(antrag):
        aenderung_vermerken(frueher)
