"""`date_weekday`: a day name that disagrees with its date ("Senin (21/5)" when 21 May was a Sunday).

The dates component settles a swapped day and month by the day name ("Minggu (4/2)" → 2 April)
and notes the mismatches it cannot settle; this check reports both to the editor.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from kabar.checks import check
from kabar.nlp.dates import DAYS
from kabar.report import Flag

DAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
ENGLISH = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@check("date_weekday")
def weekday_mismatches(doc: Doc) -> list[Flag]:
    flags = []
    for date in doc._.dates or []:
        if date.extra.get("swapped_day_month"):
            flags.append(Flag(
                kind="date_weekday", start=date.start, end=date.end, text=date.text,
                message=f"Read as day/month, '{date.text}' is not a {_named(date.extra['swapped_day_month'])}; "
                        f"with day and month swapped it is: {date.value}.",
                suggestion="Write the date as day/month: " + _day_month(date.value) + ".",
                evidence={"value": date.value}, confidence=0.8))
        elif date.extra.get("weekday_mismatch") and date.value:
            actual = DAY_NAMES[dt.date.fromisoformat(date.value).weekday()]
            flags.append(Flag(
                kind="date_weekday", start=date.start, end=date.end, text=date.text,
                message=f"{date.value} was a {_named(actual)}, not a {_named(date.extra['weekday_mismatch'])}.",
                suggestion=f"Check the date: either the day name ({date.extra['weekday_mismatch']}) or the number is wrong.",
                evidence={"value": date.value, "weekday_of_value": actual}, confidence=0.7))
    return flags


def _named(day_name: str) -> str:
    """"Minggu" → "Sunday (Minggu)"."""
    index = DAYS[day_name.lower()]
    return f"{ENGLISH[index]} ({day_name})"


def _day_month(value: str) -> str:
    day = dt.date.fromisoformat(value)
    return f"{DAY_NAMES[day.weekday()]} ({day.day}/{day.month})"
