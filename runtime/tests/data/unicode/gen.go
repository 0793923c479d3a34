// Generates unicode.out: gc 1.19's unicode predicates and case mappings over every rune,
// for goscope's tests (runtime/tests/stdlib_unicode.rs). Regenerate with
//   /usr/lib/go-1.19/bin/go run gen.go > unicode.out
// Predicates are listed as the runes where the answer changes ("pred NAME RUNE BOOL");
// mappings as every rune the function changes ("map NAME RUNE RESULT").
package main

import (
	"fmt"
	"unicode"
)

func main() {
	preds := []struct {
		name string
		f    func(rune) bool
	}{
		{"IsLetter", unicode.IsLetter}, {"IsUpper", unicode.IsUpper}, {"IsLower", unicode.IsLower},
		{"IsTitle", unicode.IsTitle}, {"IsMark", unicode.IsMark}, {"IsNumber", unicode.IsNumber},
		{"IsDigit", unicode.IsDigit}, {"IsPunct", unicode.IsPunct}, {"IsSymbol", unicode.IsSymbol},
		{"IsSpace", unicode.IsSpace}, {"IsControl", unicode.IsControl}, {"IsPrint", unicode.IsPrint},
		{"IsGraphic", unicode.IsGraphic},
	}
	for _, p := range preds {
		prev := false
		for r := rune(-2); r <= 0x110001; r++ {
			if v := p.f(r); v != prev {
				fmt.Println("pred", p.name, r, v)
				prev = v
			}
		}
	}
	maps := []struct {
		name string
		f    func(rune) rune
	}{
		{"ToUpper", unicode.ToUpper}, {"ToLower", unicode.ToLower}, {"ToTitle", unicode.ToTitle},
		{"SimpleFold", unicode.SimpleFold},
	}
	for _, m := range maps {
		for r := rune(-2); r <= 0x110001; r++ {
			if v := m.f(r); v != r {
				fmt.Println("map", m.name, r, v)
			}
		}
	}
}
