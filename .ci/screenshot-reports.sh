#!/usr/bin/env bash
# Renders the sample HTML reports (run comparison, data validation, drift) in headless Chromium and checks that the
# screenshots show the charts.
#
#   .ci/screenshot-reports.sh [output-dir]      (default: mlops-reports/target/screenshots)
#
# Builds mlops-reports' test classes, runs dev.mlops4j.report.SampleReport (a real learning-rate sweep on the Wine
# data, in memory) to write sample-report.html, screenshots it twice (the top of the page at 1200x900, and the whole
# page including every chart at 1200x2600), and fails unless each PNG exists, is not blank, and shows the chart
# colours of the first three runs. Installs Debian's chromium package if it is missing (needs root or sudo).
# Extra Maven flags (such as -o) can be passed in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$(mkdir -p "${1:-mlops-reports/target/screenshots}" && cd "${1:-mlops-reports/target/screenshots}" && pwd)

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

echo "== building the sample report"
# -am builds mlops-api and mlops-core from this checkout, so nothing needs to be installed first.
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl mlops-reports -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
classpath="mlops-reports/target/test-classes:mlops-reports/target/classes:$(cat mlops-reports/target/test-classpath.txt)"
java -Dslf4j.internal.verbosity=ERROR -cp "$classpath" dev.mlops4j.report.SampleReport "$out/sample-report.html" | tail -n 1
# The data reports (validation of a Wine copy with planted faults, drift of Seattle's 2015 weather against 2012's)
# and a model card (two Tribuo models on Wine).
java -Dslf4j.internal.verbosity=ERROR -cp "$classpath" dev.mlops4j.report.SampleDataReports "$out" | grep '^Wrote'

echo "== screenshots"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shoot() { # $1: png name, $2: window size, $3: series colours that must show, $4: html file (default sample-report)
  rm -f "$out/$1"
  # Chromium prints GPU/dbus noise on stderr even when it succeeds; the PNG check below is the verdict.
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$out/$1" --window-size="$2" "file://$out/${4:-sample-report}.html" >"$out/chromium.log" 2>&1 || true
  if [ ! -s "$out/$1" ]; then
    echo "FAIL: chromium wrote no $out/$1; its output:"; cat "$out/chromium.log"; exit 1
  fi
  java "$root/.ci/PngCheck.java" "$out/$1" "$3"
}
shoot sample-report-top.png 1200,900 0
shoot sample-report-full.png 1200,2600 3
shoot sample-validation.png 1200,2600 1 sample-validation   # histograms in the first series colour
shoot sample-drift.png 1200,2600 2 sample-drift             # reference and current bars side by side
shoot sample-model-card.png 1200,2600 2 sample-model-card   # this version's bars beside production's
echo "screenshots OK: $out"
