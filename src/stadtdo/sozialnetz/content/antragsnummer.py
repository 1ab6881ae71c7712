"""Human-readable, unique Antragsnummern: ``SN-<year>-<running number>``.

The counters (one per year) live in one persistent mapping in the portal's
annotations. A number is drawn in a short transaction of its own
(:func:`stadtdo.sozialnetz.infrastruktur.nummernkreis.ziehen`), like from a database
sequence: two Anträge created at the same moment no longer conflict on the
counter, and a number is never handed out twice, on one instance as on
several instances on one database.

Numbers ascend in the order they are drawn. Gaps are possible: a number drawn
by a request that fails afterwards (or is repeated by the publisher after a
conflict elsewhere, drawing a new number) is not used again.

The number is drawn when the Antrag is created (Plone's name chooser asks
:class:`stadtdo.sozialnetz.content.antrag.AntragName` for the Antrag's id,
which is its number in lower case).
"""

from datetime import date
from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz.infrastruktur.nummernkreis import ziehen
from stadtdo.sozialnetz.infrastruktur.speicher import annotation


ANNOTATION_KEY = "stadtdo.sozialnetz.antragsnummern"


def _hochzaehlen(year):
    def _in(portal):
        counters = annotation(portal, ANNOTATION_KEY, PersistentMapping)
        counters[year] = counters.get(year, 0) + 1
        return counters[year]

    return _in


def next_antragsnummer(*, year=None):
    """Draw the next number for ``year`` (default: this year) and return it."""
    year = year or date.today().year
    laufend = ziehen(api.portal.get(), _hochzaehlen(year))
    return f"SN-{year}-{laufend:04d}"


def ensure_antragsnummer(antrag):
    """Give ``antrag`` a number if it has none yet; return its number."""
    if not antrag.antragsnummer:
        antrag.antragsnummer = next_antragsnummer()
    return antrag.antragsnummer
