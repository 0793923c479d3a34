// Checked element loads and stores of slices and strings (the VM's
// LoadIdx*/StoreIdx* forms) for every scalar width, range loops that load
// elements straight into their variable, `if c { break }` as one jump,
// and gc's order: the right side of `s[i] = f()` is evaluated before the
// index is checked.
package main

import "fmt"

type T struct{ a, b int }

var g []int

func f() int {
	fmt.Println("f called")
	return 1
}

func try(name string, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "recovered:", r)
		}
	}()
	fn()
}

func main() {
	i8 := []int8{-1, 2, -128}
	u8 := []uint8{255, 1, 128}
	i16 := []int16{-1, 300, -32768}
	u16 := []uint16{65535, 1, 32768}
	i32 := []int32{-1, 70000, -2147483648}
	u32 := []uint32{4294967295, 1, 2147483648}
	i64 := []int64{-1, 1 << 40, -9223372036854775808}
	f32 := []float32{1.5, -2.25, 3}
	f64 := []float64{1.5, -2.25, 1e300}
	bs := []bool{true, false, true}
	x, y := 1, 2
	ps := []*int{&x, nil, &y}
	s := "héllo"
	for i := 0; i < 3; i++ {
		fmt.Println(i8[i], u8[i], i16[i], u16[i], i32[i], u32[i], i64[i], f32[i], f64[i], bs[i], ps[i] == nil, s[i])
	}
	for i := 0; i < 3; i++ {
		i8[i] = int8(i) - 100
		u8[i] += 10
		i16[i] *= 3
		u16[i]--
		i32[i] = -i32[i]
		u32[i] >>= 1
		i64[i] ^= 0x5555
		f32[i] *= 2
		f64[i] /= 4
		bs[i] = !bs[i]
		ps[i] = &x
	}
	for i := 0; i < 3; i++ {
		fmt.Println(i8[i], u8[i], i16[i], u16[i], i32[i], u32[i], i64[i], f32[i], f64[i], bs[i], *ps[i])
	}
	// Range loops: the value straight into the variable, also for assigned
	// variables and over arrays.
	sum := 0
	for _, v := range i64 {
		sum += int(v & 0xff)
	}
	var v8 uint8
	for _, v8 = range u8 {
		sum += int(v8)
	}
	arr := [4]int16{1, -2, 3, -4}
	for i, v := range arr {
		arr[3-i] = 10 // the loop ranges over a copy
		sum += int(v)
	}
	fmt.Println("sum", sum, arr[0], arr[3])
	// if c { break } / continue / labeled.
	n := 0
outer:
	for i := 0; ; i++ {
		for j := 0; j < 10; j++ {
			if j == 3 {
				continue
			}
			if j > 5 {
				break
			}
			if i*j > 20 {
				break outer
			}
			n += j
		}
	}
	fmt.Println("n", n)
	// Sieve: stores of a constant and loads of bool elements.
	composite := make([]bool, 100)
	var primes []int
	for i := 2; i < 100; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j < 100; j += i {
			composite[j] = true
		}
	}
	fmt.Println(len(primes), primes[0], primes[len(primes)-1])
	// Bounds errors, loads and stores.
	k := 3
	try("load", func() { fmt.Println(i64[k]) })
	try("store", func() { u8[k] = 1 })
	try("negative", func() { m := -1; i16[m] = 1 })
	try("op=", func() { i32[k] += 1 })
	try("string", func() { fmt.Println(s[k+10]) })
	try("nil slice", func() { var z []int; z[0] = 1 })
	try("order", func() { g[k] = f() })
	ts := []T{{1, 2}}
	ts[0].b = 5
	fmt.Println(ts[0].a, ts[0].b)
	u16[k+1] = 7
}
