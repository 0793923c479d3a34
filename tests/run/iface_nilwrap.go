package main

import "fmt"

type I interface{ M() int }

type T struct{ a, b int }

func (t T) M() int { return t.a }

//go:noinline
func call(i I) int { return i.M() }

func main() {
	var p *T
	var i I = p
	fmt.Println(i != nil)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	call(i)
}
