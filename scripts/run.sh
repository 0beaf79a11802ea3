#!/usr/bin/env bash
# Set up (first time), install the stand-in models, translate the sample article into ko, uk, ru.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pipeline models install models/
exec .venv/bin/pipeline run "$@"
