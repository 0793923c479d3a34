package main

import "fmt"

type C struct{ n int }

func inc(c *C) int { c.n++; return c.n }

var g int

func setg() int { g = 10; return 1 }

func main() {
	c := &C{}
	fmt.Println(c.n, inc(c))
	x := 1
	f := func() int { x = 5; return 2 }
	fmt.Println(x, f())
	println(g, setg())
	a := []int{g, setg()}
	fmt.Println(a)
	y := 3
	s := fmt.Sprint(y, func() int { y = 4; return 0 }())
	fmt.Println(s, x+0, f())
	m := map[string]int{"a": x, "b": f()}
	fmt.Println(m)
}
