"""Human-readable, unique Antragsnummern: ``SN-<year>-<running number>``.

The counters live in one persistent mapping in the portal's annotations. It
has no conflict resolution on purpose: two transactions that draw a number at
the same time conflict, Zope retries one of them, and so no number is ever
handed out twice.
"""

from datetime import date
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "stadtdo.sozialnetz.antragsnummern"


def _counters():
    annotations = IAnnotations(api.portal.get())
    counters = annotations.get(ANNOTATION_KEY)
    if counters is None:
        counters = annotations[ANNOTATION_KEY] = PersistentMapping()
    return counters


def next_antragsnummer(*, year=None):
    """Draw the next number for ``year`` (default: this year) and return it."""
    year = year or date.today().year
    counters = _counters()
    counters[year] = counters.get(year, 0) + 1
    return f"SN-{year}-{counters[year]:04d}"


def ensure_antragsnummer(antrag):
    """Give ``antrag`` a number if it has none yet; return its number."""
    if not antrag.antragsnummer:
        antrag.antragsnummer = next_antragsnummer()
    return antrag.antragsnummer
