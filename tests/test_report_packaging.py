"""The bundled templates are installed with the package: templates/ at the project root is the
package thidua.templates (pyproject.toml maps it), and the package list names every subpackage."""

from __future__ import annotations

import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def setuptools_config() -> dict:
    return tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_templates_folder_is_the_package_thidua_templates():
    config = setuptools_config()
    assert config["package-dir"]["thidua.templates"] == "templates"
    assert "thidua.templates" in config["packages"]
    assert "*.j2" in config["package-data"]["thidua.templates"]
    assert (PROJECT / "templates" / "__init__.py").is_file()


def test_every_subpackage_is_listed():
    """setuptools installs only the packages listed: a new thidua/<sub>/ must be added to pyproject.toml."""
    on_disk = {".".join(p.parent.relative_to(PROJECT).parts) for p in (PROJECT / "thidua").rglob("__init__.py")
               if "__pycache__" not in p.parts}
    listed = set(setuptools_config()["packages"]) - {"thidua.templates"}
    assert on_disk == listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}; " \
                              f"remove: {sorted(listed - on_disk)}"


def test_installed_templates_resolve_to_a_folder_with_the_documents():
    from importlib.resources import files

    names = {p.name for p in files("thidua.templates").iterdir()}
    assert {"bao-cao-khoi.md.j2", "bang-tong-hop.md.j2", "bien-ban.md.j2", "to-trinh.md.j2",
            "tong-hop-tinh.md.j2", "_khung.md.j2"} <= names
