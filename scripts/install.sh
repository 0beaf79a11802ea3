#!/usr/bin/env bash
# Install the pipeline into a virtual environment, lean: argostranslate without its own
# dependencies (stanza, spaCy and through them torch, which the pipeline never imports), the
# rest from pyproject.toml. pip cannot drop a dependency's dependencies from pyproject.toml,
# hence the two steps. Usage: bash scripts/install.sh [VENV] [EXTRA...]  (extras: test standin cluster)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
shift || true
PYTHON=${PYTHON:-python3}
[ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
"${pip[@]}" --no-deps 'argostranslate>=1.11,<2' 2>&1 | grep -v "^WARNING: Location" || true
mapfile -t deps < <("$venv/bin/python" - "$@" <<'PY'
import sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
deps = [d for d in project["dependencies"] if not d.startswith("argostranslate")]
for extra in sys.argv[1:]:
    deps += project["optional-dependencies"][extra]
print("\n".join(deps))
PY
)
# packaging: the one dependency of argostranslate.package not already on the list. The training
# recipe (the standin extra) needs torch: 2.13.0 is the CPU build cached on these machines.
torch=(); [[ " $* " == *" standin "* ]] && torch=('torch==2.13.0')
"${pip[@]}" "${deps[@]}" packaging "${torch[@]}" 2>&1 \
    | grep -v "^WARNING: Location\|requires \(stanza\|spacy\|minisbd\)\|dependency resolver\|dependency conflicts" || true
"${pip[@]}" --no-deps -e .
"$venv/bin/python" -c "import pipeline.run, pipeline.models"
