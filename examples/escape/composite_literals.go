// Composite literals: &T{} and slice and map literals allocate; struct
// and array literals are values.
package main

type Point struct{ X, Y int }

var pts []*Point

func newPoint() *Point {
	return &Point{1, 2}
}

func stackPoint() int {
	p := &Point{3, 4}
	return p.X + p.Y
}

func slices() int {
	s := []int{1, 2, 3}
	m := map[string]int{"a": 1}
	a := [3]int{1, 2, 3}
	return s[0] + m["a"] + a[1]
}

func kept() {
	pts = []*Point{{1, 1}, {2, 2}}
}

func main() {
	_ = newPoint()
	_ = stackPoint()
	_ = slices()
	kept()
}
