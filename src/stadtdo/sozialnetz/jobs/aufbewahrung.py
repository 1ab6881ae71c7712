"""Retention (Anlage 1 Nr. 1) as a daily job: every Person whose retention
period has passed is anonymised (``datenschutz.aufbewahrung``), each in its
own savepoint (``jobs.ausfuehren``)."""

from Acquisition import aq_parent
from plone import api
from stadtdo.sozialnetz.datenschutz.aufbewahrung import anonymisieren
from stadtdo.sozialnetz.datenschutz.aufbewahrung import ende_und_grund
from stadtdo.sozialnetz.datenschutz.aufbewahrung import faellig
from stadtdo.sozialnetz.jobs.ergebnis import Anonymisierung
from ZODB.POSException import ConflictError


def personen(today):
    """The catalog entries of every Person (woken one by one by the step)."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type="Person")


def person_pruefen(brain, today, dry_run):
    """Anonymise the Person of ``brain`` if its retention period has passed."""
    person = brain._unrestrictedGetObject()
    if not faellig(person, today):
        return None
    eintrag = Anonymisierung(
        antragsnummer=getattr(aq_parent(person), "antragsnummer", ""),
        person=person.getId(),
    )
    if not dry_run:
        anonymisieren(person, today=today, grund=ende_und_grund(person)[1])
    return eintrag


def ort(brain):
    """``(Antragsnummer, path)`` of a failed Person (the Antrag's number if
    it can still be read)."""
    try:
        antrag = aq_parent(brain._unrestrictedGetObject())
        antragsnummer = getattr(antrag, "antragsnummer", "") or ""
    except ConflictError:
        raise
    except Exception:
        antragsnummer = ""
    return antragsnummer, brain.getPath()


def protokoll(job, brain, pfad):
    return f"Anonymisierung von {pfad} fehlgeschlagen"
