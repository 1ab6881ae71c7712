"""The Anlage: a document attached to an Antrag (section 3).

Only documents an auditor can open safely are accepted: PDF, Office and
OpenDocument files and images, recognised by their name *and* their first
bytes, up to the size set in the control panel (default 20 MB). Forms and the
REST API both validate the field, so both refuse with the same German message.
"""

from plone import api
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.supermodel.directives import primary
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.einzeilig import einzeilig
from stadtdo.sozialnetz.content.einzeilig import mehrzeilig
from stadtdo.sozialnetz.settings import einstellung
from zope import schema
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import ValidationError
import logging
import os


logger = logging.getLogger("stadtdo.sozialnetz")


#: Allowed file name endings and the signatures their content starts with.
_PDF = (b"%PDF-",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # .doc .xls .ppt
_ZIP = (b"PK\x03\x04",)  # OOXML and OpenDocument are ZIP archives
DATEITYPEN = {
    ".pdf": _PDF,
    ".doc": _OLE,
    ".xls": _OLE,
    ".ppt": _OLE,
    ".docx": _ZIP,
    ".xlsx": _ZIP,
    ".pptx": _ZIP,
    ".odt": _ZIP,
    ".ods": _ZIP,
    ".odp": _ZIP,
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
    ".webp": (b"RIFF",),
}


#: The content type each allowed ending is served with – whatever the client
#: declared on upload (``inhaltstyp_setzen``).
INHALTSTYPEN = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".webp": "image/webp",
}
#: Anything not recognised (e.g. taken over from Notes) is a plain download.
UNBEKANNT = "application/octet-stream"


class AnlageUnzulaessig(ValidationError):
    """A file that may not be attached; the message says why, in German."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


def _t(msgid, **mapping):

    return translate(_(msgid, mapping=mapping), context=getRequest())


def _erster_block(value):
    with value.open() as stream:
        return stream.read(16)


def _endung(value):
    return os.path.splitext(value.filename or "")[1].lower()


def geprueft_typ(value):
    """The content type of the file type the check recognises – ending *and*
    first bytes –, else ``application/octet-stream``; never the declared one."""
    endung = _endung(value)
    if endung in DATEITYPEN and _erster_block(value).startswith(DATEITYPEN[endung]):
        return INHALTSTYPEN[endung]
    return UNBEKANNT


def inhaltstyp_setzen(obj, event=None):
    """Subscriber (added, modified): store the checked content type, so the
    object URL, ``@@download``, ``@@display-file`` and the REST download all
    serve it."""
    datei = getattr(obj, "file", None)
    if datei is None:
        return None
    typ = geprueft_typ(datei)
    if datei.contentType == typ:
        return None
    vorher, datei.contentType = datei.contentType, typ
    return vorher


def anlagen_inhaltstypen(context=None):
    """Upgrade: give every existing Anlage the content type of its checked file
    type. Returns (and logs) ``{"pfad", "vorher", "nachher"}`` per changed
    Anlage; idempotent. The ids of existing Anlagen stay as they are (links to
    them keep working); new ones get ``<antragsnummer>-anlage-<n>``."""

    geaendert = []
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Anlage"):
        anlage = brain._unrestrictedGetObject()
        vorher = inhaltstyp_setzen(anlage)
        if vorher is not None:
            eintrag = {
                "pfad": "/".join(anlage.getPhysicalPath()),
                "vorher": vorher,
                "nachher": anlage.file.contentType,
            }
            geaendert.append(eintrag)
            logger.info(
                "Anlage %(pfad)s: Inhaltstyp %(vorher)s -> %(nachher)s", eintrag
            )
            anlage.reindexObject()
    return geaendert


def anlage_pruefen(value):
    """Field constraint: the file's type and size are allowed."""
    name = value.filename or ""
    einzeilig(name)
    endung = _endung(value)
    erlaubt = ", ".join(sorted({e.lstrip(".") for e in DATEITYPEN}))
    if endung not in DATEITYPEN:
        raise AnlageUnzulaessig(
            _t(
                _(
                    "Dateien vom Typ „${endung}“ können nicht angehängt werden. Erlaubt "
                    "sind PDF, Office- und OpenDocument-Dateien und Bilder (${erlaubt})."
                ),
                endung=endung or name,
                erlaubt=erlaubt,
            )
        )
    if not _erster_block(value).startswith(DATEITYPEN[endung]):
        raise AnlageUnzulaessig(
            _t(
                _(
                    "Der Inhalt von „${datei}“ passt nicht zur Endung „${endung}“. Bitte "
                    "hängen Sie das Dokument in seinem eigenen Format an."
                ),
                datei=name,
                endung=endung,
            )
        )
    grenze = einstellung("anlage_max_mb")
    if value.getSize() > grenze * 1024 * 1024:
        raise AnlageUnzulaessig(
            _t(
                _(
                    "„${datei}“ ist ${groesse} MB groß; erlaubt sind höchstens ${grenze} MB."
                ),
                datei=name,
                groesse=f"{value.getSize() / 1024 / 1024:.1f}".replace(".", ","),
                grenze=grenze,
            )
        )
    return True


class IAnlage(model.Schema):
    """Schema of an Anlage (the fields of a Plone file, with the check)."""

    title = schema.TextLine(title=_("Titel"), required=False, constraint=einzeilig)
    description = schema.Text(
        title=_("Beschreibung"), required=False, constraint=mehrzeilig
    )
    primary("file")
    file = NamedBlobFile(
        title=_("Datei"),
        description=_(
            "PDF, Office- oder OpenDocument-Datei oder Bild; höchstens so groß wie "
            "in der Konfiguration angegeben (Standard 20 MB)."
        ),
        required=True,
        constraint=anlage_pruefen,
    )
