package main

// Validation of the stubs on disk against the real packages:
//
//  1. each stub parses, uses plain Go only (no build tags, //go: or //line
//     directives, no import "C"), and type-checks with go/types as a package
//     of its own, importing the other stubs (stubImporter);
//  2. the stub declares exactly the exported objects of the real package, and
//     each has the same kind and an identical type string; constants have the
//     same kind and exact value; types the same alias-ness, type parameters
//     and underlying type;
//  3. every type the stub declares (exported, unexported, internal copy) has
//     the same underlying type string as its original (internal package
//     types written under their copy's name), the same declared methods
//     (those the stub keeps), the same size and alignment (gc, amd64) and
//     the same comparability;
//  4. every exported type has the same method set (T and *T: exported
//     methods, signatures, promotion paths) and the same exported fields
//     (promoted ones included);
//  5. across all packages, for every exported type T (and *T) and every
//     exported interface I, T implements I in the stubs iff it does in Go.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

var sizes = types.SizesFor("gc", goarch)

type stubImporter struct {
	dir   string
	fset  *token.FileSet
	pkgs  map[string]*types.Package
	errs  map[string][]string
	files map[string]*ast.File
}

func (si *stubImporter) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if pkg, ok := si.pkgs[path]; ok {
		if pkg == nil {
			return nil, fmt.Errorf("import cycle through %s", path)
		}
		return pkg, nil
	}
	si.pkgs[path] = nil
	filename := filepath.Join(si.dir, filepath.FromSlash(path)+".go")
	f, err := parser.ParseFile(si.fset, filename, nil, parser.ParseComments)
	if err != nil {
		si.errs[path] = append(si.errs[path], err.Error())
		return nil, fmt.Errorf("no usable stub for %s", path)
	}
	si.files[path] = f
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			for _, bad := range []string{"//go:", "//line", "// +build", "//export", "/*line"} {
				if strings.HasPrefix(c.Text, bad) {
					si.errs[path] = append(si.errs[path], fmt.Sprintf("%s: directive %q", si.fset.Position(c.Pos()), c.Text))
				}
			}
		}
	}
	for _, is := range f.Imports {
		if is.Path.Value == `"C"` {
			si.errs[path] = append(si.errs[path], "imports C")
		}
	}
	conf := types.Config{
		Importer: si,
		Sizes:    sizes,
		Error: func(err error) {
			si.errs[path] = append(si.errs[path], err.Error())
		},
	}
	pkg, _ := conf.Check(path, si.fset, []*ast.File{f}, nil)
	si.pkgs[path] = pkg
	return pkg, nil
}

// checker compares one stub package with its real package.
type checker struct {
	real, stub *types.Package
	s          *stub
	errs       []string
}

func (c *checker) errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// realString prints a type of the real package the way the stub writes it:
// full package paths, internal types as the stub's copies.
func (c *checker) realString(t types.Type) string {
	own := c.real.Path()
	s := types.TypeString(t, func(p *types.Package) string {
		if isInternal(p.Path()) {
			return own + "." + mangle(p.Path()) + "\x02"
		}
		return p.Path()
	})
	return strings.ReplaceAll(s, "\x02.", "_")
}

func stubString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Path() })
}

func objKind(obj types.Object) string {
	switch obj.(type) {
	case *types.Const:
		return "const"
	case *types.Var:
		return "var"
	case *types.TypeName:
		return "type"
	case *types.Func:
		return "func"
	}
	return fmt.Sprintf("%T", obj)
}

func validate(dir string, stubs map[string]*stub, paths []string) int {
	si := &stubImporter{
		dir:   dir,
		fset:  token.NewFileSet(),
		pkgs:  map[string]*types.Package{},
		errs:  map[string][]string{},
		files: map[string]*ast.File{},
	}
	problems := 0
	report := func(path string, msgs []string) {
		for _, m := range msgs {
			fmt.Fprintf(os.Stderr, "stdapi: check %s: %s\n", path, m)
			problems++
		}
	}
	var checkers []*checker
	for _, path := range paths {
		pkg, _ := si.Import(path)
		if pkg == nil {
			report(path, []string{"stub could not be loaded"})
			continue
		}
		c := &checker{real: stubs[path].pkg, stub: pkg, s: stubs[path]}
		if pkg.Name() != c.real.Name() {
			c.errorf("package name %s, want %s", pkg.Name(), c.real.Name())
		}
		c.compare()
		checkers = append(checkers, c)
	}
	for _, path := range sortedKeys(si.errs) {
		report(path, si.errs[path])
	}
	for _, c := range checkers {
		report(c.real.Path(), c.errs)
	}
	report("implements", checkImplements(checkers))
	return problems
}

