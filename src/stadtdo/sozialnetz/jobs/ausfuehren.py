"""The one runner of the daily jobs: a savepoint per item and per job.

A job (:class:`Job`) either names its items (``kandidaten``) and what to do
with one of them (``schritt``) – the runner then gives each item a savepoint
of its own – or runs as a whole (``lauf``). An item or a job that fails is
rolled back to its savepoint, logged and reported as a
:class:`~stadtdo.sozialnetz.jobs.ergebnis.Fehler`; the next item and the next
job still run.

A ``ConflictError`` is never caught: it means another transaction (another
run, a user) wrote the same objects, and only aborting the whole transaction
and running the request again (Zope's publisher does) gives a consistent
result. Rolling back one item and committing the rest would commit half a run.
"""

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from stadtdo.sozialnetz.datenschutz.aufbewahrung import zuruecksetzen
from stadtdo.sozialnetz.jobs.ergebnis import Eintrag
from stadtdo.sozialnetz.jobs.ergebnis import eintrag
from stadtdo.sozialnetz.jobs.ergebnis import Fehler
from typing import Any
from ZODB.POSException import ConflictError
import logging
import transaction


logger = logging.getLogger("stadtdo.sozialnetz.jobs")

#: the logger of a failed item (the name it had in ``datenschutz.aufbewahrung``)
EINZELN_LOGGER = "stadtdo.sozialnetz.retention"


def ort_des_objekts(obj: Any) -> tuple[str, str]:
    """``(Antragsnummer, path)`` of an item for the summary of a failure."""
    return (
        getattr(obj, "antragsnummer", "") or "",
        "/".join(obj.getPhysicalPath()),
    )


def _protokoll(job: "Job", obj: Any, pfad: str) -> str:
    return f"{job.name}: {pfad} fehlgeschlagen"


@dataclass(frozen=True)
class Job:
    """One daily job of the registry (``jobs.register``).

    - ``kandidaten(today)``: the items to look at (also in the preview);
    - ``schritt(item, today, dry_run)``: the entry of one item (a typed entry,
      a dict of a lower layer, a list of them, or None if nothing is due);
    - or ``lauf(today, dry_run=...)``: a job that runs as a whole and returns
      its entries;
    - ``ort(item)``: ``(Antragsnummer, path)`` in the summary of a failed
      item (no personal data); ``protokoll(job, item, path)``: its log line,
      on the logger named ``logger``.
    """

    name: str
    kandidaten: Callable[[date], Iterable[Any]] | None = None
    schritt: Callable[[Any, date, bool], Any] | None = None
    lauf: Callable[..., Iterable[Any]] | None = None
    ort: Callable[[Any], tuple[str, str]] = ort_des_objekts
    protokoll: Callable[["Job", Any, str], str] = _protokoll
    logger: str = EINZELN_LOGGER

    def __call__(self, today: date, *, dry_run: bool = False) -> list[Eintrag]:
        if self.lauf is not None:
            return [eintrag(e) for e in self.lauf(today, dry_run=dry_run)]
        result = []
        for obj in self.kandidaten(today):
            einzeln(result, self, obj, today, dry_run)
        return result


def einzeln(result: list[Eintrag], job: Job, obj: Any, *args: Any) -> None:
    """Run ``job.schritt(obj, *args)`` for one item in its own savepoint and
    add its entry (if any) to ``result``; a failure other than a conflict is
    rolled back, logged and added as :class:`Fehler` instead, so the job
    goes on with the next item."""
    savepoint = transaction.savepoint(optimistic=True)
    try:
        wert = job.schritt(obj, *args)
    except ConflictError:
        raise
    except Exception as error:
        zuruecksetzen(savepoint)
        antragsnummer, pfad = job.ort(obj)
        logging.getLogger(job.logger).exception(job.protokoll(job, obj, pfad))
        result.append(
            Fehler.aus(job.name, error, antragsnummer=antragsnummer, pfad=pfad)
        )
        return
    if isinstance(wert, list | tuple):  # several mails of one item
        result.extend(eintrag(w) for w in wert)
    elif wert is not None:
        result.append(eintrag(wert))


def alle(jobs: Iterable[Job], today: date, *, dry_run: bool = False) -> list[Eintrag]:
    """Run every job of ``jobs`` in its own savepoint; a job that fails
    (other than by a conflict) is rolled back, logged and reported as
    :class:`Fehler`, and the next job runs."""
    result = []
    for job in jobs:
        savepoint = transaction.savepoint(optimistic=True)
        try:
            result.extend(job(today, dry_run=dry_run))
        except ConflictError:
            raise
        except Exception as error:
            zuruecksetzen(savepoint)
            logger.exception("Geplante Aufgabe %s fehlgeschlagen", job.name)
            result.append(Fehler.aus(job.name, error))
    return result
