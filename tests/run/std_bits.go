package main

import (
	"fmt"
	"math/bits"
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
	u64s := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0xdeadbeef, 1 << 31, 1<<32 - 1, 1 << 63, 1<<64 - 1, 0x0123456789abcdef}
	for _, x := range u64s {
		fmt.Println(x, bits.Len(uint(x)), bits.Len64(x), bits.Len32(uint32(x)), bits.Len16(uint16(x)), bits.Len8(uint8(x)))
		fmt.Println(" lz", bits.LeadingZeros(uint(x)), bits.LeadingZeros64(x), bits.LeadingZeros32(uint32(x)), bits.LeadingZeros16(uint16(x)), bits.LeadingZeros8(uint8(x)))
		fmt.Println(" tz", bits.TrailingZeros(uint(x)), bits.TrailingZeros64(x), bits.TrailingZeros32(uint32(x)), bits.TrailingZeros16(uint16(x)), bits.TrailingZeros8(uint8(x)))
		fmt.Println(" oc", bits.OnesCount(uint(x)), bits.OnesCount64(x), bits.OnesCount32(uint32(x)), bits.OnesCount16(uint16(x)), bits.OnesCount8(uint8(x)))
		fmt.Println(" rev", bits.Reverse(uint(x)), bits.Reverse64(x), bits.Reverse32(uint32(x)), bits.Reverse16(uint16(x)), bits.Reverse8(uint8(x)))
		fmt.Println(" rb", bits.ReverseBytes(uint(x)), bits.ReverseBytes64(x), bits.ReverseBytes32(uint32(x)), bits.ReverseBytes16(uint16(x)))
		for _, k := range []int{-65, -9, -1, 0, 1, 3, 8, 17, 33, 64, 100} {
			fmt.Println(" rot", k, bits.RotateLeft(uint(x), k), bits.RotateLeft64(x, k), bits.RotateLeft32(uint32(x), k), bits.RotateLeft16(uint16(x), k), bits.RotateLeft8(uint8(x), k))
		}
	}
	for _, x := range u64s {
		for _, y := range u64s[len(u64s)-5:] {
			for _, c := range []uint64{0, 1} {
				s, co := bits.Add64(x, y, c)
				d, bo := bits.Sub64(x, y, c)
				s32, co32 := bits.Add32(uint32(x), uint32(y), uint32(c))
				d32, bo32 := bits.Sub32(uint32(x), uint32(y), uint32(c))
				su, cou := bits.Add(uint(x), uint(y), uint(c))
				du, bou := bits.Sub(uint(x), uint(y), uint(c))
				fmt.Println(x, y, c, s, co, d, bo, s32, co32, d32, bo32, su, cou, du, bou)
			}
			hi, lo := bits.Mul64(x, y)
			hi32, lo32 := bits.Mul32(uint32(x), uint32(y))
			hiu, lou := bits.Mul(uint(x), uint(y))
			fmt.Println(" mul", hi, lo, hi32, lo32, hiu, lou)
			if y != 0 {
				q, r := bits.Div64(x%y, lo, y)
				fmt.Println(" div", q, r, bits.Rem64(hi, lo, y), bits.Rem(uint(hi), uint(lo), uint(y)))
			}
			if uint32(y) != 0 {
				q, r := bits.Div32(uint32(x)%uint32(y), lo32, uint32(y))
				fmt.Println(" div32", q, r, bits.Rem32(hi32, lo32, uint32(y)))
			}
		}
	}
	try("Div64 zero", func() { bits.Div64(0, 1, 0) })
	try("Div64 overflow", func() { bits.Div64(5, 1, 5) })
	try("Div zero", func() { bits.Div(0, 1, 0) })
	try("Div32 zero", func() { bits.Div32(0, 1, 0) })
	try("Div32 overflow", func() { bits.Div32(7, 1, 3) })
	try("Rem64 zero", func() { bits.Rem64(1, 1, 0) })
	try("Rem32 zero", func() { bits.Rem32(1, 1, 0) })
	fmt.Println(bits.Rem64(7, 1, 3), bits.Rem32(7, 1, 3))
	f := bits.OnesCount
	fmt.Println(f(7), bits.UintSize)
}
