// Command stdapi generates goscope's declared API of the Go standard library:
// one Go source "stub" file per package, std/<import path>.go, holding the
// package's declarations without function bodies. goscope's type checker
// imports these stubs instead of the real sources.
//
// It must run under Go 1.19 (the reference version of goscope):
//
//	cd tools/stdapi && /usr/lib/go-1.19/bin/go run . [-out ../../std] [-check]
//
// Without -check it type-checks every requested package from GOROOT's sources
// (go/importer "source", GOOS=linux GOARCH=amd64 CGO_ENABLED=0), writes the
// stubs, std/packages.txt and std/README.md, then validates the written stubs.
// With -check it writes nothing: it fails if the files on disk differ from what
// it would generate, and runs the same validation on them.
//
// What a stub contains, for package P:
//
//   - every exported const (exact value; type if typed), var, type and func of P;
//   - for every emitted type, its full definition: all struct fields, exported
//     or not, with tags; interfaces with all their methods, unexported ones
//     included; type parameter lists;
//   - the declared methods of every emitted type whose name is exported, plus
//     the unexported ones whose name appears as a method of an interface of P
//     that the stub emits (so that P's types keep satisfying P's interfaces,
//     e.g. *testing.T satisfies testing.TB through common.private);
//   - unexported named types of P reached from anything above (field types,
//     embedded fields, underlying types, signatures), transitively, with the
//     same method rule;
//   - a copy of every type of an internal package (a path with an "internal"
//     element, or under vendor/) reached from the above: see "internal types".
//
// Packages referenced by a stub are generated too (closure), so a stub only
// imports stubs that exist (and "unsafe", which the checker provides).
//
// Internal types. A user program cannot name a type of an internal package,
// but such types do occur in the exported API's definitions, e.g. the field
// pfd internal/poll.FD of os.file. The rule: the referenced internal type is
// copied into the stub that references it, as an unexported type whose name is
// the internal package path and the type name joined by '_', with every
// non-letter-or-digit replaced by '_' (internal/poll.FD becomes internal_poll_FD
// in std/os.go). Its definition is copied as it is, recursively: other internal
// types it references are copied the same way, std types are imported. So the
// copy has the same size, alignment, pointer layout and comparability as the
// original. Methods of a copy are emitted only if the copy is embedded in a
// struct (which would promote them); otherwise nothing can reach them.
//
// Constant values are written exactly and keep their kind: integers in
// decimal; untyped runes as rune literals (or '\x00' + N when N is not a valid
// rune); floats as the shortest of an exact decimal literal, an exact hex
// float literal (0x1fffffffffffffp971) or an exact quotient of two float
// literals ((1000.0 / 693.0)) — all untyped float constant expressions;
// complex values as (RE + IM*1i); strings quoted with escapes in ASCII.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/build"
	"go/constant"
	"go/format"
	"go/importer"
	"go/token"
	"go/types"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// requested is the list of packages a goscope program may import (unsafe is
// provided by the checker itself). Everything else generated is closure.
var requested = []string{
	"fmt", "strings", "strconv", "sort", "errors", "math", "math/bits", "math/rand",
	"math/cmplx", "os", "time", "sync", "sync/atomic", "unicode", "unicode/utf8",
	"unicode/utf16", "bytes", "context", "runtime", "runtime/debug", "io", "io/ioutil",
	"io/fs", "bufio", "reflect", "log", "os/exec", "os/signal", "path", "path/filepath",
	"syscall", "regexp", "testing", "text/tabwriter", "encoding", "encoding/binary",
	"encoding/json", "encoding/xml", "encoding/hex", "encoding/base64", "crypto/md5",
	"container/heap", "container/list", "container/ring", "flag", "math/big",
	"runtime/pprof", "html/template", "text/template", "go/ast", "go/token", "hash",
	"hash/crc32", "hash/fnv", "hash/maphash",
}

const (
	goos   = "linux"
	goarch = "amd64"
)

var (
	outFlag   = flag.String("out", "../../std", "directory of the stubs (std/ at the repository root)")
	checkFlag = flag.Bool("check", false, "write nothing; fail if the stubs on disk are stale or do not validate")
)

