package main

func As[T any](x any) (T, bool) {
	t, ok := x.(T)
	return t, ok
}

func Must[T any](x any) T { return x.(T) }

type pair struct{ a, b int }

func two() (int8, string) { return -3, "s" }

func main() {
	println(As[int](3))
	println(As[int]("x"))
	println(As[string]("x"))
	p, ok := As[pair](pair{4, 5})
	println(p.b, ok)
	println(two())
	println(Must[float64](2.5))
	println(Must[int](2.5))
}
