// f(g()) where g returns several values: each result is converted to its
// parameter's type (interface boxing, variadic ...interface{} slices),
// for Go functions, methods, interface methods, defers, natives and
// return statements.
package main

import "fmt"

type A struct {
	K int
	S string
}

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func proxy() (x int, a A) {
	return 1, A{2, "3"}
}

func two() (string, error) { return "s", &E{"boom"} }

func consume(x int, a interface{}) {
	fmt.Println(x)
	fmt.Println(a)
}

func vari(xs ...interface{}) { fmt.Println(len(xs), xs) }

func varint(p string, xs ...int) { fmt.Println(p, xs) }

func ints() (int, int, int) { return 7, 8, 9 }

func strs() (string, int, int) { return "p", 8, 9 }

func takeErr(s string, e error) { fmt.Println(s, e) }

func takeAny(a, b interface{}) { fmt.Println(a, b) }

type T struct{ a, b int }

func (t T) m(x int, y interface{}) { fmt.Println(t.a, x, y) }

type I interface{ m(int, interface{}) }

func pair() (int, T) { return 3, T{4, 5} }

type Buffer int

func (*Buffer) Read() {}

type Reader interface{ Read() }

func h() (b *Buffer, ok bool) { return nil, true }

// return g() converts each result to the function's result type.
func i2() (r Reader, ok bool) { return h() }

func anyPair() (interface{}, interface{}) { return pair() }

func main() {
	r, ok := i2()
	fmt.Println(r != nil, ok)
	fmt.Println(anyPair())
	consume(proxy())
	vari(proxy())
	vari(ints())
	varint(strs())
	takeErr(two())
	takeAny(two())
	fmt.Println(proxy())
	fmt.Println(ints())
	defer fmt.Println(pair())
	var t T
	t.m(pair())
	var i I = t
	i.m(pair())
	defer t.m(pair())
}
