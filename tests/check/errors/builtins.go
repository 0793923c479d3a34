// Builtin calls: argument counts, operand kinds, results that must be
// used, constant results (types2's builtins.go).

package main

import "unsafe"

type T struct {
	a int8
	b int64
	c [3]int16
}

type E struct{ f int32 }

type P struct {
	x int
	*E
}

var (
	s  []int
	b  []byte
	m  map[string]int
	c  chan int
	rc <-chan int
	sc chan<- int
	a  [4]int
	pa *[5]int
	t  T
	n  int
	f  float32
	g  float64
	z  complex64
	up unsafe.Pointer
	pp P
)

// Constant results.
const (
	c1 = len("héllo")
	c2 = len([3]int{})
	c3 = cap(a)
	c4 = len(pa)
	c5 = unsafe.Sizeof(t)
	c6 = unsafe.Alignof(t.c)
	c7 = unsafe.Offsetof(t.c)
	c8 = real(complex(1, 2))
	c9 = imag(3)
)

// Not constant.
const (
	d1 = len(s)
	d2 = len(<-c)
	d3 = cap([3]int{n})
)

var _ [c1 + c2 + c3 + c4 + c5 + c6 + c7]int

func counts() {
	_ = len()
	_ = len(s, s)
	_ = make([]int)
	_ = make([]int, 1, 2, 3)
	_ = make(map[int]int, 1, 2)
	_ = make()
	_ = new(int, int)
	_ = copy(s)
	delete(m)
	_ = recover(1)
	panic()
	_ = append()
	_ = complex(1)
	_ = unsafe.Sizeof()
	_ = unsafe.Slice(&n)
}

func kinds() {
	_ = len(n)
	_ = cap(m)
	_ = cap("abc")
	_ = len(nil)
	_ = len(&s)
	_ = append(nil, 1)
	_ = append(n, 1)
	_ = append(s, "a")
	_ = append(s, s)
	_ = append(b, "abc"...)
	_ = append(s, s...)
	_ = append(s, 1, 2, 3)
	close(rc)
	close(n)
	close(sc)
	_ = copy(n, s)
	_ = copy(s, []string{})
	_ = copy(b, "abc")
	delete(s, 1)
	delete(m, 1)
	_ = make(int)
	_ = make([]int, -1)
	_ = make([]int, 10, 5)
	_ = make([]int, g)
	_ = make([]int, "a")
	_ = make(chan int, -2)
	_ = make(n)
	_ = new(n)
	_ = complex(f, g)
	_ = complex(n, n)
	_ = complex(f, 1)
	_ = real(n)
	_ = real("a")
	_ = imag(z)
	print(nil)
	println(1, "a", 2.5, s, m)
	_ = len(s...)
}

func unused() {
	len("a")
	append(s, 1)
	complex(1, 2)
	new(int)
	make([]int, 1)
	cap(s)
	unsafe.Sizeof(n)
	len
	close(c)
	copy(s, s)
	panic(1)
	print()
}

func novalue() {
	_ = close(c)
	_ = panic(1)
	_ = print(1)
	_ = delete(m, "a")
}

func unsafes() {
	_ = unsafe.Sizeof(nil)
	_ = unsafe.Offsetof(n)
	_ = unsafe.Offsetof(t.d)
	_ = unsafe.Offsetof(pp.f)
	_ = unsafe.Offsetof((t.a))
	_ = unsafe.Add(up, 1)
	_ = unsafe.Add(up, -1)
	_ = unsafe.Add(n, 1)
	_ = unsafe.Add(up, 1.5)
	_ = unsafe.Add(up, "a")
	_ = unsafe.Slice(&n, 3)
	_ = unsafe.Slice(&n, -3)
	_ = unsafe.Slice(n, 3)
	_ = unsafe.Slice(&n, f)
}

func main() {}
