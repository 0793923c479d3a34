package main

import "fmt"

type Point struct {
	X, Y int
}

func main() {
	fmt.Println(map[string]int(nil))
	fmt.Printf("%#v\n", map[string]int(nil))
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(m, len(m))
	fmt.Printf("%v %#v\n", map[int]bool{3: true, 1: false, 2: true}, map[string]int{"z": 26, "y": 25})
	fmt.Printf("%v %v\n", map[Point]string{{2, 1}: "b", {1, 2}: "a"}, map[interface{}]int{"a": 1, 2: 2, 1.5: 3})
	fmt.Printf("%T %+v\n", m, map[string]Point{"o": {0, 0}})
}
