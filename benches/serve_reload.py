#!/usr/bin/env python3
"""Benchmark: how soon an edit shows in `safeguide serve`, against `hugo server` in the same run.

Run by hand (not by cargo test):  python3 benches/serve_reload.py [--pages-per-lang 2000] [--runs 15] [--no-hugo]
Generates the shared deterministic corpus (../shared/bench/gen_corpus.py) on tmpfs in both layouts, starts
each tool's development server on a free port, and saves one English guidance page --runs times. For each
save it measures the time until the server returns the page with the new text (polled every 2 ms), and for
safeguide also the time until the Server-Sent Events reload message reaches an open "tab". Needs Debian's
`hugo` for the comparison (skipped with a note when it is missing, or with --no-hugo: at 17000 pages per
language Hugo's server takes minutes to start). Also prints how long safeguide's server took to start serving
and its peak memory (VmHWM of /proc/PID/status) after the edits.
"""
import argparse, os, re, shutil, socket, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--pages-per-lang", type=int, default=2000)
ap.add_argument("--runs", type=int, default=15)
ap.add_argument("--gen", default=os.path.join(os.path.dirname(__file__), "../../shared/bench/gen_corpus.py"))
ap.add_argument("--work", default="/dev/shm/safeguide-bench")
ap.add_argument("--no-hugo", action="store_true", help="measure safeguide alone")
args = ap.parse_args()

root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
binary = os.path.join(root, "target/release/safeguide")


def corpus(fmt):
    site = os.path.join(args.work, f"{'sg' if fmt == 'safeguide' else fmt}-{args.pages_per_lang}")
    if not os.path.isdir(site):
        subprocess.run([sys.executable, args.gen, "--format", fmt, "--pages-per-lang", str(args.pages_per_lang),
                        "--out", site], check=True, stdout=subprocess.DEVNULL)
    return site


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode("utf-8", "replace")


def first_page(site):
    en = os.path.join(site, "content", "en")
    audience = sorted(d for d in os.listdir(en) if os.path.isdir(os.path.join(en, d)))[0]
    name = sorted(f for f in os.listdir(os.path.join(en, audience)) if f != "_index.md")[0]
    return os.path.join(en, audience, name), f"/en/{audience}/{name[:-3]}/"


def wait_until(predicate, timeout=60):
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError
        time.sleep(0.002)


def measure(name, port, page, url, events=None):
    original = open(page, encoding="utf-8").read()
    shown, evented = [], []
    try:
        for run in range(args.runs):
            marker = f"Edit number {run} of {name}."
            start = time.perf_counter()
            with open(page, "w", encoding="utf-8") as f:
                f.write(original.rstrip("\n") + f"\n\n{marker}\n")
            if events is not None:
                buffer = b""
                while b"event: reload" not in buffer:
                    buffer += events.recv(4096)
                evented.append((time.perf_counter() - start) * 1000)
            wait_until(lambda: marker in get(port, url))
            shown.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
    return shown, evented


def summary(values):
    return f"median {statistics.median(values):.1f} ms (min {min(values):.1f}, max {max(values):.1f})"


results = {}
site = corpus("safeguide")
port = free_port()
started = time.perf_counter()
server = subprocess.Popen([binary, "serve", "--root", site, "--port", str(port)], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
try:
    while "serving" not in (line := server.stdout.readline()):
        if not line:
            sys.exit("safeguide serve stopped before serving")
    startup = time.perf_counter() - started
    events = socket.create_connection(("127.0.0.1", port))
    events.sendall(f"GET /__safeguide/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    events.settimeout(60)
    buffer = b""
    while b"retry:" not in buffer:
        buffer += events.recv(4096)
    page, url = first_page(site)
    results["safeguide"] = measure("safeguide", port, page, url, events)
    with open(f"/proc/{server.pid}/status") as status:
        peak_kb = int(next(l for l in status if l.startswith("VmHWM:")).split()[1])
finally:
    server.terminate()
    server.wait()

if shutil.which("hugo") and not args.no_hugo:
    site = corpus("hugo")
    port = free_port()
    # Hugo's server renders to memory by default, as safeguide's does.
    server = subprocess.Popen(["hugo", "server", "--source", site, "--port", str(port), "--bind", "127.0.0.1"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        while "Web Server is available" not in (line := server.stdout.readline()):
            if not line:
                sys.exit("hugo server stopped before serving")
        page, url = first_page(site)
        wait_until(lambda: "200 OK" in get(port, url).split("\r\n")[0])
        results["hugo"] = measure("hugo", port, page, url)
    finally:
        server.terminate()
        server.wait()

print(f"corpus: {args.pages_per_lang * 6} pages; {args.runs} saves of one English guidance page each")
sg_shown, sg_event = results["safeguide"]
print(f"safeguide serve: reload event {summary(sg_event)}; new text served {summary(sg_shown)}")
print(f"safeguide serve: serving after {startup:.1f} s; peak memory {peak_kb / 1024:.0f} MB")
if "hugo" in results:
    hugo_shown, _ = results["hugo"]
    print(f"hugo server:     new text served {summary(hugo_shown)}")
    print(f"ratio safeguide/hugo (new text served, medians): "
          f"{statistics.median(sg_shown) / statistics.median(hugo_shown):.2f}")
elif not args.no_hugo:
    print("hugo not installed: no comparison (apt-get install hugo)")
