package main

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// TestConstValue checks that constValue writes every kind of constant as an
// expression of the same exact value and the same (untyped) kind.
func TestConstValue(t *testing.T) {
	const src = `package p

type Str string

const (
	I0 = 0
	I1 = -9223372036854775808
	I2 = 1 << 100
	I3 = -(1 << 100)
	F0 = 0.0
	F1 = 3.14159265358979323846264338327950288419716939937510582097494459
	F2 = 1.0 / 3
	F3 = -0.5
	F4 = 0.1
	F5 = 0x1p-1074
	F6 = 0x1p1023 * (1 + (1 - 0x1p-52))
	F7 = 1 / 0.693147180559945309417232121458176568075500134360255254120680009
	F8 = 1e-400
	F9 = 1e400
	F10 = 7.0
	F11 = -1e300 / 7
	R0 = 'a'
	R1 = '\x00' - 1
	R2 = '\U0010FFFF' + 1
	R3 = '\x00' + 0xD800
	R4 = '\''
	R5 = '\ufffd'
	S0 = "héllo\x00\n\"\\` + "`" + `"
	S1 = "\xff"
	B0 = true
	B1 = 1 > 2
	C0 = 1 + 2i
	C1 = 1.5i
	C2 = (1.0 / 3) * 1i - 0.25
	C3 = 0i
	T0 float64 = 1.0 / 3
	T1 float32 = 0.1
	T2 int8 = -128
	T3 complex128 = 1 + 1i/3
	T4 Str = "x"
	T5 rune = 'x'
	T6 byte = 255
	T7 float64 = 7
)
`
	fset := token.NewFileSet()
	check := func(src string) *types.Package {
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		conf := types.Config{Importer: importer.Default()}
		pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		return pkg
	}
	orig := check(src)
	var b strings.Builder
	b.WriteString("package p\n\ntype Str string\n\nconst (\n")
	for _, name := range orig.Scope().Names() {
		c, ok := orig.Scope().Lookup(name).(*types.Const)
		if !ok {
			continue
		}
		if basic, ok := c.Type().(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
			b.WriteString("\t" + name + " = " + constValue(c.Val(), basic.Kind()) + "\n")
		} else {
			b.WriteString("\t" + name + " " + types.TypeString(c.Type(), types.RelativeTo(orig)) + " = " + constValue(c.Val(), types.Invalid) + "\n")
		}
	}
	b.WriteString(")\n")
	out := check(b.String())
	for _, name := range orig.Scope().Names() {
		c, ok := orig.Scope().Lookup(name).(*types.Const)
		if !ok {
			continue
		}
		d := out.Scope().Lookup(name).(*types.Const)
		ct, dt := types.TypeString(c.Type(), nil), types.TypeString(d.Type(), nil)
		if ct != dt || c.Val().Kind() != d.Val().Kind() || !constant.Compare(c.Val(), token.EQL, d.Val()) {
			t.Errorf("%s: wrote %s: got %s %s, want %s %s", name, constValue(c.Val(), kindOf(c)), dt, d.Val().ExactString(), ct, c.Val().ExactString())
		}
	}
	if t.Failed() {
		t.Logf("generated:\n%s", b.String())
	}
}

func kindOf(c *types.Const) types.BasicKind {
	if basic, ok := c.Type().(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
		return basic.Kind()
	}
	return types.Invalid
}

func TestFloatLitForms(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"0.5", "0.5"},
		{"0x1p-1074", "0x1p-1074"},
		{"0x1p1023 * (1 + (1 - 0x1p-52))", "0x1fffffffffffffp971"},
		{"1.0 / 3", "(1.0 / 3.0)"},
		{"-1.0 / 3", "(-1.0 / 3.0)"},
		{"7.0", "7.0"},
		{"-0.125", "-0.125"},
	} {
		fset := token.NewFileSet()
		expr, err := parser.ParseExprFrom(fset, "", tc.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		tv, err := types.Eval(fset, nil, token.NoPos, tc.src)
		_ = expr
		if err != nil {
			t.Fatal(err)
		}
		if got := floatLit(exactRat(tv.Value)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.src, got, tc.want)
		}
	}
}
