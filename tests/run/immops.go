// Integer operations with a constant operand (the VM's immediate forms:
// MulIK, DivSK, RemSK, DivUK, RemUK, AndK, OrK, XorK, ShlK, ShrSK, ShrUK)
// and comparisons with a constant (JEqK, JNeK), on every width, with
// negative dividends and power-of-two divisors.
package main

import "fmt"

func signed64(xs []int) {
	for _, x := range xs {
		fmt.Println("int", x, x*7, 3*x, x*-5, x/4, x%4, x/-4, x%-4, x/1, x%1, x/-1, x%-1)
		fmt.Println("    ", x/3, x%3, x/1000000007, x%1000000007, x/-7, x%-7, x/2, x%2)
		fmt.Println("    ", x&-16, x&0xff, x|-256, x|5, x^-1, x^0x55, x&^15, 12&x, 7|x, 9^x)
		fmt.Println("    ", x<<1, x<<13, x<<63, x>>1, x>>7, x>>63, x<<0, x>>0)
		x0 := x
		x0 *= 9
		x0 /= 8
		x0 %= 1000
		x0 <<= 3
		x0 >>= 1
		x0 &= 0x3ff
		x0 |= 0x400
		x0 ^= 0x111
		x0 &^= 1
		fmt.Println("     op=", x0)
	}
}

func unsigned64(xs []uint64) {
	for _, x := range xs {
		fmt.Println("uint64", x, x*7, x/8, x%8, x/3, x%3, x/1, x%1)
		fmt.Println("    ", x&0xff, x|0x100, x^0xffff, x&^0xf, x<<4, x>>4, x>>63, x<<63)
	}
}

func narrow(xs []int8, us []uint8, ws []int16, vs []uint32, ys []int32) {
	for _, x := range xs {
		fmt.Println("int8", x, x*3, x/-1, x%-1, x/2, x%2, x/-2, x<<1, x>>1, x<<7, x^-1, x&-2, x|1)
	}
	for _, u := range us {
		fmt.Println("uint8", u, u*3, u/16, u%16, u/3, u<<1, u>>1, u<<7, u^0xff, u&0x0f, u|0x80)
	}
	for _, w := range ws {
		fmt.Println("int16", w, w*300, w/256, w%256, w<<4, w>>4, w^-1)
	}
	for _, v := range vs {
		fmt.Println("uint32", v, v*5, v/16, v%16, v<<4, v>>4, v^0xffff)
	}
	for _, y := range ys {
		fmt.Println("int32", y, y*5, y/16, y%16, y<<4, y>>4, y/-3, y%-3)
	}
}

func compare(xs []int, us []uint) {
	for _, x := range xs {
		if x == 3 {
			fmt.Println(x, "== 3")
		}
		if x != -2 {
			fmt.Println(x, "!= -2")
		}
		if 5 == x {
			fmt.Println(x, "5 ==")
		}
		if 0 < x {
			fmt.Println(x, "0 <")
		}
		if 2 >= x {
			fmt.Println(x, "2 >=")
		}
		if -1 > x {
			fmt.Println(x, "-1 >")
		}
		if 3 <= x {
			fmt.Println(x, "3 <=")
		}
		if !(x == 1) {
			fmt.Println(x, "!(== 1)")
		}
	}
	for _, u := range us {
		if 1 < u {
			fmt.Println(u, "1 < u")
		}
		if 3 >= u {
			fmt.Println(u, "3 >= u")
		}
		if u != 0 {
			fmt.Println(u, "u != 0")
		}
	}
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n = n / 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func main() {
	signed64([]int{0, 1, -1, 7, -7, 8, -8, 1000000008, -1000000008, 9223372036854775807, -9223372036854775808})
	unsigned64([]uint64{0, 1, 7, 8, 255, 1 << 63, 18446744073709551615})
	narrow([]int8{0, 1, -1, 127, -128, -3},
		[]uint8{0, 1, 127, 128, 255},
		[]int16{0, -1, 32767, -32768, 300},
		[]uint32{0, 1, 4294967295, 2147483648},
		[]int32{0, -1, 2147483647, -2147483648, -17})
	compare([]int{-3, -2, -1, 0, 1, 2, 3, 4, 5}, []uint{0, 1, 2, 3, 4, 18446744073709551615})
	fmt.Println(collatz(27), collatz(97), collatz(871))
}
