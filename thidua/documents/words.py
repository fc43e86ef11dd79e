"""The bloc's own word: a *khối* or a *cụm* thi đua, and every phrase built on it (a leaf module).

Provinces call their groups khối thi đua or cụm thi đua; the documents, the terminal output and the
forms say the word the bloc-year's ``kind`` gives (Trưởng khối / Cụm trưởng, TM. KHỐI THI ĐUA /
TM. CỤM THI ĐUA, the document numbers' /BB-KTĐ / /BB-CTĐ).
"""

from __future__ import annotations

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


def in_words(words: Words, text: str) -> str:
    """A sentence the core phrased with the khối words (a handover's reasons, a miss), said in ``words``."""
    if words is KHOI:
        return text
    for khoi, cum in (("Trưởng khối", words.leader), ("Phó khối", words.deputy), ("TRƯỞNG KHỐI", words.LEADER),
                      ("Khối", words.Bloc), ("khối", words.bloc)):
        text = text.replace(khoi, cum)
    return text
