"""stadtdo.sozialnetz: the City of Dortmund's database "Soziale Netzwerke"."""

from AccessControl import ModuleSecurityInfo
from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "stadtdo.sozialnetz"

_ = MessageFactory(PACKAGE_NAME)

# The guards of the Antrag workflow call these functions from restricted
# TALES expressions (``modules['stadtdo.sozialnetz.verfahren.guards']``).
# They are not methods of the Antrag, so no URL can publish them.
ModuleSecurityInfo("stadtdo.sozialnetz.verfahren.guards").declarePublic(
    "einreichbar", "rueckfrage_offen", "beteiligung_ergebnis", "ist_abgeloest"
)
