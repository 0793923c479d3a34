// eface {_type, data} and iface {itab, data}: dynamic types, method calls
// through itabs, nil interface vs interface holding a nil pointer, type
// assertions and type switches.
package main

import (
	"fmt"
	"strconv"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "°C" }

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", v)
	case string:
		return "string of length " + strconv.Itoa(len(v))
	case Shape:
		return "shape " + v.Name()
	case fmt.Stringer:
		return "stringer " + v.String()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func find(ok bool) Shape {
	var c *Circle
	if ok {
		c = &Circle{R: 1}
	}
	return c // never a nil interface
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{2}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		fmt.Println(s.Name(), s.Area())
	}
	fmt.Println(total)

	for _, x := range []interface{}{nil, 42, int64(7), "go", Rect{1, 1}, Celsius(21.5), 3.5, []int{1}} {
		fmt.Println(describe(x))
	}

	var s Shape
	fmt.Println(s == nil, find(false) == nil, find(true) == nil)

	var e interface{} = Rect{1, 2}
	r, ok := e.(Rect)
	fmt.Println(r, ok)
	_, ok = e.(*Circle)
	fmt.Println(ok)
	fmt.Println(e == interface{}(Rect{1, 2}), e != interface{}(Rect{2, 1}))

	defer func() { fmt.Println("recovered:", recover()) }()
	_ = e.(fmt.Stringer)
}
