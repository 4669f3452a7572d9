"""The counting conventions of ../shared/ehc-timescales.md, one function each.

Every rule in the engine is built from these few operations, so a convention is written (and
tested) once. Working days come from the maintained `holidays` calendar for England, because
one-off bank holidays (2022's funeral, 2023's coronation) follow no rule a hand list could know.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

import holidays

Date = dt.date


@lru_cache(maxsize=64)
def _england_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day: Date) -> bool:
    """Monday to Friday, and not Christmas Day, Good Friday or an England bank holiday."""
    return day.weekday() < 5 and day not in _england_holidays(day.year)


def bank_holiday_name(day: Date) -> str | None:
    """The holiday's name, so a reply can say why a day does not count."""
    return _england_holidays(day.year).get(day)


def add_weeks(trigger: Date, weeks: int) -> Date:
    """"Within N weeks of X": the trigger day is excluded, so the end is X + 7N days."""
    return trigger + dt.timedelta(weeks=weeks)


def add_days(trigger: Date, days: int) -> Date:
    """Calendar days, trigger day excluded (for example "30 days" for mediation)."""
    return trigger + dt.timedelta(days=days)


def period_beginning_with(trigger: Date, days: int) -> Date:
    """"At least N days beginning with the day of service": the service day is day 1."""
    return trigger + dt.timedelta(days=days - 1)


def add_months(trigger: Date, months: int) -> Date:
    """The corresponding date N calendar months on (or back, if negative).

    Where that month is too short (31st, 29-30 February) the last day of the month is used.
    """
    month_index = trigger.year * 12 + (trigger.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    return Date(year, month, min(trigger.day, last_day))


def months_beginning_with(first_day: Date, months: int) -> Date:
    """The last day of a period of N months that starts with (and counts) `first_day`.

    It ends the day before the corresponding date. Where the end month has no corresponding date
    (a period starting 29 February, or the 30th or 31st), the period runs to the end of that
    month: 12 months starting with 29 February 2024 end on 28 February 2025.
    """
    corresponding = add_months(first_day, months)  # the month end where there is no such day
    return corresponding if corresponding.day < first_day.day else corresponding - dt.timedelta(days=1)


def add_working_days(trigger: Date, days: int, *, beginning_with: bool = False) -> Date:
    """The Nth working day after the trigger (or counting the trigger itself when the law says
    "beginning with the day", and that day is a working day)."""
    if days < 1:
        raise ValueError("a working-day period has at least one day")
    day = trigger
    counted = 1 if beginning_with and is_working_day(trigger) else 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def next_working_day(day: Date) -> Date:
    """The first working day strictly after `day`."""
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def in_christmas_window(day: Date) -> bool:
    return (day.month == 12 and day.day >= 25) or (day.month == 1 and day.day == 1)


def tribunal_roll_forward(period_end: Date) -> Date:
    """The last day to start a SEND Tribunal appeal, from the day the period itself ends.

    HESC Rules 2008, rule 12: a period that ends on 25 December to 1 January, or on any day in
    August, is met on the first working day after 1 January or 31 August (rule 12(3)(a)); any
    other period that ends on a day that is not a working day is met on the next working day
    (rule 12(2)). Only the period's own end decides, so a weekend in late July moves to the first
    working day of August, never on to September (and late December likewise stays in December).
    """
    if in_christmas_window(period_end):
        return next_working_day(Date(period_end.year + (period_end.month == 12), 1, 1))
    if period_end.month == 8:
        return next_working_day(Date(period_end.year, 8, 31))
    if not is_working_day(period_end):
        return next_working_day(period_end)
    return period_end
