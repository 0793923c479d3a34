package main

type s[T any] struct {
	a T
}

func (x s[T]) g0()         {}
func (x s[T]) g1() T       { return x.a }
func (x s[T]) g2() (T, T)  { return x.a, x.a }
func (x *s[T]) set(v T)    { x.a = v }
func (x *s[T]) get() T     { return x.a }

type Counter struct{ n int }

func (c *Counter) Inc() int { c.n++; return c.n }
func (c Counter) Get() int  { return c.n }

type Outer struct {
	Counter
	name string
}

type Big struct {
	a, b, c int64
	s       string
}

func (b Big) Sum(k int64) (int64, string) { return b.a + b.b + b.c + k, b.s }

func genValues[T comparable](want T) {
	x := s[T]{a: want}
	f1 := x.g1
	f2 := x.g2
	x.a = *new(T)
	if f1() != want {
		panic("f1")
	}
	a, b := f2()
	if a != want || b != want {
		panic("f2")
	}
	g := (&x).set
	g(want)
	h := x.get
	if h() != want {
		panic("h")
	}
	e := s[T].g1
	if e(x) != want {
		panic("e")
	}
	ep := (*s[T]).get
	if ep(&x) != want {
		panic("ep")
	}
	println("ok", x.a == want)
}

func apply(f func() int, n int) int {
	r := 0
	for i := 0; i < n; i++ {
		r = f()
	}
	return r
}

func main() {
	genValues(7)
	genValues("seven")
	genValues(2.5)
	c := &Counter{}
	inc := c.Inc
	println(apply(inc, 5), c.n)
	get := c.Get
	c.Inc()
	println(get(), c.Get())
	o := Outer{name: "o"}
	oi := o.Inc
	oi()
	oi()
	println(o.n, o.Get())
	og := o.Get
	o.n = 50
	println(og())
	b := Big{1, 2, 3, "big"}
	bs := b.Sum
	b.a = 100
	n, str := bs(10)
	println(n, str)
	me := Big.Sum
	n, str = me(b, 0)
	println(n, str)
	pi := (*Counter).Inc
	println(pi(c))
	var fs []func() int
	for i := 0; i < 3; i++ {
		cc := &Counter{n: i * 10}
		fs = append(fs, cc.Inc)
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
}
