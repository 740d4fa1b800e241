#!/usr/bin/env bash
# Times the postmortem parser on a 1 MB document (PostmortemParserBenchmark); prints each run and the median.
# Usage: bench/postmortem-parser.sh [runs]   (compiles the test classes first unless SKIP_COMPILE=1)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_COMPILE:-0}" != 1 ]]; then
  ./mvnw -B -q --no-transfer-progress test-compile
fi
java -Xmx512m -cp target/classes:target/test-classes com.slaledger.postmortem.PostmortemParserBenchmark "${1:-15}"
