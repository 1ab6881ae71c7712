"""Plone's Sharing page (``@@sharing``), asking ``rechte.regeln`` first.

What the rules refuse is not changed at all: the page answers 403 and says
why (status message), and the refusal is recorded — the same function as
for ``@sharing`` decides. Everything else is Plone's page unchanged.
"""

from plone.app.workflow.browser.sharing import SharingView as BaseSharingView
from Products.statusmessages.interfaces import IStatusMessage
from stadtdo.sozialnetz.rechte.regeln import verweigerung
from zExceptions import Forbidden


class SharingView(BaseSharingView):
    def _speichern(self):
        form = self.request.form
        return (
            form.get("form.submitted", False)
            and form.get("form.button.Save", None) is not None
            and form.get("form.button.Cancel", None) is None
            and self.request.get("REQUEST_METHOD", "GET") == "POST"
        )

    def handle_form(self):
        if not self._speichern():
            return super().handle_form()
        authenticator = self.context.restrictedTraverse("@@authenticator", None)
        if not authenticator.verify():
            raise Forbidden
        form = self.request.form
        verwaltet = [role["id"] for role in self.roles()]
        grund = verweigerung(
            self.context,
            blockieren=(
                not form.get("inherit", False) if self.can_edit_inherit() else None
            ),
            wuensche=[
                (entry["id"], {r for r in verwaltet if entry.get(f"role_{r}", False)})
                for entry in form.get("entries", [])
            ],
            verwaltet=verwaltet,
        )
        if not grund:
            return super().handle_form()
        IStatusMessage(self.request).add(grund, type="error")
        self.request.response.setStatus(403)
        return True
