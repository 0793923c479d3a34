// Zero-size values: struct{} literals as arguments, globals, array and
// map elements, results and interface values; their elements' effects run.
package main

import "fmt"

type S struct{}

type T struct {
	a [0]int
	s S
}

func (S) m() string { return "m" }

var g = S{}
var gt = T{s: S{}}
var ga = [2]S{{}, {}}
var n int

func side() S { n++; return S{} }

func f(s S, x int) int { return x + 1 }

func g2(t T) T { return t }

type Fn interface{ Apply(S) any }

type mn struct{}

func (m mn) Apply(_ S) any { return S{} }

func iface() {
	var f Fn = mn{}
	r := f.Apply(S{})
	fmt.Println(r == nil, r, r == S{})
}

func main() {
	iface()
	fmt.Println(f(S{}, 3), g, gt, ga, len(ga))
	var p = &S{}
	q := *p
	arr := [3]S{side(), side(), 2: side()}
	fmt.Println(q, arr, n, g2(T{}), S{}.m())
	m := map[S]int{{}: 1}
	m[S{}]++
	fmt.Println(m, T{s: side()}, n)
	var i interface{} = S{}
	fmt.Println(i == S{}, i)
	ss := []S{{}, {}, side()}
	ss = append(ss, S{})
	fmt.Println(len(ss), ss[3], n)
}
