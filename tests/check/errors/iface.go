package main

type I interface{ M() }

type A struct{}

func (a *A) M() {}

type B struct{}

func (b B) N() {}

type C struct{}

func (c C) M(x int) {}

func main() {
	var i I
	i = A{}
	i = B{}
	i = C{}
	var e interface{} = 1
	_ = e.(int)
	_ = i.(B)
	var n int
	_ = n.(int)
	_ = i
}