func main() {
	flag.Parse()
	if !strings.HasPrefix(runtime.Version(), "go1.19") {
		fatalf("stdapi must run under Go 1.19 (goscope's reference), not %s: use /usr/lib/go-1.19/bin/go run .", runtime.Version())
	}
	build.Default.GOOS = goos
	build.Default.GOARCH = goarch
	build.Default.CgoEnabled = false

	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)

	// Build the stubs of the requested packages and of every package they
	// reference, in a breadth-first closure.
	stubs := map[string]*stub{}
	isRequested := map[string]bool{}
	var queue []string
	for _, p := range requested {
		if !isRequested[p] {
			isRequested[p] = true
			queue = append(queue, p)
		}
	}
	seen := map[string]bool{}
	for _, p := range queue {
		seen[p] = true
	}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		pkg, err := imp.Import(path)
		if err != nil {
			fatalf("type-checking %s from source: %v", path, err)
		}
		s := newStub(pkg)
		s.build()
		stubs[path] = s
		for _, dep := range s.importPaths() {
			if dep != "unsafe" && !seen[dep] {
				seen[dep] = true
				queue = append(queue, dep)
			}
		}
	}
	var paths []string
	for p := range stubs {
		paths = append(paths, p)
	}
	sort.Strings(paths)

	problems := 0
	for _, p := range paths {
		for _, msg := range stubs[p].problems {
			fmt.Fprintf(os.Stderr, "stdapi: %s: %s\n", p, msg)
			problems++
		}
	}

	// Render.
	files := map[string][]byte{}
	for _, p := range paths {
		files[filepath.FromSlash(p)+".go"] = stubs[p].render()
	}
	rep := newReport(stubs, paths, isRequested, files)
	files["packages.txt"] = rep.packagesTxt()
	files["README.md"] = rep.readme()

	out := *outFlag
	if *checkFlag {
		for _, name := range sortedKeys(files) {
			old, err := os.ReadFile(filepath.Join(out, name))
			if err != nil || !bytes.Equal(old, files[name]) {
				fmt.Fprintf(os.Stderr, "stdapi: %s is stale (regenerate with: cd tools/stdapi && /usr/lib/go-1.19/bin/go run .)\n", filepath.Join(out, name))
				problems++
			}
		}
		for _, extra := range strayStubs(out, files) {
			fmt.Fprintf(os.Stderr, "stdapi: %s is not generated by stdapi\n", extra)
			problems++
		}
	} else {
		for _, extra := range strayStubs(out, files) {
			if err := os.Remove(extra); err != nil {
				fatalf("%v", err)
			}
		}
		for _, name := range sortedKeys(files) {
			dst := filepath.Join(out, name)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				fatalf("%v", err)
			}
			if err := os.WriteFile(dst, files[name], 0o644); err != nil {
				fatalf("%v", err)
			}
		}
	}

	// Validate what is on disk (just written, or checked for staleness).
	problems += validate(out, stubs, paths)
	if problems > 0 {
		fatalf("%d problem(s)", problems)
	}
	fmt.Printf("stdapi: %d packages (%d requested, %d closure), %d lines; all stubs type-check and match %s's API\n",
		len(paths), rep.nRequested, len(paths)-rep.nRequested, rep.totalLines, runtime.Version())
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "stdapi: "+format+"\n", args...)
	os.Exit(1)
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// strayStubs lists the .go files under out that stdapi does not generate.
func strayStubs(out string, files map[string][]byte) []string {
	var extra []string
	filepath.Walk(out, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(out, path)
		if _, ok := files[rel]; !ok {
			extra = append(extra, path)
		}
		return nil
	})
	return extra
}

// isInternal reports whether path names a package that user code cannot
// import: one with an "internal" path element, or a vendored one.
func isInternal(path string) bool {
	if strings.HasPrefix(path, "vendor/") {
		return true
	}
	for _, e := range strings.Split(path, "/") {
		if e == "internal" {
			return true
		}
	}
	return false
}

// mangle turns an import path into an identifier fragment.
func mangle(path string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return '_'
	}, path)
}

// internalName is the name, in a stub, of the copy of an internal type.
func internalName(obj *types.TypeName) string {
	return mangle(obj.Pkg().Path()) + "_" + obj.Name()
}

// ---------------------------------------------------------------------------
// Building one stub: which objects it declares.

