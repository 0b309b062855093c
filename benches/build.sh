#!/usr/bin/env bash
# Benchmark: safeguide against Hugo (and Zola when installed) on the shared deterministic corpus, in the same
# run, outputs on tmpfs. Run by hand (not by cargo test):
#   bash benches/build.sh [path/to/gen_corpus.py]
#   SIZES="2000 17000" RUNS=3 bash benches/build.sh     # the 12,000 and 102,000-page corpora
# Needs: hyperfine and hugo (Debian packages), python3; zola on PATH is measured too (Zola is not in Debian:
# build it from its source release with `cargo build --release` and put target/release/zola on PATH).
# Prints, per corpus size: medians, peak memory, ratios to the peers and to the floor (benches/floor.rs: read,
# front matter, Markdown, write, no templates), and how time and memory grow between sizes.
# safeguide is timed with --no-search, as Hugo and Zola build no search index here; the cost of the search
# index is printed on its own line (one run: Pagefind's indexing dominates it).
set -euo pipefail
cd "$(dirname "$0")/.."
GEN=${1:-../shared/bench/gen_corpus.py}
WORK=${BENCH_DIR:-/dev/shm/safeguide-bench}
RUNS=${RUNS:-5}
SIZES=${SIZES:-100 2000}
# Peers and the search index are measured up to this many pages per language (Hugo takes minutes and many GB at
# 17000, and Pagefind's in-memory index needs about 2.5 GB per 12,000 pages). The goals compare with Hugo at
# 12,000 pages and with Zola at 102,000.
PEERS_MAX=${PEERS_MAX:-100000}
HUGO_MAX=${HUGO_MAX:-2000}
SEARCH_MAX=${SEARCH_MAX:-2000}
command -v hugo >/dev/null && command -v hyperfine >/dev/null || { echo "install hugo and hyperfine: apt-get install hugo hyperfine" >&2; exit 2; }
HAVE_ZOLA=$(command -v zola >/dev/null && echo 1 || echo 0)
cargo build --release --quiet --bin safeguide --example floor
BIN=$PWD/target/release/safeguide
FLOOR=$PWD/target/release/examples/floor
mkdir -p "$WORK"
# The median of the command named $2 in hyperfine's JSON $1, or - when it did not run.
median() { python3 -c "import json,sys; r={x['command']: x['median'] for x in json.load(open(sys.argv[1]))['results']}; print('%.3f' % r[sys.argv[2]] if sys.argv[2] in r else '-')" "$1" "$2"; }
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
: > "$WORK/summary.txt"
for pages in $SIZES; do
  sg=$WORK/sg-$pages; hg=$WORK/hugo-$pages; zl=$WORK/zola-$pages
  if [ ! -d "$sg" ]; then
    python3 "$GEN" --format safeguide --pages-per-lang "$pages" --out "$sg" >/dev/null
    # The generator writes helplines in the older contract; bring them up to the current one.
    python3 benches/upgrade_corpus.py "$sg"
  fi
  [ "$pages" -gt "$HUGO_MAX" ] || [ -d "$hg" ] || python3 "$GEN" --format hugo --pages-per-lang "$pages" --out "$hg" >/dev/null
  [ "$HAVE_ZOLA" = 0 ] || [ -d "$zl" ] || python3 "$GEN" --format zola --pages-per-lang "$pages" --out "$zl" >/dev/null
  peers=$([ "$pages" -le "$PEERS_MAX" ] && echo 1 || echo 0)
  hugo=$([ "$peers" = 1 ] && [ "$pages" -le "$HUGO_MAX" ] && echo 1 || echo 0)
  cmds=(-n safeguide "$BIN build --root $sg --out $WORK/out-sg-$pages --quiet --no-search")
  cmds+=(-n floor "$FLOOR $sg $WORK/out-floor-$pages")
  [ "$hugo" = 0 ] || cmds+=(-n hugo "hugo --quiet --source $hg --destination $WORK/out-hugo-$pages")
  [ "$peers" = 0 ] || [ "$HAVE_ZOLA" = 0 ] || cmds+=(-n zola "zola --root $zl build --force --output-dir $WORK/out-zola-$pages")
  hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/result-$pages.json" "${cmds[@]}" >/dev/null
  for tool in sg:safeguide floor:floor hugo:hugo zola:zola; do
    printf -v "t_${tool%%:*}" '%s' "$(median "$WORK/result-$pages.json" "${tool#*:}")"
  done
  m_sg=$(peak_kb "$BIN" build --root "$sg" --out "$WORK/out-sg-$pages" --quiet --no-search)
  m_hugo=-; m_zola=-
  [ "$hugo" = 0 ] || m_hugo=$(peak_kb hugo --quiet --source "$hg" --destination "$WORK/out-hugo-$pages")
  [ "$peers" = 0 ] || [ "$HAVE_ZOLA" = 0 ] || m_zola=$(peak_kb zola --root "$zl" build --force --output-dir "$WORK/out-zola-$pages")
  t_search=-; m_search=-
  if [ "$pages" -le "$SEARCH_MAX" ]; then
    s_start=$(date +%s.%N)
    m_search=$(peak_kb "$BIN" build --root "$sg" --out "$WORK/out-sg-search-$pages" --quiet)
    t_search=$(python3 -c "import sys,time; print('%.3f' % (time.time() - float(sys.argv[1])))" "$s_start")
  fi
  c_start=$(date +%s.%N)
  m_check=$(peak_kb "$BIN" check --root "$sg")
  t_check=$(python3 -c "import sys,time; print('%.3f' % (time.time() - float(sys.argv[1])))" "$c_start")
  python3 - "$pages" "$t_sg" "$t_hugo" "$t_zola" "$m_sg" "$m_hugo" "$m_zola" "$t_search" "$m_search" "$m_check" "$t_check" "$t_floor" <<'PY' | tee -a "$WORK/summary.txt"
import sys
pages, t_sg, t_hugo, t_zola, m_sg, m_hugo, m_zola, t_search, m_search, m_check, t_check, t_floor = sys.argv[1:]
mb = lambda kb: f"{int(kb) / 1024:.0f} MB"
line = f"{int(pages) * 6:>7} pages: safeguide {float(t_sg):.3f} s, {mb(m_sg)}"
line += f" | floor {float(t_floor):.3f} s, safeguide/floor {float(t_sg) / float(t_floor):.1f}"
if t_hugo != "-":
    line += f" | hugo {float(t_hugo):.3f} s, {mb(m_hugo)} | safeguide/hugo {float(t_sg) / float(t_hugo):.2f}"
if t_zola != "-":
    line += f" | zola {float(t_zola):.3f} s, {mb(m_zola)} | safeguide/zola {float(t_sg) / float(t_zola):.2f}"
if t_search != "-":
    line += f" | with search {float(t_search):.2f} s, {mb(m_search)}"
line += f" | check {float(t_check):.2f} s ({float(t_check) / float(t_sg):.2f}x build), {mb(m_check)}"
print(line)
PY
  echo "$pages $t_sg $m_sg" >> "$WORK/growth.txt.$$"
done
python3 - "$WORK/growth.txt.$$" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
for (p0, t0, m0), (p1, t1, m1) in zip(rows, rows[1:]):
    print(f"{int(p0) * 6} -> {int(p1) * 6} pages ({int(p1) / int(p0):.1f}x): safeguide time {float(t1) / float(t0):.1f}x, "
          f"memory {int(m1) / int(m0):.1f}x")
PY
rm -f "$WORK/growth.txt.$$"
