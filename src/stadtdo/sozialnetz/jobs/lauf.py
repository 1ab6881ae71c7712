"""The scheduled jobs, started daily by cron through ``@@sozialnetz-jobs``.

- January digest (Anlage 1 Nr. 5): each department's head and deputy get one
  mail listing the department's active (approved) accounts with their
  responsible persons – once per year and department, however often the job
  runs in the digest month.
- Yearly review (DV § 2): each year after approval the department is asked
  to confirm that every Person still consents – once per Antrag and year.
- Deadlines (domain.md § 6): reminders before and escalations after the
  deadline of a body's vote (``notifications.fristen``), each once.
- Daily overview (issue 13 item 4): one mail per reviewer who chose it
  instead of single mails, once a day (``notifications.tagesuebersicht``).
- Abandoned drafts (Anlage 1 Nr. 1): reminded of, then deleted with their
  Persons and versions (``stadtdo.sozialnetz.datenschutz.entwuerfe``).
- Offboarding (issue 13): approved Anträge with a Person whose task has
  ended are flagged „Verantwortung klären“ and the head is mailed, once
  (``stadtdo.sozialnetz.jobs.verantwortung``). The digest lists the
  flag too.
- Retention (Anlage 1 Nr. 1): Persons whose task ended longer ago than the
  retention period are anonymised (``stadtdo.sozialnetz.datenschutz.aufbewahrung``).

The jobs are listed in ``jobs.register``; ``jobs.ausfuehren`` runs them, each
item in a savepoint of its own. Every job runs even if another one fails;
failures are listed in the result (``jobs.ergebnis.Fehler``) and logged. A
``ConflictError`` is not caught: the whole run is retried (below).

``run_jobs(dry_run=True)`` computes the same mails and anonymisations without
sending, changing or recording anything: the preview for administrators.

Once per cluster: nothing in an instance starts the jobs (no clock server, no
start-up hook); cron posts once to the load balancer. Two runs that overlap
anyway (two cron entries, two instances) are harmless: every run first writes
the same record in the site (``LAUF_KEY``), so ZODB lets only one of them
commit. The other one gets a ``ConflictError`` at commit, is rolled back with
the mails it queued (the mail queue is written at commit only) and is run
again by Zope from the start – and then finds what the first run recorded.
"""

from DateTime import DateTime
from datetime import date
from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz.infrastruktur.speicher import annotation
from stadtdo.sozialnetz.jobs import ausfuehren
from stadtdo.sozialnetz.jobs.ergebnis import Eintrag
from stadtdo.sozialnetz.jobs.jahresuebersicht import _digest_text  # noqa: F401
from stadtdo.sozialnetz.jobs.jahresuebersicht import DIGEST_KEY  # noqa: F401
from stadtdo.sozialnetz.jobs.register import JOBS
from stadtdo.sozialnetz.jobs.register import nach_name


#: the record every run (not the preview) writes first, in the site's annotations
LAUF_KEY = "stadtdo.sozialnetz.jobs.lauf"


def lauf_vermerken(today):
    """Record this run in the one object every run writes (see the module
    docstring): two overlapping runs conflict, only one commits."""
    lauf = annotation(api.portal.get(), LAUF_KEY, PersistentMapping)
    lauf["datum"] = today.isoformat()
    lauf["zeit"] = DateTime().ISO8601()
    lauf["anzahl"] = lauf.get("anzahl", 0) + 1
    return lauf


def run_jobs(*, today: date | None = None, dry_run: bool = False) -> list[Eintrag]:
    """Run every scheduled job (``JOBS``) for ``today``; return what was done
    (or is due): mails, anonymisations, deleted drafts and failures
    (``jobs.ergebnis``).

    A job that fails is rolled back, logged and reported as a failure; the
    other jobs still run (and each item of a job is isolated too). A
    ``ConflictError`` propagates: the caller's transaction must be aborted."""
    today = today or date.today()
    if not dry_run:
        lauf_vermerken(today)
    return ausfuehren.alle(JOBS, today, dry_run=dry_run)


def jahresuebersicht(today, *, dry_run=False):
    """The digest mails due on ``today`` (the job ``jahresuebersicht`` alone);
    sends and records them unless dry_run."""
    return nach_name("jahresuebersicht")(today, dry_run=dry_run)
