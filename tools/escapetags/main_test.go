package main

// Cross-checks the tags decoded from export data against what gc itself
// says about the same parameters when it compiles the package with -m:
// "X does not escape" is an empty tag, "leaking param: X" a heap leak with
// no dereference, "leaking param content: X" one after dereferences, and
// "leaking param: X to result R level=N" a result leak.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

var mLine = regexp.MustCompile(`^(.*\.go):(\d+):(\d+): (.*)$`)

type paramInfo struct {
	fn      string // F or T.M
	index   int    // receiver 0 for methods
	name    string
	results []string
}

func TestTagsAgreeWithGcM(t *testing.T) {
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	tmp := t.TempDir()
	for _, pkg := range []string{"fmt", "strings", "bytes", "sort", "strconv", "errors", "bufio", "io", "os", "time", "sync"} {
		t.Run(pkg, func(t *testing.T) {
			files, err := exportFiles([]string{pkg})
			if err != nil {
				t.Fatal(err)
			}
			tags, err := readPkgTags(files[pkg])
			if err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(goCmd, "build", "-gcflags="+pkg+"=-m", "-o", filepath.Join(tmp, "out.a"), pkg).CombinedOutput()
			if err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			msgs := map[string][]string{} // file:line:col -> messages
			for _, line := range strings.Split(string(out), "\n") {
				if m := mLine.FindStringSubmatch(line); m != nil {
					k := filepath.Base(m[1]) + ":" + m[2] + ":" + m[3]
					msgs[k] = append(msgs[k], m[4])
				}
			}
			params := parseParams(t, goCmd, pkg)
			checked := 0
			for pos, p := range params {
				ms := msgs[pos]
				notes, ok := tags.funcs[p.fn]
				if len(ms) == 0 || !ok || p.index >= len(notes) {
					continue
				}
				if strings.HasPrefix(ms[0], "moved to heap") || strings.HasPrefix(ms[0], "assuming") {
					continue
				}
				want := expected(notes[p.index], p)
				got := strings.Join(ms, "; ")
				if got != want {
					t.Errorf("%s %s param %s: gc -m says %q, tag %q predicts %q", pos, p.fn, p.name, got, notes[p.index], want)
				}
				checked++
			}
			if checked < 5 {
				t.Errorf("only %d parameters checked", checked)
			}
			t.Logf("%s: %d parameters agree", pkg, checked)
		})
	}
}

// expected gives the -m lines paramTag prints for a tag (escape.go).
func expected(note string, p paramInfo) string {
	var l [8]int
	for i := range l {
		l[i] = -1
	}
	if !strings.HasPrefix(note, "esc:") {
		l[0] = 0
	} else {
		for i, b := range []byte(note[4:]) {
			l[i] = int(b) - 1
		}
	}
	var out []string
	empty := true
	for _, v := range l {
		if v >= 0 {
			empty = false
		}
	}
	if empty {
		out = append(out, p.name+" does not escape")
	}
	if l[0] == 0 {
		out = append(out, "leaking param: "+p.name)
	} else if l[0] > 0 {
		out = append(out, "leaking param content: "+p.name)
	}
	for i := 1; i < len(l); i++ {
		if l[i] >= 0 {
			r := fmt.Sprintf("~r%d", i-1)
			if i-1 < len(p.results) && p.results[i-1] != "" {
				r = p.results[i-1]
				if r == "_" {
					r = fmt.Sprintf("~b%d", i-1)
				}
			}
			out = append(out, fmt.Sprintf("leaking param: %s to result %s level=%d", p.name, r, l[i]))
		}
	}
	return strings.Join(out, "; ")
}

// parseParams maps the position of every named parameter of the package's
// functions and methods (linux/amd64 files) to what it is.
func parseParams(t *testing.T, goCmd, pkg string) map[string]paramInfo {
	out, err := exec.Command(goCmd, "list", "-f", "{{.Dir}}\n{{join .GoFiles \"\\n\"}}", pkg).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	dir := lines[0]
	fset := token.NewFileSet()
	res := map[string]paramInfo{}
	for _, name := range lines[1:] {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn := fd.Name.Name
			var fields []*ast.Field
			if fd.Recv != nil {
				rt := fd.Recv.List[0].Type
				if s, ok := rt.(*ast.StarExpr); ok {
					rt = s.X
				}
				if ix, ok := rt.(*ast.IndexExpr); ok {
					rt = ix.X
				}
				id, ok := rt.(*ast.Ident)
				if !ok {
					continue
				}
				fn = id.Name + "." + fn
				fields = append(fields, fd.Recv.List...)
			}
			fields = append(fields, fd.Type.Params.List...)
			var results []string
			if fd.Type.Results != nil {
				for _, r := range fd.Type.Results.List {
					if len(r.Names) == 0 {
						results = append(results, "")
					}
					for _, n := range r.Names {
						results = append(results, n.Name)
					}
				}
			}
			idx := 0
			for _, fl := range fields {
				if len(fl.Names) == 0 {
					idx++
					continue
				}
				for _, n := range fl.Names {
					p := fset.Position(n.Pos())
					k := fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
					res[k] = paramInfo{fn: fn, index: idx, name: n.Name, results: results}
					idx++
				}
			}
		}
	}
	return res
}
