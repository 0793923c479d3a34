#!/usr/bin/env python3
"""Record gc 1.19's diagnostics for the checker's unit-test cases.

Usage: tests/types/record.py [FILE.cases ...]   (default: every tests/types/*.cases)

Each case (see src/types/tests/mod.rs) becomes a small Go program:

    package main
    import ("fmt"; "reflect"; "unsafe")
    var _ unsafe.Pointer; var _ = fmt.Sprint; var _ = reflect.ValueOf
    <declarations, at package level>
    func main() { _ = EXPR }          (--- expr)
    func main() { EXPR }              (--- stmt)
    const c = EXPR; func main() { <print c> }   (--- const)

built with `go build -gcflags=-e` (and run, for const cases). The case's
`--- gc` section is rewritten with what gc printed: `COL: message` for the
expression's line (COL counted from the expression's first byte, 1-based),
`L<n>: message` for the n'th declaration line, continuation lines as gc
prints them (tab-indented), and `= VALUE` for a const case's value
(strings quoted as Go quotes them). Expected outputs therefore always come
from gc, never from goscope.
"""
import glob, os, re, subprocess, sys, tempfile

GO = os.environ.get("GO", "/usr/lib/go-1.19/bin/go")
HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = ('package main\n\nimport (\n\t"fmt"\n\t"reflect"\n\t"unsafe"\n)\n\n'
          'var _ unsafe.Pointer\nvar _ = fmt.Sprint\nvar _ = reflect.ValueOf\n\n')
PRINT = ('\tif v := reflect.ValueOf(c); v.Kind() == reflect.String {\n'
         '\t\tfmt.Printf("%q\\n", v.String())\n\t} else {\n\t\tfmt.Println(c)\n\t}\n')


def parse(text):
    """Splits a .cases file into (preamble, [case dict])."""
    pre, cases, cur, section = [], [], None, None
    for line in text.split("\n"):
        if line.startswith("=== "):
            cur = {"name": line[4:].strip(), "decls": [], "kind": "expr", "expr": "",
                   "extra": []}
            cases.append(cur)
            section = "decls"
            continue
        if cur is None:
            pre.append(line)
            continue
        if line.startswith("--- "):
            s = line[4:].strip()
            if s in ("expr", "stmt", "const"):
                cur["kind"], section = s, "expr"
            elif s == "gc":
                section = "gc"
            else:
                sys.exit("%s: unknown section %s" % (cur["name"], s))
            continue
        if section == "decls" and line.strip():
            cur["decls"].append(line.strip())
        elif section == "expr" and line.strip():
            cur["expr"] = line.strip()
    while pre and pre[-1] == "":
        pre.pop()
    return pre, cases


def program(case):
    src = HEADER + "".join(d + "\n" for d in case["decls"]) + "\n"
    first_decl = HEADER.count("\n") + 1
    if case["kind"] == "const":
        prefix = "const c = "
        src += prefix + case["expr"] + "\n"
        expr_line = src.count("\n")
        src += "\nfunc main() {\n" + PRINT + "}\n"
    else:
        prefix = "\t_ = " if case["kind"] == "expr" else "\t"
        src += "func main() {\n" + prefix + case["expr"] + "\n"
        expr_line = src.count("\n")
        src += "}\n"
    return src, first_decl, expr_line, len(prefix)


def record(case, tmp):
    src, first_decl, expr_line, plen = program(case)
    path = os.path.join(tmp, "case.go")
    with open(path, "w") as fh:
        fh.write(src)
    p = subprocess.run([GO, "build", "-gcflags=-e", "-o", os.path.join(tmp, "case"), "case.go"],
                       cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env=dict(os.environ, GOFLAGS="", GO111MODULE="off"))
    out = []
    for line in p.stdout.decode().split("\n"):
        m = re.match(r"^\./case\.go:(\d+):(\d+): (.*)$", line)
        if m:
            n, col, msg = int(m.group(1)), int(m.group(2)), m.group(3)
            if n == expr_line:
                out.append("%d: %s" % (col - plen, msg))
            elif first_decl <= n < first_decl + len(case["decls"]):
                out.append("L%d: %s" % (n - first_decl + 1, msg))
            else:
                out.append("L?%d: %s" % (n, msg))
        elif line.startswith("\t") and out:
            out.append(line)
    if p.returncode == 0 and case["kind"] == "const":
        r = subprocess.run([os.path.join(tmp, "case")], stdout=subprocess.PIPE)
        out.append("= " + r.stdout.decode().strip())
    return out


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.cases")))
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            with open(f) as fh:
                pre, cases = parse(fh.read())
            lines = pre + [""]
            for c in cases:
                got = record(c, tmp)
                lines.append("=== " + c["name"])
                lines.extend(c["decls"])
                lines.append("--- " + c["kind"])
                lines.append(c["expr"])
                lines.append("--- gc")
                lines.extend(got)
                lines.append("")
            with open(f, "w") as fh:
                fh.write("\n".join(lines))
            print("%s: %d cases" % (os.path.relpath(f), len(cases)))


if __name__ == "__main__":
    main()
