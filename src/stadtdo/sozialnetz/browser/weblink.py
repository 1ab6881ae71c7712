"""The widget of ``WebAdresse`` fields: shown as a link in display mode only
when the stored value is a web address (``content.weblink.web_adresse``),
otherwise as plain text."""

from plone.app.z3cform.interfaces import IUriWidget
from plone.app.z3cform.widgets.uri import UriWidget
from stadtdo.sozialnetz.content.weblink import web_adresse
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.interface import implementer
from zope.interface import implementer_only


class IWebLinkWidget(IUriWidget):
    """Marker of ``WebLinkWidget``."""


@implementer_only(IWebLinkWidget)
class WebLinkWidget(UriWidget):
    @property
    def href(self):
        return web_adresse(self.value)


@implementer(IFieldWidget)
def WebLinkFieldWidget(field, request):
    return FieldWidget(field, WebLinkWidget(request))
