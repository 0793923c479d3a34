// Closures: a variable never reassigned after capture and at most 128
// bytes is captured by value; otherwise by reference, and then it moves
// to the heap when the closure outlives the frame.
package main

var sink func() int

func byValue() {
	x := 1
	sink = func() int { return x }
}

func byReference() {
	x := 1
	sink = func() int { x++; return x }
}

func tooBig() {
	var big [20]int
	sink = func() int { return big[0] }
}

func localOnly() int {
	y := 2
	f := func() int { return y * 2 }
	return f()
}

func calledDirectly() {
	var u int
	*(func() *int { return &u }()) = 42
}

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	byValue()
	byReference()
	tooBig()
	_ = localOnly()
	calledDirectly()
	c := counter()
	c()
}
