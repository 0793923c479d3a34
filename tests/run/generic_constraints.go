package main

type Stringer interface{ String() string }

type MyInt int

func (m MyInt) String() string { return "MyInt" }

type Ptr struct{ n int }

func (p *Ptr) String() string { return "Ptr" }
func (p *Ptr) Inc()           { p.n++ }

func Show[T Stringer](xs []T) string {
	s := ""
	for _, x := range xs {
		s += x.String() + ";"
	}
	return s
}

type Incer[T any] interface {
	*T
	Inc()
}

func IncAll[T any, PT Incer[T]](xs []T) {
	for i := range xs {
		PT(&xs[i]).Inc()
	}
}

func Apply[T any](x T, fs []func(T) T) T {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

func Twice[T any](f func(T) T) func(T) T {
	return func(x T) T { return f(f(x)) }
}

type Num interface{ ~int | ~uint8 | ~float32 }

func Div[T Num](a, b T) T { return a / b }

func Inner[T any](x T) T { return x }
func Outer[T any](x T) T { return Inner(Inner[T](x)) }

type Tree[T any] struct {
	left, right *Tree[T]
	val         T
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.left.Walk(f)
	f(t.val)
	t.right.Walk(f)
}

func Insert[T int | string](t *Tree[T], v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{val: v}
	}
	if v < t.val {
		t.left = Insert(t.left, v)
	} else {
		t.right = Insert(t.right, v)
	}
	return t
}

func Boom[T any](x T) T {
	var a []T
	return a[3]
}

func main() {
	println(Show([]MyInt{1, 2}))
	println(Show([]*Ptr{&Ptr{}, &Ptr{}}))
	ps := []Ptr{{1}, {2}}
	IncAll(ps)
	println(ps[0].n, ps[1].n)
	println(Apply(3, []func(int) int{func(x int) int { return x * 2 }, func(x int) int { return x + 1 }}))
	println(Twice(func(s string) string { return s + "!" })("hi"))
	println(Div(7, 2), Div[uint8](255, 2), Div[float32](1, 4))
	println(Outer("o"))
	var t *Tree[int]
	for _, v := range []int{5, 3, 8, 1} {
		t = Insert(t, v)
	}
	t.Walk(func(v int) { print(v, " ") })
	println()
	var u uint8 = 250
	println(Apply(u, []func(uint8) uint8{func(x uint8) uint8 { return x + 10 }}))
	println(Boom(1.5))
}
