package main

import "fmt"

type Str interface{ String() string }

type N int

func (n N) String() string { return fmt.Sprint("N", int(n)) }

func main() {
	m := map[N]N{1: 10}
	var k interface{}
	var v Str
	for k, v = range m {
	}
	fmt.Println(k, v)
	var a, b interface{}
	for a, b = range map[string]Str{"x": N(3)} {
	}
	fmt.Println(a, b)
	idx := map[int]interface{}{}
	for idx[1] = range map[string]int{"z": 1} {
	}
	fmt.Println(idx[1])
}
