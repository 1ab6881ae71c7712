"""What the process keeps on a Person outside its schema (annotation
adapter): the key that says which Person of the predecessor a copy in a
re-application is (``erneut.kopie_anlegen``; ``vergleich`` matches the
Persons of a re-application with those of its approved predecessor by it).

A Person's key is the UUID of the first Person it was copied from, carried
on through every further re-application; a Person entered by hand has no
recorded key, its own UUID is its key. Nothing personal is kept: the key
names an item, not a person."""

from __future__ import annotations

from plone.uuid.interfaces import IUUID
from stadtdo.sozialnetz.content.person import IPerson
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


SCHLUESSEL = "schluessel"


class IPersonenschluessel(Interface):
    """Which Person of the predecessors a Person is."""


@implementer(IPersonenschluessel)
@adapter(IPerson)
class Personenschluessel(Vermerke):
    KEY = "stadtdo.sozialnetz.verfahren.person"

    @property
    def schluessel(self) -> str | None:
        """The key: the recorded one, else the Person's own UUID."""
        return self.wert(SCHLUESSEL) or IUUID(self.context, None)

    def kopie_von(self, alt: IPerson) -> None:
        """This Person is the copy of ``alt``: it takes ``alt``'s key."""
        schluessel = Personenschluessel(alt).schluessel
        if schluessel:
            self.setzen(SCHLUESSEL, schluessel)