type stub struct {
	pkg *types.Package // the real package, type-checked from source

	exported []types.Object            // exported objects of pkg, by name
	types    map[*types.TypeName]bool  // emitted type names (own and internal)
	queue    []*types.TypeName         // emitted, not yet walked
	embedded map[*types.TypeName]bool  // internal types embedded in a struct
	needUnex map[string]bool           // own unexported method names of emitted interfaces
	imports  map[string]*types.Package // referenced packages, by path (not own, not internal)
	impName  map[string]string         // local name of each import
	methods  map[*types.TypeName][]*types.Func
	problems []string
	internal map[string]*types.TypeName // copies of internal types by stub name
}

func newStub(pkg *types.Package) *stub {
	return &stub{
		pkg:      pkg,
		types:    map[*types.TypeName]bool{},
		embedded: map[*types.TypeName]bool{},
		needUnex: map[string]bool{},
		imports:  map[string]*types.Package{},
		impName:  map[string]string{},
		methods:  map[*types.TypeName][]*types.Func{},
		internal: map[string]*types.TypeName{},
	}
}

func (s *stub) problemf(format string, args ...any) {
	s.problems = append(s.problems, fmt.Sprintf(format, args...))
}

func (s *stub) build() {
	scope := s.pkg.Scope()
	for _, name := range scope.Names() { // sorted
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		s.exported = append(s.exported, obj)
		switch obj := obj.(type) {
		case *types.TypeName:
			s.addType(obj)
		case *types.Func:
			s.walkSig(obj.Type().(*types.Signature))
		default:
			s.walk(obj.Type())
		}
	}
	// Walk emitted types until nothing new is reached. A type's methods
	// depend on needUnex, which grows as interfaces are found, so recompute
	// the method lists until they are stable too.
	for {
		for len(s.queue) > 0 {
			obj := s.queue[0]
			s.queue = s.queue[1:]
			s.walkTypeDecl(obj)
		}
		// Method lists only grow (needUnex and embedded only grow), so a
		// changed list is a longer one.
		changed := false
		for obj := range s.types {
			ms := s.methodsOf(obj)
			if len(ms) != len(s.methods[obj]) {
				changed = true
				s.methods[obj] = ms
				for _, m := range ms {
					s.walkSig(m.Type().(*types.Signature))
				}
			}
		}
		if !changed && len(s.queue) == 0 {
			break
		}
	}
	s.nameImports()
}

func (s *stub) addType(obj *types.TypeName) {
	if s.types[obj] {
		return
	}
	s.types[obj] = true
	s.queue = append(s.queue, obj)
	if obj.Pkg() != s.pkg {
		name := internalName(obj)
		if other, ok := s.internal[name]; ok && other != obj {
			s.problemf("internal types %s and %s both map to %s", other, obj, name)
		}
		s.internal[name] = obj
	}
}

func (s *stub) walkTypeDecl(obj *types.TypeName) {
	if obj.IsAlias() {
		s.walk(obj.Type())
		return
	}
	named := obj.Type().(*types.Named)
	s.walkTypeParams(named.TypeParams())
	s.walk(named.Underlying())
}

// methodsOf lists the declared methods of an emitted type that the stub
// declares (see the package comment), sorted by name.
func (s *stub) methodsOf(obj *types.TypeName) []*types.Func {
	if obj.IsAlias() {
		return nil
	}
	named := obj.Type().(*types.Named)
	var ms []*types.Func
	for i := 0; i < named.NumMethods(); i++ {
		m := named.Method(i)
		if obj.Pkg() == s.pkg {
			if m.Exported() || s.needUnex[m.Name()] {
				ms = append(ms, m)
			}
		} else if s.embedded[obj] && m.Exported() {
			ms = append(ms, m)
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Name() < ms[j].Name() })
	return ms
}

func (s *stub) walkTypeParams(tps *types.TypeParamList) {
	for i := 0; i < tps.Len(); i++ {
		s.walk(tps.At(i).Constraint())
	}
}

func (s *stub) walkSig(sig *types.Signature) {
	s.walkTypeParams(sig.TypeParams())
	s.walk(sig)
}

