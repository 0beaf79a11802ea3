"""Offline translation of English news articles into ko/uk/ru with a fixed glossary.

Library API: ``pipeline.run.run`` (batch job), ``pipeline.importer.read_checked`` and
``pipeline.importer.store`` (reviewed files back), ``pipeline.export.export_omegat``
(CAT-tool projects), ``pipeline.glossary.load_glossary``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    # One source of truth: the version in pyproject.toml, as installed.
    __version__ = version("newsroom-pipeline")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
