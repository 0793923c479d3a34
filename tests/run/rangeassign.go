package main

func main() {
	var a [3]int
	q := 0
	for a[func() int { q++; return q - 1 }()] = range [3]int{} {
	}
	println(q, a[0], a[1], a[2])
	var k, v int
	for k, v = range []int{7, 8, 9} {
	}
	println(k, v)
}
