package main

import "fmt"

func Show[T any](x T) {
	fmt.Println(x, "!")

}

func Must[T any](x T, ok bool) T {
	if !ok {
		panic(x)
	}
	return x
}

func main() {
	Show(3)
	Show("s")
	Show(2.5)
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		Must("boom", false)
	}()
	Must(1, true)
	Must(7, false)
}
