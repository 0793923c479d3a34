package main

type T struct {
	a T
}

type U [2]U

var a = b
var b = a

func main() {}
