#!/usr/bin/env python3
"""The `briefkit` Python module as installed: imported from the install prefix's Debian path,
it converts every sample to every format exactly as `briefkit convert` does (from a path and
from bytes), reads the seed into the same fields `briefkit inspect` prints, and raises
briefkit.Error with the file and line of what failed.

Usage: python_test.py MODULE_DIR SOURCE_DIR BRIEFKIT_EXE
"""
import os
import pathlib
import subprocess
import sys
import tempfile

import yaml

module_dir, source, exe = sys.argv[1:4]
sys.path.insert(0, module_dir)
import briefkit  # noqa: E402

os.environ["SOURCE_DATE_EPOCH"] = "1767225600"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


check(pathlib.Path(briefkit.__file__).is_relative_to(module_dir), f"briefkit imported from {briefkit.__file__}")
outputs = briefkit.formats()["output"]
check({f["name"] for f in outputs} >= {"xml", "yaml", "json", "nitf", "ninjs", "newsml", "pdf"}, "formats() lists them all")
check(briefkit.styles()[0]["default"], "styles() lists the default first")

samples = sorted(pathlib.Path(source, "samples").iterdir())
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([exe, "convert", *map(str, samples), "-o", tmp, "-q"], check=True)
    converted = 0
    for sample in samples:
        for f in outputs:
            expected = pathlib.Path(tmp, f"{sample.stem}.{f['extension']}").read_bytes()
            made = briefkit.convert(sample, to=f["name"])
            check(made == expected, f"convert({sample.name}, to={f['name']}) differs from briefkit convert's")
            converted += 1
        # From bytes the reader is chosen by content; the web page and every text sample are found.
        check(briefkit.convert(sample.read_bytes(), to="xml") == pathlib.Path(tmp, f"{sample.stem}.xml").read_bytes(),
              f"convert(bytes of {sample.name}) differs")
print(f"converted {len(samples)} samples to {len(outputs)} formats: {converted} outputs, each briefkit convert's")

seed = sorted(pathlib.Path(source, "..", "shared", "corpus", "seed").glob("*.txt"))
article = seed[0] if seed else samples[0]
inspected = yaml.safe_load(subprocess.run([exe, "inspect", str(article)], check=True, capture_output=True).stdout)
read = briefkit.read(str(article))
check(read == inspected, f"read({article.name}) differs from briefkit inspect: "
      f"{sorted(k for k in read.keys() | inspected.keys() if read.get(k) != inspected.get(k))}")
check(briefkit.read(article.read_bytes()) == read, "read(bytes) differs from read(path)")
print(f"read({article.name}): the {len(read)} fields of briefkit inspect, equal: {sorted(read)}")


def error_of(call):
    try:
        call()
    except briefkit.Error as e:
        return e
    return None


missing = error_of(lambda: briefkit.read("/no/such/article.txt"))
check(missing is not None and missing.file == "/no/such/article.txt" and missing.line == 0 and missing.kind == "input",
      f"a missing file: {missing!r}")
broken = error_of(lambda: briefkit.read(b"<article>\n<meta>\n<title>x</titl>\n", format="xml"))
check(broken is not None and broken.file == "<bytes>" and broken.line == 3 and str(broken).startswith("<bytes>:3: "),
      f"broken XML: {broken!r}")
unknown = error_of(lambda: briefkit.convert(samples[0], to="docx"))
check(unknown is not None and unknown.kind == "usage" and unknown.exit_code == 2, f"an unknown format: {unknown!r}")
bad_option = error_of(lambda: briefkit.read(samples[0], colour="red"))
check(bad_option is not None and "colour" in str(bad_option), f"an unknown option: {bad_option!r}")
limited = error_of(lambda: briefkit.read(samples[0], max_input_size=10))
check(limited is not None and limited.kind == "limit", f"max_input_size=10: {limited!r}")
print(f"errors: {missing}; {broken}; {unknown}; {limited}")
sys.exit(1 if failures else 0)
