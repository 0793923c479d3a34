package main

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(x T) *List[T] { l.items = append(l.items, x); return l }
func (l *List[T]) Each(f func(int, T)) {
	for i, x := range l.items {
		f(i, x)
	}
}
func (l *List[T]) Clone() *List[T] {
	c := &List[T]{}
	for _, x := range l.items {
		c.Push(x)
	}
	return c
}

func Len[S ~[]E, E any](s S) int { return len(s) }
func Grow[S ~[]E, E any](s S, n int) S {
	r := make(S, len(s), len(s)+n)
	copy(r, s)
	return append(r, s[0])
}

func Convert[T, U ~int | ~float64 | ~int8](x T) U { return U(x) }

func RuneCount[T ~string](s T) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func Bytes[T ~string | ~[]byte](s T) int {
	return len(s)
}

type Ints []int
type Name string

func Sum2[T ~int | ~float64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Keys[K comparable, V any](ps []Pair[K, V]) []K {
	var ks []K
	for _, p := range ps {
		ks = append(ks, p.Key)
	}
	return ks
}

func Partial[T any, U any](x T, u U) U { return u }

func Neg[T ~int8 | ~int32 | ~float32](x T) T { return -x }
func Shift[T ~uint8 | ~uint32](x T, n int) T { return x << n >> 1 }
func Mod[T ~int | ~uint](a, b T) T          { return a % b }

func main() {
	l := &List[Pair[int, string]]{}
	l.Push(Pair[int, string]{1, "one"}).Push(Pair[int, string]{Key: 2, Val: "two"})
	c := l.Clone()
	c.Each(func(i int, p Pair[int, string]) { println(i, p.Key, p.Val) })
	println(Len(Ints{1, 2, 3}), Len([]string{}))
	g := Grow(Ints{4, 5}, 3)
	println(len(g), cap(g), g[2])
	println(Convert[float64, int](3.9), Convert[int, float64](-2), Convert[int, int8](300))
	println(RuneCount(Name("héllo")), Bytes("héllo"), Bytes([]byte{1, 2}))
	println(Sum2(Ints{1, 2}...), Sum2([]float64{1.5, 2.5}...))
	ks := Keys([]Pair[string, bool]{{"a", true}, {"b", false}})
	println(len(ks), ks[1])
	println(Partial[int](1, "u"))
	println(Neg[int8](-128), Neg(float32(2.5)), Shift[uint8](0xff, 1), Shift(uint32(1), 31))
	println(Mod(-7, 3), Mod[uint](7, 3))
}
