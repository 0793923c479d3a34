package main

import "fmt"

type P struct {
	x, y int16
	s    string
}

var g [4]P

func arr() [3]int { return [3]int{7, 8, 9} }

func main() {
	var a [5]int64
	a[0], a[4] = 1, 5
	a[2] += a[4]
	fmt.Println(a, arr()[2], [3]string{"a", "b", "c"}[1])
	g[3].s = "three"
	g[1].y = -2
	pg := &g
	pg[2].x = 9
	fmt.Println(g, pg[3].s, len(pg[0].s))
	m := [2][3]byte{}
	m[1][2] = 'z'
	fmt.Println(m, m[1][2])
	var np *[3]int
	defer func() { fmt.Println("recovered:", recover()) }()
	np[1] = 4
}
