package main

import "fmt"

type C struct{ n int }

func (c *C) inc() int { c.n++; return c.n }
func (c C) get() int  { return c.n }

var g, i int
var s = []int{1, 2, 3}

func setg(v int) int { g = v; return v }
func bump() int      { i++; return i }
func grow() int      { s = append(s, 9); return len(s) }

func two() (int, int) { g += 100; return g, 1 }

func ret() (int, int) { return g, setg(7) }

func main() {
	c := &C{}
	fmt.Println(c.n, c.inc(), c.n, c.get())
	x := g + setg(3)
	fmt.Println(x, g)
	arr := []int{10, 20, 30, 40}
	i = 0
	arr[i] = bump()
	fmt.Println(arr, i)
	fmt.Println(len(s), grow(), len(s), s[len(s)-1])
	fmt.Println(ret())
	if g == setg(11) {
		fmt.Println("equal", g)
	}
	switch g + setg(20) {
	case 40:
		fmt.Println("forty")
	default:
		fmt.Println("other", g)
	}
	y := g > 0 && setg(1) == 1 || setg(2) == 0
	fmt.Println(y, g)
	defer fmt.Println("deferred", g, setg(50))
	a, b := two()
	fmt.Println(a, b)
	m := map[string]int{"k": g}
	fmt.Println(m["k"], setg(60), m, g)
	t := [3]int{g, setg(70), g}
	fmt.Println(t)
	p := &C{n: g}
	q := C{n: setg(80) + p.n}
	fmt.Println(q, p.n)
	var e interface{} = g
	fmt.Println(e, setg(90))
	str := "hello"
	fmt.Println(str[1:g/30], setg(3))
	func() {
		defer func() { fmt.Println("recovered", recover(), g) }()
		fmt.Println(arr[g*2], setg(5))
	}()
	for k := 0; k < setg(k+1)+g-2; k++ {
		fmt.Println("loop", k, g)
	}
}
