"""The day in England, whatever the server's time zone: EHC deadlines run on UK calendar days."""

import datetime as dt
from zoneinfo import ZoneInfo


def today_in_england() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/London")).date()
