package main

import "fmt"

type Mer interface{ M() }
type MNer interface {
	M()
	N()
}
type T int

func (T) M() {}
func (T) N() {}

func f[X comparable](i any) {
	var x X
	switch i {
	case x:
		fmt.Println("i == zero")
	default:
		fmt.Println("i != zero")
	}
	switch x {
	case i:
		fmt.Println("zero == i")
	}
}

func main() {
	var x interface{} = "hello"
	switch x {
	case 42:
		fmt.Println("42")
	case "hello":
		fmt.Println("hello")
	}
	switch x {
	case nil:
		fmt.Println("nil")
	default:
		fmt.Println("not nil")
	}
	var m Mer = T(3)
	var mn MNer = T(3)
	switch m {
	case mn:
		fmt.Println("same")
	}
	switch T(3) {
	case m:
		fmt.Println("T in Mer")
	}
	var s []int
	switch s {
	case nil:
		fmt.Println("nil slice")
	}
	var fn func()
	switch fn {
	case nil:
		fmt.Println("nil func")
	}
	switch interface{}(nil) {
	case 0, "":
		fmt.Println("bad")
	case nil:
		fmt.Println("nil iface")
	}
	f[int](0)
	f[string]("a")
	defer func() { fmt.Println(recover()) }()
	var y interface{} = []int{1}
	var z interface{} = []int{2}
	switch y {
	case 3, z:
	}
}
