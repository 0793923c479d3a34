package main

import "fmt"

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func describe(prefix string, xs ...int) {
	fmt.Println(prefix, len(xs), cap(xs), xs == nil, sum(xs...))
}

func strs(sep string, ss ...string) string {
	r := ""
	for i, s := range ss {
		if i > 0 {
			r += sep
		}
		r += s
	}
	return r
}

type acc struct{ total int }

func (a *acc) add(xs ...int) *acc {
	for _, x := range xs {
		a.total += x
	}
	return a
}

func count(xs ...interface{}) int { return len(xs) }

var trace []int

func tr(i int) int {
	trace = append(trace, i)
	return i
}

func bytes8(bs ...byte) int {
	n := 0
	for _, b := range bs {
		n = n*256 + int(b)
	}
	return n
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	describe("none")
	describe("three", 4, 5, 6)
	xs := []int{7, 8, 9, 10}
	describe("spread", xs...)
	describe("nilspread", nil...)
	fmt.Println(strs(", ", "a", "b", "c"), strs("-"))
	a := &acc{}
	a.add(1, 2).add().add(xs...)
	fmt.Println(a.total)
	f := sum
	fmt.Println(f(10, 20))
	g := func(base int, ys ...int) int { return base * sum(ys...) }
	fmt.Println(g(2, 1, 1, 1))
	fmt.Println(count(), count(1, "x", nil, 2.5))
	fmt.Println(sum(tr(1), tr(2), tr(3)), len(trace), trace[0], trace[1], trace[2])
	fmt.Println(bytes8(1, 2, 3))
	// The slice built for a call is fresh each time.
	mod := func(ys ...int) []int { ys[0] = 99; return ys }
	p := mod(1, 2)
	q := mod(3, 4)
	fmt.Println(p[0], p[1], q[0], q[1])
	// A spread slice is shared, not copied.
	mod(xs...)
	fmt.Println(xs[0])
}
