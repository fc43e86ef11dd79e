"""How much room text takes in a cell, and where a printed sheet's pages break (pure: no openpyxl).

Excel and LibreOffice size a row to its text only for cells that are not merged, so every
row height we write comes from here: the text's width in Times New Roman (the advance
widths of the font, which Liberation Serif shares), wrapped word by word as a spreadsheet
wraps it. A column ``w`` wide is ``w`` times the default font's digit: 7 px (5.25 pt) in
Excel, 5.58 pt in LibreOffice; the narrower Excel measure is used for wrapping, so a line
that fits there fits in both.

Pages: a sheet is printed one page wide (``fitToWidth``), so each program shrinks it by its
own factor; :func:`page_starts` follows both and says where a block that must stay on one
page (a signature with its title, a heading with its table) needs a page break before it.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Advance widths (thousandths of an em) of Times New Roman for " " .. "~", regular and bold.
_REGULAR = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
    722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
    278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541)
_BOLD = (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778,
    778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
    278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520)
# Letters that do not decompose to an ASCII base, and the horn (ư, ơ) that widens its base.
_OWN = {"Đ": (722, 722), "đ": (500, 556), "Ð": (722, 722)}
_HORN = {"U": (54, 74), "u": (42, 44), "O": (0, 0), "o": (29, -2)}
_OTHER = {"…": (1000, 1000), "–": (500, 500), "—": (1000, 1000), "·": (250, 250), "«": (500, 500),
          "»": (500, 500), "→": (1000, 1000), "≥": (549, 549), "≤": (549, 549), "−": (564, 570),
          "\u00a0": (250, 250), "“": (444, 500), "”": (444, 500), "‘": (333, 333), "’": (333, 333)}
_UNKNOWN = 600

EXCEL_UNIT = 5.25  # points per unit of column width: Calibri 11's digit, 7 px at 96 dpi
LIBRE_UNIT = 5.577  # LibreOffice: Carlito 11's digit, 507/1000 of 11 pt
CELL_PADDING = 4.0  # points a cell keeps clear inside its borders

_cache: dict[tuple[str, bool], float] = {}


def char_width(ch: str, bold: bool = False) -> float:
    """Advance width of one character in thousandths of an em."""
    key = (ch, bold)
    got = _cache.get(key)
    if got is not None:
        return got
    i = 1 if bold else 0
    if ch in _OWN:
        w = float(_OWN[ch][i])
    elif ch in _OTHER:
        w = float(_OTHER[ch][i])
    else:
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0]
        if " " <= base <= "~":
            w = float((_BOLD if bold else _REGULAR)[ord(base) - 32])
            if "\u031b" in parts[1:]:
                w += _HORN.get(base, (0, 0))[i]
        elif unicodedata.combining(base):
            w = 0.0
        else:
            w = float(_UNKNOWN)
    _cache[key] = w
    return w


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` on one line, in points."""
    return sum(char_width(ch, bold) for ch in text) * size / 1000


def room(chars: float) -> float:
    """Points of text a cell ``chars`` units wide holds on one line (Excel's measure, the narrower)."""
    return max(chars * EXCEL_UNIT - CELL_PADDING, 1.0)


def wrapped_lines(text: str, chars: float, size: float, bold: bool = False) -> int:
    """Lines ``text`` takes in a wrapping cell ``chars`` units wide: words go on a line while they fit,
    a word longer than the line is cut; each line break in the text starts a line."""
    limit = room(chars)
    space = char_width(" ", bold) * size / 1000
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0.0
        for word in part.split(" "):
            w = text_width(word, size, bold)
            if used and used + space + w <= limit:
                used += space + w
                continue
            if used:
                lines += 1
            if w > limit:  # a word wider than the cell is broken where it reaches the edge
                lines += math.ceil(w / limit) - 1
                w = w - (math.ceil(w / limit) - 1) * limit
            used = w
        total += lines
    return total


# -- pages -------------------------------------------------------------------------------

A4 = (595.28, 841.89)  # points, portrait
UNITS = (EXCEL_UNIT, LIBRE_UNIT)
# How tall a row prints against the height written, per program (column unit, factor): Excel draws a
# row a whole number of pixels high (up to 1 % taller over a sheet); LibreOffice draws rows up to 3 %
# shorter than written (measured on its PDF export), so its pages hold more than the written heights
# say. A block kept on one page is checked against each.
PROGRAMS = ((EXCEL_UNIT, 1.0), (EXCEL_UNIT, 1.01), (LIBRE_UNIT, 1.0), (LIBRE_UNIT, 0.97))
ROW_ROUNDING = 0.375  # points: half of Excel's 0.75 pt pixel, the most a row gains when drawn


