// Generic functions are analysed once per shape instantiation (gc 1.19
// stencils them): T = int and T = string give two copies of Ptr, each
// reporting its own "moved to heap"; a pointer-typed argument shares one
// shape with every other pointer type.
package main

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Ptr[T any](v T) *T { return &v }

func main() {
	ys := Map([]int{1, 2}, func(i int) string { return "x" })
	_ = ys
	p := Ptr(3)
	_ = p
	b := &Box[int]{1}
	_ = b.Get()
	q := Ptr("s")
	_ = q
}
