#!/bin/sh
# Draws the tree pictures of the README and docs/viewer.md from the demo's own searches: seeded
# and offline, so the trees come out the same each run (only the times differ). Needs Chromium
# (CHROMIUM_PATH, else /usr/bin/chromium) for the screenshot of the side-by-side page.
#   sh scripts/tree-pictures.sh
set -eu
out=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}

# System 1 and System 2 on the demo's puzzle; the comparison page is written as the demo ends.
npm run -s demo -- --save "$tmp/demo-tree.json" --html "$tmp/demo-tree.html" \
  --compare "$tmp/demo-compare.html" >/dev/null
npm run -s deliberate -- view "$tmp/demo-tree.json" -o "$out/demo-tree.svg"
npm run -s deliberate -- view "$tmp/demo-tree.json" -o "$out/demo-tree-tidy.svg" --layout tree
"$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$tmp/profile" \
  --window-size=1400,780 --screenshot="$out/demo-compare.png" "file://$tmp/demo-compare.html" \
  2>/dev/null
echo "pictures written to $out: demo-tree.svg, demo-tree-tidy.svg, demo-compare.png"
