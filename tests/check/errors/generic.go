package main

type Number interface {
	~int | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U { return nil }

func main() {
	_ = Sum([]string{"a"})
	_ = Sum[int, int](nil)
	var n Number
	_ = n
	_ = Map([]int{1}, 1)
	_ = Sum
}
