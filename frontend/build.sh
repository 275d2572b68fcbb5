#!/usr/bin/env bash
# Rebuilds Oversight's committed front-end files from the pinned npm packages.
# Run from anywhere: bash frontend/build.sh. Needs node >= 20.19 and npm.
# The outputs are committed, so running the site never needs npm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
static="$root/oversight/static/oversight"
gf="$here/node_modules/govuk-frontend/dist/govuk"

cd "$here"
# Exactly the versions in package-lock.json. --ignore-scripts: nothing we use
# needs an install script (sass's optional file watcher is not used here).
npm ci --no-audit --no-fund --ignore-scripts

mkdir -p "$static" "$root/tests/browser"

# CSS. --quiet-deps hides deprecation notes from inside govuk-frontend itself;
# warnings from our own SCSS still show. No source map: nothing to serve it.
./node_modules/.bin/sass --load-path=node_modules --quiet-deps --no-source-map \
  --style=compressed scss/oversight.scss "$static/oversight.css"

# GOV.UK branding must never reach the CSS: no GDS Transport, no crown/crest.
if grep -Eiq 'font-face|GDS Transport|crest\.svg|crown\.svg' "$static/oversight.css"; then
  echo "build.sh: GOV.UK font or crest found in oversight.css" >&2
  exit 1
fi

# Images: copy exactly those the CSS points at, so nothing unused (and no
# GOV.UK crest, logo or favicon) is shipped. With govuk-frontend 6.6 and our
# image-url function that is none; this stays right if a later version adds one.
rm -rf "$static/images"
for name in $({ grep -o 'url([^)]*)' "$static/oversight.css" || true; } |
  sed -E 's/^url\(["'"'"']?//; s/["'"'"']?\)$//' | sort -u); do
  case "$name" in
    data:*) continue ;;
    /static/oversight/images/*) file="${name#/static/oversight/images/}" ;;
    *) echo "build.sh: unexpected url() in CSS: $name" >&2; exit 1 ;;
  esac
  case "$file" in
    *crown* | *crest* | *logo* | *favicon* | *govuk-icon*)
      echo "build.sh: CSS references GOV.UK branding image $file" >&2; exit 1 ;;
  esac
  mkdir -p "$static/images"
  cp "$gf/assets/images/$file" "$static/images/$file"
done

# JavaScript. The trailing sourceMappingURL comment is dropped because we do
# not ship the map, and Django's ManifestStaticFilesStorage fails on a
# reference to a missing file.
sed 's#//\# sourceMappingURL=.*$##' \
  "$gf/govuk-frontend.min.js" > "$static/govuk-frontend.min.js"
cp node_modules/htmx.org/dist/htmx.min.js "$static/htmx.min.js"

# axe-core is for the browser accessibility tests only; never served.
cp node_modules/axe-core/axe.min.js "$root/tests/browser/axe.min.js"

echo "Built: $(cd "$root" && ls oversight/static/oversight/* tests/browser/axe.min.js | tr '\n' ' ')"
