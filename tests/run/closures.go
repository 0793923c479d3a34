package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int { return f(x) }

func double(x int) int { return 2 * x }

func fibs() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	c := counter()
	c()
	c()
	fmt.Println(c(), apply(double, 21))
	k := 10
	add := func(x int) int { return x + k }
	fmt.Println(apply(add, 5))
	f := fibs()
	for i := 0; i < 10; i++ {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	total := 0
	for _, v := range []int{1, 2, 3} {
		func() { total += v }()
	}
	fmt.Println(total)
	var nilf func()
	if nilf == nil {
		fmt.Println("nil func")
	}
}
