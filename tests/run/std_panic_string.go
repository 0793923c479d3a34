package main

import (
	"fmt"
	"strings"
)

func main() {
	defer func() {
		r := recover()
		s, ok := r.(string)
		fmt.Printf("%T %q %v\n", r, s, ok)
	}()
	n := -1
	fmt.Println(strings.Repeat("x", n))
}
