package main

import "fmt"

type T struct{ a, b int }

func (t T) Sum(k int) int   { return t.a + t.b + k }
func (t *T) Scale(k int)    { t.a *= k; t.b *= k }
func (t T) Pair() (int, int) { return t.a, t.b }

type U struct {
	name string
	T
}

type P struct{ *T }

type Mer interface{ M() string }

type MyMer int

func (m MyMer) M() string { return fmt.Sprint("M", int(m)) }

type W struct {
	Mer
	x int
}

func main() {
	t := T{1, 2}
	f := (*T).Sum
	fmt.Println(f(&t, 10))
	g := U.Sum
	u := U{"u", T{3, 4}}
	fmt.Println(g(u, 100))
	h := (*U).Sum
	fmt.Println(h(&u, 1000))
	s := (*U).Scale
	s(&u, 2)
	fmt.Println(u.T)
	p := P{&t}
	fmt.Println(P.Sum(p, 5))
	pr := (*U).Pair
	fmt.Println(pr(&u))
	w := W{MyMer(7), 1}
	fmt.Println(W.M(w), (*W).M(&w))
	fmt.Println(struct{ Mer }.M(struct{ Mer }{MyMer(8)}))
	fmt.Printf("%T %T\n", f, g)
	defer func() { fmt.Println(recover()) }()
	var np *T
	fmt.Println(f(np, 1))
}
