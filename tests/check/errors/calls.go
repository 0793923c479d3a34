package main

func f(a int, b string) int { return a }
func g(xs ...int)          {}

func main() {
	f(1)
	f(1, "a", 2)
	f("a", 1)
	g(1, 2, "x")
	s := []string{"a"}
	g(s...)
	var x int
	x()
	f(1, "b")
}
