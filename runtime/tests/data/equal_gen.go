// Generates equal_gc.txt: the result (or panic) of == in cases where the
// order of gc's comparisons is observable. Run with
//   /usr/lib/go-1.19/bin/go run equal_gen.go > equal_gc.txt
package main

import "fmt"

type S struct {
	a interface{}
	b int
}

type T struct {
	a interface{}
	s string
}

type U struct {
	_ int
	x float64
}

func try(name string, f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	fmt.Printf("%s: %v\n", name, f())
}

func main() {
	try("struct iface-uncomparable int-differs", func() bool {
		return S{[]int{}, 1} == S{[]int{}, 2}
	})
	try("struct iface-uncomparable int-same", func() bool {
		return S{[]int{}, 1} == S{[]int{}, 1}
	})
	try("struct iface-uncomparable strlen-differs", func() bool {
		return T{[]int{}, "a"} == T{[]int{}, "bb"}
	})
	try("struct iface-uncomparable strcontent-differs", func() bool {
		return T{[]int{}, "a"} == T{[]int{}, "b"}
	})
	try("array iface second-type-differs", func() bool {
		return [2]interface{}{[]int{}, 1} == [2]interface{}{[]int{}, "x"}
	})
	try("array iface second-value-differs", func() bool {
		return [2]interface{}{[]int{}, 1} == [2]interface{}{[]int{}, 2}
	})
	try("eface map", func() bool {
		var a, b interface{} = map[int]int{}, map[int]int{}
		return a == b
	})
	try("eface different types", func() bool {
		var a, b interface{} = []int{}, 1
		return a == b
	})
	try("blank field ignored", func() bool {
		return U{x: 1} == U{x: 1}
	})
	try("nan", func() bool {
		var z float64
		return U{x: z / z} == U{x: z / z}
	})
	try("neg zero", func() bool {
		var z float64
		return U{x: z} == U{x: -z}
	})
	try("map key unhashable", func() bool {
		m := map[interface{}]int{}
		m[[]int{}] = 1
		return true
	})
	try("map key unhashable in struct", func() bool {
		m := map[S]int{}
		m[S{a: map[int]int{}}] = 1
		return true
	})
}
