package main

type P struct {
	x, y int
	s    string
	f    float64
}

type A [3]string

func main() {
	a := P{1, 2, "hi", 0.5}
	b := P{1, 2, "h" + "i", 0.5}
	println(a == b, a != b)
	b.f = -0.0
	a.f = 0.0
	println(a == b)
	a.s = "ho"
	println(a == b, a != b)
	x := A{"a", "b", "c"}
	y := x
	println(x == y)
	y[2] = "d"
	println(x == y, x != A{"a", "b", "d"})
	var c1 complex128 = 1 + 2i
	c2 := complex128(1) + 2i
	println(c1 == c2, c1 != 1+3i)
	type E struct{}
	println(E{} == E{})
	switch b {
	case P{1, 2, "hi", 0}:
		println("case 1")
	case a:
		println("case a")
	default:
		println("default")
	}
}
