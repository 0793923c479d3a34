// The seed document's second case: returning the address of a local.
// The frame of test is gone when the caller uses the pointer, so a is
// moved to the heap.
package main

func test() *int {
	a := 6
	return &a
}

func main() {
	_ = test()
}