func (s *stub) walk(t types.Type) {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			s.imports["unsafe"] = types.Unsafe
		}
	case *types.Pointer:
		s.walk(t.Elem())
	case *types.Slice:
		s.walk(t.Elem())
	case *types.Array:
		s.walk(t.Elem())
	case *types.Chan:
		s.walk(t.Elem())
	case *types.Map:
		s.walk(t.Key())
		s.walk(t.Elem())
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tup.Len(); i++ {
				s.walk(tup.At(i).Type())
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			if f.Embedded() {
				ft := f.Type()
				if p, ok := ft.(*types.Pointer); ok {
					ft = p.Elem()
				}
				if n, ok := ft.(*types.Named); ok && n.Obj().Pkg() != nil && isInternal(n.Obj().Pkg().Path()) {
					s.embedded[n.Obj()] = true // its methods are promoted: keep them
				}
			}
			s.walk(f.Type())
		}
	case *types.Interface:
		for i := 0; i < t.NumExplicitMethods(); i++ {
			m := t.ExplicitMethod(i)
			if !m.Exported() && m.Pkg() == s.pkg {
				s.needUnex[m.Name()] = true
			}
			s.walk(m.Type())
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			s.walk(t.EmbeddedType(i))
		}
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			s.walk(t.Term(i).Type())
		}
	case *types.TypeParam:
		// declared (and its constraint walked) with its type or function
	case *types.Named:
		args := t.TypeArgs()
		for i := 0; i < args.Len(); i++ {
			s.walk(args.At(i))
		}
		obj := t.Obj()
		switch {
		case obj.Pkg() == nil: // error, comparable
		case obj.Pkg() == s.pkg || isInternal(obj.Pkg().Path()):
			s.addType(obj)
		default:
			if !obj.Exported() {
				s.problemf("%s refers to %s, which cannot be named outside its package", s.pkg.Path(), obj)
			}
			s.imports[obj.Pkg().Path()] = obj.Pkg()
		}
	default:
		s.problemf("unexpected type %T %v", t, t)
	}
}

// importPaths lists the packages the stub imports, sorted.
func (s *stub) importPaths() []string {
	return sortedKeys(s.imports)
}

// nameImports chooses the local name of every import: the package name,
// unless that collides with a name the stub declares or with an earlier
// import, in which case the mangled import path.
func (s *stub) nameImports() {
	taken := map[string]bool{}
	for _, obj := range s.exported {
		taken[obj.Name()] = true
	}
	for obj := range s.types {
		taken[s.declName(obj)] = true
	}
	for _, path := range s.importPaths() {
		name := s.imports[path].Name()
		if taken[name] {
			name = mangle(path)
			if taken[name] {
				s.problemf("no name for import %q", path)
			}
		}
		taken[name] = true
		s.impName[path] = name
	}
}

// declName is the name under which the stub declares an emitted type.
func (s *stub) declName(obj *types.TypeName) string {
	if obj.Pkg() == s.pkg {
		return obj.Name()
	}
	return internalName(obj)
}

// ---------------------------------------------------------------------------
// Printing types as Go source.

func (s *stub) typeName(obj *types.TypeName) string {
	switch {
	case obj.Pkg() == nil:
		return obj.Name()
	case obj.Pkg() == s.pkg || isInternal(obj.Pkg().Path()):
		return s.declName(obj)
	default:
		return s.impName[obj.Pkg().Path()] + "." + obj.Name()
	}
}

var universeAny = types.Universe.Lookup("any").Type()

func (s *stub) typ(t types.Type) string {
	var b strings.Builder
	s.writeType(&b, t)
	return b.String()
}

