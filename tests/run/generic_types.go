package main

type Vec[T any] []T

func (v Vec[T]) Len() int { return len(v) }
func (v *Vec[T]) Add(x T)  { *v = append(*v, x) }
func (v Vec[T]) Last() T   { return v[len(v)-1] }

type Point[T int | float64] struct{ X, Y T }

func (p Point[T]) Add(q Point[T]) Point[T] { return Point[T]{p.X + q.X, p.Y + q.Y} }
func (p *Point[T]) Scale(k T)             { p.X *= k; p.Y *= k }

type Arr[T any] [3]T

func First[T any](a Arr[T]) T { return a[0] }

func Counter[T int | float64](step T) func() T {
	var n T
	return func() T {
		n += step
		return n
	}
}

func Reverse[T any](s []T) []T {
	r := make([]T, len(s))
	for i, x := range s {
		r[len(s)-1-i] = x
	}
	return r
}

func Wrap[T any](x T) []T     { return []T{x} }
func Deep[T any](x T) [][]T   { return Wrap(Wrap(x)) }
func Index[T comparable](s []T, x T) int {
	for i, y := range s {
		if y == x {
			return i
		}
	}
	return -1
}

func Fact[T int | int64 | uint8](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

type key struct {
	a int
	b string
}

type Stack[T any] struct {
	items []T
}

func NewStack[T any]() *Stack[T] { return &Stack[T]{} }
func (s *Stack[T]) Push(x T)     { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

func Filter[T any](s []T, keep func(T) bool) []T {
	var r []T
	for _, x := range s {
		if keep(x) {
			r = append(r, x)
		}
	}
	return r
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range s {
		acc = f(acc, x)
	}
	return acc
}

func Swap[T any](a, b *T) { *a, *b = *b, *a }

func Min[T ~int8 | ~uint16 | ~float32 | ~string](a, b T) T {
	if a < b {
		return a
	}
	return b
}

type Celsius float32

func main() {
	var v Vec[string]
	v.Add("a")
	v.Add("b")
	println(v.Len(), v.Last())
	p := Point[int]{1, 2}.Add(Point[int]{3, 4})
	p.Scale(10)
	println(p.X, p.Y)
	pf := Point[float64]{0.5, 1}
	pf.Scale(3)
	println(pf.X, pf.Y)
	println(First(Arr[string]{"x", "y", "z"}))
	c := Counter(3)
	c()
	println(c(), c())
	cf := Counter(0.5)
	println(cf(), cf())
	r := Reverse([]int{1, 2, 3})
	println(r[0], r[1], r[2])
	d := Deep(7)
	println(len(d), d[0][0])
	println(Index([]uint16{4, 5}, 5), Index([]string{"x"}, "y"))
	println(Fact(10), Fact[int64](20), Fact[uint8](6))
	s := NewStack[float64]()
	s.Push(1.5)
	s.Push(2.5)
	x, ok := s.Pop()
	println(x, ok)
	x, ok = s.Pop()
	x, ok = s.Pop()
	println(x, ok)
	ev := Filter([]int{1, 2, 3, 4, 5, 6}, func(x int) bool { return x%2 == 0 })
	println(len(ev), ev[2])
	total := Reduce([]string{"a", "bb", "ccc"}, 0, func(n int, s string) int { return n + len(s) })
	println(total)
	a, b := "l", "r"
	Swap(&a, &b)
	println(a, b)
	println(Min[int8](-3, 4), Min[uint16](65535, 7), Min(Celsius(1.5), Celsius(-2)), Min("b", "a"))
	m := Vec[int](Reverse([]int{9, 8}))
	println(m.Last(), m.Len())
}
