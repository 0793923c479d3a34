package main

func g[T any]() {
	f := func() {
		type W int
		var w W
		_ = w
	}
	f()
	{
		type X int
	}
	var (
		a int
	)
	_ = a
	type (
		Y int
		Z int
	)
}

type S[T any] struct{}

func (S[T]) m() {
	type U []T
}

func (s *S[_]) n() {
	type U int
}

func main() {
	g[int]()
}
