package main

import "fmt"

type T struct{ x int }

func (t T) M() {}

func main() {
	_ = y
	fmt.Foo()
	var t T
	t.N()
	t.X = 2
	undefinedFunc(1)
	var p *T
	p.m()
}