func (s *stub) writeType(b *strings.Builder, t types.Type) {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			b.WriteString(s.impName["unsafe"] + ".Pointer")
		} else {
			b.WriteString(t.Name())
		}
	case *types.Pointer:
		b.WriteByte('*')
		s.writeType(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		s.writeType(b, t.Elem())
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		s.writeType(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		s.writeType(b, t.Key())
		b.WriteByte(']')
		s.writeType(b, t.Elem())
	case *types.Chan:
		paren := false
		switch t.Dir() {
		case types.SendRecv:
			b.WriteString("chan ")
			if c, ok := t.Elem().(*types.Chan); ok && c.Dir() == types.RecvOnly {
				paren = true
			}
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		}
		if paren {
			b.WriteByte('(')
		}
		s.writeType(b, t.Elem())
		if paren {
			b.WriteByte(')')
		}
	case *types.Signature:
		b.WriteString("func")
		s.writeSig(b, t)
	case *types.Struct:
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				b.WriteString("; ")
			}
			s.writeField(b, t.Field(i), t.Tag(i))
		}
		b.WriteByte('}')
	case *types.Interface:
		if t == universeAny {
			b.WriteString("any")
			return
		}
		if t.IsImplicit() { // constraint literal: ~int | ~string
			s.writeType(b, t.EmbeddedType(0))
			return
		}
		b.WriteString("interface{")
		for i, elem := range s.ifaceElems(t) {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(elem)
		}
		b.WriteByte('}')
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				b.WriteString(" | ")
			}
			if t.Term(i).Tilde() {
				b.WriteByte('~')
			}
			s.writeType(b, t.Term(i).Type())
		}
	case *types.TypeParam:
		b.WriteString(t.Obj().Name())
	case *types.Named:
		b.WriteString(s.typeName(t.Obj()))
		if args := t.TypeArgs(); args.Len() > 0 {
			b.WriteByte('[')
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				s.writeType(b, args.At(i))
			}
			b.WriteByte(']')
		}
	default:
		panic(fmt.Sprintf("unexpected type %T", t))
	}
}

func (s *stub) writeField(b *strings.Builder, f *types.Var, tag string) {
	if !f.Embedded() {
		b.WriteString(f.Name())
		b.WriteByte(' ')
	}
	s.writeType(b, f.Type())
	if tag != "" {
		b.WriteByte(' ')
		b.WriteString(quoteTag(tag))
	}
}

func quoteTag(tag string) string {
	if strconv.CanBackquote(tag) {
		return "`" + tag + "`"
	}
	return strconv.Quote(tag)
}

// ifaceElems lists an interface's explicit methods, sorted, then its
// embedded types, each as it is written inside interface{...}.
func (s *stub) ifaceElems(t *types.Interface) []string {
	var elems []string
	for i := 0; i < t.NumExplicitMethods(); i++ {
		m := t.ExplicitMethod(i)
		var b strings.Builder
		b.WriteString(m.Name())
		s.writeSig(&b, m.Type().(*types.Signature))
		elems = append(elems, b.String())
	}
	sort.Strings(elems)
	for i := 0; i < t.NumEmbeddeds(); i++ {
		elems = append(elems, s.typ(t.EmbeddedType(i)))
	}
	return elems
}

// writeSig writes a signature without "func" and receiver:
// [type params](params) results.
func (s *stub) writeSig(b *strings.Builder, sig *types.Signature) {
	s.writeTypeParams(b, sig.TypeParams())
	b.WriteByte('(')
	s.writeTuple(b, sig.Params(), sig.Variadic())
	b.WriteByte(')')
	res := sig.Results()
	switch {
	case res.Len() == 0:
	case res.Len() == 1 && res.At(0).Name() == "":
		b.WriteByte(' ')
		s.writeType(b, res.At(0).Type())
	default:
		b.WriteString(" (")
		s.writeTuple(b, res, false)
		b.WriteByte(')')
	}
}

func (s *stub) writeTuple(b *strings.Builder, tup *types.Tuple, variadic bool) {
	for i := 0; i < tup.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		v := tup.At(i)
		if v.Name() != "" {
			b.WriteString(v.Name())
			b.WriteByte(' ')
		}
		if variadic && i == tup.Len()-1 {
			b.WriteString("...")
			s.writeType(b, v.Type().(*types.Slice).Elem())
		} else {
			s.writeType(b, v.Type())
		}
	}
}

func (s *stub) writeTypeParams(b *strings.Builder, tps *types.TypeParamList) {
	if tps.Len() == 0 {
		return
	}
	b.WriteByte('[')
	for i := 0; i < tps.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		tp := tps.At(i)
		b.WriteString(tp.Obj().Name())
		b.WriteByte(' ')
		s.writeType(b, tp.Constraint())
	}
	b.WriteByte(']')
}

// ---------------------------------------------------------------------------
// Constant values.

