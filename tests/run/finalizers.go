package main

import (
	"fmt"
	"runtime"
)

type T struct {
	name string
	next *T
}

var count int

func mk(name string) *T {
	t := &T{name: name}
	runtime.SetFinalizer(t, func(t *T) { count++; fmt.Println("finalized", t.name, t.next != nil) })
	return t
}

func drop() {
	a := mk("a")
	a.next = &T{name: "inner"}
	x := mk("b")
	runtime.SetFinalizer(x, nil)
}

func dropIface() {
	var i interface{} = new([4]int)
	runtime.SetFinalizer(i, func(x interface{}) { count++; fmt.Println("iface fin", len(*x.(*[4]int))) })
}

func dropPtr() {
	p := new([4]int)
	runtime.SetFinalizer(p, func(x *[4]int) { count++; fmt.Println("ptr fin", len(*x)) })
}

// clobber overwrites the stack words the dropped frames used.
func clobber(a, b, c, d, e, f, g, h int) int { return a + b + c + d + e + f + g + h }

var keep *T

func main() {
	keep = mk("kept")
	drop()
	clobber(0, 0, 0, 0, 0, 0, 0, 0)
	for i := 0; i < 10 && count < 1; i++ {
		runtime.GC()
	}
	dropIface()
	clobber(0, 0, 0, 0, 0, 0, 0, 0)
	for i := 0; i < 10 && count < 2; i++ {
		runtime.GC()
	}
	dropPtr()
	clobber(0, 0, 0, 0, 0, 0, 0, 0)
	for i := 0; i < 10 && count < 3; i++ {
		runtime.GC()
	}
	fmt.Println("count", count, keep.name)
}