func (c *checker) compare() {
	rs, ss := c.real.Scope(), c.stub.Scope()
	for _, name := range ss.Names() {
		if token.IsExported(name) && rs.Lookup(name) == nil {
			c.errorf("stub declares %s, which Go does not", name)
		}
	}
	for _, name := range rs.Names() {
		if !token.IsExported(name) {
			continue
		}
		ro, so := rs.Lookup(name), ss.Lookup(name)
		if so == nil {
			c.errorf("missing %s %s", objKind(ro), name)
			continue
		}
		if objKind(ro) != objKind(so) {
			c.errorf("%s is a %s, want a %s", name, objKind(so), objKind(ro))
			continue
		}
		if rt, st := c.realString(ro.Type()), stubString(so.Type()); rt != st {
			c.errorf("%s %s has type %s, want %s", objKind(ro), name, st, rt)
		}
		switch ro := ro.(type) {
		case *types.Const:
			rv, sv := ro.Val(), so.(*types.Const).Val()
			if rv.Kind() != sv.Kind() || !constant.Compare(rv, token.EQL, sv) {
				c.errorf("const %s = %s (%v), want %s (%v)", name, sv.ExactString(), sv.Kind(), rv.ExactString(), rv.Kind())
			}
		case *types.TypeName:
			c.compareExported(ro, so.(*types.TypeName))
		}
	}
	// Every type the stub declares, against its original.
	for obj := range c.s.types {
		so := ss.Lookup(c.s.declName(obj))
		sn, ok := so.(*types.TypeName)
		if !ok {
			c.errorf("type %s is not declared", c.s.declName(obj))
			continue
		}
		c.compareType(obj, sn)
	}
}

func (c *checker) compareType(ro, so *types.TypeName) {
	name := so.Name()
	if ro.IsAlias() != so.IsAlias() {
		c.errorf("type %s: alias %v, want %v", name, so.IsAlias(), ro.IsAlias())
		return
	}
	if ro.IsAlias() {
		if rt, st := c.realString(ro.Type()), stubString(so.Type()); rt != st {
			c.errorf("alias %s = %s, want %s", name, st, rt)
		}
		return
	}
	rn, sn := ro.Type().(*types.Named), so.Type().(*types.Named)
	if rt, st := c.tparams(rn.TypeParams(), c.realString), c.tparams(sn.TypeParams(), stubString); rt != st {
		c.errorf("type %s: type parameters %s, want %s", name, st, rt)
	}
	if rt, st := c.realString(rn.Underlying()), stubString(sn.Underlying()); rt != st {
		c.errorf("type %s: underlying\n\t%s\nwant\n\t%s", name, st, rt)
	}
	// Declared methods: those kept by the stub, and all exported ones of an
	// own type.
	rm := map[string]*types.Func{}
	for i := 0; i < rn.NumMethods(); i++ {
		rm[rn.Method(i).Name()] = rn.Method(i)
	}
	kept := map[string]bool{}
	for _, m := range c.s.methods[ro] {
		kept[m.Name()] = true
	}
	sm := map[string]bool{}
	for i := 0; i < sn.NumMethods(); i++ {
		m := sn.Method(i)
		sm[m.Name()] = true
		r := rm[m.Name()]
		if r == nil {
			c.errorf("type %s: method %s does not exist in Go", name, m.Name())
			continue
		}
		if rt, st := c.realString(r.Type()), stubString(m.Type()); rt != st {
			c.errorf("method %s.%s: %s, want %s", name, m.Name(), st, rt)
		}
		if rr, sr := c.realString(r.Type().(*types.Signature).Recv().Type()), stubString(m.Type().(*types.Signature).Recv().Type()); rr != sr {
			c.errorf("method %s.%s: receiver %s, want %s", name, m.Name(), sr, rr)
		}
	}
	for mname := range rm {
		if !sm[mname] && (kept[mname] || (ro.Pkg() == c.real && token.IsExported(mname))) {
			c.errorf("type %s: missing method %s", name, mname)
		}
	}
	if rn.TypeParams().Len() == 0 {
		if _, isIface := rn.Underlying().(*types.Interface); !isIface {
			rsz, ssz := sizes.Sizeof(rn), sizes.Sizeof(sn)
			ral, sal := sizes.Alignof(rn), sizes.Alignof(sn)
			if rsz != ssz || ral != sal {
				c.errorf("type %s: size/align %d/%d, want %d/%d", name, ssz, sal, rsz, ral)
			}
		}
		if types.Comparable(rn) != types.Comparable(sn) {
			c.errorf("type %s: comparable %v, want %v", name, types.Comparable(sn), types.Comparable(rn))
		}
	}
}

func (c *checker) tparams(l *types.TypeParamList, str func(types.Type) string) string {
	var parts []string
	for i := 0; i < l.Len(); i++ {
		parts = append(parts, l.At(i).Obj().Name()+" "+str(l.At(i).Constraint()))
	}
	return strings.Join(parts, ", ")
}