// constValue writes v as a Go constant expression of the same value and, for
// an untyped constant, the same kind.
func constValue(v constant.Value, untypedKind types.BasicKind) string {
	switch v.Kind() {
	case constant.Bool:
		return strconv.FormatBool(constant.BoolVal(v))
	case constant.String:
		return strconv.QuoteToASCII(constant.StringVal(v))
	case constant.Int:
		if untypedKind == types.UntypedRune {
			if n, ok := constant.Int64Val(v); ok && n >= 0 && n <= utf8.MaxRune && utf8.ValidRune(rune(n)) {
				return strconv.QuoteRuneToASCII(rune(n))
			}
			return "('\\x00' + " + v.ExactString() + ")"
		}
		if untypedKind == types.UntypedFloat { // an integer value of kind float
			return floatLit(exactRat(v))
		}
		return v.ExactString()
	case constant.Float:
		return floatLit(exactRat(v))
	case constant.Complex:
		return "(" + floatLit(exactRat(constant.Real(v))) + " + " + floatLit(exactRat(constant.Imag(v))) + "*1i)"
	}
	panic("unknown constant " + v.String())
}

func exactRat(v constant.Value) *big.Rat {
	switch x := constant.Val(constant.ToFloat(v)).(type) {
	case int64:
		return new(big.Rat).SetInt64(x)
	case *big.Int:
		return new(big.Rat).SetInt(x)
	case *big.Rat:
		return x
	case *big.Float:
		r, acc := x.Rat(nil)
		if r == nil || acc != big.Exact {
			panic("inexact float constant " + v.String())
		}
		return r
	}
	panic("not a float constant " + v.String())
}

// floatLit writes an exact untyped float constant expression for r: the
// shortest of a decimal literal, a hex float literal and a quotient.
func floatLit(r *big.Rat) string {
	neg := r.Sign() < 0
	r = new(big.Rat).Abs(r)
	num, den := r.Num(), r.Denom()
	var cands []string

	// Decimal: den = 2^a 5^b.
	twos, fives := 0, 0
	d := new(big.Int).Set(den)
	for d.Bit(0) == 0 && d.Sign() > 0 {
		d.Rsh(d, 1)
		twos++
	}
	five := big.NewInt(5)
	for {
		q, m := new(big.Int).QuoRem(d, five, new(big.Int))
		if m.Sign() != 0 {
			break
		}
		d = q
		fives++
	}
	if d.Cmp(big.NewInt(1)) == 0 {
		k := twos
		if fives > k {
			k = fives
		}
		scaled := new(big.Int).Mul(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
		scaled.Quo(scaled, den)
		digits := scaled.String()
		if k == 0 {
			cands = append(cands, digits+".0")
		} else {
			for len(digits) <= k {
				digits = "0" + digits
			}
			cands = append(cands, digits[:len(digits)-k]+"."+digits[len(digits)-k:])
		}
	}

	// Hex float: den = 2^a; m * 2^e with m odd.
	if fives == 0 && d.Cmp(big.NewInt(1)) == 0 && num.Sign() > 0 {
		m := new(big.Int).Set(num)
		e := -twos
		for m.Bit(0) == 0 {
			m.Rsh(m, 1)
			e++
		}
		cands = append(cands, "0x"+m.Text(16)+"p"+strconv.Itoa(e))
	}

	cands = append(cands, "("+num.String()+".0 / "+den.String()+".0)")
	best := cands[0]
	for _, c := range cands[1:] {
		if len(c) < len(best) {
			best = c
		}
	}
	if neg {
		if best[0] == '(' {
			return "(-" + best[1:]
		}
		return "-" + best
	}
	return best
}

// ---------------------------------------------------------------------------
// Rendering a stub file.

func (s *stub) render() []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// Code generated by tools/stdapi from %s (%s/%s) sources. DO NOT EDIT.\n\n", runtime.Version(), goos, goarch)
	p("// Declared API of the standard package %q, for goscope's type checker.\n", s.pkg.Path())
	p("package %s\n", s.pkg.Name())
	if paths := s.importPaths(); len(paths) > 0 {
		p("\nimport (\n")
		for _, path := range paths {
			if s.impName[path] != s.imports[path].Name() {
				p("\t%s %q\n", s.impName[path], path)
			} else {
				p("\t%q\n", path)
			}
		}
		p(")\n")
	}

	var consts, vars, funcs []types.Object
	for _, obj := range s.exported {
		switch obj.(type) {
		case *types.Const:
			consts = append(consts, obj)
		case *types.Var:
			vars = append(vars, obj)
		case *types.Func:
			funcs = append(funcs, obj)
		}
	}
	if len(consts) > 0 {
		p("\nconst (\n")
		for _, obj := range consts {
			c := obj.(*types.Const)
			if basic, ok := c.Type().(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
				p("\t%s = %s\n", c.Name(), constValue(c.Val(), basic.Kind()))
			} else {
				p("\t%s %s = %s\n", c.Name(), s.typ(c.Type()), constValue(c.Val(), types.Invalid))
			}
		}
		p(")\n")
	}
	if len(vars) > 0 {
		p("\nvar (\n")
		for _, obj := range vars {
			p("\t%s %s\n", obj.Name(), s.typ(obj.Type()))
		}
		p(")\n")
	}

	// Types: exported, then unexported ones of this package, then copies of
	// internal types; each group sorted by name, each type followed by its
	// methods.
	var own, unex, intern []*types.TypeName
	for obj := range s.types {
		switch {
		case obj.Pkg() != s.pkg:
			intern = append(intern, obj)
		case obj.Exported():
			own = append(own, obj)
		default:
			unex = append(unex, obj)
		}
	}
	byName := func(l []*types.TypeName) {
		sort.Slice(l, func(i, j int) bool { return s.declName(l[i]) < s.declName(l[j]) })
	}
	byName(own)
	byName(unex)
	byName(intern)
	for _, obj := range own {
		s.renderType(&b, obj)
	}
	if len(unex) > 0 {
		p("\n// Unexported types reached from the exported API.\n")
		for _, obj := range unex {
			s.renderType(&b, obj)
		}
	}
	if len(intern) > 0 {
		p("\n// Copies of internal types reached from the exported API (see std/README.md).\n")
		for _, obj := range intern {
			s.renderType(&b, obj)
		}
	}

	for _, obj := range funcs {
		f := obj.(*types.Func)
		var sb strings.Builder
		sb.WriteString(f.Name())
		s.writeSig(&sb, f.Type().(*types.Signature))
		p("\nfunc %s\n", sb.String())
	}

	src, err := format.Source(b.Bytes())
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s\n", b.Bytes())
		fatalf("generated stub for %s does not parse: %v", s.pkg.Path(), err)
	}
	return src
}

