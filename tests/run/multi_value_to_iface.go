// A multi-value expression (comma-ok assertion, map index, call) assigned
// to interface-typed variables converts each value, locally and at
// package level.
package main

import "fmt"

func two() (int, string) { return 1, "x" }

var c = b
var a, b any = any(nil).(bool)
var g1, g2 fmt.Stringer

func main() {
	var x any = 3
	var p, q any = x.(int)
	var r, s any = two()
	m := map[string]int{"k": 5}
	var e, f any = m["k"]
	fmt.Println(p, q, r, s, e, f)
	fmt.Println(a, b, c, g1, g2)
	var u, v any
	u, v = x.(string)
	fmt.Println(u, v)
}
