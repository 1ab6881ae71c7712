"""Working days in North Rhine-Westphalia, for the deadlines of the votes
(domain.md § 6 "Deadlines"). Pure date arithmetic, no Plone: weekends and
the public holidays of NRW (``holidays``, subdivision ``NW``) are no
working days.
"""

from datetime import date
from datetime import timedelta
from functools import lru_cache
import holidays


LAND = "DE"
BUNDESLAND = "NW"


@lru_cache(maxsize=64)
def feiertage(jahr: int) -> dict[date, str]:
    """The public holidays of NRW in ``jahr`` as ``{date: name}``."""
    return dict(holidays.country_holidays(LAND, subdiv=BUNDESLAND, years=jahr))


def ist_arbeitstag(tag: date) -> bool:
    """True for Monday to Friday that is no public holiday in NRW."""
    return tag.weekday() < 5 and tag not in feiertage(tag.year)


@lru_cache(maxsize=4096)
def plus_arbeitstage(start: date, anzahl: int) -> date:
    """The day ``anzahl`` working days after ``start`` (``start`` itself does
    not count, whether or not it is a working day). ``anzahl`` 0 gives
    ``start``; a negative ``anzahl`` counts back."""
    if not isinstance(start, date):
        raise TypeError("start must be a date")
    schritt = 1 if anzahl >= 0 else -1
    tag = start
    rest = abs(anzahl)
    while rest:
        tag += timedelta(days=schritt)
        if ist_arbeitstag(tag):
            rest -= 1
    return tag


def arbeitstage_zwischen(von: date, bis: date) -> int:
    """Working days after ``von`` up to and including ``bis`` (0 if ``bis``
    is not after ``von``)."""
    anzahl = 0
    tag = von
    while tag < bis:
        tag += timedelta(days=1)
        if ist_arbeitstag(tag):
            anzahl += 1
    return anzahl
