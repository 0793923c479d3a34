package main

type T struct {
	a [3]int
	s string
	p *T
}

var big = [1 << 20]int{5: 7, 1<<20 - 1: 9}

func main() {
	var a [20 << 20]byte
	a[5] = 1
	b := [20 << 20]byte{3: 4}
	println(a[5], b[3], len(a), big[5], big[1<<20-1])
	t := &T{a: [3]int{1, 2, 3}, s: "x", p: &T{s: "inner"}}
	println(t.a[2], t.s, t.p.s)
	ts := []*T{{s: "e"}, {a: [3]int{0, 9}}}
	println(ts[0].s, ts[1].a[1])
}
