// Generates utf8.out: gc 1.19's unicode/utf8 decoding of every 1- and 2-byte sequence,
// sampled 3- and 4-byte sequences, and RuneLen/ValidRune/AppendRune around the edges,
// for goscope's tests (runtime/tests/stdlib_utf8.rs). Regenerate with
//   /usr/lib/go-1.19/bin/go run gen.go > utf8.out
// Lines: "dec HEX rune size lastrune lastsize valid count" and "enc RUNE len valid HEX".
package main

import (
	"encoding/hex"
	"fmt"
	"math/rand"
	"unicode/utf8"
)

func dec(b []byte) {
	r, n := utf8.DecodeRune(b)
	lr, ln := utf8.DecodeLastRune(b)
	fmt.Printf("dec %s %d %d %d %d %t %d\n", hex.EncodeToString(b), r, n, lr, ln, utf8.Valid(b), utf8.RuneCount(b))
}

func main() {
	for i := 0; i < 256; i++ {
		dec([]byte{byte(i)})
		for j := 0; j < 256; j += 3 {
			dec([]byte{byte(i), byte(j)})
		}
	}
	r := rand.New(rand.NewSource(5))
	lead := []byte{0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0x80, 0x41}
	cont := []byte{0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0x41}
	for _, a := range lead {
		for _, b := range cont {
			for _, c := range cont {
				dec([]byte{a, b, c})
				for _, d := range cont {
					if r.Intn(3) == 0 {
						dec([]byte{a, b, c, d})
					}
				}
			}
		}
	}
	for i := 0; i < 500; i++ {
		b := make([]byte, r.Intn(9))
		r.Read(b)
		dec(b)
	}
	for _, c := range []rune{-1, 0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, 1 << 30} {
		fmt.Printf("enc %d %d %t %s\n", c, utf8.RuneLen(c), utf8.ValidRune(c), hex.EncodeToString(utf8.AppendRune(nil, c)))
	}
}
