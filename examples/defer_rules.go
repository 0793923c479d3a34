// defer: arguments are evaluated at the defer statement, deferred calls
// run last-in first-out, and they can change named results.
package main

import "fmt"

func incr(a int) (b int) {
	defer func() {
		a++
		b++
	}()
	a++
	return a
}

func anonymous() int {
	x := 1
	defer func() { x++ }()
	return x
}

func named() (x int) {
	x = 1
	defer func() { x++ }()
	return x
}

func args() {
	i := 1
	defer fmt.Println("deferred with i =", i)
	i = 2
	fmt.Println("i is now", i)
}

func main() {
	var a, b int
	b = incr(a)
	fmt.Println(a, b)

	fmt.Println(anonymous(), named())
	args()

	for i := 0; i < 3; i++ {
		defer fmt.Println("LIFO", i)
	}
}
