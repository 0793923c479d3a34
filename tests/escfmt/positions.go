// Where gc places implicit conversions to interfaces.
package main

import "fmt"

var sink interface{}

type T struct{ a, b int }
type I interface{}

func f1(x interface{})                    {}
func f2(a int, x interface{})             {}
func f3(x, y interface{})                 {}
func fv(a int, xs ...interface{})         {}
func ret(x int) interface{}               { return x }
func ret2(x int, s string) (I, I)         { return x, s }
func ret3(x int) (interface{}, error)     { return x, nil }
func retn(x T) (r interface{})            { r = x; return }
func retc(x int) interface{}              { return x + 1 }
func retp(p *T) interface{}               { return *p }
func get() (int, string)                  { return 1, "" }

func sites(x, y int, s string, t T, p *T, m map[interface{}]int, c chan interface{}, arr []interface{}) {
	f1(x)
	f1(x + y)
	f1(t)
	f1(*p)
	f1(p.a)
	f2(1, x)
	f2(y, x)
	f2(len(s), x)
	f3(x, y)
	f3(1, x)
	f3(t.a, t.b)
	fv(1, x, y)
	fv(x, s, 2, t)
	fv(1, *p, x)
	var v interface{} = x
	var w, z interface{} = y, t
	sink = x
	sink = t.b
	v = s
	w, z = z, t
	sink, v = x, y
	m[x] = 1
	m[t]++
	_ = m[s]
	delete(m, y)
	c <- x
	c <- t
	arr = append(arr, x, y)
	arr = append(arr, t)
	arr[0] = x
	_ = []interface{}{x, y, t}
	_ = map[interface{}]interface{}{x: y, s: t}
	_ = map[string]interface{}{"a": x}
	_ = [2]interface{}{1: x, 0: y}
	_ = struct{ a, b interface{} }{x, y}
	_ = struct{ a, b interface{} }{b: x}
	_ = [][]interface{}{{x}, {y, t}}
	select {
	case c <- s:
	default:
	}
	go f1(x)
	defer f2(1, t)
	func() {
		f1(y)
	}()
	if x > 0 {
		panic(x)
	}
	if y > 0 {
		panic(fmt.Sprint(x))
	}
	if y > 1 {
		panic(t)
	}
	a, b := get()
	f3(a, b)
	var q I = t
	sink = q
	sink = v
	sink = w
	sink = z
	var e error
	sink = e
	n := 0
	for i := range arr {
		n += i
		f1(i)
	}
	sink = n
	sink = ret(x)
	sink = retc(x)
	sink = retn(t)
	sink = retp(p)
	_, _ = ret2(x, s)
	_, _ = ret3(x)
	sink = interface{}(x) == interface{}(y)
	sink = v == x
}

func main() {
	sites(1, 2, "", T{}, nil, nil, nil, nil)
}
