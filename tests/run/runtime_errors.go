package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

type T struct{ x int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %T\n", name, r)
		fmt.Println(r)
		fmt.Printf("%v|%s|%q\n", r, r, r)
		if e, ok := r.(error); ok {
			fmt.Println("error:", e.Error())
		}
		if re, ok := r.(runtime.Error); ok {
			fmt.Println("runtime.Error:", re.Error())
			re.RuntimeError()
		}
		if s, ok := r.(string); ok {
			fmt.Println("string:", s)
		}
		var e error
		if errors.As(r.(error), &e) {
			fmt.Println("as:", strings.HasPrefix(e.Error(), "runtime error"))
		}
	}()
	f()
}

var zero = 0
var np *T
var m map[string]int
var s = []int{1, 2, 3}
var ifc interface{} = 5

func main() {
	try("index", func() { _ = s[zero+5] })
	try("slice", func() { _ = s[zero+1 : zero] })
	try("div", func() { _ = 1 / zero })
	try("nil", func() { _ = np.x })
	try("map", func() { m["a"] = 1 })
	try("assert", func() { _ = ifc.(string) })
	try("assert2", func() { _ = ifc.(fmt.Stringer) })
	try("makeslice", func() { _ = make([]int, zero-1) })
	try("shift", func() { _ = 1 << (zero - 1) })
	try("conv", func() { _ = (*[5]int)(s) })
	var e1, e2 interface{}
	func() {
		defer func() { e1 = recover() }()
		_ = 1 / zero
	}()
	func() {
		defer func() { e2 = recover() }()
		_ = 2 / zero
	}()
	fmt.Println(e1 == e2)
	var errs []error
	for i := 0; i < 2; i++ {
		func() {
			defer func() { errs = append(errs, recover().(error)) }()
			_ = s[zero+9]
		}()
	}
	fmt.Println(errs[0].Error() == errs[1].Error())
}
