#!/usr/bin/env bash
# Install the pipeline without torch, stanza and spaCy (it imports none of them): 388 MB instead
# of 1.6 GB. argostranslate is installed without its dependencies, which pip cannot express in
# pyproject.toml; the rest comes from pyproject.toml's own list. Usage: bash scripts/install-light.sh [VENV]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
PYTHON=${PYTHON:-python3}
[ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
"${pip[@]}" --no-deps 'argostranslate>=1.11,<2' 2>&1 | grep -v "^WARNING: Location" || true
mapfile -t deps < <("$venv/bin/python" -c '
import tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
print("\n".join(d for d in deps if not d.startswith("argostranslate")))')
# packaging: the one dependency of argostranslate.package not already on the list.
"${pip[@]}" "${deps[@]}" packaging 2>&1 | grep -v "^WARNING: Location\|requires \(stanza\|spacy\|minisbd\)\|dependency resolver\|dependency conflicts" || true
"${pip[@]}" --no-deps -e .
"$venv/bin/python" -c "import pipeline.run, pipeline.models" && echo "light install in $venv: $(du -sh "$venv" | cut -f1)"
