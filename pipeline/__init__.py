"""Offline translation of English news articles into ko/uk/ru with a fixed glossary.

Library API: ``pipeline.run.run`` (batch job), ``pipeline.importer.import_files``
(reviewed files back), ``pipeline.glossary.load_glossary``.
"""

__version__ = "0.1.0"
