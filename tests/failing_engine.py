"""A CTranslate2 that fails on the sentence about the ships, as it would run out of memory on one
input (Mariupol in it reaches the model as a placeholder, a name of the curated list): patched in
by the fault tests, and imported by Dask workers with ``--preload``."""

import ctranslate2

# Two articles; the failing sentence is b:p2:s1.
ARTICLES = {"a.txt": "Troops moved to Kursk on Monday.\n", "b.txt": "The port was quiet.\n\nShips left Mariupol at dawn.\n"}

# Dask may import a preload file twice: the second import must not wrap the wrapper.
_real = getattr(ctranslate2, "_unpatched_translator", ctranslate2.Translator)


class _Failed:
    def result(self):
        raise RuntimeError("std::bad_alloc")


class FailsOnShips:
    def __init__(self, *args, **kwargs):
        self._real = _real(*args, **kwargs)

    def translate_batch(self, source, **kwargs):
        results = self._real.translate_batch(source, **kwargs)
        return [_Failed() if "Ships" in "".join(tokens) else r for tokens, r in zip(source, results)]


def dask_setup(worker) -> None:
    """Run by each Dask worker that preloads this file."""
    ctranslate2._unpatched_translator = _real
    ctranslate2.Translator = FailsOnShips
