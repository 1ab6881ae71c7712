"""Named vocabularies of the add-on."""

from plone import api
from stadtdo.sozialnetz import _
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


PLATTFORMEN_RECORD = "stadtdo.sozialnetz.plattformen"
SONSTIGE = "sonstige"


def _vocabulary(items):
    return SimpleVocabulary(
        [SimpleTerm(value=token, token=token, title=title) for token, title in items]
    )


@provider(IVocabularyFactory)
def plattformen(context):
    """Platforms from the registry (editable by admins), "Sonstige" always last.

    Values stored on an Antrag are the registry keys, so renaming a platform's
    title in the registry keeps existing Anträge intact.
    """
    configured = api.portal.get_registry_record(PLATTFORMEN_RECORD, default=None) or {}
    items = sorted(
        ((token, title) for token, title in configured.items() if token != SONSTIGE),
        key=lambda item: item[1].lower(),
    )
    items.append((SONSTIGE, configured.get(SONSTIGE) or _("Sonstige")))
    return _vocabulary(items)


AUFTRITTSARTEN = (
    ("seite", _("Seite")),
    ("profil", _("Profil")),
    ("kanal", _("Kanal")),
    ("gruppe", _("Gruppe")),
    ("unternehmensprofil", _("Unternehmensprofil")),
    ("blog", _("Blog")),
)

FUNKTIONEN = (
    ("administration", _("Administrator*in")),
    ("redaktion", _("Redakteur*in")),
    ("moderation", _("Moderator*in")),
    ("analyse", _("Auswertung/Statistik")),
    ("vertretung", _("Vertretung")),
)

SCHULUNGSSTATUS = (
    ("durchgefuehrt", _("Schulung durchgeführt")),
    ("geplant", _("Schulung geplant")),
    ("qualifiziert", _("Bereits qualifiziert")),
)


@provider(IVocabularyFactory)
def auftrittsarten(context):
    """Kind of presence on the platform (Anlage 1 §2, Abschnitt 1)."""
    return _vocabulary(AUFTRITTSARTEN)


@provider(IVocabularyFactory)
def funktionen(context):
    """Function of a Person on the account (Abschnitt 2.4)."""
    return _vocabulary(FUNKTIONEN)


@provider(IVocabularyFactory)
def schulungsstatus(context):
    """Training status of a Person (DV §6)."""
    return _vocabulary(SCHULUNGSSTATUS)


def term_title(vocabulary_name, value, context=None):
    """The German title of ``value`` in a named vocabulary (``value`` if unknown)."""

    factory = getUtility(IVocabularyFactory, vocabulary_name)
    try:
        title = factory(context).getTerm(value).title
    except LookupError:
        return value or ""
    return translate(title, target_language="de")
