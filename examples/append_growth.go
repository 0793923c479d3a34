// growslice: the capacity sequence of appending ints one at a time (double
// until 256, then grow by (cap + 3*256)/4, rounded up to a size class), and
// appending several elements at once.
package main

import "fmt"

func main() {
	var s []int
	last := -1
	for i := 0; i <= 4098; i++ {
		s = append(s, i)
		if cap(s) != last {
			last = cap(s)
			fmt.Print(last, " ")
		}
	}
	fmt.Println()

	a := append([]int{1, 2}, 3, 4, 5)
	fmt.Println(a, len(a), cap(a))

	b := append([]byte("ab"), "cdefghij"...)
	fmt.Println(string(b), len(b), cap(b))

	var strs []string
	for i := 0; i < 10; i++ {
		strs = append(strs, "x")
		fmt.Print(cap(strs), " ")
	}
	fmt.Println()
}
