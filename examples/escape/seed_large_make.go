// The seed document's third case: a constant-size make whose backing
// array is over 64 KB (10000 ints = 80000 bytes) is an implicit
// allocation too large for the stack.
package main

func test() {
	a := make([]int, 10000, 10000)
	for i := 0; i < 10000; i++ {
		a[i] = i
	}
}

func main() {
	test()
}
