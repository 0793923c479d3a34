// Generic functions and types.
package main

import "fmt"

var sink interface{}

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }
func (b Box[T]) Val() T  { return b.v }

type Pair[K comparable, V any] struct {
	k K
	v V
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Ident[T any](x T) T { return x }

func Show[T fmt.Stringer](x T) string { return x.String() }

type S struct{}

func (S) String() string { return "s" }

func use(n int, s string) {
	b := &Box[int]{v: n}
	sink = b
	sink = Box[string]{v: s}
	sink = &Pair[string, int]{k: s, v: n}
	sink = []Box[int]{}
	sink = b.Get()
	sink = b.Val()
	sink = Ident(n)
	sink = Ident[string](s)
	sink = Map([]int{n}, func(x int) string { return fmt.Sprint(x) })
	sink = Show(S{})
	sink = new(Box[*int])
	sink = make(map[string]Box[int])
}

func main() {
	use(1, "")
}