func (s *stub) renderType(b *bytes.Buffer, obj *types.TypeName) {
	name := s.declName(obj)
	if obj.IsAlias() {
		fmt.Fprintf(b, "\ntype %s = %s\n", name, s.typ(obj.Type()))
		return
	}
	named := obj.Type().(*types.Named)
	var tp strings.Builder
	s.writeTypeParams(&tp, named.TypeParams())
	b.WriteString("\n")
	if obj.Pkg() != s.pkg {
		fmt.Fprintf(b, "// %s is %s.%s.\n", name, obj.Pkg().Path(), obj.Name())
	}
	fmt.Fprintf(b, "type %s%s ", name, tp.String())
	switch u := named.Underlying().(type) {
	case *types.Struct:
		if u.NumFields() == 0 {
			b.WriteString("struct{}\n")
			break
		}
		b.WriteString("struct {\n")
		for i := 0; i < u.NumFields(); i++ {
			var f strings.Builder
			s.writeField(&f, u.Field(i), u.Tag(i))
			fmt.Fprintf(b, "\t%s\n", f.String())
		}
		b.WriteString("}\n")
	case *types.Interface:
		elems := s.ifaceElems(u)
		if len(elems) == 0 || u == universeAny {
			fmt.Fprintf(b, "%s\n", s.typ(u))
			break
		}
		b.WriteString("interface {\n")
		for _, e := range elems {
			fmt.Fprintf(b, "\t%s\n", e)
		}
		b.WriteString("}\n")
	default:
		fmt.Fprintf(b, "%s\n", s.typ(u))
	}
	for _, m := range s.methods[obj] {
		sig := m.Type().(*types.Signature)
		recv := sig.Recv()
		var sb strings.Builder
		sb.WriteString("func (")
		if recv.Name() != "" {
			sb.WriteString(recv.Name())
			sb.WriteByte(' ')
		}
		s.writeType(&sb, recv.Type())
		sb.WriteString(") ")
		sb.WriteString(m.Name())
		s.writeSig(&sb, sig)
		fmt.Fprintf(b, "\n%s\n", sb.String())
	}
}
