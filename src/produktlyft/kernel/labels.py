"""Coded values with a Swedish and an English label, as every area's vocabularies need them.

Values are stable English codes (stored in the database and in exports); users see and may type
either label. Parsing accepts the code or a label in either language, case-insensitively.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from produktlyft.kernel.errors import WordedError, wording


def _fold(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Swedish and an English label."""

    sv: str
    en: str

    def __new__(cls, code: str, sv: str, en: str) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.sv = sv
        member.en = en
        return member

    def label(self, lang: str = "sv") -> str:
        return self.sv if lang == "sv" else self.en

    @classmethod
    def choices(cls, lang: str = "sv") -> list[str]:
        return [member.label(lang) for member in cls]

    @classmethod
    def parse(cls, text: str) -> Self:
        """Return the member named by a code or a label; raise ValueError naming the choices."""
        wanted = _fold(text)
        for member in cls:
            if wanted in (_fold(member.value), _fold(member.sv), _fold(member.en)):
                return member
        raise WordedError(
            wording(
                "'{value}' is not one of {choices}",
                value=text,
                choices=", ".join(cls.choices("sv")),
            )
        )
