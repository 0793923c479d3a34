package main

type T int
type T string

var x = 1
var x = 2

func f() {}
func f() {}

type S struct {
	a int
	a string
}

func (S) m() {}
func (S) m() {}

var init = 1

func main() {
	var q int
	var q string
	_ = q
}
