package main

import "fmt"

type Shape interface {
	Area() float64
}

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T       { return b.v }
func (b *Box[T]) Set(v T)     { b.v = v }
func (b Box[T]) String() string { return fmt.Sprint("Box(", b.v, ")") }

type Getter[T any] interface{ Get() T }

func Total[S Shape](xs []S) float64 {
	t := 0.0
	for _, x := range xs {
		t += x.Area()
	}
	return t
}

func Describe[T any](x T) string {
	var a any = x
	switch v := a.(type) {
	case int:
		return fmt.Sprint("int ", v)
	case string:
		return "string " + v
	case fmt.Stringer:
		return "stringer " + v.String()
	}
	return "other"
}

func ToAny[T any](xs []T) []any {
	r := make([]any, 0, len(xs))
	for _, x := range xs {
		r = append(r, x)
	}
	return r
}

func Use[T any](g Getter[T]) T { return g.Get() }

func Keys[K comparable, V any](m map[K]V) int {
	n := 0
	for range m {
		n++
	}
	return n
}

func main() {
	fmt.Println(Total([]Sq{{1}, {2}}))
	fmt.Println(Total([]Shape{Sq{3}}))
	fmt.Println(Describe(4), Describe("s"), Describe(Box[int]{5}), Describe(1.5))
	fmt.Println(ToAny([]int{1, 2})...)
	b := &Box[string]{}
	b.Set("hi")
	fmt.Println(Use[string](b), Use[string](Box[string]{"v"}))
	var g Getter[int] = Box[int]{9}
	fmt.Println(g.Get(), g)
	fmt.Println(Keys(map[string]int{"a": 1, "b": 2}))
	fmt.Printf("%T %v\n", b, *b)
}
