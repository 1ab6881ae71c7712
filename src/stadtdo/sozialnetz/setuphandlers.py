"""Install and uninstall steps that GenericSetup XML cannot express."""

from plone import api
from plone.base.interfaces import INonInstallable
from stadtdo.sozialnetz.content.datenbank import DATENBANK_ID
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.infrastruktur import idempotenz
from stadtdo.sozialnetz.infrastruktur import volltext
from stadtdo.sozialnetz.infrastruktur.nummernkreis import HistorienIdGenerator
from stadtdo.sozialnetz.notifications.bestaetigung import geheimnis_anlegen
from stadtdo.sozialnetz.vorfall import formular_anlegen
from zope.interface import implementer
import logging


logger = logging.getLogger("stadtdo.sozialnetz")


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["stadtdo.sozialnetz:uninstall"]


def post_install(context):
    """Create the (empty) database folder and in it the incident form.

    Departments and users are not created here: they are the site's own data
    (see ``scripts/create_site.py`` for the demo set).
    """
    portal = api.portal.get()
    if DATENBANK_ID not in portal:
        api.content.create(
            container=portal,
            type="SozialnetzDatenbank",
            id=DATENBANK_ID,
            title="Soziale Netzwerke",
            description=(
                "Katalog der Social-Media-Auftritte der Stadt Dortmund und ihr "
                "Beteiligungsprozess (Dienstvereinbarung § 4)."
            ),
        )
        logger.info("Created the database folder /%s", DATENBANK_ID)
    formular_anlegen(get_datenbank(portal))
    volltext.einrichten()
    geheimnis_anlegen(portal)  # of the Systemhaus's confirmation links


def uninstall(context):
    """Content and groups stay (they are records). The generator of history
    ids (``nummernkreis.HistorienIdGenerator``) is no longer registered – the
    uninstall profile registers Plone's ``portal_uidgenerator`` again, which
    counts on – and is removed from the site manager, so no object of this
    package is left there. The text indexes get Plone's ``OkapiIndex`` back,
    the stored answers of keyed REST writes are dropped."""
    volltext.zuruecksetzen()
    idempotenz.vergessen()

    sm = api.portal.get().getSiteManager()
    if HistorienIdGenerator.id in sm.objectIds():
        sm._delObject(HistorienIdGenerator.id, suppress_events=True)
