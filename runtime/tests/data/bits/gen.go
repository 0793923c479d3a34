// Generates bits.out: gc 1.19's math/bits results on uint64 for goscope's tests
// (runtime/tests/stdlib_bits.rs). Regenerate with
//   /usr/lib/go-1.19/bin/go run gen.go > bits.out
// Lines: x y z, then Len LeadingZeros TrailingZeros OnesCount RotateLeft(x, int(y%200)-100)
// Reverse ReverseBytes Add64 Sub64 Mul64 Div64 Rem64 (panics as "panic:MESSAGE").
package main

import (
	"fmt"
	"math/bits"
	"math/rand"
	"strings"
)

func try(f func() string) (s string) {
	defer func() {
		if e := recover(); e != nil {
			s = "panic:" + strings.ReplaceAll(fmt.Sprint(e), " ", "_")
		}
	}()
	return f()
}

func main() {
	r := rand.New(rand.NewSource(9))
	vals := []uint64{0, 1, 2, 3, 1 << 63, 1<<64 - 1, 1<<32 - 1, 1 << 32, 0x8000000000000001, 12345}
	for i := 0; i < 300; i++ {
		vals = append(vals, r.Uint64()>>uint(r.Intn(64)))
	}
	for i, x := range vals {
		y := vals[(i*7+3)%len(vals)]
		z := vals[(i*13+5)%len(vals)] & 1
		k := int(y%200) - 100
		s, c := bits.Add64(x, y, z)
		d, b := bits.Sub64(x, y, z)
		h, l := bits.Mul64(x, y)
		div := try(func() string { q, r := bits.Div64(z*x, y, x); return fmt.Sprint(q, ",", r) })
		rem := try(func() string { return fmt.Sprint(bits.Rem64(y, x, z*x)) })
		fmt.Println(x, y, z, bits.Len64(x), bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x),
			bits.RotateLeft64(x, k), bits.Reverse64(x), bits.ReverseBytes64(x), s, c, d, b, h, l, div, rem)
	}
}