// compareExported checks what user code can see of an exported type: its
// method sets and its fields, promoted ones included.
func (c *checker) compareExported(ro, so *types.TypeName) {
	if ro.IsAlias() {
		return // its target is checked with its own package
	}
	rn, sn := ro.Type().(*types.Named), so.Type().(*types.Named)
	if rn.TypeParams().Len() > 0 {
		// Method sets of a generic type are those of its declared methods,
		// compared in compareType.
		return
	}
	for _, ptr := range []bool{false, true} {
		var rt, st types.Type = rn, sn
		if ptr {
			if _, isIface := rn.Underlying().(*types.Interface); isIface {
				continue
			}
			rt, st = types.NewPointer(rn), types.NewPointer(sn)
		}
		if r, s := c.methodSet(rt, c.realString), c.methodSet(st, stubString); r != s {
			c.errorf("method set of %s:\n\t%s\nwant\n\t%s", stubString(st), s, r)
		}
	}
	rf, sf := c.fieldNames(rn), c.fieldNames(sn)
	if strings.Join(rf, ",") != strings.Join(sf, ",") {
		c.errorf("type %s: exported fields %v, want %v", so.Name(), sf, rf)
		return
	}
	for _, f := range rf {
		r := c.selection(rn, c.real, f, c.realString)
		s := c.selection(sn, c.stub, f, stubString)
		if r != s {
			c.errorf("field %s.%s: %s, want %s", so.Name(), f, s, r)
		}
	}
}

func (c *checker) methodSet(t types.Type, str func(types.Type) string) string {
	ms := types.NewMethodSet(t)
	var parts []string
	for i := 0; i < ms.Len(); i++ {
		sel := ms.At(i)
		if !sel.Obj().Exported() {
			continue
		}
		// The last index is the method's position among its type's declared
		// methods, which the stub sorts; the others are the embedding path.
		idx := sel.Index()
		parts = append(parts, fmt.Sprintf("%s%s via %v indirect=%v", sel.Obj().Name(), strings.TrimPrefix(str(sel.Type()), "func"), idx[:len(idx)-1], sel.Indirect()))
	}
	return strings.Join(parts, "; ")
}

// fieldNames lists the exported field names of a struct type and of the
// structs it embeds, recursively.
func (c *checker) fieldNames(t types.Type) []string {
	names := map[string]bool{}
	seen := map[types.Type]bool{}
	var visit func(t types.Type)
	visit = func(t types.Type) {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if seen[t] {
			return
		}
		seen[t] = true
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return
		}
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			if f.Exported() {
				names[f.Name()] = true
			}
			if f.Embedded() {
				visit(f.Type())
			}
		}
	}
	visit(t)
	var l []string
	for n := range names {
		l = append(l, n)
	}
	sort.Strings(l)
	return l
}

func (c *checker) selection(t types.Type, pkg *types.Package, name string, str func(types.Type) string) string {
	obj, index, indirect := types.LookupFieldOrMethod(t, true, pkg, name)
	if obj == nil {
		return "none"
	}
	if _, isMethod := obj.(*types.Func); isMethod {
		index = index[:len(index)-1]
	}
	return fmt.Sprintf("%s %s %v %v", objKind(obj), str(obj.Type()), index, indirect)
}

// checkImplements compares, for every exported type and interface of all
// packages, whether the type (and its pointer) implements the interface.
func checkImplements(checkers []*checker) []string {
	type pair struct{ real, stub types.Type }
	var typs, ifaces []pair
	for _, c := range checkers {
		for _, name := range c.real.Scope().Names() {
			ro, ok := c.real.Scope().Lookup(name).(*types.TypeName)
			if !ok || !ro.Exported() {
				continue
			}
			so, ok := c.stub.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			if rn, ok := ro.Type().(*types.Named); ok && rn.TypeParams().Len() > 0 {
				continue
			}
			if ri, ok := ro.Type().Underlying().(*types.Interface); ok && ri.IsMethodSet() {
				if _, ok := so.Type().Underlying().(*types.Interface); ok {
					ifaces = append(ifaces, pair{ro.Type(), so.Type()})
				}
			}
			typs = append(typs, pair{ro.Type(), so.Type()})
			if _, isIface := ro.Type().Underlying().(*types.Interface); !isIface {
				if _, isPtr := ro.Type().Underlying().(*types.Pointer); !isPtr {
					typs = append(typs, pair{types.NewPointer(ro.Type()), types.NewPointer(so.Type())})
				}
			}
		}
	}
	var errs []string
	for _, t := range typs {
		for _, i := range ifaces {
			r := types.Implements(t.real, i.real.Underlying().(*types.Interface))
			s := types.Implements(t.stub, i.stub.Underlying().(*types.Interface))
			if r != s {
				errs = append(errs, fmt.Sprintf("%s implements %s: %v, want %v", stubString(t.stub), stubString(i.stub), s, r))
			}
		}
	}
	return errs
}
