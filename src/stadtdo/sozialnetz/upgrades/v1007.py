"""Profile version 1007: the late assessment (issue 23 item 1).

- ``einschaetzung_nach_abschluss``: the workflow definition gets the step
  ``einschaetzung_nachtragen`` (a body that gave no vote records its
  assessment after the end of the process, domain.md §4) and, in the states
  ``genehmigt`` and ``abgelehnt``, the vote permissions of Datenschutz,
  Personalrat, POA and IT-Sicherheit for their roles; the Anträge in those
  states get the new permission settings. Nothing else of an Antrag
  changes. Idempotent; returns the number of Anträge updated.
"""

from plone import api
from stadtdo.sozialnetz.upgrades.katalog import rechte_neu_setzen
from stadtdo.sozialnetz.upgrades.v1001 import PROFILE
from stadtdo.sozialnetz.verfahren.workflow import NACHTRAG
from stadtdo.sozialnetz.verfahren.workflow import zustaende_mit
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")


def einschaetzung_nach_abschluss(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    geaendert = rechte_neu_setzen(zustaende_mit(NACHTRAG))
    logger.info(
        "1007: %d abgeschlossene Anträge mit Einschätzung nach Abschluss", geaendert
    )
    return geaendert
