#!/bin/sh
# One command for the whole pipeline: training data (TypeScript, the project's solver and
# generator) -> training (PyTorch, nice'd: the machine is shared) -> GGUF export (TypeScript, the
# llama package's writer) into packages/tiny-reasoner/models/.
# Set-up once: apt-get install -y python3-torch python3-numpy libopenblas0-pthread
# Environment: PYTHON (default /usr/bin/python3; pyenv's python3 shim does not see Debian's torch),
# TINY_REASONER_CACHE (default .cache/tiny-reasoner at the repository root),
# TINY_REASONER_LINES (training lines, default 500000), TINY_REASONER_MODELS (output directory),
# TINY_REASONER_EXCLUDED_MIN_NUMBERS (exclusion level of the data, default 3: the test puzzles and
# their reachable states of >= 3 numbers; 2 also excludes their 2-number states),
# TINY_REASONER_FILE (GGUF file name, default tiny-reasoner.gguf; the other outputs take its stem).
# Extra arguments go to train.py, e.g. `npm run train:tiny-reasoner -- --steps 5` for a smoke run.
set -eu
package="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$package/../.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
cache="${TINY_REASONER_CACHE:-$root/.cache/tiny-reasoner}"
lines="${TINY_REASONER_LINES:-500000}"
models="${TINY_REASONER_MODELS:-$package/models}"
level="${TINY_REASONER_EXCLUDED_MIN_NUMBERS:-3}"
file="${TINY_REASONER_FILE:-tiny-reasoner.gguf}"
tsx="$root/node_modules/.bin/tsx --conditions=@deliberate/source"

if ! "$python" -c "import torch, numpy" 2>/dev/null; then
  echo "Expected PyTorch and NumPy under $python, got neither." >&2
  echo "Install them with: apt-get install -y python3-torch python3-numpy libopenblas0-pthread" >&2
  exit 1
fi
mkdir -p "$cache" "$models"
start=$(date +%s)
$tsx "$package/scripts/write-training-data.ts" "$cache/data" "$lines" 24 "$level"
cd "$package/train"
nice -n 10 "$python" train.py --data "$cache/data" --out "$cache/out" "$@"
TINY_REASONER_EXCLUDED_MIN_NUMBERS="$level" \
  $tsx "$package/scripts/export-gguf.ts" "$cache/out" "$models/" "$file"
echo "train:tiny-reasoner finished in $(( $(date +%s) - start )) s"
