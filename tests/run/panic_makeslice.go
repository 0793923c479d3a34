package main

func main() {
	n := -1
	s := make([]int, 0, 3)
	println(len(s), cap(s))
	s = make([]int, n)
}
