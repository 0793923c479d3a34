// Generates growslice_caps.txt: the capacities gc 1.19's growslice gives
// when appending to slices of various element sizes. Run with
//   /usr/lib/go-1.19/bin/go run growslice_gen.go > growslice_caps.txt
// Each line: "size STEP N: cap cap cap ..." — the distinct capacities seen
// while appending STEP elements at a time until the length reaches N.
package main

import "fmt"

func run[T any](size, step, n int) {
	var s []T
	var zero [128]T
	caps := []int{}
	last := -1
	for len(s) < n {
		s = append(s, zero[:step]...)
		if cap(s) != last {
			last = cap(s)
			caps = append(caps, last)
		}
	}
	fmt.Printf("size %d step %d n %d:", size, step, n)
	for _, c := range caps {
		fmt.Printf(" %d", c)
	}
	fmt.Println()
}

func all(step, n int) {
	run[[1]byte](1, step, n)
	run[[2]byte](2, step, n)
	run[[4]byte](4, step, n)
	run[[8]byte](8, step, n)
	run[[12]byte](12, step, n)
	run[[16]byte](16, step, n)
	run[[24]byte](24, step, n)
	run[[32]byte](32, step, n)
	run[[40]byte](40, step, n)
	run[[64]byte](64, step, n)
	run[[100]byte](100, step, n)
}

func main() {
	all(1, 4098)
	all(3, 4098)
	all(7, 3000)
	all(100, 20000)
	s := append([]int{1, 2}, 3, 4, 5)
	fmt.Printf("append([]int{1,2},3,4,5) len %d cap %d\n", len(s), cap(s))
}
