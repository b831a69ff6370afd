#!/usr/bin/env python3
"""The layer rules of ARCHITECTURE.md, checked on every source file:

  pipeline/cli, pipeline/python -> pipeline -> formats/* -> pipeline/model

The model's public headers live in include/briefkit/ (model.hpp, error.hpp, read_options.hpp,
export.hpp, overloaded.hpp) and belong to the model layer; include/briefkit/briefkit.hpp, the
library's API, belongs to the pipeline layer that implements it.

- include/briefkit/ includes only include/briefkit/ (an installed header can include nothing else);
- only pipeline/ (the API's implementation and the layers above it) includes briefkit/briefkit.hpp;
- pipeline/python/ includes only include/briefkit/: the module is a client of the public API;

- pipeline/model/ includes only pipeline/model/;
- a format under formats/ includes only pipeline/model/, formats/markup/ (the XML and body
  markup helpers the XML-family formats share), formats/brief/ (how a digest is put together)
  and its own folder;
- pipeline/ includes no formats/ header, except registry.cpp, the one table that knows them all;
- pipeline/cli/ includes no formats/ header;

and no function in formats/pdf/ or pipeline/cli/ is over 80 lines. Prints each breach with its
file and line and exits 1; usage: check.py SOURCE_DIR
"""
import pathlib
import re
import sys

MAX_FUNCTION_LINES = 80
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def allowed(source, header):
    """Why `source` may not include `header`, or None when it may."""
    parts = source.parts
    if parts[0] == "include":
        return None if header.startswith("briefkit/") else "a public header includes only briefkit/ headers"
    if header == "briefkit/briefkit.hpp" and (parts[0] != "pipeline" or parts[1] == "model"):
        return "only the pipeline and the layers above it include the library's API"
    if parts[:2] == ("pipeline", "python"):
        return None if header.startswith("briefkit/") else "the Python module includes only the public API (briefkit/)"
    if header.startswith("formats/") or header.startswith("pipeline/"):
        if parts[0] == "pipeline" and parts[1] == "model":
            return None if header.startswith("pipeline/model/") else "the model layer includes only pipeline/model/"
        if parts[0] == "formats":
            own = f"formats/{parts[1]}/"
            if header.startswith(own) or header.startswith("pipeline/model/"):
                return None
            if header.startswith("formats/markup/") or header.startswith("formats/brief/"):
                return None if parts[1] not in ("markup", "brief") else f"formats/{parts[1]} includes only pipeline/model/ and itself"
            return f"a format includes only pipeline/model/, formats/markup/, formats/brief/ and {own}"
        if parts[0] == "pipeline" and parts[1] == "cli":
            return "the command line includes no format" if header.startswith("formats/") else None
        if parts[0] == "pipeline":
            if header.startswith("pipeline/cli/"):
                return "the pipeline includes nothing of the command line above it"
            if header.startswith("formats/") and source.name != "registry.cpp":
                return "only registry.cpp of the pipeline includes formats/"
    return None


def in_number(text, i):
    """True when the quote at `i` stands inside a numeric literal (a C++14 digit separator)."""
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_'."):
        j -= 1
    return j < i and text[j].isdigit() and i + 1 < len(text) and text[i + 1].isalnum()


def code_only(text):
    """`text` with comments, strings and character literals blanked, newlines kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            delim = text[i + 2:text.find("(", i)]
            j = text.find(")" + delim + '"', i)
            j = n if j < 0 else j + len(delim) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'" and in_number(text, i):
            out.append(c)  # a digit separator, as in 1'000'000
            i += 1
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (j + 1 - i))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def long_functions(path):
    """(line, lines, head) of each function body in `path` over MAX_FUNCTION_LINES lines."""
    code = code_only(path.read_text())
    stack = []  # for each open brace: (kind, line of its head)
    found = []
    statement_start = 0
    for i, c in enumerate(code):
        if c in ";{}":
            head = code[statement_start:i]
            if c == "{":
                words = head.split()
                container = bool(words) and (words[0] in ("namespace", "class", "struct", "union", "enum")
                                             or head.strip().startswith("extern"))
                in_function = any(kind == "function" for kind, _ in stack)
                is_function = not container and not in_function and ")" in head and "=" not in head.split("(")[0]
                kind = "container" if container else ("function" if is_function else "block")
                lead = re.match(r"\s*(?:(?:public|private|protected)\s*:\s*)?", head).end()
                line = code.count("\n", 0, statement_start + lead) + 1
                stack.append((kind, line))
            elif c == "}" and stack:
                kind, line = stack.pop()
                if kind == "function":
                    end = code.count("\n", 0, i) + 1
                    if end - line + 1 > MAX_FUNCTION_LINES:
                        found.append((line, end - line + 1, " ".join(code[:i].split("\n")[line - 1].split())))
            statement_start = i + 1
    return found


def main():
    root = pathlib.Path(sys.argv[1])
    breaches = []
    sources = [root.glob(f"{folder}/**/*.[ch]pp") for folder in ("include", "pipeline", "formats")]
    for path in sorted(p for found in sources for p in found):
        source = path.relative_to(root)
        for number, text in enumerate(path.read_text().split("\n"), 1):
            m = INCLUDE.match(text)
            if m and (why := allowed(source, m.group(1))):
                breaches.append(f"{source}:{number}: includes {m.group(1)}: {why}")
        if source.suffix == ".cpp" and (source.parts[:2] in (("formats", "pdf"), ("pipeline", "cli"))):
            for line, count, head in long_functions(path):
                breaches.append(f"{source}:{line}: a function of {count} lines (at most {MAX_FUNCTION_LINES}): {head}")
    for b in breaches:
        print(b)
    print(f"{len(breaches)} breaches of the layer and size rules")
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
