package main

func main() {
	var a int8 = 100
	a += 100
	println(a)
	var b uint16 = 65535
	b += 2
	println(b)
	var c int32 = -2147483648
	c = -c
	println(c)
	var d uint32 = 1
	d <<= 31
	d <<= 1
	println(d)
	x := -7
	println(x/2, x%2, x>>1, uint(x)>>60)
	var s uint = 70
	println(1<<s, int64(-1)>>s)
	println(^0, ^uint8(3))
	var f32 float32 = 1.0 / 3.0
	f := 1.0 / 3.0
	println(f32, f, float64(f32) == f)
	g, h := 2.9, -2.9
	println(int(g), int(h), uint8(int(300)&0xff))
	println(7&^5, 6|1, 6^3)
	var m int64 = -9223372036854775808
	println(m/-1, m%-1)
	big := 1e300
	println(big*big, -big*big, big*big-big*big)
	println(true && false, true || false, !true)
}
