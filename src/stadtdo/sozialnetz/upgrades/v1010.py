"""Profile version 1010: the DSB early (issue 23 item 5).

- ``datenschutz_frueh``: the role ``SNDatenschutzEntwurf`` (given by the
  process on one draft whose department invited the DSB) and the workflow
  that lets it read a draft; the drafts get the new permission settings.
  The checklist's „frühzeitig beteiligt“ of existing Anträge stays as the
  department stated it; the Antrag page shows it as „vom Fachbereich
  angegeben“. Idempotent; returns the number of drafts updated.
"""

from plone import api
from stadtdo.sozialnetz.upgrades.katalog import rechte_neu_setzen
from stadtdo.sozialnetz.upgrades.v1001 import PROFILE
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")


def datenschutz_frueh(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    initial = api.portal.get_tool("portal_workflow")[WORKFLOW].initial_state
    entwuerfe = rechte_neu_setzen((initial,))
    logger.info(
        "1010: %d Entwürfe mit frühzeitiger Beteiligung des Datenschutzes", entwuerfe
    )
    return entwuerfe
