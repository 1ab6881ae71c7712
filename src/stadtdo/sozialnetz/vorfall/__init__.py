"""The incident form "Vorfall melden" (DV § 5).

Staff who are attacked or harassed while running an account report it
through a collective.easyform form in the database folder. The install
profile creates it; its fields and actions are the models next to this
module. Only Managers can adapt the form through the web: it has its own
workflow (``rechte/vorfall.py``), so neither Site Administrators nor StA 11
can redirect the reports.

- Every signed-in employee may fill it in (local role *Reader* for
  "AuthenticatedUsers"); it is linked from every Antrag with its number.
- Each report is mailed to the security-concept contact of the control panel
  (``empfaenger``, read when the mail is sent) and kept by a save-data action
  that only Managers and the permission administrators (StA 11) can read.
"""

from AccessControl import ModuleSecurityInfo
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer
from Products.DCWorkflow.utils import modifyRolesForPermission
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.rechte.vorfall import formular_sperren
from stadtdo.sozialnetz.settings import einstellung
import logging


logger = logging.getLogger("stadtdo.sozialnetz.vorfall")

FORMULAR_ID = "vorfall-melden"
DOWNLOAD_SAVED_INPUT = permissions.DOWNLOAD_SAVED_INPUT
#: the only roles that may read the stored reports
LESER = ("Manager", "SNBerechtigungsverwaltung")
_HERE = Path(__file__).parent

ModuleSecurityInfo("stadtdo.sozialnetz.vorfall").declarePublic("empfaenger")


def empfaenger():
    """The address the reports go to: the security-concept contact, or the
    site's sender address while none is configured (for the mailer's TALES
    ``recipientOverride``)."""
    adresse = einstellung("adresse_sicherheitskonzept")
    if adresse:
        return adresse
    logger.warning("Keine Ansprechstelle Sicherheitskonzept konfiguriert")
    return api.portal.get_registry_record("plone.email_from_address", default="")


def formular(datenbank):
    """The incident form in ``datenbank``, or None."""
    form = datenbank.get(FORMULAR_ID) if datenbank is not None else None
    return form if getattr(form, "portal_type", None) == "EasyForm" else None


def rechte_setzen(form):
    """Everybody signed in may report; only LESER may read the reports;
    only Managers may change the form (its own workflow, see rechte.vorfall)."""
    form.manage_setLocalRoles("AuthenticatedUsers", ["Reader"])
    # a tuple: not acquired (an Item cannot use manage_permission for it)
    modifyRolesForPermission(form, DOWNLOAD_SAVED_INPUT, tuple(LESER))
    formular_sperren(form)
    form.reindexObjectSecurity()


def formular_anlegen(datenbank):
    """Create the incident form in ``datenbank`` unless it exists."""
    form = formular(datenbank)
    if form is not None:
        return form
    form = createContentInContainer(
        datenbank,
        "EasyForm",
        checkConstraints=False,  # the database folder only offers Fachbereiche
        id=FORMULAR_ID,
        title="Vorfall melden",
        description=(
            "Wurden Sie bei der Betreuung eines Social-Media-Auftritts der Stadt "
            "angegriffen, bedroht oder belästigt? Melden Sie es hier. Die Meldung geht "
            "an die Ansprechstelle nach der Dienstvereinbarung zum Sicherheitskonzept "
            "(DV § 5) und wird nur von der Berechtigungsverwaltung eingesehen."
        ),
        formPrologue=RichTextValue(
            "<p>Auch Vorkommnisse bei der Betreuung von Social-Media-Angeboten können "
            "Gewalt am Arbeitsplatz sein. Es gelten die Verfahren der "
            "Dienstvereinbarung zum Sicherheitskonzept der Stadtverwaltung Dortmund "
            "(DV § 5).</p><p>Ihre Meldung geht an die Ansprechstelle "
            "Sicherheitskonzept. Gespeichert wird sie so, dass nur die "
            "Berechtigungsverwaltung (StA 11) sie lesen kann.</p>",
            "text/html",
            "text/x-html-safe",
        ),
        fields_model=(_HERE / "felder.xml").read_text(encoding="utf-8"),
        actions_model=(_HERE / "aktionen.xml").read_text(encoding="utf-8"),
        submitLabel="Meldung absenden",
        useCancelButton=False,
        thankstitle="Vielen Dank für Ihre Meldung",
        thanksdescription=(
            "Die Ansprechstelle Sicherheitskonzept wurde informiert und meldet sich "
            "bei Ihnen, wenn Sie Unterstützung wünschen."
        ),
    )
    rechte_setzen(form)
    logger.info("Created the incident form %s", "/".join(form.getPhysicalPath()))
    return form
