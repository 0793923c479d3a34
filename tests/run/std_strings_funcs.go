package main

import (
	"fmt"
	"strings"
	"unicode"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func main() {
	inputs := []string{"", " ", "a", "Hello, World", "  lead and trail  ", "\xff\xfeab\xc0", "héllo wörld ǆ", "a,b,,c,", "ß straße", "\t\n\v x \u00a0\u2003y\u3000"}
	for _, s := range inputs {
		fmt.Printf("%q\n", s)
		fmt.Printf(" Map %q %q\n", strings.Map(unicode.ToUpper, s), strings.Map(func(r rune) rune {
			if r == 'l' {
				return -1
			}
			if r == 'o' {
				return 0x10FFFF + 1
			}
			return r
		}, s))
		fmt.Printf(" FieldsFunc %q %q\n", strings.FieldsFunc(s, unicode.IsSpace), strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == 'l' }))
		fmt.Printf(" Fields %q\n", strings.Fields(s))
		fmt.Println(" IndexFunc", strings.IndexFunc(s, unicode.IsUpper), strings.IndexFunc(s, func(r rune) bool { return r == unicode.ReplacementChar }), strings.LastIndexFunc(s, unicode.IsLetter), strings.LastIndexFunc(s, func(r rune) bool { return r == unicode.ReplacementChar }))
		fmt.Printf(" TrimFunc %q %q %q\n", strings.TrimFunc(s, unicode.IsSpace), strings.TrimLeftFunc(s, unicode.IsLetter), strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }))
		b, a, ok := strings.Cut(s, ",")
		fmt.Printf(" Cut %q %q %v\n", b, a, ok)
		b, a, ok = strings.Cut(s, "")
		fmt.Printf(" Cut0 %q %q %v\n", b, a, ok)
		fmt.Printf(" SplitAfter %q %q %q\n", strings.SplitAfter(s, ","), strings.SplitAfter(s, ""), strings.SplitAfterN(s, "l", 2))
		fmt.Printf(" SplitAfterN %q %q %q\n", strings.SplitAfterN(s, ",", 0), strings.SplitAfterN(s, ",", -1), strings.SplitAfterN(s, "", 3))
		fmt.Printf(" SplitN %q %q %q\n", strings.SplitN(s, ",", 2), strings.SplitN(s, "", -1), strings.Split(s, " "))
		fmt.Println(" LastIndexAny", strings.LastIndexAny(s, "lo"), strings.LastIndexAny(s, ""), strings.LastIndexAny(s, "\ufffd"), strings.IndexAny(s, "\ufffdö"), strings.LastIndexByte(s, 'l'), strings.LastIndexByte(s, 0xff))
		fmt.Printf(" Case %q %q %q %q\n", strings.ToTitle(s), strings.ToUpper(s), strings.ToLower(s), strings.Title(s))
		fmt.Println(" Compare", strings.Compare(s, "b"), strings.Compare("b", s), strings.Compare(s, s))
		fmt.Printf(" Clone %q\n", strings.Clone(s))
		fmt.Printf(" ToValidUTF8 %q %q\n", strings.ToValidUTF8(s, "?"), strings.ToValidUTF8(s, ""))
		fmt.Printf(" Trim %q %q %q %q %q\n", strings.Trim(s, " ,a"), strings.TrimLeft(s, "\xff"), strings.TrimRight(s, "\xc0b"), strings.TrimPrefix(s, "he"), strings.TrimSuffix(s, "c,"))
		fmt.Println(" Count", strings.Count(s, ""), strings.Count(s, "l"), strings.Index(s, "ll"), strings.LastIndex(s, "l"), strings.IndexRune(s, 'ö'), strings.IndexRune(s, unicode.ReplacementChar), strings.IndexByte(s, 'o'))
		fmt.Println(" EqualFold", strings.EqualFold(s, strings.ToUpper(s)), strings.ContainsAny(s, "xyz"), strings.ContainsRune(s, 'ö'), strings.Contains(s, ""))
	}
	fmt.Println(strings.EqualFold("K", "\u212a"), strings.EqualFold("ß", "SS"), strings.EqualFold("σ", "ς"))
	fmt.Printf("%q\n", strings.ToValidUTF8("a\xff\xfe\xfdb\xffc", "\ufffd"))
	calls := 0
	strings.Map(func(r rune) rune { calls++; return r }, "abc\xff")
	strings.FieldsFunc("a b c", func(r rune) bool { calls++; return r == ' ' })
	strings.TrimFunc("  x  ", func(r rune) bool { calls++; return r == ' ' })
	fmt.Println("calls", calls)
	try("Map panics", func() {
		strings.Map(func(r rune) rune {
			if r == 'b' {
				panic("b!")
			}
			return r
		}, "abc")
	})
	try("nil func", func() { strings.IndexFunc("abc", nil) })
	try("nil func empty", func() { fmt.Println(strings.IndexFunc("", nil)) })
	try("Repeat", func() { strings.Repeat("x", -1) })
	up := strings.ToUpper
	fmt.Println(up("value"), strings.Map(unicode.ToLower, "ABC"))
}
