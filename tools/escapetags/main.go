// Command escapetags extracts gc's escape-analysis tags of the standard
// library functions and methods that goscope declares (std/*.go) and writes
// them to std/escape-tags.txt, which src/escape/stdtags.rs embeds.
//
// gc compiles each standard package with its full bodies and records, per
// parameter (receivers included), where the argument's value flows: to the
// heap and/or to results, each with a dereference count (escape/leaks.go).
// The record travels in the package's export data as the parameter's
// "note" (typecheck/iexport.go funcExt: one string per receiver and
// parameter). A user program's -m report depends on these tags: in
// fmt.Println(x) the tag of Println's parameter a ("leaks content to the
// heap") is why gc says `... argument does not escape` and `x escapes to
// heap`. goscope's std is only a declared API, so the tags are taken from
// Go 1.19 itself: this tool reads the export data of each package (the
// files `go list -export` names, i.e. $GOROOT/pkg/linux_amd64/*.a) and
// decodes the notes, exactly as gc's importer would.
//
// Run it under Go 1.19, from this directory:
//
//	/usr/lib/go-1.19/bin/go run .          # writes ../../std/escape-tags.txt
//	/usr/lib/go-1.19/bin/go run . -check   # fails if the file is not current
//
// Output format (one line per function or method, sorted):
//
//	PKGPATH NAME TAG...
//
// NAME is F for a function and T.M for a method of type T (pointer or value
// receiver alike: a method name is unique in T's method set). There is one
// TAG per receiver and parameter, in order, in gc's leaks terms:
//
//   - no flow: the argument does not escape ("esc:" with no bytes);
//     h0       leaks to the heap (gc's empty tag, also used for scalars);
//     hN       leaks to the heap after N dereferences ("leaking param content"
//     for N > 0);
//     rI=N     leaks to result I after N dereferences;
//
// joined by commas when there are several flows (h1,r0=0). A function whose
// every tag is h0 is omitted: the lookup's answer for a missing function, "no
// tags", means exactly that (gc treats calls of untagged code as leaking
// every argument to the heap).
//
// Methods of internal types that a stub copies (internal_poll_FD in std/os.go,
// "internal_poll_FD is internal/poll.FD") are looked up in the internal
// package and listed under the stub's package and the copy's name.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
)

func main() {
	check := flag.Bool("check", false, "verify that the output file is current; write nothing")
	stdDir := flag.String("std", "../../std", "goscope's std directory (stubs and packages.txt)")
	out := flag.String("out", "", "output file (default STD/escape-tags.txt)")
	flag.Parse()
	if *out == "" {
		*out = filepath.Join(*stdDir, "escape-tags.txt")
	}
	text, stats, err := generate(*stdDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "escapetags:", err)
		os.Exit(1)
	}
	if *check {
		old, err := os.ReadFile(*out)
		if err != nil || !bytes.Equal(old, text) {
			fmt.Fprintf(os.Stderr, "escapetags: %s is not current; run: cd tools/escapetags && go run .\n", *out)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "escapetags: %s is current (%s)\n", *out, stats)
		return
	}
	if err := os.WriteFile(*out, text, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "escapetags:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "escapetags: wrote %s (%s)\n", *out, stats)
}

// stubFunc is a function or method a stub declares.
type stubFunc struct {
	name    string // F or T.M
	recv    string // T ("" for a function)
	fn      string // F or M
	nparams int    // receiver included
	// origin of the receiver type for copied internal types
	origPkg, origType string
}

var copyRx = regexp.MustCompile(`^(\w+) is ([\w/.]+)\.(\w+)\.$`)

// stubs parses std/<path>.go and lists its functions and methods.
func stubs(stdDir, path string) ([]stubFunc, error) {
	fset := token.NewFileSet()
	file := filepath.Join(stdDir, filepath.FromSlash(path)+".go")
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	copies := map[string][2]string{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE || gd.Doc == nil {
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(gd.Doc.Text()), "\n") {
			if m := copyRx.FindStringSubmatch(line); m != nil {
				copies[m[1]] = [2]string{m[2], m[3]}
			}
		}
	}
	var out []stubFunc
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		sf := stubFunc{name: fd.Name.Name, fn: fd.Name.Name}
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			t := fd.Recv.List[0].Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			switch x := t.(type) {
			case *ast.IndexExpr:
				t = x.X
			case *ast.IndexListExpr:
				t = x.X
			}
			id, ok := t.(*ast.Ident)
			if !ok {
				return nil, fmt.Errorf("%s: odd receiver", fset.Position(fd.Pos()))
			}
			sf.recv = id.Name
			sf.name = id.Name + "." + fd.Name.Name
			sf.nparams = 1
			if c, ok := copies[id.Name]; ok {
				sf.origPkg, sf.origType = c[0], c[1]
			}
		}
		for _, p := range fd.Type.Params.List {
			if len(p.Names) == 0 {
				sf.nparams++
			} else {
				sf.nparams += len(p.Names)
			}
		}
		out = append(out, sf)
	}
	return out, nil
}

