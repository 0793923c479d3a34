// Arrays are values: assignment, passing and ranging copy every element.
package main

import "fmt"

func double(a [4]int) [4]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func doubleInPlace(a *[4]int) {
	for i := range a {
		a[i] *= 2
	}
}

func main() {
	a := [4]int{1, 2, 3, 4}
	b := a
	b[0] = 100
	fmt.Println(a, b)

	c := double(a)
	fmt.Println(a, c)

	doubleInPlace(&a)
	fmt.Println(a)

	for i, v := range a {
		a[3] = 0 // the range expression was copied: v still sees 32
		fmt.Println(i, v)
	}
	fmt.Println(a == [4]int{2, 4, 6, 0}, len(a))

	grid := [2][3]string{{"a", "b", "c"}, {"d", "e", "f"}}
	row := grid[1]
	row[0] = "X"
	fmt.Println(grid, row)
}
