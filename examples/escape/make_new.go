// new and make: stack-allocated unless they escape, are too large, or
// (make of a slice) have a non-constant size.
package main

var p *int
var m map[int]int

func local() int {
	q := new(int)
	*q = 3
	s := make([]byte, 16)
	return *q + len(s)
}

func escapes() {
	p = new(int)
	m = make(map[int]int)
}

func sized(n int) int {
	s := make([]int, n)
	c := make(chan int, n)
	return len(s) + cap(c)
}

func main() {
	_ = local()
	escapes()
	_ = sized(2)
}
