"""Where the directory supplies a user's e-mail address, nobody changes it
in Plone (issue 20): it links the user's Persons at sign-in
(``rechte.konten``), and pas.plugins.ldap would write a change into the
directory.

Refused at the doors that change user properties: ``PATCH @users/<id>``
with ``email`` (German 400, ``services/users/patch.py``) and the forms
„Persönliche Informationen“ (``@@personal-information``) and the Users
control panel's ``@@user-information``, which show the address without an
input. Other properties (name, ...) stay editable. Without the profile ``ldap`` (its
browser layer) nothing here is active.
"""

from plone.app.users.browser.userdatapanel import UserDataConfiglet
from plone.app.users.browser.userdatapanel import UserDataPanel
from Products.statusmessages.interfaces import IStatusMessage
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.verzeichnis.abgleich import verzeichnis_email
from z3c.form.interfaces import DISPLAY_MODE


GESPERRT = _(
    "Die E-Mail-Adresse kommt aus dem Verzeichnis (LDAP) und kann hier nicht "
    "geändert werden. Bitte wenden Sie sich an die Verwaltung des Verzeichnisses."
)


def email_gesperrt(userid):
    """True if the directory supplies ``userid``'s e-mail address."""
    return verzeichnis_email(userid) is not None


class EmailAusDemVerzeichnis:
    """The address of a directory user is shown, not offered for input (a
    widget in display mode is not extracted: a forged field changes
    nothing)."""

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix=prefix)
        widget = self.widgets.get("email")
        member = self.member
        if widget is not None and member is not None and email_gesperrt(member.getId()):
            widget.mode = DISPLAY_MODE
            widget.update()
            IStatusMessage(self.request).add(deutsch(GESPERRT), type="info")


class VerzeichnisUserDataPanel(EmailAusDemVerzeichnis, UserDataPanel):
    pass


class VerzeichnisUserDataConfiglet(EmailAusDemVerzeichnis, UserDataConfiglet):
    pass
