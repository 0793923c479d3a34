// Slices are {array, len, cap}: slicing shares the array; append writes
// into it while len < cap and moves to a new array when it must grow.
package main

import "fmt"

func main() {
	arr := [6]int{0, 1, 2, 3, 4, 5}
	s := arr[1:3]
	fmt.Println(s, len(s), cap(s))

	s = append(s, 100) // fits: overwrites arr[3]
	fmt.Println(arr, s)

	t := s[1:2:3] // three-index slice limits cap
	t = append(t, 200)
	fmt.Println(arr, t, cap(t))
	t = append(t, 300) // exceeds cap: new array
	t[0] = -1
	fmt.Println(arr, t, cap(t))

	var nilSlice []int
	empty := []int{}
	fmt.Println(nilSlice == nil, empty == nil, len(nilSlice), len(empty))

	dst := make([]int, 3)
	n := copy(dst, arr[2:])
	fmt.Println(n, dst)

	x := []int{1, 2, 3}
	y := x
	y[0] = 9
	fmt.Println(x, y)
}
