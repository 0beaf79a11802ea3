"""Argos package management: list, install from files, install from Argos' online index.

An install never damages what is installed: the archive is checked (zip
integrity, a single package folder, metadata, the CTranslate2 model and the
SentencePiece model load) in a temporary folder beside the package directory,
and only then swapped in by renaming. A failed install leaves the installed
package as it was and says why in one line.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

from pipeline.engine import ModelPackage, installed_packages
from pipeline.errors import EngineError


def package_zip(folder: Path, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A package folder as an ``.argosmodel`` archive: sorted entries and fixed timestamps, so the
    same files give the same bytes (the stand-in recipe writes it; the cluster ships it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = compression
            zf.writestr(info, path.read_bytes())
    return buffer.getvalue()


def list_packages() -> list[ModelPackage]:
    return installed_packages()


def _package_data_dir() -> Path:
    from argostranslate import settings

    return Path(settings.package_data_dir)


def _extract(archive: Path, into: Path) -> Path:
    """Extract ``archive`` into ``into``; return its single top-level package folder."""
    try:
        with zipfile.ZipFile(archive) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise EngineError(f"{archive}: corrupt archive (bad CRC in {bad})")
            names = zf.namelist()
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) != 1 or any(n.startswith("/") or ".." in Path(n).parts for n in names):
                raise EngineError(f"{archive}: not an Argos package (expected one package folder)")
            zf.extractall(into)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        # A damaged deflate stream fails in zlib before the CRC is compared.
        raise EngineError(f"{archive}: corrupt archive ({exc})") from exc
    return into / tops.pop()


def verify_package(folder: Path, archive: Path) -> dict:
    """The package's metadata, after checking that its models load."""
    try:
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        if meta.get("type", "translate") != "translate" or not meta.get("from_code") or not meta.get("to_code"):
            raise ValueError("not a translation package")
    except (OSError, ValueError, AttributeError) as exc:
        raise EngineError(f"{archive}: bad metadata.json ({exc})") from exc
    import ctranslate2
    import sentencepiece

    try:
        ctranslate2.Translator(str(folder / "model"), device="cpu", compute_type="auto", intra_threads=1)
    except (RuntimeError, ValueError, OSError) as exc:
        raise EngineError(f"{archive}: model does not load ({exc})") from exc
    try:
        sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    except (RuntimeError, OSError, ValueError) as exc:
        raise EngineError(f"{archive}: sentencepiece.model does not load ({exc})") from exc
    return meta


def install_archive(archive: Path, packages: Path | None = None) -> str:
    """Verify ``archive`` and swap it in for any installed copy; returns the package folder name."""
    packages = packages or _package_data_dir()
    packages.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=packages, prefix=".installing-"))
    try:
        folder = _extract(archive, staging)
        verify_package(folder, archive)
        target = packages / folder.name
        old = staging / ".previous"
        if target.exists():
            target.rename(old)
        try:
            folder.rename(target)
        except OSError as exc:
            if old.exists():
                old.rename(target)
            raise EngineError(f"{target}: cannot install ({exc.strerror or exc}); the installed package is unchanged") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder.name


def install_path(path: Path, packages: Path | None = None) -> list[str]:
    """Install an ``.argosmodel`` file, or every one in a directory, into Argos' package directory."""
    files = sorted(path.glob("*.argosmodel")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise EngineError(f"{path}: no .argosmodel package found")
    for file in files:
        if not zipfile.is_zipfile(file):
            raise EngineError(f"{file}: not an Argos package (not a zip archive)")
        install_archive(file, packages)
    _forget_languages()
    return [f.name for f in files]


def _forget_languages() -> None:
    # Argos caches its language list; a process that installs and then translates through Argos needs
    # it fresh. Only then: importing argostranslate.translate pulls in stanza (and torch).
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.get_installed_languages.cache_clear()


def install_online(pair: str) -> list[str]:
    """Download and install the official package for ``pair`` (e.g. ``en_ko``) through Argos' index,
    or a mirror of it (Argos' ``ARGOS_PACKAGE_INDEX``, e.g. a newsroom's own server).

    A download is verified exactly as a file install; a damaged one is deleted, so the next
    attempt fetches it again (Argos itself would reuse it from its downloads folder).
    """
    import logging
    import urllib.request

    from argostranslate import package, settings

    # Argos logs every request at INFO on its own logger; the user gets one line from us.
    if not logging.getLogger().isEnabledFor(logging.INFO):
        logging.getLogger("argostranslate.utils").setLevel(logging.WARNING)
    from_code, _, to_code = pair.partition("_")
    index = settings.remote_package_index
    try:
        # Argos' own update_package_index() logs a failure and goes on with a stale index.
        with urllib.request.urlopen(index, timeout=60) as response:
            data = response.read()
        json.loads(data)
        Path(settings.local_package_index).write_bytes(data)
        available = package.get_available_packages()
    except (OSError, ValueError) as exc:
        raise EngineError(f"cannot read the Argos package index {index} ({exc}); offline? use `pipeline models install PATH`") from exc
    matches = [p for p in available if (p.from_code, p.to_code) == (from_code, to_code)]
    if not matches:
        raise EngineError(f"the Argos index {index} has no package for {from_code}→{to_code}")
    chosen = matches[0]
    cached = Path(settings.downloads_dir) / f"{package.argospm_package_name(chosen)}.argosmodel"
    cached.unlink(missing_ok=True)  # never a copy from an earlier, perhaps interrupted, download
    try:
        downloaded = Path(chosen.download())
    except Exception as exc:  # Argos raises a bare Exception when every link failed
        raise EngineError(f"download of {chosen} from {', '.join(chosen.links)} failed: {exc}") from exc
    try:
        if not zipfile.is_zipfile(downloaded):
            raise EngineError(f"{downloaded}: not an Argos package (not a zip archive)")
        install_archive(downloaded)
    except EngineError as exc:
        downloaded.unlink(missing_ok=True)
        raise EngineError(f"{exc}; the damaged download was removed, try again") from exc
    _forget_languages()
    return [str(chosen)]
