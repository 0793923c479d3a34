package main

const (
	a = iota
	b
	c = 1 << 100
	d int8 = 200
	e = c * c * c * c * c * c
)

const big = 1 << 600

func main() {
	var x int = c
	const s = "abc" + 1
	var y = 10 / 0
	var z uint8 = 1 << 8
	_, _, _ = x, y, z
	_ = big
}
