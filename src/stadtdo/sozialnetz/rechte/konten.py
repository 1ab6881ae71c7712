"""Which user account is a named Person (issue 20): a link, not an e-mail.

A Person is matched to a portal user only by its link ``benutzer`` (the
user id), which StA 11 (role SNBerechtigungsverwaltung) or a Manager sets
(„Benutzerkonto verknüpfen“ on the Person, ``@benutzerkonto``; permission
``LINK_PERMISSION``) or the directory sets at sign-in
(``verzeichnis_verknuepfen``: the e-mail the directory supplies, which its
users cannot change, ``verzeichnis.email_sperre``). The e-mail property of an
account is never used to find a Person: a user can edit it. Users of the
Art. 15 report (``datenschutz.auskunft``) and offboarding
(``verfahren.verantwortung``) read the link only.

Each link and unlink is written to the Rechteprotokoll (kind
``KONTO_VERKNUEPFUNG``) and kept on the Person (``stand.Kontostand``: the
user id and who set it, when, how; a store of personal data,
``personendaten``). The link is no data of the application: setting it does
not change the (frozen) Antrag and fires no modification. A re-application's
copy of the Person keeps it (``uebernehmen``); the anonymisation after the
retention period removes it (``retention``).

``upgrade_verknuepfen`` links the Persons of an existing site whose e-mail
matches exactly one user account and reports the ambiguous ones.
"""

from Acquisition import aq_parent
from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.stand import IKontostand
from stadtdo.sozialnetz.rechte.trennung import deutsch
from zExceptions import Unauthorized
import logging


logger = logging.getLogger("stadtdo.sozialnetz.konten")

LINK_PERMISSION = permissions.LINK_USER_ACCOUNTS

#: who set a link
DURCH_STA11 = "sta11"
DURCH_VERZEICHNIS = "verzeichnis"
DURCH_UPGRADE = "upgrade"


def verknuepft_mit(person):
    """The user id the Person is linked to, or None."""
    return IKontostand(person).benutzer


def verknuepfung(person):
    """``{"benutzer", "von", "zeit", "quelle"}`` of the link, or None."""
    userid = verknuepft_mit(person)
    if userid is None:
        return None
    vermerk = dict(IKontostand(person).benutzer_verknuepft or {})
    return {
        "benutzer": userid,
        "von": vermerk.get("von"),
        "zeit": vermerk.get("zeit"),
        "quelle": vermerk.get("quelle"),
    }


def _setzen(person, userid, quelle):
    """Set (or, with None, remove) the link; record it. No checks."""
    vorher = verknuepft_mit(person)
    if vorher == userid:
        return False
    user = api.user.get_current()
    wer = (user.getId() or user.getUserName()) if user is not None else None
    stand = IKontostand(person)
    if userid:
        stand.verknuepfen(
            userid, {"von": wer, "zeit": DateTime().ISO8601(), "quelle": quelle}
        )
    else:
        stand.loesen()
    protokoll.protokollieren(
        art=protokoll.KONTO_VERKNUEPFUNG,
        principal=userid or vorher,
        ziel="/".join(person.getPhysicalPath()),
        vorher=vorher,
        nachher=userid,
    )
    logger.info(
        "%s: Benutzerkonto %s -> %s (%s)",
        "/".join(person.getPhysicalPath()),
        vorher,
        userid,
        quelle,
    )
    return True


def uebernehmen(alt, neu):
    """The copy ``neu`` of the Person ``alt`` in a re-application is the
    same person: it keeps the link (recorded, with the original's who/when)."""
    userid = verknuepft_mit(alt)
    if userid is None or verknuepft_mit(neu) is not None:
        return
    IKontostand(neu).verknuepfen(
        userid,
        dict(
            IKontostand(alt).benutzer_verknuepft or {},
            uebernommen_aus="/".join(alt.getPhysicalPath()),
        ),
    )
    protokoll.protokollieren(
        art=protokoll.KONTO_VERKNUEPFUNG,
        principal=userid,
        ziel="/".join(neu.getPhysicalPath()),
        vorher=None,
        nachher=userid,
        grund="aus dem Vorgänger übernommen (erneuter Antrag)",
    )


def darf_verknuepfen(person):
    return bool(api.user.has_permission(LINK_PERMISSION, obj=person))


