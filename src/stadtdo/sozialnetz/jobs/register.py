"""The registry of the daily jobs, in the order they run (``jobs.lauf``).

- ``jahresuebersicht``: January digest (Anlage 1 Nr. 5), per department
  (``jobs.jahresuebersicht``);
- ``ueberpruefung``: yearly review of the voluntary basis (DV § 2), per
  approved Antrag (``jobs.ueberpruefung``);
- ``ueberpruefung_erinnerung`` and ``ueberpruefung_eskalation``: a review
  not answered in time is reminded to the head and escalated to the POA
  (StA 11), each once per round (``jobs.ueberpruefung``);
- ``systemhaus``: unconfirmed orders to the Systemhaus reminded, then
  escalated to the POA, per Antrag with an open order (``jobs.systemhaus``;
  before ``verantwortung``, so an order of this run is not reminded in it);
- ``verantwortung``: offboarding (issue 13), per approved Antrag with an
  ended task (``jobs.verantwortung``);
- ``fristen``: reminders and escalations of the bodies' deadlines
  (``notifications.fristen``);
- ``tagesuebersicht``: the daily overview, per user who chose it
  (``notifications.tagesuebersicht``);
- ``entwuerfe``: abandoned drafts reminded of, then deleted
  (``datenschutz.entwuerfe``);
- ``aufbewahrung``: retention, per Person (``jobs.aufbewahrung``);
- ``idempotenz``: stored answers of ``Idempotency-Key`` cleaned up
  (``infrastruktur.idempotenz``).

A job with ``kandidaten`` and ``schritt`` gets a savepoint per item from the
runner (``jobs.ausfuehren``); every job runs even if another one fails.
"""

from stadtdo.sozialnetz.datenschutz.entwuerfe import verwaiste_entwuerfe
from stadtdo.sozialnetz.infrastruktur import idempotenz
from stadtdo.sozialnetz.jobs import aufbewahrung
from stadtdo.sozialnetz.jobs import jahresuebersicht
from stadtdo.sozialnetz.jobs import systemhaus
from stadtdo.sozialnetz.jobs import ueberpruefung
from stadtdo.sozialnetz.jobs import verantwortung
from stadtdo.sozialnetz.jobs.ausfuehren import Job
from stadtdo.sozialnetz.notifications import tagesuebersicht
from stadtdo.sozialnetz.notifications.fristen import faellige_mitteilungen


JOBS = (
    Job(
        "jahresuebersicht",
        kandidaten=jahresuebersicht.fachbereiche,
        schritt=jahresuebersicht._digest_fuer,
    ),
    Job(
        "ueberpruefung",
        kandidaten=ueberpruefung.genehmigte,
        schritt=ueberpruefung._ueberpruefung_fuer,
    ),
    Job(
        "ueberpruefung_erinnerung",
        kandidaten=ueberpruefung.ueberfaellige,
        schritt=ueberpruefung.erinnern,
    ),
    Job(
        "ueberpruefung_eskalation",
        kandidaten=ueberpruefung.ueberfaellige,
        schritt=ueberpruefung.eskalieren,
    ),
    Job(
        "systemhaus",
        kandidaten=systemhaus.antraege,
        schritt=systemhaus.auftraege_pruefen,
    ),
    Job(
        "verantwortung",
        kandidaten=verantwortung.antraege_mit_ende,
        schritt=verantwortung.aufgaben_pruefen,
    ),
    Job("fristen", lauf=faellige_mitteilungen),
    Job(
        "tagesuebersicht",
        kandidaten=tagesuebersicht.faellige,
        schritt=tagesuebersicht.uebersicht_fuer,
        ort=tagesuebersicht.ort,
        protokoll=tagesuebersicht.protokoll,
        logger="stadtdo.sozialnetz.jobs",
    ),
    Job("entwuerfe", lauf=verwaiste_entwuerfe),
    Job(
        "aufbewahrung",
        kandidaten=aufbewahrung.personen,
        schritt=aufbewahrung.person_pruefen,
        ort=aufbewahrung.ort,
        protokoll=aufbewahrung.protokoll,
    ),
    Job("idempotenz", lauf=idempotenz.aufraeumen),
)


def nach_name(name):
    """The job ``name`` of :data:`JOBS`."""
    (job,) = (job for job in JOBS if job.name == name)
    return job
