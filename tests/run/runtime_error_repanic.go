package main

import "fmt"

var s = []int{1, 2, 3}
var i = 7

func f() {
	defer func() {
		r := recover()
		fmt.Printf("%T %v\n", r, r)
		panic(r)
	}()
	fmt.Println(s[i])
}

func main() {
	f()
}
