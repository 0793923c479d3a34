package main

import "fmt"

func two() (int, string) { return 1, "a" }

func main() {
	m := map[string]int{"a": 1}
	var v interface{}
	var ok interface{}
	v, ok = m["a"]
	fmt.Println(v, ok)
	var x, y interface{}
	x, y = two()
	fmt.Println(x, y)
}