def verknuepfen(person, userid):
    """StA 11 or a Manager links ``person`` to the account ``userid`` (empty:
    removes the link). Returns True if something changed.

    Raises ``Unauthorized`` without the permission, ``AktionAbgelehnt`` for
    an unknown account or an anonymised Person."""
    if not darf_verknuepfen(person):
        raise Unauthorized(
            deutsch(
                _(
                    "Benutzerkonten mit Personen verknüpft nur die "
                    "Berechtigungsverwaltung (StA 11)."
                )
            )
        )
    if IDatenschutzstandPerson(person).anonymisiert_am:
        raise AktionAbgelehnt(
            deutsch(_("Die Person ist anonymisiert: sie wird nicht mehr verknüpft."))
        )
    userid = (userid or "").strip() or None
    if userid is not None and api.user.get(userid=userid) is None:
        raise AktionAbgelehnt(
            deutsch(
                _(
                    "Ein Benutzerkonto „${benutzer}“ gibt es nicht.",
                    mapping={"benutzer": userid},
                )
            ),
            field="benutzer",
        )
    return _setzen(person, userid, DURCH_STA11)


def _personen(pfad=None, *, nur_genehmigte=False):
    catalog = api.portal.get_tool("portal_catalog")
    query = {"portal_type": "Person"}
    if pfad:
        query["path"] = pfad
    for brain in catalog.unrestrictedSearchResults(**query):
        person = brain._unrestrictedGetObject()
        if IDatenschutzstandPerson(person).anonymisiert_am:
            continue
        antrag = aq_parent(person)
        if nur_genehmigte and api.content.get_state(antrag) != "genehmigt":
            continue
        yield antrag, person


def personen_des_benutzers(userid, *, pfad=None, nur_genehmigte=False):
    """``(antrag, person)`` of every (not anonymised) Person linked to
    ``userid`` (under ``pfad``; only of approved Anträge if asked)."""
    if not userid:
        return []
    return [
        (antrag, person)
        for antrag, person in _personen(pfad, nur_genehmigte=nur_genehmigte)
        if verknuepft_mit(person) == userid
    ]


def unverknuepfte_personen():
    """The Persons of approved Anträge without a link (StA 11's worklist on
    „Rechte verwalten“), as dicts: antragsnummer, name, email, url."""
    return [
        {
            "antragsnummer": antrag.antragsnummer,
            "name": person.title,
            "email": person.email,
            "url": person.absolute_url(),
        }
        for antrag, person in _personen(nur_genehmigte=True)
        if verknuepft_mit(person) is None
    ]


def _email(value):
    return (value or "").strip().lower()


def verzeichnis_verknuepfen(userid, email):
    """At sign-in of a directory user: link the unlinked Persons whose
    e-mail is ``email`` – the address the directory supplies (not the
    user's editable property). A Person linked to someone else stays."""
    email = _email(email)
    if not userid or not email:
        return []
    neu = []
    for _antrag, person in _personen():
        if verknuepft_mit(person) is None and _email(person.email) == email:
            _setzen(person, userid, DURCH_VERZEICHNIS)
            neu.append(person)
    return neu


def _konten_nach_email():
    """e-mail (lower case) -> user ids of every account that has it."""
    result = {}
    for user in api.user.get_users():
        email = _email(user.getProperty("email"))
        if email:
            result.setdefault(email, set()).add(user.getId())
    return result


def upgrade_verknuepfen(context=None):
    """Upgrade step: link every unlinked, not anonymised Person whose e-mail
    matches exactly one user account (so existing offboarding keeps working);
    Persons whose e-mail several accounts carry are listed for StA 11 to
    link by hand. Idempotent. Also applies the profile's rolemap (the new
    permission ``LINK_PERMISSION``). Returns ``{"verknuepft": [...],
    "mehrdeutig": [...]}`` (paths, with the candidate accounts)."""
    if context is not None:
        context.runImportStepFromProfile(
            "profile-stadtdo.sozialnetz:default", "rolemap", run_dependencies=False
        )
    konten = _konten_nach_email()
    verknuepft, mehrdeutig = [], []
    for _antrag, person in _personen():
        if verknuepft_mit(person) is not None:
            continue
        kandidaten = sorted(konten.get(_email(person.email), ()))
        pfad = "/".join(person.getPhysicalPath())
        if len(kandidaten) == 1:
            _setzen(person, kandidaten[0], DURCH_UPGRADE)
            verknuepft.append({"person": pfad, "benutzer": kandidaten[0]})
        elif kandidaten:
            mehrdeutig.append({"person": pfad, "kandidaten": kandidaten})
    for eintrag in mehrdeutig:
        logger.warning(
            "Person %s nicht verknüpft: mehrere Benutzerkonten mit derselben "
            "E-Mail-Adresse (%s); bitte von StA 11 von Hand verknüpfen",
            eintrag["person"],
            ", ".join(eintrag["kandidaten"]),
        )
    logger.info(
        "Benutzerkonten verknüpft: %d, mehrdeutig: %d",
        len(verknuepft),
        len(mehrdeutig),
    )
    return {"verknuepft": verknuepft, "mehrdeutig": mehrdeutig}