@dataclass(frozen=True, slots=True)
class Page:
    """A sheet's printed page: orientation, margins (points) and the column widths it must fit."""

    landscape: bool
    top: float
    bottom: float
    left: float
    right: float
    widths: tuple[float, ...]

    def scale(self, unit: float) -> float:
        """The factor a program shrinks the sheet by to print it one page wide (whole percents)."""
        paper_w = A4[1] if self.landscape else A4[0]
        need = sum(self.widths) * unit
        room_w = paper_w - self.left - self.right
        return 1.0 if need <= room_w else math.floor(100 * room_w / need) / 100

    def height(self, unit: float, factor: float = 1.0) -> float:
        """Points of written row height one page holds, at the program's scale (``factor``: how tall
        a row prints against its written height)."""
        return self.room_h / self.scale(unit) / factor

    def capacities(self) -> list[float]:
        """What one page holds in each of :data:`PROGRAMS`."""
        return [self.height(unit, factor) for unit, factor in PROGRAMS]

    @property
    def room_h(self) -> float:
        paper_h = A4[0] if self.landscape else A4[1]
        return paper_h - self.top - self.bottom

    def one_page(self, heights: Sequence[float]) -> int:
        """The print scale (whole percent) that puts rows of these heights on one page in both
        programs: one point under the tighter of them, each row counted half a pixel taller (Excel
        draws a row a whole number of pixels high)."""
        tall = sum(heights) + ROW_ROUNDING * len(heights)
        return math.floor(100 * min(min(self.scale(u), self.room_h / tall) for u in UNITS)) - 1


def paginate(heights: Sequence[float], capacity: float, titles: tuple[int, int] | None = None,
             forced: Iterable[int] = ()) -> list[int]:
    """The first row of every printed page; ``heights[r - 1]`` is row r's height in points, ``titles``
    the rows repeated at the top of every later page, ``forced`` the rows after a manual break."""
    title_h = sum(heights[titles[0] - 1:titles[1]]) if titles else 0.0
    forced = set(forced)
    out = [1]
    used = 0.0
    for r, h in enumerate(heights, start=1):
        top = title_h if titles and r > titles[1] else 0.0
        if r > 1 and (r in forced or (used + h > capacity and used > top)):
            out.append(r)
            used = top + h
        else:
            used += h
    return out


def page_starts(heights: Sequence[float], page: Page, keeps: Iterable[tuple[int, int]] = (),
                titles: tuple[int, int] | None = None) -> list[int]:
    """Rows that must begin a page so that no ``keeps`` block (first, last row) is split, in Excel's
    pagination and in LibreOffice's (:data:`PROGRAMS`), followed together row by row. A block that
    fits on no page of a program that would split it is left to break where it must."""
    title_h = sum(heights[titles[0] - 1:titles[1]]) if titles else 0.0
    caps = page.capacities()
    ends: dict[int, int] = {}
    for a, b in _joined(sorted((a, b) for a, b in keeps if b > a), heights, title_h, min(caps)):
        ends[a] = max(b, ends.get(a, a))
    used = [0.0] * len(caps)
    forced: list[int] = []
    for r, h in enumerate(heights, start=1):
        top = title_h if titles and r > titles[1] else 0.0
        b = ends.get(r)
        if r > 1 and b is not None:
            block = heights[r - 1:b]
            size = sum(block)
            if any(_splits(block, u, cap, top) and top + size <= cap for u, cap in zip(used, caps, strict=True)):
                forced.append(r)
                used = [top] * len(caps)
        for i, cap in enumerate(caps):
            if used[i] + h > cap and used[i] > top:
                used[i] = top + h
            else:
                used[i] += h
    return forced


def _joined(keeps: list[tuple[int, int]], heights: Sequence[float], top: float,
            capacity: float) -> list[tuple[int, int]]:
    """Overlapping blocks as one, where together they fit on a page: a break before the second must
    not cut the first."""
    out: list[tuple[int, int]] = []
    for a, b in keeps:
        if out and a <= out[-1][1] and top + sum(heights[out[-1][0] - 1:max(b, out[-1][1])]) <= capacity:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _splits(block: Sequence[float], used: float, capacity: float, top: float) -> bool:
    """Whether a program with ``used`` points on its page breaks a page inside ``block`` (a break
    before its first row does not split it)."""
    for k, h in enumerate(block):
        if used + h > capacity and used > top:
            if k:
                return True
            used = top + h
        else:
            used += h
    return False
