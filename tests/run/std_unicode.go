package main

import (
	"fmt"
	"unicode"
)

// Every predicate and mapping over every rune (and some out of range),
// summarized: the count of runes in each class and a hash of the mappings.
func main() {
	preds := []struct {
		name string
		f    func(rune) bool
	}{
		{"IsControl", unicode.IsControl},
		{"IsDigit", unicode.IsDigit},
		{"IsGraphic", unicode.IsGraphic},
		{"IsLetter", unicode.IsLetter},
		{"IsLower", unicode.IsLower},
		{"IsMark", unicode.IsMark},
		{"IsNumber", unicode.IsNumber},
		{"IsPrint", unicode.IsPrint},
		{"IsPunct", unicode.IsPunct},
		{"IsSpace", unicode.IsSpace},
		{"IsSymbol", unicode.IsSymbol},
		{"IsTitle", unicode.IsTitle},
		{"IsUpper", unicode.IsUpper},
	}
	maps := []struct {
		name string
		f    func(rune) rune
	}{
		{"ToUpper", unicode.ToUpper},
		{"ToLower", unicode.ToLower},
		{"ToTitle", unicode.ToTitle},
		{"SimpleFold", unicode.SimpleFold},
	}
	const step = 1
	for _, p := range preds {
		n, h := 0, uint32(0)
		for r := rune(-2); r <= unicode.MaxRune+2; r += step {
			if p.f(r) {
				n++
				h = h*31 + uint32(r)
			}
		}
		fmt.Println(p.name, n, h)
	}
	for _, m := range maps {
		n, h := 0, uint32(0)
		for r := rune(-2); r <= unicode.MaxRune+2; r += step {
			if v := m.f(r); v != r {
				n++
				h = h*31 + uint32(v)
			}
		}
		fmt.Println(m.name, n, h)
	}
	for _, r := range []rune{'a', 'A', 'ǆ', 'ǅ', 'ß', 'K', 'k', '\u212a', 'ſ', 'σ', 'ς', 'Σ', '1', -1, 0x110000, 'µ', 'ÿ'} {
		fmt.Println(r, unicode.To(unicode.UpperCase, r), unicode.To(unicode.LowerCase, r), unicode.To(unicode.TitleCase, r), unicode.To(3, r), unicode.To(-1, r), unicode.SimpleFold(r))
	}
	fmt.Println(unicode.Version, unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1)
}
