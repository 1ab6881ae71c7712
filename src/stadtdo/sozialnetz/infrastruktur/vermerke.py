"""State an item carries outside its schema: one annotation adapter per
concern (issue 22), never a bare attribute.

Each concern subclasses ``Vermerke`` with its own ``KEY``: the adapter keeps
one ``PersistentMapping`` under that key in the item's annotations, and in
it the concern's records by name (lists of entries or single values). The
mapping is created on the first write; reading writes nothing (an Art. 15
report or a check must not change the database).

Stored versions (CMFEditions) are copies of the item with its annotations:
the adapter class works on them too (``Stand(version)``, without the
component registry).
"""

from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from stadtdo.sozialnetz.infrastruktur.speicher import annotation


class Vermerke:
    """Base of the annotation adapters: records by name in one mapping
    under ``KEY``."""

    #: the annotation key (stays as it is once stored)
    KEY: str = ""

    def __init__(self, context):
        self.context = context

    def _speicher(self, *, anlegen=False):
        return annotation(
            self.context, self.KEY, PersistentMapping if anlegen else None
        )

    def wert(self, name, default=None):
        """The value recorded under ``name``, or ``default``."""
        speicher = self._speicher()
        if speicher is None:
            return default
        return speicher.get(name, default)

    def setzen(self, name, wert):
        """Record ``wert`` under ``name``."""
        self._speicher(anlegen=True)[name] = wert

    def entfernen(self, name):
        """Remove what is recorded under ``name`` (nothing recorded: nothing
        is written)."""
        speicher = self._speicher()
        if speicher is not None and name in speicher:
            del speicher[name]

    def liste(self, name):
        """The entries recorded under ``name`` (the stored list, to be read;
        None while there are none)."""
        return self.wert(name)

    def anhaengen(self, name, eintrag):
        """Append ``eintrag`` to the list ``name``; return it."""
        speicher = self._speicher(anlegen=True)
        liste = speicher.get(name)
        if liste is None:
            liste = speicher[name] = PersistentList()
        liste.append(eintrag)
        return eintrag

    def uebernehmen(self, obj, namen):
        """Move the bare attributes ``namen`` of ``obj`` (as modules set them
        before profile version 1004, on a Person before 1005) into this store; return the names
        moved. An attribute already recorded here is dropped, not doubled."""
        if getattr(obj, "_p_jar", None) is not None:
            obj._p_activate()  # a ghost has no __dict__ yet
        eigene = obj.__dict__
        bewegt = []
        for name in namen:
            if name not in eigene:
                continue
            wert = eigene[name]
            delattr(obj, name)
            bewegt.append(name)
            if wert is None or self.wert(name) is not None:
                continue
            if isinstance(wert, list) and not isinstance(wert, PersistentList):
                wert = PersistentList(wert)
            self.setzen(name, wert)
        return bewegt
