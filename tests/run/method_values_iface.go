package main

import "fmt"

type T struct{ a, b int }

func (t T) Sum(x int) int { return t.a + t.b + x }
func (t *T) Inc(x int)    { t.a += x }

type W struct {
	*T
	name string
}

type N int

func (n N) Twice() N { return 2 * n }

func apply(f func(int) int, x int) int { return f(x) }

func main() {
	t := T{1, 2}
	f := t.Sum
	t.a = 100
	fmt.Println(f(3), t.Sum(3))
	g := t.Inc
	g(5)
	g(5)
	fmt.Println(t.a)
	w := W{&T{1, 1}, "w"}
	h := w.Sum
	i := w.Inc
	i(10)
	fmt.Println(h(0), w.Sum(0), apply(w.Sum, 1))
	n := N(21)
	tw := n.Twice
	n = 1
	fmt.Println(tw(), n.Twice())
	fs := []func(int) int{t.Sum, w.Sum}
	for _, f := range fs {
		fmt.Println(f(1))
	}
}
