// defer: at the top level of a function the deferred call's closure and
// arguments live in the frame; in a loop the defer record is heap
// allocated, and what it holds escapes.
package main

func release(p *int) { *p = 0 }

func topLevel() {
	x := 1
	defer release(&x)
	defer func() { x++ }()
}

func inLoop() {
	for i := 0; i < 3; i++ {
		y := i
		defer release(&y)
		defer func() { println(i) }()
	}
}

func main() {
	topLevel()
	inLoop()
}
