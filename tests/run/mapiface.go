package main

import "fmt"

type K struct {
	A string
	B int
}

func main() {
	m := map[interface{}]string{}
	m[1] = "int"
	m["s"] = "string"
	m[K{"a", 1}] = "struct"
	m[2.5] = "float"
	var e error
	m[e] = "nil"
	fmt.Println(len(m), m[1], m["s"], m[K{"a", 1}], m[2.5], m[nil], m[int8(1)] == "")
	v, ok := m[K{"a", 2}]
	fmt.Println(v == "", ok)
	delete(m, 1)
	fmt.Println(len(m))
	try(func() { _ = m[[]int{1, 2}] })
	try(func() { m[[]int{1}] = "x" })
	try(func() { delete(m, []int{1}) })
	var nilm map[interface{}]int
	try(func() { _ = nilm[[]int{1}] })
	try(func() { nilm[1] = 1 })
	fmt.Println(len(m))
}

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}
