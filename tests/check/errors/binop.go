package main

func main() {
	var s string
	var i int
	var f float64
	_ = s + 1
	_ = i + f
	_ = i / 0
	_ = 1 << -1
	_ = f % 2
	_ = !i
	_ = s < i
	var m map[string]int
	var sl []int
	_ = m == m
	_ = sl == sl
	_ = &1
}
