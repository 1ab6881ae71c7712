"""Working-day arithmetic of the vote deadlines: weekends and NRW public
holidays do not count."""

from datetime import date
from stadtdo.sozialnetz.verfahren.arbeitstage import arbeitstage_zwischen
from stadtdo.sozialnetz.verfahren.arbeitstage import ist_arbeitstag
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
import pytest


@pytest.mark.parametrize(
    "tag,arbeitstag",
    [
        (date(2026, 6, 3), True),  # Wednesday
        (date(2026, 6, 4), False),  # Fronleichnam (NRW, not in Berlin)
        (date(2026, 6, 6), False),  # Saturday
        (date(2026, 6, 7), False),  # Sunday
        (date(2027, 11, 1), False),  # Allerheiligen, a Monday
        (date(2026, 10, 31), False),  # Saturday (Reformationstag is no NRW holiday)
        (date(2027, 10, 29), True),  # Friday
        (date(2026, 12, 24), True),  # Heiligabend is a working day
    ],
)
def test_working_day(tag, arbeitstag):
    assert ist_arbeitstag(tag) is arbeitstag


def test_reformation_day_is_no_nrw_holiday():
    assert ist_arbeitstag(date(2025, 10, 31))  # Friday, holiday in Lower Saxony


def test_ten_working_days_across_weekend_and_fronleichnam():
    # due Mon 1 June 2026: Tue 2, Wed 3, (Thu 4 Fronleichnam), Fri 5,
    # Mon 8 .. Fri 12, Mon 15, Tue 16 -> the tenth working day is 16 June
    assert plus_arbeitstage(date(2026, 6, 1), 10) == date(2026, 6, 16)


def test_ten_working_days_across_allerheiligen():
    # due Wed 27 Oct 2027: Thu 28, Fri 29, (Sat, Sun, Mon 1 Nov Allerheiligen),
    # Tue 2 .. Fri 5, Mon 8 .. Thu 11 -> 11 November
    assert plus_arbeitstage(date(2027, 10, 27), 10) == date(2027, 11, 11)


def test_friday_plus_one_is_monday():
    assert plus_arbeitstage(date(2026, 6, 12), 1) == date(2026, 6, 15)


def test_start_on_a_holiday_counts_from_the_next_working_day():
    assert plus_arbeitstage(date(2026, 6, 4), 1) == date(2026, 6, 5)


def test_across_christmas_and_new_year():
    # Wed 23 Dec 2026: Thu 24, (25, 26, 27), Mon 28, Tue 29, Wed 30, Thu 31,
    # (Fri 1 Jan), Mon 4 -> six working days
    assert plus_arbeitstage(date(2026, 12, 23), 6) == date(2027, 1, 4)


def test_zero_and_negative():
    assert plus_arbeitstage(date(2026, 6, 1), 0) == date(2026, 6, 1)
    # two working days before Fri 5 June 2026: Wed 3 (Thu 4 is Fronleichnam)
    assert plus_arbeitstage(date(2026, 6, 5), -2) == date(2026, 6, 2)


def test_working_days_between():
    assert arbeitstage_zwischen(date(2026, 6, 1), date(2026, 6, 16)) == 10
    assert arbeitstage_zwischen(date(2026, 6, 16), date(2026, 6, 1)) == 0
