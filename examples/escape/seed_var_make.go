// The seed document's fourth case: make with a size the compiler cannot
// know (l is a variable) always allocates on the heap.
package main

func test() {
	l := 1
	a := make([]int, l, l)
	for i := 0; i < l; i++ {
		a[i] = i
	}
}

func main() {
	test()
}