// packages reads std/packages.txt: the import paths of the stubs.
func packages(stdDir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(stdDir, "packages.txt"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Fields(line)[0])
	}
	return out, nil
}

// exportFiles asks the go command where each package's export data is.
func exportFiles(paths []string) (map[string]string, error) {
	args := append([]string{"list", "-export", "-f", "{{.ImportPath}}\t{{.Export}}"}, paths...)
	// The go command of the toolchain running this tool (Go 1.19).
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), args...)
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -export: %v", err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(outb)), "\n") {
		f := strings.SplitN(line, "\t", 2)
		if len(f) == 2 && f[1] != "" {
			m[f[0]] = f[1]
		}
	}
	return m, nil
}

func generate(stdDir string) ([]byte, string, error) {
	pkgs, err := packages(stdDir)
	if err != nil {
		return nil, "", err
	}
	all := map[string][]stubFunc{}
	need := map[string]bool{}
	for _, p := range pkgs {
		fs, err := stubs(stdDir, p)
		if err != nil {
			return nil, "", err
		}
		all[p] = fs
		need[p] = true
		for _, f := range fs {
			if f.origPkg != "" {
				need[f.origPkg] = true
			}
		}
	}
	var paths []string
	for p := range need {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	files, err := exportFiles(paths)
	if err != nil {
		return nil, "", err
	}
	tags := map[string]*pkgTags{}
	for _, p := range paths {
		file, ok := files[p]
		if !ok {
			return nil, "", fmt.Errorf("no export data for %s", p)
		}
		t, err := readPkgTags(file)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %v", file, err)
		}
		tags[p] = t
	}

	var lines []string
	nfuncs, nlisted, nparams := 0, 0, 0
	for _, p := range pkgs {
		for _, f := range all[p] {
			nfuncs++
			src, name := p, f.name
			if f.origPkg != "" {
				src, name = f.origPkg, f.origType+"."+f.fn
			}
			notes, ok := tags[src].funcs[name]
			if !ok {
				return nil, "", fmt.Errorf("%s.%s (stub of %s): not in the export data", src, name, p)
			}
			if len(notes) != f.nparams {
				return nil, "", fmt.Errorf("%s.%s: %d tags for %d parameters", p, f.name, len(notes), f.nparams)
			}
			for _, n := range notes {
				if n != "" && !strings.HasPrefix(n, "esc:") {
					return nil, "", fmt.Errorf("%s.%s: note %q is not an escape tag", src, name, n)
				}
			}
			toks := make([]string, len(notes))
			allHeap := true
			for i, n := range notes {
				toks[i] = tagText(n)
				if toks[i] != "h0" {
					allHeap = false
				}
			}
			if allHeap {
				continue
			}
			nlisted++
			nparams += len(notes)
			lines = append(lines, p+" "+f.name+" "+strings.Join(toks, " "))
		}
	}
	sort.Strings(lines)
	var buf bytes.Buffer
	buf.WriteString("# Generated by tools/escapetags from go1.19 export data; DO NOT EDIT.\n")
	buf.WriteString("# PKGPATH NAME TAG... (receiver first); see tools/escapetags/main.go for the format.\n")
	for _, l := range lines {
		buf.WriteString(l)
		buf.WriteByte('\n')
	}
	stats := fmt.Sprintf("%d functions and methods declared, %d listed with %d tags, %d all-heap omitted",
		nfuncs, nlisted, nparams, nfuncs-nlisted)
	return buf.Bytes(), stats, nil
}

// tagText writes one parameter's note (gc's leaks.Encode) in the table's
// text form.
func tagText(note string) string {
	if !strings.HasPrefix(note, "esc:") {
		return "h0"
	}
	b := []byte(note[4:])
	var parts []string
	for i, v := range b {
		if v == 0 {
			continue
		}
		if i == 0 {
			parts = append(parts, fmt.Sprintf("h%d", int(v)-1))
		} else {
			parts = append(parts, fmt.Sprintf("r%d=%d", i-1, int(v)-1))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ",")
}
