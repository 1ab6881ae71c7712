"""Field constraints for the texts of Antrag, Person and Anlage.

Single-line fields: names, account names and platforms end up in mail
headers (the subject, the recipient's name). A line break there would make
the mail fail – and with it the daily job – so it is refused where the value
enters, in forms and the REST API alike, with a German message. (The Notes
import refuses it too: ``migration.pruefung``.)

Every text has a length limit (``eingaben``: 200 characters on one line,
10,000 on several, 20,000 for formatted text), stated in the message, so a
3 MB "name" or comment cannot be stored for ever.
"""

from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.infrastruktur.eingaben import EINZEILIG_MAX
from stadtdo.sozialnetz.infrastruktur.eingaben import MEHRZEILIG_MAX
from stadtdo.sozialnetz.infrastruktur.eingaben import RICHTEXT_MAX
from stadtdo.sozialnetz.infrastruktur.eingaben import zu_lang
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import ValidationError


#: every character Python's ``str.splitlines`` breaks a line at
ZEILENUMBRUECHE = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


class Zeilenumbruch(ValidationError):
    """A line break in a single-line field."""

    def doc(self):

        return translate(
            _(
                "Das Feld ist einzeilig: Bitte entfernen Sie den Zeilenumbruch. "
                "Der Wert steht in E-Mail-Kopfzeilen (z. B. im Betreff)."
            ),
            context=getRequest(),
        )


class ZuLang(ValidationError):
    """A text over its limit; the message states the limit."""

    def __init__(self, laenge, grenze):
        super().__init__(laenge, grenze)
        self.laenge = laenge
        self.grenze = grenze

    def doc(self):
        return zu_lang(self.laenge, self.grenze)


def laenge_pruefen(value, grenze):
    if value and len(value) > grenze:
        raise ZuLang(len(value), grenze)
    return True


def einzeilig(value):
    """Field constraint: ``value`` holds no line break and at most 200
    characters."""
    laenge_pruefen(value, EINZEILIG_MAX)
    if value and ZEILENUMBRUECHE.intersection(value):
        raise Zeilenumbruch(value)
    return True


def mehrzeilig(value):
    """Field constraint: at most 10,000 characters."""
    return laenge_pruefen(value, MEHRZEILIG_MAX)


def formatiert(value):
    """Field constraint of a rich text: at most 20,000 characters, markup
    included."""
    return laenge_pruefen(getattr(value, "raw", None), RICHTEXT_MAX)
