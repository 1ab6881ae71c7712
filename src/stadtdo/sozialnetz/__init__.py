"""stadtdo.sozialnetz: the City of Dortmund's database "Soziale Netzwerke"."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "stadtdo.sozialnetz"

_ = MessageFactory(PACKAGE_NAME)
