package main

type T struct{ a int }

func two() (int, string) { return 1, "a" }

func main() {
	var s string = 5
	var i int = "x"
	var f float32 = 1e100
	var b byte = 300
	var u uint = -1
	var n int = 1.5
	a, b2 := two(), 1
	c := two()
	var t T
	t.b = 1
	_, _, _, _, _, _, _, _, _, _ = s, i, f, b, u, n, a, b2, c, t
}
