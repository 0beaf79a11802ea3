#!/usr/bin/env bash
# Shared set-up for a fresh machine: system tools, a virtual environment, the project.
# Sourced by run.sh and test.sh; safe to repeat (each step is skipped when done).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_apt=()
command -v msgfmt >/dev/null || need_apt+=(gettext)
if [ "${1:-}" = "test" ] && ! command -v chromium >/dev/null; then need_apt+=(chromium); fi
# The review editor's browser test drives chromium through Selenium.
if [ "${1:-}" = "test" ] && ! command -v chromedriver >/dev/null; then need_apt+=(chromium-driver); fi
# A Korean font, so the review page's Hangul renders in the screenshot test (not empty boxes).
if [ "${1:-}" = "test" ] && ! fc-list :lang=ko 2>/dev/null | grep -q .; then need_apt+=(fonts-nanum); fi
# OmegaT, the CAT tool the round-trip tests take the review files through.
if [ "${1:-}" = "test" ] && [ ! -f /usr/share/omegat/OmegaT.jar ]; then need_apt+=(omegat); fi
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/pipeline ] || ! .venv/bin/python -c "import polib, pymorphy3, ctranslate2, babel" 2>/dev/null || [ "${1:-}" = "test" ]; then
    start=$(date +%s)
    # The tests also train the stand-in recipe for a few steps (the standin extra) and start a
    # Dask scheduler and workers on localhost (the cluster extra).
    extras=();  [ "${1:-}" = "test" ] && extras=(test standin cluster)
    PYTHON="$PYTHON" bash scripts/install.sh .venv "${extras[@]}"
    echo "setup: installed in $(( $(date +%s) - start )) s; environment $(du -sh .venv | cut -f1)"
fi
.venv/bin/python -c "import pipeline, polib, pymorphy3, ctranslate2" || { echo "setup: install failed" >&2; exit 1; }
