#!/bin/sh
# Benchmark of the automatic analysis against a plain text search.
#
# Usage: build-aux/bench-analysis.sh [BUILD_DIR] [RUNS]
#
# Builds a reproducible corpus of at least 10 MiB of English news prose in a
# temporary folder (the articles of the Propaganda Techniques Corpus sample,
# if present, and the pieces of the bundled lesson pack, concatenated in a
# fixed order until the size is reached; nothing is written to the source
# tree), then times, as whole processes and with output to /dev/null:
#
#   rg -F -i -w -o -f TERMS CORPUS           ripgrep, the speed anchor
#   rg … with 600 of the terms                the size measured in DESIGN.md
#   framewise analyze --only lexicon CORPUS   lexicon matching alone
#   framewise analyze CORPUS                  the whole analysis
#
# TERMS holds every term and variant of the built-in English lexicon, the
# same patterns the analysis matches. Each command runs RUNS times (default
# 5); the best wall-clock time is reported with its throughput, its ratio to
# ripgrep, and the peak resident memory of that run (GNU time's %M).
# Targets: lexicon matching no slower than ripgrep; the whole analysis
# within 3x.
#
# Needs: ripgrep (Debian package ripgrep), GNU time (package time),
# python3. PTC_DIR selects the PTC articles (default
# /work/shared/eval/ptc/articles).
set -eu

cd "$(dirname "$0")/.."
build=${1:-_build}
runs=${2:-5}
framewise=$build/src/framewise
ptc_dir=${PTC_DIR:-/work/shared/eval/ptc/articles}

for tool in rg /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench-analysis: $tool is needed" >&2; exit 2; }
done
[ -x "$framewise" ] || { echo "bench-analysis: build first: $framewise is missing" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/fw-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

python3 - "$ptc_dir" data/packs/karabakh-poland.fwpack data/lexicons/en.json \
  "$work/corpus.txt" "$work/terms.txt" <<'PYTHON'
import json, os, sys

ptc_dir, pack_path, lexicon_path, corpus_path, terms_path = sys.argv[1:]
texts = []
if os.path.isdir(ptc_dir):
    for name in sorted(os.listdir(ptc_dir)):
        if name.startswith("article") and name.endswith(".txt"):
            with open(os.path.join(ptc_dir, name), encoding="utf-8") as f:
                texts.append(f.read().strip("\n"))
with open(pack_path, encoding="utf-8") as f:
    for piece in json.load(f)["pieces"]:
        texts.append(piece["title"] + "\n\n" + "\n\n".join(piece["paragraphs"]))

target = 10 * 1024 * 1024
size = 0
with open(corpus_path, "w", encoding="utf-8") as out:
    while size < target:
        for text in texts:
            chunk = text + "\n\n"
            out.write(chunk)
            size += len(chunk.encode("utf-8"))

with open(lexicon_path, encoding="utf-8") as f:
    lexicon = json.load(f)
terms = set()
for entry in lexicon["entries"]:
    for term in [entry["term"]] + entry.get("variants", []):
        terms.add(term)
with open(terms_path, "w", encoding="utf-8") as out:
    out.write("\n".join(sorted(terms)) + "\n")
# Every n-th term, 600 of them: the size of the measurement in DESIGN.md.
ordered = sorted(terms)
step = max(1, len(ordered) // 600)
with open(terms_path + ".600", "w", encoding="utf-8") as out:
    out.write("\n".join(ordered[::step][:600]) + "\n")
PYTHON

bytes=$(wc -c < "$work/corpus.txt")
n_terms=$(wc -l < "$work/terms.txt")
mib=$(awk "BEGIN { printf \"%.1f\", $bytes / 1048576 }")
echo "corpus: $bytes bytes ($mib MiB), $n_terms lexicon terms and variants," \
  "$(nproc) cores, best of $runs runs"

# best_run NAME COMMAND...: prints "seconds peak_kb" of the fastest run.
best_run () {
  best=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
    set -- "$@"
    line=$(cat "$work/time")
    if [ -z "$best" ] || awk "BEGIN { exit !(${line% *} < ${best% *}) }"; then
      best=$line
    fi
  done
  echo "$best"
}

rg_run=$(best_run rg -F -i -w -o -f "$work/terms.txt" "$work/corpus.txt")
rg600_run=$(best_run rg -F -i -w -o -f "$work/terms.txt.600" "$work/corpus.txt")
lex_run=$(best_run "$framewise" analyze --only lexicon --format json "$work/corpus.txt")
all_run=$(best_run "$framewise" analyze --format json "$work/corpus.txt")

rg_matches=$(rg -F -i -w -o -f "$work/terms.txt" "$work/corpus.txt" | wc -l)
fw_matches=$("$framewise" analyze --only lexicon --format json "$work/corpus.txt" \
  | grep -c '"source":"lexicon"' || true)

report () {
  awk -v name="$1" -v t="${2% *}" -v kb="${2#* }" -v rg="${rg_run% *}" -v bytes="$bytes" \
    'BEGIN { printf "%-40s %7.2f s %8.1f MB/s %6.2fx rg %8.1f MiB peak RSS\n",
             name, t, bytes / 1e6 / t, t / rg, kb / 1024 }'
}

report "rg -F -i -w -o -f TERMS" "$rg_run"
report "rg, 600 of the terms (reference)" "$rg600_run"
report "framewise analyze --only lexicon" "$lex_run"
report "framewise analyze (whole analysis)" "$all_run"
echo "matches: rg $rg_matches lines, framewise $fw_matches lexicon annotations"
