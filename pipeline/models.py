"""Argos package management: list, install from files, install from Argos' online index."""

from __future__ import annotations

from pathlib import Path

from pipeline.engine import ModelPackage, installed_packages
from pipeline.errors import EngineError


def list_packages() -> list[ModelPackage]:
    return installed_packages()


def install_path(path: Path) -> list[str]:
    """Install an ``.argosmodel`` file, or every one in a directory, into Argos' package directory."""
    import zipfile

    from argostranslate import package

    files = sorted(path.glob("*.argosmodel")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise EngineError(f"{path}: no .argosmodel package found")
    for file in files:
        if not zipfile.is_zipfile(file):
            raise EngineError(f"{file}: not an Argos package (not a zip archive)")
        package.install_from_path(file)
    return [f.name for f in files]


def install_online(pair: str) -> list[str]:
    """Download and install the official package for ``pair`` (e.g. ``en_ko``) through Argos' index."""
    from argostranslate import package

    from_code, _, to_code = pair.partition("_")
    try:
        package.update_package_index()
        available = package.get_available_packages()
    except Exception as exc:  # urllib raises many types; all mean "index unreachable"
        raise EngineError(f"cannot reach the Argos package index ({exc}); offline? use `pipeline models install PATH`") from exc
    matches = [p for p in available if (p.from_code, p.to_code) == (from_code, to_code)]
    if not matches:
        raise EngineError(f"the Argos index has no package for {from_code}→{to_code}")
    try:
        package.install_from_path(matches[0].download())
    except Exception as exc:
        raise EngineError(f"download of {matches[0]} failed: {exc}") from exc
    return [str(matches[0])]
