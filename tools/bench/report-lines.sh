#!/usr/bin/env bash
# Summarises the REPORT lines Lambda (and the local runtime, which writes them the same way) logs for every
# invocation: per function, warm and cold invocations, the mean and p95 Duration, the mean and largest Max Memory
# Used. Used for docs/capacity-plan.md.
#
#   tools/bench/report-lines.sh run-local.log [FROM_LINE]
set -euo pipefail
log="${1:?usage: report-lines.sh LOG [FROM_LINE]}"
from="${2:-1}"
printf "%-32s %8s %12s %12s %12s %12s\n" "function" "invocs" "mean ms" "p95 ms" "mean MB" "max MB"
tail -n "+$from" "$log" | grep -E '^\[[A-Za-z]+\] REPORT RequestId' | awk '
{
  fn = substr($1, 2, length($1) - 2); d = ""; m = ""; cold = 0
  for (i = 1; i <= NF; i++) {
    if ($i == "Duration:" && $(i - 1) != "Billed" && $(i - 1) != "Init") d = $(i + 1)
    if ($i == "Used:") m = $(i + 1)
    if ($i == "Init") cold = 1
  }
  key = fn (cold ? " cold" : " warm")
  n[key]++; sum[key] += d; mem[key] += m; if (m > peak[key]) peak[key] = m
  durations[key] = durations[key] " " d
}
END {
  for (k in n) {
    c = split(substr(durations[k], 2), v, " ")
    # insertion sort: a few thousand values at most
    for (i = 2; i <= c; i++) { x = v[i] + 0; j = i - 1; while (j > 0 && v[j] + 0 > x) { v[j + 1] = v[j]; j-- } v[j + 1] = x }
    r = int(0.95 * c + 0.999999); if (r < 1) r = 1
    printf "%-32s %8d %12.1f %12.1f %12.0f %12d\n", k, n[k], sum[k] / n[k], v[r], mem[k] / n[k], peak[k]
  }
}' | sort
