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
