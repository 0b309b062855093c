#!/usr/bin/env bash
# Benchmark: safeguide against Hugo on the shared deterministic corpus, in the same run, outputs on tmpfs.
# Run by hand (not by cargo test):  bash benches/build.sh [path/to/gen_corpus.py]
# Needs: hugo and hyperfine (Debian packages), python3. Prints medians, the ratio and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
GEN=${1:-../shared/bench/gen_corpus.py}
WORK=${BENCH_DIR:-/dev/shm/safeguide-bench}
RUNS=${RUNS:-5}
command -v hugo >/dev/null && command -v hyperfine >/dev/null || { echo "install hugo and hyperfine: apt-get install hugo hyperfine" >&2; exit 2; }
cargo build --release --quiet
BIN=$PWD/target/release/safeguide
mkdir -p "$WORK"
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join('%.3f' % x['median'] for x in r))" "$1"; }
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
for pages in 100 2000; do
  sg=$WORK/sg-$pages; hg=$WORK/hugo-$pages
  [ -d "$sg" ] || python3 "$GEN" --format safeguide --pages-per-lang "$pages" --out "$sg" >/dev/null
  [ -d "$hg" ] || python3 "$GEN" --format hugo --pages-per-lang "$pages" --out "$hg" >/dev/null
  hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/result-$pages.json" \
    -n safeguide "$BIN build --root $sg --out $WORK/out-sg-$pages --quiet" \
    -n hugo "hugo --quiet --source $hg --destination $WORK/out-hugo-$pages" >/dev/null
  read -r t_sg t_hugo <<<"$(median "$WORK/result-$pages.json")"
  m_sg=$(peak_kb "$BIN" build --root "$sg" --out "$WORK/out-sg-$pages" --quiet)
  m_hugo=$(peak_kb hugo --quiet --source "$hg" --destination "$WORK/out-hugo-$pages")
  files_sg=$(find "$WORK/out-sg-$pages" -name '*.html' | wc -l)
  files_hugo=$(find "$WORK/out-hugo-$pages" -name '*.html' | wc -l)
  python3 - "$pages" "$t_sg" "$t_hugo" "$m_sg" "$m_hugo" "$files_sg" "$files_hugo" <<'PY'
import sys
pages, t_sg, t_hugo, m_sg, m_hugo, f_sg, f_hugo = sys.argv[1:]
t_sg, t_hugo = float(t_sg), float(t_hugo)
print(f"{int(pages)*6:>6} pages: safeguide {t_sg:.3f} s median, {int(m_sg)/1024:.0f} MB peak, {f_sg} HTML files | "
      f"hugo {t_hugo:.3f} s, {int(m_hugo)/1024:.0f} MB, {f_hugo} HTML files | safeguide/hugo time {t_sg/t_hugo:.2f}")
PY
done
