#!/usr/bin/env bash
# Shared set-up for a fresh machine: system tools, a virtual environment, the project.
# Sourced by run.sh and test.sh; safe to repeat (each step is skipped when done).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_apt=()
command -v msgfmt >/dev/null || need_apt+=(gettext)
if [ "${1:-}" = "test" ] && ! command -v chromium >/dev/null; then need_apt+=(chromium); fi
# A Korean font, so the review page's Hangul renders in the screenshot test (not empty boxes).
if [ "${1:-}" = "test" ] && ! fc-list :lang=ko 2>/dev/null | grep -q .; then need_apt+=(fonts-nanum); fi
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
# torch comes in through argostranslate → stanza; 2.13.0 is the CPU build cached on
# these machines (elsewhere pip downloads it). The pipeline itself never imports it.
if [ ! -x .venv/bin/pipeline ] || ! .venv/bin/python -c "import polib, pymorphy3, ctranslate2" 2>/dev/null || [ "${1:-}" = "test" ]; then
    start=$(date +%s)
    # The tests also train the stand-in recipe for a few steps (the standin extra) and start a
    # Dask scheduler and workers on localhost (the cluster extra).
    extras="";  [ "${1:-}" = "test" ] && extras="[test,standin,cluster]"
    .venv/bin/python -m pip install -q --disable-pip-version-check 'torch==2.13.0' -e ".${extras}" 2>&1 | grep -v "^WARNING: Location" || true
    echo "setup: installed in $(( $(date +%s) - start )) s; environment $(du -sh .venv | cut -f1)"
fi
.venv/bin/python -c "import pipeline, polib, pymorphy3, ctranslate2" || { echo "setup: install failed" >&2; exit 1; }
