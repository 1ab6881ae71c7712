"""Single-line fields: names, account names and platforms end up in mail
headers (the subject, the recipient's name). A line break there would make
the mail fail – and with it the daily job – so it is refused where the value
enters, in forms and the REST API alike, with a German message. (The Notes
import refuses it too: ``migration.pruefung``.)"""

from stadtdo.sozialnetz import _
from zope.i18n import translate
from zope.schema import ValidationError


#: every character Python's ``str.splitlines`` breaks a line at
ZEILENUMBRUECHE = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


class Zeilenumbruch(ValidationError):
    """A line break in a single-line field."""

    def doc(self):
        from zope.globalrequest import getRequest

        return translate(
            _(
                "Das Feld ist einzeilig: Bitte entfernen Sie den Zeilenumbruch. "
                "Der Wert steht in E-Mail-Kopfzeilen (z. B. im Betreff)."
            ),
            context=getRequest(),
        )


def einzeilig(value):
    """Field constraint: ``value`` holds no line break."""
    if value and ZEILENUMBRUECHE.intersection(value):
        raise Zeilenumbruch(value)
    return True
