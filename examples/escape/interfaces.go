// Conversions to interfaces box non-pointer values (an allocation); a
// call through an interface is unknown code, so its receiver escapes,
// unless the compiler can see the concrete type (devirtualization).
package main

type Shape interface{ Area() int }

type Rect struct{ w, h int }

func (r Rect) Area() int { return r.w * r.h }

type Circle struct{ r int }

func (c *Circle) Area() int { return 3 * c.r * c.r }

var sink interface{}

func boxed(n int) {
	sink = n
}

func notEscaping(s Shape) int {
	return s.Area()
}

func devirtualized() int {
	var s Shape = &Circle{2}
	return s.Area()
}

func unknown(shapes []Shape) int {
	total := 0
	for _, s := range shapes {
		total += s.Area()
	}
	return total
}

func main() {
	boxed(1)
	_ = notEscaping(Rect{2, 3})
	_ = devirtualized()
	_ = unknown([]Shape{Rect{1, 1}, &Circle{1}})
}
