"""Recipe that trains the project's stand-in Argos packages (en→ko, en→uk, en→ru).

Heavy dependencies (torch, transformers) live in the ``standin`` extra and are
never imported by the pipeline itself.
"""

RECIPE_VERSION = "1.0"
LANGS = ("ko", "uk", "ru")
