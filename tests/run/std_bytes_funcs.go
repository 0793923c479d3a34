package main

import (
	"bytes"
	"fmt"
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

func show(name string, b []byte) {
	fmt.Printf("  %s %q nil=%v len=%d cap=%d\n", name, b, b == nil, len(b), cap(b))
}

func shows(name string, bs [][]byte) {
	fmt.Printf("  %s nil=%v len=%d:", name, bs == nil, len(bs))
	for _, b := range bs {
		fmt.Printf(" %q/%d", b, cap(b))
	}
	fmt.Println()
}

func main() {
	inputs := []string{"", " ", "a", "Hello, World", "  lead and trail  ", "\xff\xfeab\xc0", "héllo wörld ǆ", "a,b,,c,", "ß straße", "\t\n\v x \u00a0\u2003y\u3000", "hello"}
	var nilb []byte
	fmt.Println(bytes.Equal(nilb, []byte{}), bytes.Compare(nilb, []byte("a")), bytes.Compare([]byte("b"), []byte("a")))
	for _, in := range inputs {
		// A slice with spare capacity, to see what results alias.
		s := make([]byte, len(in), len(in)+5)
		copy(s, in)
		fmt.Printf("%q\n", in)
		fmt.Println("  Equal", bytes.Equal(s, []byte(in)), bytes.Compare(s, []byte("b")), bytes.Contains(s, []byte("l")), bytes.ContainsAny(s, "xyz,"), bytes.ContainsRune(s, 'ö'), bytes.Count(s, nil), bytes.Count(s, []byte("l")))
		fmt.Println("  Index", bytes.Index(s, []byte("ll")), bytes.IndexAny(s, "\ufffdö"), bytes.IndexByte(s, 'o'), bytes.IndexRune(s, 'ö'), bytes.IndexRune(s, unicode.ReplacementChar), bytes.LastIndex(s, []byte("l")), bytes.LastIndexAny(s, "lo"), bytes.LastIndexByte(s, 'l'))
		fmt.Println("  Func", bytes.IndexFunc(s, unicode.IsUpper), bytes.LastIndexFunc(s, unicode.IsLetter), bytes.HasPrefix(s, []byte("he")), bytes.HasSuffix(s, []byte("lo")), bytes.EqualFold(s, bytes.ToUpper(s)))
		b, a, ok := bytes.Cut(s, []byte(","))
		show("Cut.before", b)
		show("Cut.after", a)
		fmt.Println("  found", ok)
		show("Trim", bytes.Trim(s, " ,a"))
		show("TrimLeft", bytes.TrimLeft(s, "\xff"))
		show("TrimLeft all", bytes.TrimLeft(s, in))
		show("TrimRight", bytes.TrimRight(s, "\xc0b"))
		show("TrimRight all", bytes.TrimRight(s, in))
		show("Trim empty cutset", bytes.Trim(s, ""))
		show("TrimSpace", bytes.TrimSpace(s))
		show("TrimPrefix", bytes.TrimPrefix(s, []byte("he")))
		show("TrimSuffix", bytes.TrimSuffix(s, []byte("c,")))
		show("TrimFunc", bytes.TrimFunc(s, unicode.IsSpace))
		show("TrimLeftFunc", bytes.TrimLeftFunc(s, unicode.IsLetter))
		show("TrimRightFunc", bytes.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }))
		shows("Split", bytes.Split(s, []byte(",")))
		shows("Split empty", bytes.Split(s, nil))
		shows("SplitN", bytes.SplitN(s, []byte("l"), 2))
		shows("SplitN 0", bytes.SplitN(s, []byte("l"), 0))
		shows("SplitN empty 3", bytes.SplitN(s, nil, 3))
		shows("SplitAfter", bytes.SplitAfter(s, []byte(",")))
		shows("SplitAfterN", bytes.SplitAfterN(s, []byte("l"), -1))
		shows("Fields", bytes.Fields(s))
		shows("FieldsFunc", bytes.FieldsFunc(s, func(r rune) bool { return r == ',' || r == 'l' }))
		show("Map", bytes.Map(unicode.ToUpper, s))
		show("Map drop", bytes.Map(func(r rune) rune {
			if r == 'l' {
				return -1
			}
			return r
		}, s))
		show("ToUpper", bytes.ToUpper(s))
		show("ToLower", bytes.ToLower(s))
		show("ToTitle", bytes.ToTitle(s))
		show("Title", bytes.Title(s))
		show("Repeat", bytes.Repeat(s, 2))
		show("Repeat 0", bytes.Repeat(s, 0))
		show("Replace", bytes.Replace(s, []byte("l"), []byte("L"), 1))
		show("Replace none", bytes.Replace(s, []byte("zz"), []byte("L"), -1))
		show("ReplaceAll", bytes.ReplaceAll(s, []byte(""), []byte("-")))
		show("Join", bytes.Join([][]byte{s, s}, []byte("+")))
		show("Join1", bytes.Join([][]byte{s}, []byte("+")))
		show("ToValidUTF8", bytes.ToValidUTF8(s, []byte("?")))
		fmt.Println("  Runes", bytes.Runes(s), len(bytes.Runes(s)))
		// Aliasing: writes through a result show in s.
		if t := bytes.TrimSpace(s); len(t) > 0 {
			t[0] = '#'
			fmt.Printf("  aliased %q\n", s)
		}
	}
	show("Join0", bytes.Join(nil, []byte("+")))
	show("Map empty", bytes.Map(unicode.ToUpper, nil))
	show("ToUpper nil", bytes.ToUpper(nil))
	shows("Fields nil", bytes.Fields(nil))
	buf := bytes.NewBufferString("hello")
	buf.WriteString(" world")
	fmt.Println(buf.String(), buf.Len(), buf.Cap())
	buf2 := bytes.NewBuffer([]byte("xy"))
	buf2.WriteByte('z')
	fmt.Println(buf2.String(), buf2.Len())
	buf3 := bytes.NewBuffer(make([]byte, 0, 100))
	buf3.WriteString("abc")
	fmt.Println(buf3.String(), buf3.Cap())
	fmt.Println(bytes.NewBufferString("").Len(), bytes.NewBuffer(nil).String())
	try("Repeat negative", func() { bytes.Repeat([]byte("x"), -1) })
	try("Repeat overflow", func() { bytes.Repeat([]byte("xx"), 1<<62) })
	try("IndexFunc nil", func() { bytes.IndexFunc([]byte("a"), nil) })
}
