// Method values: t.M allocates a closure holding the receiver; it
// escapes when the function value does.
package main

type T struct{ n int }

func (t *T) Get() int { return t.n }
func (t T) Val() int   { return t.n }

var keep func() int

func local() int {
	t := &T{1}
	f := t.Get
	return f()
}

func stored() {
	t := &T{2}
	keep = t.Get
}

func value() {
	var t T
	keep = t.Val
}

func main() {
	_ = local()
	stored()
	value()
}
