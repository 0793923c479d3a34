package main

import (
	"fmt"
	"unicode/utf8"
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
	ins := []string{"", "a", "é", "\xe2\x82", "\xe2\x82\xac", "\xf0\x9f", "\xf0\x9f\x98", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xc0\x80", "\xff", "\xf4\x90\x80\x80", "héllo", "\xe0\x80"}
	for _, s := range ins {
		p := []byte(s)
		r, n := utf8.DecodeRune(p)
		lr, ln := utf8.DecodeLastRune(p)
		fmt.Printf("%q %U %d %U %d count=%d valid=%v full=%v %v start=%v\n", s, r, n, lr, ln, utf8.RuneCount(p), utf8.Valid(p), utf8.FullRune(p), utf8.FullRuneInString(s), len(p) > 0 && utf8.RuneStart(p[0]))
	}
	for _, r := range []rune{0, 'a', 0x7f, 0x80, 'é', 0x7ff, 0x800, '€', 0xd800, 0xdfff, 0xffff, 0x10000, 0x10ffff, 0x110000, -1} {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		var a []byte
		a = utf8.AppendRune(a, r)
		b := utf8.AppendRune([]byte("xy"), r)
		fmt.Printf("%U %d % x %q %d %q %d\n", r, n, buf[:n], a, cap(a), b, cap(b))
	}
	buf := make([]byte, 0, 10)
	for i := 0; i < 6; i++ {
		buf = utf8.AppendRune(buf, '€')
		fmt.Println(len(buf), cap(buf))
	}
	try("EncodeRune short", func() { utf8.EncodeRune(make([]byte, 2), '€') })
	try("EncodeRune empty", func() { utf8.EncodeRune(nil, 'a') })
	try("EncodeRune 4", func() { utf8.EncodeRune(make([]byte, 3), 0x1F600) })
	try("EncodeRune invalid", func() { utf8.EncodeRune(make([]byte, 1), -5) })
}
