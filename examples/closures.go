// A func value points to a funcval {fn, captured...}; closures that capture
// the same variable share it (captured by reference).
package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	inc := func() int {
		n++
		return n
	}
	reset := func() { n = 0 }
	return inc, reset
}

func main() {
	inc, reset := counter()
	fmt.Println(inc(), inc(), inc())
	reset()
	fmt.Println(inc())

	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i }) // one i for the whole loop (Go 1.19)
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var gs []func() int
	for i := 0; i < 3; i++ {
		i := i
		gs = append(gs, func() int { return i * i })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	x := 10
	byValue := func(v int) func() int { return func() int { return v } }(x)
	x = 20
	fmt.Println(byValue(), x)
}
