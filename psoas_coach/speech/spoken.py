"""The words an engine is given for a cue: numbers written out, so every engine says them the same way.

A bare "3" is a countdown number; Piper says a lone digit quickly and flatly, and "Set 2 of 3" reads
better as words for both engines. The caption (and the clip cache key) stays the cue text itself.
Words are English only: in another language the digits are left to the voice of that language (espeak-ng
and Piper's espeak-ng phonemizer say "3" as "drei", "trois"), so a German countdown is never said in English.
Qt-free.
"""

from __future__ import annotations

import re

from psoas_coach.i18n import SOURCE_LANGUAGE, current_language

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?!\w|\.\d)")


def number_words(n: int) -> str:
    """0..999 in words: 45 -> "forty-five", 120 -> "one hundred and twenty"."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{_ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")


def spoken_form(text: str, language: str | None = None) -> str:
    """*text* as the engine should read it in *language* (default: the active one): "3" -> "Three.",
    "Set 2 of 3" -> "Set two of three"; in another language "3" -> "3." and the rest as written."""
    stripped = text.strip()
    if (language or current_language()) != SOURCE_LANGUAGE:
        return stripped + "." if stripped.isdigit() else text
    if stripped.isdigit() and len(stripped) <= 3:
        return number_words(int(stripped)).capitalize() + "."  # a countdown number, said as a word
    return _NUMBER.sub(lambda m: number_words(int(m.group())), text)
