#!/usr/bin/env python3
"""Brings a corpus from ../shared/bench/gen_corpus.py up to safeguide's current helpline contract (issue 10):
`verified` (a date no person confirmed here) becomes `retrieved`, and each entry gets its ITU-D `region`.
The corpus is synthetic (example.org services), so this changes no claim about a real helpline.
Usage: python3 benches/upgrade_corpus.py SITE_ROOT"""
import re
import sys
from pathlib import Path

REGIONS = {"BR": "americas", "DE": "europe", "FR": "europe", "IN": "asia-pacific", "KE": "africa"}

path = Path(sys.argv[1]) / "content" / "data" / "helplines.yaml"
text = path.read_text(encoding="utf-8")
if "region:" not in text:
    text = text.replace("  verified:", "  retrieved:")
    def add_region(m):
        code = m.group(1)
        if code not in REGIONS:
            sys.exit(f"{path}: no region known for {code}; add it to REGIONS in {__file__}")
        return f"{m.group(0)}\n  region: {REGIONS[code]}"
    text = re.sub(r"^- country: ([A-Z]{2})$", add_region, text, flags=re.M)
    path.write_text(text, encoding="utf-8")
