// A variadic call packs its extra arguments into an implicit slice, the
// "... argument", which can live on the stack unless the callee keeps it.
package main

var kept []*int

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func keep(ps ...*int) {
	kept = ps
}

func main() {
	_ = sum(1, 2, 3)
	a, b := 1, 2
	keep(&a, &b)
}
