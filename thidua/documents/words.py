"""The bloc's own word: a *khối* or a *cụm* thi đua, and every phrase built on it (a leaf module).

Provinces call their groups khối thi đua or cụm thi đua; the documents, the terminal output and the
forms say the word the bloc-year's ``kind`` gives (Trưởng khối / Cụm trưởng, TM. KHỐI THI ĐUA /
TM. CỤM THI ĐUA, the document numbers' /BB-KTĐ / /BB-CTĐ).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Words:
    """Attributes:
    bloc: ``khối`` or ``cụm``; Bloc: capitalised; BLOC: ``KHỐI THI ĐUA`` / ``CỤM THI ĐUA``.
    leader, deputy: ``Trưởng khối``, ``Phó khối`` / ``Cụm trưởng``, ``Cụm phó``.
    LEADER: the leader's title upper case, as signed; code: ``KTĐ`` / ``CTĐ`` in document numbers.
    """

    bloc: str
    Bloc: str
    BLOC: str
    leader: str
    deputy: str
    LEADER: str
    code: str

    @property
    def on_behalf(self) -> str:
        return f"TM. {self.BLOC}"


KHOI = Words("khối", "Khối", "KHỐI THI ĐUA", "Trưởng khối", "Phó khối", "TRƯỞNG KHỐI", "KTĐ")
CUM = Words("cụm", "Cụm", "CỤM THI ĐUA", "Cụm trưởng", "Cụm phó", "CỤM TRƯỞNG", "CTĐ")


def words_for(kind: str) -> Words:
    return CUM if kind == "cụm" else KHOI


def in_words(words: Words, text: str, keep: Iterable[str] = ()) -> str:
    """A sentence the core phrased with the khối words (a handover's reasons, a miss), said in ``words``.

    ``keep``: names quoted in the sentence (the bloc's, its members'), which stay as written: a cụm's
    reason may name "Đảng ủy Khối các cơ quan tỉnh".
    """
    if words is KHOI:
        return text
    names = sorted({k for k in keep if k and k in text}, key=len, reverse=True)
    if names:
        parts = re.split("(" + "|".join(map(re.escape, names)) + ")", text)
        return "".join(part if i % 2 else in_words(words, part) for i, part in enumerate(parts))
    for khoi, cum in (("Trưởng khối", words.leader), ("Phó khối", words.deputy), ("TRƯỞNG KHỐI", words.LEADER),
                      ("Khối", words.Bloc), ("khối", words.bloc)):
        text = text.replace(khoi, cum)
    return text


def group_word(kinds) -> str:
    """What a province calls its blocs together: ``khối``, ``cụm``, or ``khối, cụm`` when it has both."""
    found = set(kinds)
    if found == {"cụm"}:
        return "cụm"
    return "khối, cụm" if "cụm" in found else "khối"


def names_in(*bloc_years) -> tuple[str, ...]:
    """The names a reason may quote from these bloc-years (theirs and their members'): ``in_words`` keeps them."""
    return tuple(n for by in bloc_years for n in (by.name, *(m.name for m in by.members)))
