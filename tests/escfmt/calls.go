// Calls, methods, method values and expressions, variadic calls.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

var sink interface{}

type T struct{ n int }

func (t T) Val() int          { return t.n }
func (t *T) Ptr() int         { return t.n }
func (t *T) Str(x int) string { return fmt.Sprint(x) }
func (t T) Many(xs ...int) int {
	return len(xs)
}

type E struct {
	T
	name string
}

type PE struct {
	*T
}

type I interface {
	Val() int
}

type Fn func(int) int

func vf(a int, xs ...interface{}) int { return a + len(xs) }
func pair() (int, string)            { return 1, "" }
func one() int                       { return 1 }
func two(a int, b string) int        { return a }

func calls(t T, p *T, e E, pe PE, i I, f func() int, g Fn, b *bytes.Buffer, s string) {
	sink = t.Val()
	sink = p.Val()
	sink = t.Ptr()
	sink = p.Ptr()
	sink = p.Str(1)
	sink = e.Val()
	sink = e.Ptr()
	sink = e.T.Val()
	sink = pe.Val()
	sink = pe.Ptr()
	sink = i.Val()
	sink = f()
	sink = g(2)
	sink = func() int { return 1 }()
	sink = vf(1)
	sink = vf(1, 2)
	sink = vf(1, 2, s)
	sink = vf(1, []interface{}{2}...)
	sink = t.Many()
	sink = t.Many(1, 2)
	sink = T.Val(t)
	sink = (*T).Ptr(p)
	sink = b.Len()
	sink = b.String()
	sink = strings.Repeat(s, 2)
	sink = fmt.Sprint()
	sink = fmt.Sprint(s)
	sink = fmt.Sprintf("%d %s", 1, s)
	sink = fmt.Sprintf(s)
	sink = two(pair())
	sink = one() + one()
	sink = len(s)
	sink = cap([]int{})
	sink = append([]int{}, 1)
	sink = append([]byte(nil), s...)
	sink = copy([]byte{}, s)
	sink = complex(1.5, float64(len(s)))
	sink = real(complex(float64(len(s)), 1))
	sink = recover()
	fmt.Println(t, p, e, i)
	fmt.Println()
	fmt.Printf("%v\n", t)
	println(s)
	defer fmt.Println(s)
	go fmt.Println(t)
}

func values(t T, p *T, e E, pe PE, i I) {
	sink = t.Val
	sink = t.Ptr
	sink = p.Val
	sink = p.Ptr
	sink = e.Val
	sink = e.Ptr
	sink = pe.Val
	sink = i.Val
	sink = T.Val
	sink = (*T).Ptr
	sink = (*T).Val
	sink = E.Val
	sink = (*E).Ptr
	sink = I.Val
	sink = fmt.Println
	sink = calls
	sink = strings.ToUpper
}

func main() {
	calls(T{}, nil, E{}, PE{}, nil, nil, nil, nil, "")
	values(T{}, nil, E{}, PE{}, nil)
}
