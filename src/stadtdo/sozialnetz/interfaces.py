"""Marker and layer interfaces."""

from zope.interface import Attribute
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker interface for the add-on's browser layer."""


class IPersonenbezogeneDaten(Interface):
    """A store of personal data, registered as a named utility by the
    concern that keeps it.

    The report of everything stored about a person (DSGVO Art. 15,
    ``datenschutz.auskunft``) and the anonymisation after the retention
    period (``datenschutz.aufbewahrung``) both iterate every registered
    store (``datenschutz.speicher.alle``): a new store of personal data
    registers one and is in both, without either module knowing its keys.
    """

    name = Attribute("The utility's name")
    titel = Attribute("What the store keeps (German, for the record)")
    abschnitt = Attribute(
        "The key of the Art. 15 report its entries go to (a list; "
        "``benutzerkonto``: a dict of entries about the account), or None "
        "if it has nothing to report"
    )
    verzeichnis = Attribute(
        "The rows of the Verarbeitungsverzeichnis it keeps "
        "(keys of ``datenschutz.verzeichnis.ZWECKE``)"
    )
    person_abschnitt = Attribute(
        "The key of a Person's entry in the Art. 15 report that what the "
        "store keeps on the Person item goes to (``felder``: merged into the "
        "fields of the item and of each version; another key: the entry "
        "under it), or None if it keeps nothing on Person items"
    )

    def adressen(userid):
        """E-mail addresses the store knows for the account ``userid`` that
        its user cannot edit (they find the mails sent to the person)."""

    def auskunft(anfrage):
        """The store's entries about the person of ``anfrage``
        (``datenschutz.auskunft.Anfrage``: emails, namen, userid, pattern,
        datenbank, antraege), as the section ``abschnitt`` holds them."""

    def anonymisieren(antrag, *, email, muster):
        """Replace the Person with the address ``email`` (name pattern
        ``muster``) in what the store keeps on ``antrag`` and its stored
        versions; the retention job calls it once per anonymised Person."""

    def person_auskunft(person):
        """What the store keeps on the Person item ``person`` (or on a
        version of it), for its entry ``person_abschnitt`` of the report."""

    def person_anonymisieren(person):
        """Remove what names the person from what the store keeps on the
        Person item ``person`` (or on a stored version of it); the retention
        job calls it for the item and each stored version. Returns True if
        it changed something."""


class IDatenschutzstandPerson(Interface):
    """What data protection records on a Person outside its schema
    (``datenschutz.stand.DatenschutzstandPerson``): the withdrawal of
    consent, the day the end of the task was entered and the anonymisation.
    Declared here, below the layers, because the process layer and the
    rights read it too (``verfahren.verantwortung``, ``rechte.konten``)."""

    einwilligung_widerrufen_am = Attribute(
        "The stated day consent was withdrawn (date), or None"
    )
    einwilligung_widerruf_vermerkt = Attribute(
        "Who recorded the withdrawal and when (``{am, von, zeit}``), or None"
    )
    taetigkeit_bis_vermerkt = Attribute(
        "The day the end of the task was entered (``{am, von, zeit, wert}``), or None"
    )
    anonymisiert_am = Attribute("The day the Person was anonymised, or None")
    # written by ``widerruf_vermerken(datum, vermerk)``,
    # ``taetigkeit_bis_vermerken(eintrag)`` (None: removes it) and
    # ``anonymisiert(tag)`` (not declared here: mypy would take the first
    # argument of a method of an interface for ``self``)


class IJobstand(Interface):
    """What the daily jobs and the yearly review (DV § 2) left on an Antrag
    (``jobs.stand.Jobstand``): the reviews sent, the department head's
    answers and the reminders of an unanswered review. Declared here, below
    the layers, because the rule of the review (``datenschutz.ueberpruefung``)
    and the catalog column (``berichte.indexer``) read it too."""

    ueberpruefungen = Attribute(
        "The yearly reviews sent (entries: runde, zeit, empfaenger; "
        "vor_einfuehrung, faellig_ab for a review sent before profile 1009)"
    )
    ueberpruefung_antworten = Attribute(
        "The head's answers, one entry per Person and round (runde, person, "
        "antwort, datum, erneut, wer, zeit)"
    )
    ueberpruefung_mahnungen = Attribute(
        "Reminder and escalation of an unanswered review (runde, art, zeit, empfaenger)"
    )
    # written by ``ueberpruefung_vermerken``, ``antwort_vermerken``,
    # ``mahnung_vermerken`` and ``ueberpruefung_ersetzen`` (see
    # IDatenschutzstandPerson why not declared here)


class IMitteilungsstand(Interface):
    """What the mails of an Antrag left on it
    (``notifications.stand.Mitteilungsstand``): the Systemhaus orders and
    the deadline reminders. Declared here, below the layers, because the
    report and the catalog read the open orders too (``berichte``)."""

    systemhaus_auftraege = Attribute(
        "The Systemhaus orders (entries: id, art, zeit, empfaenger, personen, "
        "person_ids, gruende, hinweis, bestaetigt_am, erinnert_am, eskaliert_am, "
        "vor_einfuehrung), oldest first"
    )
    frist_mitteilungen = Attribute("Reminders and escalations of the votes")

    def offene_auftraege():
        """The orders sent with a confirmation link and not yet confirmed."""
