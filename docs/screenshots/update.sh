#!/usr/bin/env bash
# Refreshes the console's screenshots in docs/screenshots/ after its pages changed (docs/console.md).
#
# The browser tests (-Pbrowser, ConsoleBrowserTest) drive the console in a real headless Chromium and take the
# screenshots into target/screenshots/ as they go; the test run never writes into docs/. This script runs them and,
# only when every one passed, copies the screenshots here. Commit the result.
#
#   docs/screenshots/update.sh            # run the browser tests, then copy
#   docs/screenshots/update.sh --no-test  # copy what the last successful run left in target/screenshots/
#
# Needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) and Java 17.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${1:-}" != "--no-test" ]; then
  rm -rf target/screenshots
  ./mvnw -B -Pbrowser test
fi

shots=(target/screenshots/*.png)
if [ ! -e "${shots[0]}" ]; then
  echo "no screenshots in target/screenshots/: run the browser tests first (./mvnw -B -Pbrowser test)" >&2
  exit 1
fi
if [ -d target/screenshots/failures ]; then
  echo "target/screenshots/failures/ exists: the last browser run failed; fix it before copying" >&2
  exit 1
fi
cp "${shots[@]}" docs/screenshots/
echo "copied ${#shots[@]} screenshots into docs/screenshots/:"
ls -1 docs/screenshots/*.png
