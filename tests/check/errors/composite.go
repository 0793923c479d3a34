package main

type P struct{ X, Y int }

func main() {
	_ = P{1}
	_ = P{1, 2, 3}
	_ = P{X: 1, Z: 2}
	_ = P{X: 1, 2}
	_ = []int{1, "a"}
	_ = [2]int{1, 2, 3}
	_ = map[string]int{"a": 1, "a": 2}
	_ = map[string]int{1}
	_ = [...]int{1, 2}
	_ = []int{0: 1, 0: 2}
}
