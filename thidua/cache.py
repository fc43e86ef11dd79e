"""The result cache of `thidua validate`: each file's findings, kept while nothing they depend on changed.

Stored under the data root in ``.thidua-cache/`` (a folder that git ignores by itself
and that is safe to delete at any time), as one JSON document::

    {"format": 1, "key": "<thidua's version and code>",
     "files": {"blocs/mttq/2024.yaml": {"deps": {"file:blocs/mttq/2024.yaml": "<digest>",
                                                 "file:blocs/_tables/mttq-2024.yaml": "<digest>",
                                                 "file:blocs/mttq/2022.yaml": null,
                                                 "blocs:": "<digest>", ...},
                                        "findings": [[file, line, col, sheet, cell, code,
                                                      severity, message, hint, name], ...]}}}

An entry is used only when every input its evaluation read (see
:mod:`thidua.loading.tracing`: the file itself, thidua.yaml, its table, its earlier years,
whatever else a check read) has the same content now: a digest of the bytes, ``null``
for a file that was looked for and absent, a digest of the names for a folder listing.
The key names thidua's version and a fingerprint of its code, so an upgrade (or an
edited checkout) starts afresh. A cache that cannot be read is ignored; one that cannot
be written is skipped: the cache never changes a finding, only how soon it comes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from thidua.diagnostics import Diagnostic, Severity, Source
from thidua.loading.reading import ReadRefused, read_bounded
from thidua.loading.root import bloc_ids, years_of

CACHE_DIR = ".thidua-cache"
CACHE_FILE = "validate.json"
FORMAT = 1
_MAX_BYTES = 4 * 1024 * 1024  # as the loader: a larger file is a finding, its digest says so
_IGNORE_ALL = "# Tạo bởi thidua: bộ nhớ đệm kết quả kiểm tra, xóa lúc nào cũng được.\n*\n"
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# thidua validate cache\n"


def code_key() -> str:
    """thidua's version, Python's, and the size and time of each of thidua's modules."""
    from thidua import __version__

    package = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=12)
    h.update(f"{__version__}|{sys.version_info[:3]}|{FORMAT}".encode())
    for folder, dirs, names in os.walk(package):
        dirs.sort()
        for name in sorted(names):
            if name.endswith((".py", ".yaml", ".json")):
                st = os.stat(os.path.join(folder, name))
                h.update(f"{os.path.relpath(os.path.join(folder, name), package)}|{st.st_size}|{st.st_mtime_ns}".encode())
    return f"{__version__}-{h.hexdigest()}"


def _encode(d: Diagnostic) -> list:
    s = d.source
    return [s.file, s.line, s.col, s.sheet, s.cell, d.code, int(d.severity), d.message, d.hint, d.name]


def _decode(row: list) -> Diagnostic:
    file, line, col, sheet, cell, code, severity, message, hint, name = row
    return Diagnostic(Source(file, line, col, sheet, cell), code, Severity(severity), message, hint, name)


class ResultCache:
    """The cache of one data root for one run: look entries up, store new ones, save once."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.folder = self.root / CACHE_DIR
        self.key = code_key()
        self._digests: dict[str, str | None] = {}
        self._old: dict = self._load()
        self._new: dict = {}
        self._changed = False

    def _load(self) -> dict:
        try:
            doc = json.loads((self.folder / CACHE_FILE).read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("key") != self.key:
            return {}
        files = doc.get("files")
        return files if isinstance(files, dict) else {}

    # -- digests ---------------------------------------------------------------
    def digest(self, dep: str) -> str | None:
        """The content of one input as it is now (memoised for the run)."""
        if dep in self._digests:
            return self._digests[dep]
        kind, _, name = dep.partition(":")
        if kind == "file":
            value = self._file_digest(self.root / name)
        elif kind == "blocs":
            value = _names_digest(bloc_ids(self.root))
        elif kind == "years":
            value = _names_digest(str(y) for y in years_of(self.root, name))
        else:
            value = "?"  # an input this version does not know: never equal to a stored digest
        self._digests[dep] = value
        return value

    def _file_digest(self, path: Path) -> str | None:
        if not os.path.lexists(path):
            return None
        try:
            data = read_bounded(path, _MAX_BYTES)
        except ReadRefused as refused:
            return f"!{refused.kind}:{refused.message}"
        return hashlib.blake2b(data, digest_size=16).hexdigest()

    # -- entries ---------------------------------------------------------------
    def lookup(self, name: str) -> tuple[frozenset[str], tuple[Diagnostic, ...]] | None:
        """The stored inputs and findings of ``name`` when every input is unchanged, else None."""
        entry = self._old.get(name)
        if not isinstance(entry, dict):
            return None
        try:
            deps = entry["deps"]
            if f"file:{name}" not in deps or any(self.digest(d) != v for d, v in deps.items()):
                return None
            findings = tuple(_decode(row) for row in entry["findings"])
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        self._new[name] = entry
        return frozenset(deps), findings

    def store(self, name: str, deps: set[str], findings, facts=None) -> None:
        """Keep ``name``'s findings under the digests of ``deps`` (and of the file itself).

        ``facts`` is any JSON value a later step needs of the file without reading it again (a
        check across files that needs each bloc-year's units, say): it is returned by
        :meth:`facts_of` while the entry holds. What such a step concludes from several files'
        facts is not a property of one file and is not stored here.
        """
        deps = {*deps, f"file:{name}"}
        entry = {"deps": {d: self.digest(d) for d in sorted(deps)}, "findings": [_encode(d) for d in findings]}
        if facts is not None:
            entry["facts"] = facts
        self._new[name] = entry
        self._changed = True

    def facts_of(self, name: str):
        """The facts stored with ``name``'s entry, once :meth:`lookup` or :meth:`store` made it current."""
        entry = self._new.get(name)
        return entry.get("facts") if isinstance(entry, dict) else None

    def save(self) -> None:
        """Write the entries of this run (files no longer there are dropped); silent when it cannot."""
        if not self._changed and self._new.keys() == self._old.keys():
            return
        from thidua.writing import atomic_write

        doc = {"format": FORMAT, "key": self.key, "files": self._new}
        try:
            self.folder.mkdir(exist_ok=True)
            for name, text in ((".gitignore", _IGNORE_ALL), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
                if not (self.folder / name).exists():
                    (self.folder / name).write_text(text, encoding="utf-8")
            atomic_write(self.folder / CACHE_FILE,
                         json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        except Exception:  # noqa: BLE001 - a read-only root, a full disk, a platform without a call:
            pass  # the run's findings stand without a cache


def _names_digest(names) -> str:
    return hashlib.blake2b("\n".join(names).encode("utf-8"), digest_size=16).hexdigest()
