package main

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T int | string](a, b T) T {
	if a < b {
		return b
	}
	return a
}

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(x T) { l.items = append(l.items, x) }
func (l *List[T]) Len() int  { return len(l.items) }
func (l List[T]) At(i int) T { return l.items[i] }

type Pair[K comparable, V any] struct {
	k K
	v V
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func Map[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

func Eq[T comparable](a, b T) bool { return a == b }

type MyInt int

func main() {
	println(Sum([]int{1, 2, 3}))
	println(Sum([]float64{1.5, 2.25}))
	println(Sum([]MyInt{4, 5}))
	println(Max(3, 7), Max("a", "b"))
	var l List[string]
	l.Push("x")
	l.Push("y")
	println(l.Len(), l.At(1))
	p := MakePair("k", 3.5)
	println(p.k, p.v)
	ys := Map([]int{1, 2, 3}, func(x int) string { return string(rune('a' + x)) })
	println(len(ys), ys[0], ys[2])
	println(Eq(1, 1), Eq("a", "b"))
	f := Max[int]
	println(f(10, 2))
	li := &List[int]{}
	for i := 0; i < 5; i++ {
		li.Push(i * i)
	}
	println(li.Len(), li.At(4))
}
