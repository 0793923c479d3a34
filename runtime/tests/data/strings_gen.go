// Generates strings_gc.txt: how gc 1.19 decodes and encodes runes. Run with
//   /usr/lib/go-1.19/bin/go run strings_gen.go > strings_gc.txt
// Lines: "range HEX: i:r i:r ..." (for range over the bytes HEX),
// "intstring64 V: HEX" (string(v) of the int64 itself),
// "runes HEX: r r ..." ([]rune(s)), "fromrunes R R ...: HEX"
// (string([]rune{...})), "intstring V: HEX" (string(rune(v)) for an
// int64 v), "bytescap N: C" (cap([]byte(s)) of an escaping result).
package main

import (
	"encoding/hex"
	"fmt"
)

var sink []byte

func main() {
	inputs := []string{
		"", "a", "héllo", "日本語", "a\xffb", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\xf0\x9f\x98\x80x", "\xe6\x97", "\xe6\x97\xa5\xe6", "\xc2", "\xf8\x88\x80\x80\x80",
		"\xef\xbf\xbd", "\xc1\xbf", "\xe0\x9f\xbf", "\xf0\x8f\xbf\xbf", "\x7f\x80\xbf",
	}
	for _, s := range inputs {
		fmt.Printf("range %s:", hex.EncodeToString([]byte(s)))
		for i, r := range s {
			fmt.Printf(" %d:%d", i, r)
		}
		fmt.Println()
		fmt.Printf("runes %s:", hex.EncodeToString([]byte(s)))
		for _, r := range []rune(s) {
			fmt.Printf(" %d", r)
		}
		fmt.Println()
	}
	runeLists := [][]rune{{}, {65}, {0x65e5, -1}, {0xD800, 0x10FFFF, 0x110000, 0x7FF, 0x800, 0xFFFF, 0x10000}}
	for _, rs := range runeLists {
		fmt.Print("fromrunes")
		for _, r := range rs {
			fmt.Printf(" %d", r)
		}
		fmt.Printf(": %s\n", hex.EncodeToString([]byte(string(rs))))
	}
	for _, v := range []int64{0, 65, 0x7FF, 0xD800, 0x10FFFF, 0x110000, -1, 1 << 32, 1<<32 + 65} {
		fmt.Printf("intstring %d: %s\n", v, hex.EncodeToString([]byte(string(rune(v)))))
		fmt.Printf("intstring64 %d: %s\n", v, hex.EncodeToString([]byte(string(v))))
	}
	for _, n := range []int{0, 1, 3, 8, 9, 33, 100, 1000, 5000} {
		s := string(make([]byte, n))
		sink = []byte(s)
		fmt.Printf("bytescap %d: %d\n", n, cap(sink))
	}
}
